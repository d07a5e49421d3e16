/**
 * Scenarios of one workbook side by side: each is built exactly as the workbench builds it
 * (buildDesc: the document, then its overrides) and evaluated (evaluateBuilt), and the rows
 * set every value against the first scenario's.
 *
 *   Δ  = v − v₀              (in the row's unit)
 *   Δ% = (v − v₀) / |v₀| × 100   (undefined when v₀ = 0 or either side is not a finite number;
 *                                 |v₀| keeps the sign of Δ% the sign of Δ)
 */
import { type LiveGraph, parseUnit } from '../../../graph/index.js';
import type { BoardStatus, Evaluation, LensStatus, Workbook } from '../../../scenario/index.js';
import { evaluateBuilt } from '../../../scenario/index.js';
import { metricLabel } from '../../../scenario/metric-labels.js';
import { fromScenario } from '../../store/scenario-desc.js';
import { buildDesc } from '../../store/scenario-store.js';

export interface CompareColumn {
  readonly id: string;
  readonly name: string;
  readonly evaluation?: Evaluation;
  readonly graph?: LiveGraph;
  /** Why the scenario could not be built. */
  readonly error?: string;
}

/** One compared quantity: a value per column (same order), and Δ, Δ% of each column against the first. */
export interface CompareRow {
  /** `performance.latency`, or any cell id (kept for tooltips, exports and tests; never the row's label). */
  readonly cell: string;
  /** The row in words with its unit: "Latency per step (ms)", "KV cache (GB)". */
  readonly label: string;
  readonly unit: string;
  /** Numbers in `unit`; null = +∞; text for enums and booleans; undefined = no value (the error is in `notes`). */
  readonly values: readonly (number | string | boolean | null | undefined)[];
  readonly notes: readonly (string | undefined)[];
  /** Index 0 is always undefined (the first column is the reference). */
  readonly delta: readonly (number | undefined)[];
  readonly relative: readonly (number | undefined)[];
}

interface StatusRow<S> {
  readonly key: string;
  readonly label: string;
  readonly statuses: readonly (S | undefined)[];
  /** Not every column has the same status. */
  readonly differs: boolean;
}

/** Δ and Δ% of `v` against `v0` (see the file comment). */
export function deltaOf(v0: unknown, v: unknown): { readonly delta?: number; readonly relative?: number } {
  if (typeof v0 !== 'number' || typeof v !== 'number' || !Number.isFinite(v0) || !Number.isFinite(v)) return {};
  const delta = v - v0;
  return v0 === 0 ? { delta } : { delta, relative: (delta / Math.abs(v0)) * 100 };
}

/** Builds and evaluates each scenario `ids` of `wb` (in that order). */
export function compareColumns(wb: Workbook, ids: readonly string[]): CompareColumn[] {
  return ids.flatMap((id): CompareColumn[] => {
    const entry = wb.scenarios.find((s) => s.id === id);
    if (!entry) return [];
    try {
      const { built } = buildDesc(fromScenario(entry.scenario));
      return [{ id, name: entry.name, evaluation: evaluateBuilt(built), graph: built.graph }];
    } catch (e) {
      return [{ id, name: entry.name, error: e instanceof Error ? e.message : String(e) }];
    }
  });
}

function row(cell: string, label: string, unit: string, values: CompareRow['values'], notes: CompareRow['notes']): CompareRow {
  const ds = values.map((v, i) => (i === 0 ? {} : deltaOf(values[0], v)));
  return { cell, label, unit, values, notes, delta: ds.map((d) => d.delta), relative: ds.map((d) => d.relative) };
}

/** "Feasibility" for the lens `feasibility`. */
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const LENSES = ['feasibility', 'performance', 'macro'] as const;

/** The lens statuses, one row per lens. */
export function lensRows(cols: readonly CompareColumn[]): StatusRow<LensStatus>[] {
  return LENSES.map((lens) => {
    const statuses = cols.map((c) => c.evaluation?.card[lens].status);
    return { key: lens, label: capitalised(lens), statuses, differs: new Set(statuses).size > 1 };
  });
}

/**
 * Every scorecard metric any column shows (display units, physics.md §11.2), lens by lens,
 * labelled in the scorecard's words (scenario/metric-labels.ts). A fraction (MFU, memory
 * utilisation) is shown in %, as the scorecard shows it: its Δ is then in percentage points.
 */
export function metricRows(cols: readonly CompareColumn[]): CompareRow[] {
  const out: CompareRow[] = [];
  for (const lens of LENSES) {
    const keys = [...new Set(cols.flatMap((c) => Object.keys(c.evaluation?.card[lens].metrics ?? {})))];
    for (const key of keys) {
      const metrics = cols.map((c) => c.evaluation?.card[lens].metrics[key]);
      const given = metrics.find((m) => m)?.unit ?? '';
      const percent = given === 'fraction';
      const values = metrics.map((m) => (percent && typeof m?.value === 'number' ? m.value * 100 : m?.value));
      const id = `${lens}.${key}`;
      out.push(row(id, metricLabel(id), percent ? '%' : given, values, metrics.map((m) => (m ? m.error : 'not in this scenario'))));
    }
  }
  return out;
}

/** The 22 walls' statuses. */
export function wallRows(cols: readonly CompareColumn[]): StatusRow<BoardStatus>[] {
  const first = cols.find((c) => c.evaluation)?.evaluation;
  if (!first) return [];
  return first.walls.map((w) => {
    const statuses = cols.map((c) => c.evaluation?.walls.find((x) => x.wall === w.wall)?.status);
    return { key: String(w.wall), label: `${w.wall} ${w.name}`, statuses, differs: new Set(statuses).size > 1 };
  });
}

/** The unit a cell's row is shown in: its display unit, else its SI unit ('' for plain numbers). */
function rowUnit(graph: LiveGraph, id: string): { unit: string; scale: number } {
  const def = graph.def(id);
  if (def.displayUnit) return { unit: def.displayUnit, scale: parseUnit(def.displayUnit).scale };
  return { unit: ['1', 'enum', 'bool', 'text'].includes(def.unit) ? '' : def.unit, scale: 1 };
}

/** Chosen cells, in the display unit of the first column that has the cell. */
export function cellRows(cols: readonly CompareColumn[], cells: readonly string[]): CompareRow[] {
  return cells.map((id) => {
    const owner = cols.find((c) => c.graph?.has(id))?.graph;
    const { unit, scale } = owner ? rowUnit(owner, id) : { unit: '', scale: 1 };
    const values: CompareRow['values'][number][] = [];
    const notes: (string | undefined)[] = [];
    for (const c of cols) {
      if (!c.graph?.has(id)) {
        values.push(undefined);
        notes.push(c.error ? 'not built' : 'not in this scenario');
        continue;
      }
      const v = c.graph.get(id);
      if (!v.ok) {
        values.push(undefined);
        notes.push(v.error.message);
        continue;
      }
      values.push(typeof v.value === 'number' ? (v.value === Infinity ? null : v.value / scale) : v.value);
      notes.push(undefined);
    }
    const words = owner ? owner.def(id).label : id;
    return row(id, unit ? `${words} (${unit})` : words, unit, values, notes);
  });
}

/** The override ids that differ between the columns: a good first choice of cells to compare. */
export function differingOverrides(wb: Workbook, ids: readonly string[]): string[] {
  const docs = ids.map((id) => wb.scenarios.find((s) => s.id === id)?.scenario.overrides ?? {});
  const keys = [...new Set(docs.flatMap((o) => Object.keys(o)))].sort();
  return keys.filter((k) => new Set(docs.map((o) => JSON.stringify(o[k] ?? null))).size > 1);
}
