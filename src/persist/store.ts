/**
 * WorkbookStore: the user's workbooks in IndexedDB. One entry per workbook under
 * `workbook:<id>`, plus `meta:last_opened`.
 *
 * Invariants: every entry written is a valid current-version workbook within the size limit
 * (validated before the write, and one put per save, so a failed write leaves the previous
 * version intact); entries are read through the same path as imports, so a damaged or
 * hostile entry is reported — in `list().broken`, or as PersistError('corrupt') from get —
 * and never stops the others from opening.
 */
import { WORKBOOK_SCHEMA_VERSION } from '../scenario/index.js';
import type { Workbook } from '../scenario/index.js';
import { idbBackend } from './backend.js';
import type { KeyValueBackend, StorageKey } from './backend.js';
import { readWorkbook, workbookToJson } from './document.js';
import { PersistError, reasonOf } from './errors.js';
import { formatBytes } from './limits.js';
import { cleanName, newId, uniqueName } from './naming.js';
import { utf8Length } from './safe-data.js';

const WORKBOOK_KEY_PREFIX = 'workbook:';
export const LAST_OPENED_KEY = 'meta:last_opened';
const META_PREFIX = 'meta:';

/** What the workbook list shows. */
interface WorkbookSummary {
  readonly id: string;
  readonly name: string;
  /** ISO 8601. The list is sorted by this, newest first. */
  readonly updated: string;
  /** Number of scenarios. */
  readonly scenarios: number;
}

/** A stored entry that cannot be opened, and why (the UI offers to discard it). */
interface BrokenEntry {
  readonly key: string;
  readonly reason: string;
}

export interface WorkbookList {
  readonly workbooks: WorkbookSummary[];
  readonly broken: BrokenEntry[];
}

