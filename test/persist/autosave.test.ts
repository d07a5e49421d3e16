import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, PersistError, WorkbookStore } from '../../src/persist/index.js';
import type { Workbook } from '../../src/scenario/index.js';
import { freshIndexedDb, sampleWorkbook } from './helpers.js';

/** A store double that records saves; `gate` makes a save wait until released. */
function recordingStore() {
  const saved: string[] = [];
  let gate: Promise<void> | undefined;
  const store = {
    save: vi.fn(async (wb: Workbook) => {
      if (gate) await gate;
      saved.push(wb.notes);
      return wb;
    }),
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
  return { store, saved };
}

const edit = (notes: string): Workbook => sampleWorkbook({ notes });

describe('createAutosaver (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('schedule() writes once, delayMs after the last edit, with the last workbook', async () => {
    const { store, saved } = recordingStore();
    const saver = createAutosaver(store);
    saver.schedule(edit('a'));
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule(edit('ab'));
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule(edit('abc'));
    await vi.advanceTimersByTimeAsync(499);
    expect(store.save).not.toHaveBeenCalled();
    expect(saver.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['abc']);
    expect(saver.pending).toBe(false);
  });

  it('flush() writes the queued workbook now; with nothing queued it does nothing', async () => {
    const { store, saved } = recordingStore();
    const saver = createAutosaver(store, { delayMs: 10_000 });
    await saver.flush();
    saver.schedule(edit('now'));
    await saver.flush();
    expect(saved).toEqual(['now']);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(store.save).toHaveBeenCalledTimes(1);
  });

  it('writes never overlap: an edit during a slow write is saved after it, so the last write wins', async () => {
    const { store, saved } = recordingStore();
    const saver = createAutosaver(store, { delayMs: 100 });
    const release = store.hold();
    saver.schedule(edit('first'));
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule(edit('second'));
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual([]);
    release();
    await saver.flush();
    expect(saved).toEqual(['first', 'second']);
  });

  it('errors go to onError (never thrown); the next edit tries again', async () => {
    const errors: string[] = [];
    let fail = true;
    const store = {
      save: vi.fn(async (wb: Workbook) => {
        if (fail) throw new PersistError('quota', 'storage is full: test');
        return wb;
      }),
    };
    const savedNotes: string[] = [];
    const saver = createAutosaver(store, {
      onError: (e) => errors.push(`${e.code}: ${e.message}`),
      onSaved: (wb) => savedNotes.push(wb.notes),
    });
    saver.schedule(edit('x'));
    await vi.advanceTimersByTimeAsync(500);
    expect(errors).toEqual(['quota: storage is full: test']);
    expect(saver.lastError?.code).toBe('quota');
    fail = false;
    saver.schedule(edit('y'));
    await vi.advanceTimersByTimeAsync(500);
    expect(savedNotes).toEqual(['y']);
    expect(saver.lastError).toBeUndefined();
  });

  it('a non-PersistError failure is reported as unavailable', async () => {
    const seen: PersistError[] = [];
    const saver = createAutosaver({ save: async () => { throw new Error('boom'); } }, { onError: (e) => seen.push(e) });
    saver.schedule(edit('x'));
    await saver.flush();
    expect(seen[0].code).toBe('unavailable');
    expect(seen[0].message).toMatch(/autosave failed: boom/);
  });

  it('dispose() flushes the pending edit and ignores later schedules', async () => {
    const { store, saved } = recordingStore();
    const saver = createAutosaver(store);
    saver.schedule(edit('last'));
    await saver.dispose();
    saver.schedule(edit('ignored'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['last']);
  });
});

describe('createAutosaver with the IndexedDB store', () => {
  beforeEach(() => {
    freshIndexedDb();
  });

  it('persists the latest edit', async () => {
    const store = new WorkbookStore();
    const saver = createAutosaver(store, { delayMs: 5 });
    for (const n of ['a', 'b', 'c']) saver.schedule(edit(n));
    await saver.flush();
    expect((await store.get('wb-1'))?.notes).toBe('c');
  });
});
