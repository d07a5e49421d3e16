/**
 * Debounced autosave: every edit calls `schedule(workbook)`; the store is written `delayMs`
 * after the last edit. Writes never overlap — a schedule that lands while a write is in
 * flight waits for it — so the last scheduled workbook is always the one left in storage
 * ("last write wins"). Errors go to `onError`, never into the caller's event loop.
 */
import type { Workbook } from '../scenario/index.js';
import { PersistError, reasonOf } from './errors.js';
import type { WorkbookStore } from './store.js';

interface AutosaveOptions {
  /** Quiet time after the last edit before writing (default 500 ms). */
  readonly delayMs?: number;
  /** Called with what was stored (its `updated` is stamped by the store). */
  readonly onSaved?: (saved: Workbook) => void;
  /** Called when a write fails; the next schedule (the next edit) tries again with the newest state. */
  readonly onError?: (error: PersistError, workbook: Workbook) => void;
}

interface Autosaver {
  /** Queue `workbook` for saving; replaces any queued workbook and restarts the delay. */
  schedule(workbook: Workbook): void;
  /** Write the queued workbook now; resolves when storage is up to date (never rejects). */
  flush(): Promise<void>;
  /** Flush, then ignore further schedules. */
  dispose(): Promise<void>;
  /** True while a workbook is queued or being written. */
  readonly pending: boolean;
  /** The error of the most recent failed write, cleared by the next successful one. */
  readonly lastError: PersistError | undefined;
}

export function createAutosaver(store: Pick<WorkbookStore, 'save'>, options: AutosaveOptions = {}): Autosaver {
  const delayMs = options.delayMs ?? 500;
  let queued: Workbook | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let disposed = false;
  let lastError: PersistError | undefined;

  const report = (e: unknown, wb: Workbook): void => {
    lastError = e instanceof PersistError ? e : new PersistError('unavailable', `autosave failed: ${reasonOf(e)}`, { cause: e });
    try {
      options.onError?.(lastError, wb);
    } catch {
      // A throwing error handler must not break the save chain.
    }
  };

  /** Chains one write of whatever is queued at the moment it runs. */
  const writeQueued = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    inFlight++;
    writing = writing.then(async () => {
      const wb = queued;
      queued = undefined;
      if (!wb) return;
      let saved: Workbook;
      try {
        saved = await store.save(wb);
      } catch (e) {
        report(e, wb);
        return;
      }
      lastError = undefined;
      try {
        options.onSaved?.(saved);
      } catch {
        // The UI's callback failing is not a storage error.
      }
    }).catch(() => undefined).finally(() => {
      inFlight--;
    });
    return writing;
  };

  return {
    schedule(workbook) {
      if (disposed) return;
      queued = workbook;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void writeQueued();
      }, delayMs);
    },
    flush: writeQueued,
    async dispose() {
      disposed = true;
      await writeQueued();
    },
    get pending() {
      return queued !== undefined || inFlight > 0;
    },
    get lastError() {
      return lastError;
    },
  };
}
