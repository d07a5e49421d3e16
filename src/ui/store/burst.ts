/**
 * Whether the user is in the middle of a burst of edits — a slider drag, a key held down:
 * edits that follow each other within `quietMs`. The first edit of a burst leaves it off, so a
 * single edit is drawn in full at once; from the second edit on it is on, and it goes off once
 * the edits pause for `quietMs`. Views use it to leave what is out of sight for the pause
 * (ui/components/in-view.ts): during a drag a frame draws what the user can see.
 */
import { type Accessor, createSignal } from 'solid-js';
import { DEFAULT_QUIET_MS } from './coalesce.js';

interface Burst {
  /** On from the second edit of a burst until the edits pause (a reactive read). */
  readonly active: Accessor<boolean>;
  /**
   * Notes an edit (call it inside the edit's batch, so views see it with the edit's values).
   * Returns whether the edit continues a burst (false for its first edit).
   */
  touch(): boolean;
  /** Ends the burst now (a reset, a rebuild). */
  end(): void;
  dispose(): void;
}

export function createBurst(quietMs: number = DEFAULT_QUIET_MS): Burst {
  const [active, setActive] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = (): void => {
    clearTimeout(timer);
    timer = undefined;
    setActive(false);
  };
  return {
    active,
    touch() {
      const continuing = timer !== undefined;
      if (continuing) {
        clearTimeout(timer);
        setActive(true);
      }
      timer = setTimeout(end, quietMs);
      return continuing;
    },
    end,
    dispose() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
