/**
 * Replaying a trace for a lecture: the change travels step by step, upstream to downstream —
 * step 0 (the edited input, or where a picker switch entered the graph), then the cells that
 * read it, and so on (TraceEntry.step). `next` shows one more step, `play` walks through them
 * on a timer, and after the last step the whole trace is shown again.
 */
import { type Accessor, createSignal, untrack } from 'solid-js';
import type { Trace, TraceEntry } from './trace.js';

export interface Replay {
  /** The last step shown, or undefined when the whole trace is shown (no replay). */
  readonly step: Accessor<number | undefined>;
  readonly playing: Accessor<boolean>;
  /** The trace's last step (0 for a trace of one step, -1 for an empty one). */
  lastStep(): number;
  /** One step further (from the whole trace: back to step 0); past the last step, the whole trace. */
  next(): void;
  /** Steps through the trace on a timer, from step 0. */
  play(): void;
  /** Shows the whole trace again. */
  showAll(): void;
  /** Ends a replay without showing anything (a new trace replaces it). */
  stop(): void;
}

/** Steps `trace` forward; `show` receives the entries that are lit at each step. */
export function createReplay(trace: Accessor<Trace | undefined>, show: (entries: readonly TraceEntry[]) => void, intervalMs = 900): Replay {
  const [step, setStep] = createSignal<number | undefined>();
  const [playing, setPlaying] = createSignal(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  const entries = (): readonly TraceEntry[] => untrack(trace)?.entries ?? [];
  const lastStep = (): number => entries().reduce((m, e) => Math.max(m, e.step), -1);
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
    setPlaying(false);
    setStep(undefined);
  };
  const showAll = (): void => {
    stop();
    show(entries());
  };
  const next = (): void => {
    const s = untrack(step);
    const to = s === undefined ? 0 : s + 1;
    if (to > lastStep()) {
      showAll();
      return;
    }
    setStep(to);
    show(entries().filter((e) => e.step <= to));
  };
  return {
    step,
    playing,
    lastStep,
    next,
    play() {
      stop();
      if (lastStep() < 0) return;
      next();
      setPlaying(true);
      timer = setInterval(next, intervalMs);
    },
    showAll,
    stop,
  };
}