interface WorkbookStoreOptions {
  /** Default: IndexedDB via idb-keyval (database `mlsysim`, store `workbooks`). */
  readonly backend?: KeyValueBackend;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

interface SaveOptions {
  /** Set `updated` to now (default true); false stores the workbook exactly as given. */
  readonly touch?: boolean;
}

const workbookKey = (id: string): string => WORKBOOK_KEY_PREFIX + id;

function isQuotaError(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

export class WorkbookStore {
  private readonly backend: KeyValueBackend;
  private readonly now: () => Date;
  private readonly makeId: () => string;

  constructor(options: WorkbookStoreOptions = {}) {
    this.backend = options.backend ?? idbBackend();
    this.now = options.now ?? (() => new Date());
    this.makeId = options.newId ?? newId;
  }

  /** Every workbook (newest first) and every entry that cannot be opened. */
  async list(): Promise<WorkbookList> {
    const keys = await this.guard('list workbooks', () => this.backend.keys());
    const workbooks: WorkbookSummary[] = [];
    const broken: BrokenEntry[] = [];
    for (const key of keys) {
      if (typeof key === 'string' && key.startsWith(META_PREFIX)) continue;
      if (typeof key !== 'string' || !key.startsWith(WORKBOOK_KEY_PREFIX)) {
        broken.push({ key: String(key), reason: 'not a workbook entry (unknown key)' });
        continue;
      }
      try {
        const wb = await this.read(key.slice(WORKBOOK_KEY_PREFIX.length));
        if (wb) workbooks.push({ id: wb.id, name: wb.name, updated: wb.updated, scenarios: wb.scenarios.length });
      } catch (e) {
        broken.push({ key, reason: reasonOf(e) });
      }
    }
    workbooks.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.name.localeCompare(b.name));
    return { workbooks, broken };
  }

  /** The workbook (migrated to the current version), or undefined when there is none. */
  async get(id: string): Promise<Workbook | undefined> {
    return this.read(id);
  }

  /** Like get, but a missing workbook is PersistError('not_found'). */
  async require(id: string): Promise<Workbook> {
    const wb = await this.read(id);
    if (!wb) throw new PersistError('not_found', `there is no workbook with id '${id}' (it may have been deleted in another tab)`);
    return wb;
  }

  /** Validates and stores (replacing the entry with the same id); returns what was stored. */
  async save(workbook: Workbook, options: SaveOptions = {}): Promise<Workbook> {
    let toStore = workbook;
    if (options.touch ?? true) {
      const now = this.now().getTime();
      const updated = new Date(Math.max(now, Date.parse(workbook.created) || now)).toISOString();
      toStore = { ...workbook, updated };
    }
    const text = workbookToJson(toStore, { what: `workbook '${workbook.name}'` });
    // Store the validated, plain copy: what is read back is exactly what was checked.
    const plain = JSON.parse(text) as Workbook;
    try {
      await this.backend.set(workbookKey(plain.id), plain);
    } catch (e) {
      if (isQuotaError(e)) {
        throw new PersistError('quota',
          `storage is full: could not save workbook '${plain.name}' (${formatBytes(utf8Length(text))}); the last saved ` +
          'version is kept. Delete or export workbooks you no longer need, then try again', { cause: e });
      }
      throw this.unavailable('save the workbook', e);
    }
    return plain;
  }

  /** A new, empty workbook named `name`. */
  async create(name: string): Promise<Workbook> {
    const at = this.now().toISOString();
    return this.save({
      schema_version: WORKBOOK_SCHEMA_VERSION, id: this.makeId(), name: cleanName(name), created: at, updated: at,
      scenarios: [], sweeps: [], notes: '',
    }, { touch: false });
  }

  /**
   * Stores `workbook` as a NEW workbook: a fresh id and timestamps, and — when a workbook of
   * that name exists — the name suffixed " (suffix)". Never replaces an existing entry.
   */
  async add(workbook: Workbook, suffix = 'copy'): Promise<Workbook> {
    const { workbooks } = await this.list();
    const at = this.now().toISOString();
    let id = this.makeId();
    // Belt and braces: an id is never reused, even with an injected id source.
    while ((await this.safeRaw(workbookKey(id))) !== undefined) id = this.makeId();
    const name = uniqueName(workbook.name, workbooks.map((w) => w.name), suffix);
    return this.save({ ...workbook, id, name, created: at, updated: at }, { touch: false });
  }

  /** A copy of workbook `id` with a new id, named "<name> (copy)". */
  async duplicate(id: string): Promise<Workbook> {
    return this.add(await this.require(id), 'copy');
  }

  /** Renames workbook `id` (the name is trimmed; empty and over-long names are refused). */
  async rename(id: string, name: string): Promise<Workbook> {
    const wb = await this.require(id);
    return this.save({ ...wb, name: cleanName(name) });
  }

  /** Deletes workbook `id` (no error when it is already gone). */
  async remove(id: string): Promise<void> {
    await this.guard('delete the workbook', () => this.backend.del(workbookKey(id)));
    if ((await this.lastOpenedId()) === id) await this.guard('update the last opened workbook', () => this.backend.del(LAST_OPENED_KEY));
  }

  /** Deletes an entry listed in `list().broken`. */
  async discardBroken(key: string): Promise<void> {
    const raw = (await this.guard('list workbooks', () => this.backend.keys())).find((k) => String(k) === key);
    if (raw !== undefined) await this.guard('delete the entry', () => this.backend.del(raw));
  }

  /** The id of the workbook opened last, if it still exists and opens. */
  async lastOpenedId(): Promise<string | undefined> {
    const id = await this.guard('read the last opened workbook', () => this.backend.get(LAST_OPENED_KEY));
    if (typeof id !== 'string') return undefined;
    try {
      return (await this.read(id)) ? id : undefined;
    } catch {
      return undefined;
    }
  }

  async setLastOpened(id: string): Promise<void> {
    await this.guard('remember the last opened workbook', () => this.backend.set(LAST_OPENED_KEY, id));
  }

  private async read(id: string): Promise<Workbook | undefined> {
    const raw = await this.guard('read the workbook', () => this.backend.get(workbookKey(id)));
    if (raw === undefined) return undefined;
    try {
      const { workbook } = readWorkbook(raw, `stored workbook '${id}'`);
      if (workbook.id !== id) throw new PersistError('corrupt', `stored workbook '${id}' contains workbook '${workbook.id}'`);
      return workbook;
    } catch (e) {
      if (!(e instanceof PersistError) || e.code === 'newer_version' || e.code === 'corrupt') throw e;
      throw new PersistError('corrupt', `${e.message} (the entry is damaged; other workbooks are not affected)`, { cause: e });
    }
  }

  private async safeRaw(key: StorageKey): Promise<unknown> {
    return this.guard('read the workbook', () => this.backend.get(key));
  }

  private unavailable(what: string, e: unknown): PersistError {
    return new PersistError('unavailable', `storage is not available: could not ${what} (${reasonOf(e)})`, { cause: e });
  }

  /** Runs a backend call; quota errors → 'quota', anything else → 'unavailable'. */
  private async guard<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (e instanceof PersistError) throw e;
      if (isQuotaError(e)) throw new PersistError('quota', `storage is full: could not ${what}`, { cause: e });
      throw this.unavailable(what, e);
    }
  }
}
