/**
 * Shared fixtures for test/persist (and the workbook session's tests): a fresh fake IndexedDB
 * per test, a disk that can be made full, and a small valid workbook.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { idbBackend, type KeyValueBackend, PersistError, type StorageKey } from '../../src/persist/index.js';
import type { Workbook } from '../../src/scenario/index.js';

/** Replaces the global IndexedDB with an empty one (call in beforeEach). */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

/**
 * The IndexedDB backend with a switch: while `full` is on, every write fails as a browser's
 * does when the disk quota is used up (a DOMException named QuotaExceededError).
 */
export function fillableBackend(): { readonly backend: KeyValueBackend; full: boolean } {
  const real = idbBackend();
  const disk = {
    full: false,
    backend: {
      ...real,
      set: async (key: StorageKey, value: unknown) => {
        if (disk.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.set(key, value);
      },
    } satisfies KeyValueBackend,
  };
  return disk;
}

export function sampleWorkbook(overrides: Partial<Workbook> = {}): Workbook {
  return {
    schema_version: 1,
    id: 'wb-1',
    name: 'Sample',
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T00:00:00.000Z',
    scenarios: [{ id: 's1', name: 'Chat', scenario: { model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 4 } } }],
    sweeps: [],
    notes: '',
    active_scenario_id: 's1',
    ...overrides,
  };
}

/** A fixture file's text. (import.meta.url is not a file: URL under jsdom, so paths start at the project root.) */
export function fixtureText(relative: string): string {
  return readFileSync(resolve(process.cwd(), 'test/fixtures', relative), 'utf8');
}

/** The PersistError `run` rejects with (fails the test when it resolves or throws anything else). */
export async function refusal(run: () => Promise<unknown>): Promise<PersistError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof PersistError) return e;
    throw e;
  }
  throw new Error('expected a PersistError');
}

/** The PersistError `run` throws (fails the test when it returns or throws anything else). */
export function refusalSync(run: () => unknown): PersistError {
  try {
    run();
  } catch (e) {
    if (e instanceof PersistError) return e;
    throw e;
  }
  throw new Error('expected a PersistError');
}
