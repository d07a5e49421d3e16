/** An undo / redo stack of entries; a new entry after an undo drops the redo side. */
import { type Accessor, createSignal } from 'solid-js';

interface UndoStack<T> {
  push(entry: T): void;
  /** The entry to undo (removed from the undo side, moved to the redo side). */
  undo(): T | undefined;
  redo(): T | undefined;
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  clear(): void;
}

export function createUndoStack<T>(limit = 200): UndoStack<T> {
  const [done, setDone] = createSignal<readonly T[]>([]);
  const [undone, setUndone] = createSignal<readonly T[]>([]);
  return {
    push(entry) {
      setDone([...done(), entry].slice(-limit));
      setUndone([]);
    },
    undo() {
      const d = done();
      const e = d[d.length - 1];
      if (e === undefined) return undefined;
      setDone(d.slice(0, -1));
      setUndone([...undone(), e]);
      return e;
    },
    redo() {
      const u = undone();
      const e = u[u.length - 1];
      if (e === undefined) return undefined;
      setUndone(u.slice(0, -1));
      setDone([...done(), e]);
      return e;
    },
    canUndo: () => done().length > 0,
    canRedo: () => undone().length > 0,
    clear() {
      setDone([]);
      setUndone([]);
    },
  };
}
