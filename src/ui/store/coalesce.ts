/**
 * Runs work the user does not watch (writing the URL) at most twice per burst of edits: the
 * first edit's job runs at once, and the jobs of edits that follow within `quietMs` of each
 * other collapse into one that runs when the edits pause. A slider drag (an edit per frame)
 * thus costs one write when it starts and one when it ends, instead of one per frame — and
 * Chromium ignores history.replaceState beyond 200 calls in 10 s, so per-frame writes could
 * even lose the final state.
 */

interface Coalescer {
  /** Runs `job` now, or — inside a burst — as the burst's last job once it pauses. */
  run(job: () => void): void;
  /** Runs the waiting job now (the page is being hidden). */
  flush(): void;
  /** Drops the waiting job. */
  dispose(): void;
}

/** 200 ms: longer than the gap between a drag's input events (one per frame, ~16 ms), short enough to feel immediate once the drag ends. */
export const DEFAULT_QUIET_MS = 200;

export function createCoalescer(quietMs: number = DEFAULT_QUIET_MS): Coalescer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: (() => void) | undefined;
  const close = (): void => {
    timer = undefined;
    const job = waiting;
    waiting = undefined;
    job?.();
  };
  return {
    run(job) {
      if (timer === undefined) job();
      else {
        waiting = job;
        clearTimeout(timer);
      }
      timer = setTimeout(close, quietMs);
    },
    flush() {
      clearTimeout(timer);
      close();
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
    },
  };
}
