/**
 * Edits of a Workbook document as pure functions: each returns a new workbook (or the same
 * object when nothing changed, so callers can skip a save) and keeps the schema's invariants —
 * unique scenario and sweep ids, every sweep and the active id naming a scenario, at least one
 * scenario once the workbench has opened the workbook.
 */
import { cleanName, newId, PersistError } from '../../persist/index.js';
import { WORKBOOK_SCHEMA_VERSION } from '../../scenario/index.js';
import type { Scenario, ScenarioSweep, Workbook, WorkbookScenario, WorkbookSweep } from '../../scenario/index.js';

/** JSON with object keys sorted: equal documents give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

const same = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/** A name typed for a scenario: trimmed, not empty, not over-long (the workbook name's rules). */
function scenarioName(name: string): string {
  try {
    return cleanName(name);
  } catch (e) {
    throw e instanceof PersistError ? new PersistError(e.code, e.message.replace('a workbook name', 'a scenario name')) : e;
  }
}

interface NewWorkbookOptions {
  readonly name: string;
  readonly scenarioName: string;
  readonly id?: string;
  readonly now?: Date;
}

/** A workbook holding one scenario, which is active. */
export function newWorkbook(scenario: Scenario, options: NewWorkbookOptions): Workbook {
  const at = (options.now ?? new Date()).toISOString();
  const sid = 'scenario-1';
  return {
    schema_version: WORKBOOK_SCHEMA_VERSION, id: options.id ?? newId(), name: cleanName(options.name), created: at, updated: at,
    scenarios: [{ id: sid, name: scenarioName(options.scenarioName), scenario }], sweeps: [], notes: '', active_scenario_id: sid,
  };
}

export function scenarioOf(wb: Workbook, id: string | undefined): WorkbookScenario | undefined {
  return id === undefined ? undefined : wb.scenarios.find((s) => s.id === id);
}

/** The sweeps of scenario `id`, as the sweep panel holds them (no ids). */
export function sweepSpecs(wb: Workbook, id: string): ScenarioSweep[] {
  return wb.sweeps.filter((s) => s.scenario_id === id).map(({ id: _id, scenario_id: _sid, ...spec }) => spec);
}

/** Scenario `id`'s document replaced. */
export function withScenarioDoc(wb: Workbook, id: string, scenario: Scenario): Workbook {
  const old = scenarioOf(wb, id);
  if (!old || same(old.scenario, scenario)) return wb;
  return { ...wb, scenarios: wb.scenarios.map((s) => (s.id === id ? { ...s, scenario } : s)) };
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Scenario `id`'s sweeps replaced by `specs` (their ids kept by position, new ones unique). */
export function withSweeps(wb: Workbook, id: string, specs: readonly ScenarioSweep[]): Workbook {
  const mine = wb.sweeps.filter((s) => s.scenario_id === id);
  const others = wb.sweeps.filter((s) => s.scenario_id !== id);
  const taken = new Set(others.map((s) => s.id));
  const next: WorkbookSweep[] = specs.map((spec, i) => {
    const sweepId = mine[i] && !taken.has(mine[i].id) ? mine[i].id : freeId(`${id}-sweep-${i + 1}`, taken);
    taken.add(sweepId);
    return { id: sweepId, scenario_id: id, ...spec };
  });
  if (same(mine, next)) return wb;
  return { ...wb, sweeps: [...others, ...next] };
}

export function withActive(wb: Workbook, id: string): Workbook {
  if (!scenarioOf(wb, id)) throw new PersistError('not_found', `workbook '${wb.name}' has no scenario with id '${id}'`);
  return wb.active_scenario_id === id ? wb : { ...wb, active_scenario_id: id };
}

/** A copy of scenario `fromId` (its document, notes and sweeps) named `name`, placed after it. */
export function addScenario(wb: Workbook, fromId: string, name?: string): { readonly workbook: Workbook; readonly id: string } {
  const from = scenarioOf(wb, fromId);
  if (!from) throw new PersistError('not_found', `workbook '${wb.name}' has no scenario with id '${fromId}'`);
  const id = freeId(`scenario-${wb.scenarios.length + 1}`, new Set(wb.scenarios.map((s) => s.id)));
  const names = new Set(wb.scenarios.map((s) => s.name));
  let label = scenarioName(name ?? `${from.name} (copy)`);
  for (let n = 2; name === undefined && names.has(label); n++) label = `${from.name} (copy ${n})`;
  const copy: WorkbookScenario = { ...structuredClone(from), id, name: label };
  const at = wb.scenarios.indexOf(from) + 1;
  const scenarios = [...wb.scenarios.slice(0, at), copy, ...wb.scenarios.slice(at)];
  return { workbook: withSweeps({ ...wb, scenarios }, id, sweepSpecs(wb, fromId)), id };
}

export function renameScenario(wb: Workbook, id: string, name: string): Workbook {
  const clean = scenarioName(name);
  if (!scenarioOf(wb, id)) throw new PersistError('not_found', `workbook '${wb.name}' has no scenario with id '${id}'`);
  return { ...wb, scenarios: wb.scenarios.map((s) => (s.id === id ? { ...s, name: clean } : s)) };
}

/** Scenario `id` and its sweeps removed; the active one moves to its neighbour. The last scenario stays. */
export function deleteScenario(wb: Workbook, id: string): Workbook {
  const at = wb.scenarios.findIndex((s) => s.id === id);
  if (at < 0) throw new PersistError('not_found', `workbook '${wb.name}' has no scenario with id '${id}'`);
  if (wb.scenarios.length === 1) throw new PersistError('invalid', 'a workbook keeps at least one scenario; add another before deleting this one');
  const scenarios = wb.scenarios.filter((s) => s.id !== id);
  const active = wb.active_scenario_id === id || wb.active_scenario_id === undefined
    ? scenarios[Math.min(at, scenarios.length - 1)].id
    : wb.active_scenario_id;
  return { ...wb, scenarios, sweeps: wb.sweeps.filter((s) => s.scenario_id !== id), active_scenario_id: active };
}

export function withNotes(wb: Workbook, notes: string): Workbook {
  return wb.notes === notes ? wb : { ...wb, notes };
}

