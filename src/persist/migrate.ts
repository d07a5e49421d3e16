/**
 * Workbook schema versions and the migrations between them. Every stored or shared
 * workbook carries `schema_version`; a document from an older app is migrated step by step
 * (0 → 1 → … → current) before the current schema validates it. A document from a newer app
 * is refused — guessing at fields we do not know would lose the user's data silently.
 *
 * Version 0 — the pre-release format, kept readable so early users' workbooks still open:
 *
 * ```json
 * {
 *   "version": 0,                        // v1: schema_version
 *   "id": "…",
 *   "title": "My workbook",              // v1: name
 *   "created": 1717000000000,            // epoch milliseconds; v1: ISO 8601 text
 *   "updated": 1717000000000,
 *   "scenarios": { "Baseline": { "model": "Llama3_8B", "hardware": "H100" } },
 *                                        // a map keyed by scenario name; v1: a list of
 *                                        // {id, name, scenario, notes?} (ids scenario-1, …)
 *   "sweeps": [{ "scenario": "Baseline", "x": {…}, "outputs": […] }],
 *                                        // optional; named the scenario; v1: {id, scenario_id, …}
 *   "notes": "…",                        // optional; v1: required ('' when absent)
 *   "active": "Baseline"                 // optional; v1: active_scenario_id
 * }
 * ```
 */
import { WORKBOOK_SCHEMA_VERSION } from '../scenario/index.js';
import { PersistError } from './errors.js';

type PlainMap = Record<string, unknown>;

/** One step: a document of version `from` → version `from + 1` (not yet validated). */
interface Migration {
  readonly from: number;
  /** What changed, for the docs and the tests. */
  readonly summary: string;
  readonly migrate: (doc: PlainMap) => PlainMap;
}

/** The version this app writes and the newest it reads. */
export const CURRENT_WORKBOOK_VERSION = WORKBOOK_SCHEMA_VERSION;
/** The oldest version this app still reads. */
export const OLDEST_WORKBOOK_VERSION = 0;

const isMap = (v: unknown): v is PlainMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Epoch milliseconds → ISO text; anything else is left for the schema to report. */
function isoTime(v: unknown): unknown {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

const v0ToV1: Migration = {
  from: 0,
  summary: 'version → schema_version; title → name; epoch-ms times → ISO text; scenarios map → list with ids; ' +
    'sweeps name their scenario by id; notes required; active → active_scenario_id',
  migrate(doc) {
    const { version: _version, title, created, updated, scenarios, sweeps, notes, active, ...rest } = doc;
    const ids = new Map<string, string>();
    let list: unknown = scenarios;
    if (isMap(scenarios)) {
      list = Object.entries(scenarios).map(([name, scenario], i) => {
        const id = `scenario-${i + 1}`;
        ids.set(name, id);
        return { id, name, scenario };
      });
    }
    const sweepList = sweeps === undefined ? [] : Array.isArray(sweeps)
      ? sweeps.map((s: unknown, i) => {
        if (!isMap(s)) return s;
        const { scenario, ...axes } = s;
        return { id: `sweep-${i + 1}`, scenario_id: typeof scenario === 'string' ? ids.get(scenario) ?? scenario : scenario, ...axes };
      })
      : sweeps;
    return {
      ...rest,
      schema_version: 1,
      name: title ?? rest.name,
      created: isoTime(created),
      updated: isoTime(updated),
      scenarios: list,
      sweeps: sweepList,
      notes: notes ?? '',
      ...(active !== undefined ? { active_scenario_id: typeof active === 'string' ? ids.get(active) ?? active : active } : {}),
    };
  },
};

/** Every migration, oldest first; migration i takes version i to i + 1. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** The version a document declares; throws PersistError for none, a malformed or a newer one. */
function documentVersion(doc: unknown): number {
  if (!isMap(doc)) {
    throw new PersistError('invalid', `is not a workbook (expected a map with schema_version, got ${Array.isArray(doc) ? 'a list' : doc === null ? 'null' : `a ${typeof doc}`})`);
  }
  let version: unknown;
  if ('schema_version' in doc) version = doc.schema_version;
  else if ('version' in doc && doc.version === 0) version = 0;
  else throw new PersistError('invalid', 'is not a workbook: it has no schema_version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_WORKBOOK_VERSION) {
    throw new PersistError('invalid',
      `has an unknown schema_version (${JSON.stringify(version) ?? String(version)}); this app reads versions ${OLDEST_WORKBOOK_VERSION} to ${CURRENT_WORKBOOK_VERSION}`);
  }
  if (version > CURRENT_WORKBOOK_VERSION) {
    throw new PersistError('newer_version',
      `was saved by a newer version (${version}); this app reads up to ${CURRENT_WORKBOOK_VERSION}. Update the app to open it`);
  }
  return version;
}

interface Migrated {
  /** The document at the current version, not yet validated. */
  readonly document: unknown;
  /** The version it was read at. */
  readonly from: number;
}

/** Runs the migrations from the document's version to the current one. */
export function migrateDocument(doc: unknown): Migrated {
  const from = documentVersion(doc);
  let current = doc as PlainMap;
  for (let v = from; v < CURRENT_WORKBOOK_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new Error(`no workbook migration from version ${v} (MIGRATIONS is incomplete)`);
    current = step.migrate(current);
  }
  return { document: current, from };
}
