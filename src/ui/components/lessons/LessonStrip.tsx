/**
 * A lesson's step above the story: where we are (step k of n), the step's title and text, and
 * Previous / Next. Next applies the step's change as a traced change; a step that asks for a
 * prediction hides the new values until the class has guessed.
 */
import { type JSX, Show } from 'solid-js';
import type { LessonStore } from './lesson-store.js';

export function LessonStrip(props: { readonly lessons: LessonStore; readonly name: string }): JSX.Element {
  const l = props.lessons;
  const count = () => l.lesson()?.steps.length ?? 0;
  return (
    <Show when={!l.closed() ? l.current() : undefined}>
      {(s) => (
        <nav class="lesson-strip" aria-label={`Lesson: ${props.name}`} data-lesson-step={l.step() + 1}>
          <div class="lesson-head">
            <span class="lesson-name">{props.name}</span>
            <span class="lesson-count">
              Step {l.step() + 1} of {count()}
            </span>
          </div>
          <h2 class="lesson-title" data-lesson-title>{s().title}</h2>
          <p class="lesson-text">{s().text}</p>
          <div class="lesson-actions">
            <button type="button" data-lesson-prev disabled={l.step() === 0} onClick={() => l.go(l.step() - 1)}>
              ← Previous
            </button>
            <button type="button" class="primary" data-lesson-next disabled={l.step() >= count() - 1} onClick={() => l.go(l.step() + 1)}>
              Next step →
            </button>
            <button type="button" data-lesson-close onClick={() => l.close()}>
              Close the lesson
            </button>
          </div>
        </nav>
      )}
    </Show>
  );
}
