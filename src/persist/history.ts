/**
 * Undo / redo over immutable states (a workbook after each edit). States are kept whole:
 * edits make new objects and share the unchanged parts, so a snapshot costs little, and an
 * undo can never apply a patch to the wrong base.
 *
 * Invariants: `past` holds at most `limit` states (the oldest is dropped); a push clears
 * the redo stack; consecutive pushes with the same `coalesce` key (typing in one field)
 * replace the present instead of adding an undo step.
 */

export interface HistoryOptions<T> {
  /** Undo steps kept (default 200). */
  readonly limit?: number;
  /** Pushes equal to the present are ignored (default: ===). */
  readonly equals?: (a: T, b: T) => boolean;
}

export interface History<T> {
  /** The current state. */
  readonly present: T;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Number of undo / redo steps available. */
  readonly undoDepth: number;
  readonly redoDepth: number;
  /** Record `state` as the new present. `coalesce`: merge with the previous push of the same key. */
  push(state: T, options?: { coalesce?: string }): void;
  /** Step back; returns the new present, or undefined when there is nothing to undo. */
  undo(): T | undefined;
  /** Step forward; returns the new present, or undefined when there is nothing to redo. */
  redo(): T | undefined;
  /** Forget every step and start again from `state` (opening another workbook). */
  reset(state: T): void;
}

export const DEFAULT_HISTORY_LIMIT = 200;

export function createHistory<T>(initial: T, options: HistoryOptions<T> = {}): History<T> {
  const limit = Math.max(1, options.limit ?? DEFAULT_HISTORY_LIMIT);
  const equals = options.equals ?? ((a: T, b: T) => a === b);
  let past: T[] = [];
  let future: T[] = [];
  let present = initial;
  let lastCoalesce: string | undefined;

  return {
    get present() {
      return present;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    get undoDepth() {
      return past.length;
    },
    get redoDepth() {
      return future.length;
    },
    push(state, pushOptions = {}) {
      if (equals(state, present)) return;
      const key = pushOptions.coalesce;
      if (key !== undefined && key === lastCoalesce && past.length > 0 && future.length === 0) {
        present = state;
        return;
      }
      past.push(present);
      if (past.length > limit) past = past.slice(past.length - limit);
      future = [];
      present = state;
      lastCoalesce = key;
    },
    undo() {
      if (past.length === 0) return undefined;
      future.push(present);
      present = past.pop() as T;
      lastCoalesce = undefined;
      return present;
    },
    redo() {
      if (future.length === 0) return undefined;
      past.push(present);
      present = future.pop() as T;
      lastCoalesce = undefined;
      return present;
    },
    reset(state) {
      past = [];
      future = [];
      present = state;
      lastCoalesce = undefined;
    },
  };
}
