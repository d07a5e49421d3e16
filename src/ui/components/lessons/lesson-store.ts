/**
 * The lesson being taught: the open workbook's steps, the step shown, and moving between
 * steps. A lesson opened from the examples starts in presentation mode at its first step.
 * Moving to the next step applies that step's change as an ordinary traced change (a picker
 * switch, an edit); a step that asks for a prediction hides the new values first. Going back
 * or jumping opens the description of the step it lands on.
 */
import { type Accessor, batch, createEffect, createSignal, on, untrack } from 'solid-js';
import { overrideValue } from '../../../scenario/index.js';
import type { Lesson, LessonStep } from '../../../scenario/workbook.js';
import { fromScenario, type ScenarioDesc } from '../../store/scenario-desc.js';
import type { ScenarioStore } from '../../store/scenario-store.js';
import type { WorkbookSession } from '../../store/workbook-session.js';
import type { PredictStore } from '../predict/predict-store.js';
import { lessonDesc, stepChange } from './lesson-steps.js';

export interface LessonStore {
  readonly lesson: Accessor<Lesson | undefined>;
  /** The step shown (0-based). */
  readonly step: Accessor<number>;
  readonly current: Accessor<LessonStep | undefined>;
  /** Starts the lesson at its first step, in presentation mode. */
  start(): void;
  /** Goes to step `k` (0-based). */
  go(k: number): void;
  /** The lesson panel is closed (the lesson's workbook stays open). */
  readonly closed: Accessor<boolean>;
  close(): void;
}

interface LessonOptions {
  readonly session: Pick<WorkbookSession, 'workbook'>;
  readonly store: ScenarioStore;
  readonly predict: PredictStore;
  setPresentation(on: boolean): void;
}

export function createLessonStore(o: LessonOptions): LessonStore {
  const lesson = () => o.session.workbook()?.lesson;
  const [step, setStep] = createSignal(0);
  const [closed, setClosed] = createSignal(false);
  /** The description the lesson starts from (its own copy: the workbook's scenario follows the edits). */
  const base = (): ScenarioDesc | undefined => {
    const l = untrack(lesson);
    return l ? fromScenario(l.start) : undefined;
  };
  const title = (k: number, s: LessonStep) => `Step ${k + 1}: ${s.title}`;

  /** Applies step `k`'s own change on top of what is shown (one step forward). */
  const advance = (k: number, s: LessonStep) => {
    if (s.predict && o.store.built().graph.has(s.predict)) o.predict.arm(s.predict);
    const c = stepChange(s);
    if (c.pick) o.store.choose(c.pick);
    const g = o.store.built().graph;
    for (const [id, v] of Object.entries(c.set)) {
      const def = g.has(id) ? g.def(id) : undefined;
      if (def?.kind === 'input') o.store.setInput(id, overrideValue(def, v));
    }
    setStep(k);
  };
  const jump = (k: number) => {
    const l = untrack(lesson);
    const b = base();
    if (!l || !b) return;
    o.predict.stop();
    o.store.load(lessonDesc(b, l.steps, k), title(k, l.steps[k]));
    setStep(k);
  };

  const go = (k: number) => {
    const l = untrack(lesson);
    if (!l || k < 0 || k >= l.steps.length) return;
    if (k === untrack(step) + 1) advance(k, l.steps[k]);
    else jump(k);
  };

  // A lesson opened after the page started (from the examples) starts at once, in presentation mode.
  let seen: string | undefined;
  createEffect(on(() => o.session.workbook()?.id, (id) => {
    const before = seen;
    seen = id;
    if (id === undefined || before === undefined || id === before || !untrack(lesson)) return;
    batch(() => {
      setClosed(false);
      o.setPresentation(true);
      jump(0);
    });
  }));

  return {
    lesson,
    step,
    current: () => lesson()?.steps[step()],
    start() {
      batch(() => {
        setClosed(false);
        o.setPresentation(true);
        jump(0);
      });
    },
    go,
    closed,
    close: () => setClosed(true),
  };
}
