/**
 * Presentation mode for a room: while it is on, the story view (StoryView) covers the graph
 * and the side panels — "Show the graph" uncovers them, "Story" brings it back — with the open
 * lesson's step above it and predict-then-reveal in it. While the class predicts, the page's
 * headline hides its numbers too (html[data-predicting]).
 */
import { createEffect, createSignal, type JSX, lazy, onCleanup, Show, Suspense } from 'solid-js';
import type { ScenarioStore } from '../../store/scenario-store.js';
import type { WorkbookSession } from '../../store/workbook-session.js';
import { createLessonStore } from '../lessons/lesson-store.js';
import { stepKnob } from '../lessons/lesson-steps.js';
import { LessonStrip } from '../lessons/LessonStrip.jsx';
import { createPredictStore } from '../predict/predict-store.js';
// The story view loads when presentation mode is first turned on (its own chunk): the first page does not carry it.
const StoryView = lazy(() => import('./StoryView.jsx').then((m) => ({ default: m.StoryView })));

interface PresentationHostProps {
  readonly store: ScenarioStore;
  readonly session: Pick<WorkbookSession, 'workbook'>;
}

export function PresentationHost(props: PresentationHostProps): JSX.Element {
  const view = props.store.view;
  const predict = createPredictStore(() => props.store.built().graph);
  const [story, setStory] = createSignal(true);
  // A lesson that starts shows its story, even when the graph was uncovered.
  const present = (on: boolean) => {
    view.setPresentation(on);
    if (on) setStory(true);
  };
  const lessons = createLessonStore({ session: props.session, store: props.store, predict, setPresentation: present });
  // Leaving presentation mode ends a prediction; coming back shows the story again.
  createEffect(() => {
    if (view.presentation()) return;
    predict.stop();
    setStory(true);
  });
  createEffect(() => {
    const root = document.documentElement;
    if (predict.phase() === 'hidden') root.setAttribute('data-predicting', '');
    else root.removeAttribute('data-predicting');
  });
  onCleanup(() => document.documentElement.removeAttribute('data-predicting'));
  const name = () => props.session.workbook()?.name ?? 'Lesson';
  return (
    <Show when={view.presentation()}>
      <Show
        when={story()}
        fallback={
          <button type="button" class="story-return" data-story-return onClick={() => setStory(true)}>
            Story
          </button>
        }
      >
        <Suspense fallback={<div class="story-view story-loading" role="status">Loading the story view…</div>}>
          <StoryView
            store={props.store}
            predict={predict}
            knob={() => stepKnob(lessons.current())}
            header={<LessonStrip lessons={lessons} name={name()} />}
            onShowGraph={() => setStory(false)}
          />
        </Suspense>
      </Show>
    </Show>
  );
}
