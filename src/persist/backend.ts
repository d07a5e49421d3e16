/**
 * The key-value storage under WorkbookStore: idb-keyval over its own IndexedDB database
 * (`mlsysim`, object store `workbooks`). An interface so tests can inject failures (a full
 * disk) without patching modules.
 *
 * idb-keyval opens the database lazily, so a browser without IndexedDB (some private modes)
 * fails on the first operation, where WorkbookStore turns it into PersistError('unavailable').
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';

export type StorageKey = IDBValidKey;

export interface KeyValueBackend {
  get(key: StorageKey): Promise<unknown>;
  /** Atomic: a failed write (quota) leaves the previous value in place. */
  set(key: StorageKey, value: unknown): Promise<void>;
  del(key: StorageKey): Promise<void>;
  keys(): Promise<StorageKey[]>;
}

const DATABASE_NAME = 'mlsysim';
const OBJECT_STORE_NAME = 'workbooks';

/** The idb-keyval store the workbooks live in (tests write raw entries into it). */
export function workbookIdbStore(): UseStore {
  return createStore(DATABASE_NAME, OBJECT_STORE_NAME);
}

/** The IndexedDB backend; `store` defaults to workbookIdbStore(). */
export function idbBackend(store?: UseStore): KeyValueBackend {
  let handle = store;
  const use = (): UseStore => {
    if (typeof indexedDB === 'undefined') throw new ReferenceError('IndexedDB is not available in this browser');
    handle ??= workbookIdbStore();
    return handle;
  };
  return {
    get: async (key) => get(key, use()),
    set: async (key, value) => set(key, value, use()),
    del: async (key) => del(key, use()),
    keys: async () => keys(use()),
  };
}
