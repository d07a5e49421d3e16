/**
 * A key-value backend in memory, for a browser without usable IndexedDB (some private modes,
 * a blocked or deleted database): the session keeps working — open, switch, import, export,
 * share — and says that nothing outlives the tab.
 */
import type { KeyValueBackend, StorageKey } from '../../persist/index.js';

export function memoryBackend(): KeyValueBackend {
  const entries = new Map<StorageKey, unknown>();
  return {
    get: async (key) => structuredClone(entries.get(key)),
    set: async (key, value) => {
      entries.set(key, structuredClone(value));
    },
    del: async (key) => {
      entries.delete(key);
    },
    keys: async () => [...entries.keys()],
  };
}
