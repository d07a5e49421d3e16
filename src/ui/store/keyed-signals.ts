/**
 * A map of Solid signals, one per key, made on first use: reading a key subscribes to that key
 * only, and writing one wakes only its readers. The workbench keeps per-cell state this way
 * (typed text, parse problems, the lit highlight): one signal holding a whole map would wake
 * every card on the page at each edit, since each edit writes a new map.
 */
import { type Accessor, batch, createSignal, type Setter } from 'solid-js';

interface KeyedSignals<V> {
  /** The key's value (a reactive read of that key only). */
  get(key: string): V | undefined;
  /** Sets the key's value; `undefined` removes it. Readers wake only when it differs (`===`). */
  set(key: string, value: V | undefined): void;
  /** Whether the key holds a value (not reactive). */
  has(key: string): boolean;
  /** Removes every key. */
  clear(): void;
}

export function createKeyedSignals<V>(): KeyedSignals<V> {
  const slots = new Map<string, { read: Accessor<V | undefined>; write: Setter<V | undefined> }>();
  /** Keys currently holding a value, so `clear` touches only those. */
  const held = new Map<string, V>();
  const slot = (key: string) => {
    let s = slots.get(key);
    if (!s) {
      const [read, write] = createSignal<V | undefined>(held.get(key));
      slots.set(key, (s = { read, write }));
    }
    return s;
  };
  const set = (key: string, value: V | undefined): void => {
    if (value === undefined) held.delete(key);
    else held.set(key, value);
    slots.get(key)?.write(() => value);
  };
  return {
    get: (key) => slot(key).read(),
    set,
    has: (key) => held.has(key),
    clear() {
      batch(() => {
        for (const key of [...held.keys()]) set(key, undefined);
      });
    },
  };
}
