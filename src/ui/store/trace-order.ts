/**
 * The order the trace panel reads in: the changed cells grouped by wall (or, outside the walls,
 * by scope: the scenario inputs, the workload, the device, the grid, the scorecard), the
 * largest relative change first — within a group, and among groups by their largest change.
 * The group holding the edited input comes first, so a hand edit still starts with its cause.
 *
 * The size of a change is |ln(new / old)|: ×2 and ÷2 weigh the same. A change that is not a
 * ratio — a word or a verdict that changed, a value that became an error or stopped being
 * one, a sign change, a change from or to 0 — is the largest of all (∞). Ties (to six
 * decimals) keep the topological order (upstream first).
 */
import { type CellChange, type CellDef } from '../../graph/index.js';
import { cellGroupTitle } from '../layout/groups.js';
import type { TraceEntry } from './trace.js';

export interface TraceRowEntry {
  readonly entry: TraceEntry;
  /** The group's title ("1 · Compute", "Scenario inputs") on the first row of each group. */
  readonly group?: string;
}

export function changeSize(c: CellChange): number {
  if (!c.before.ok || !c.after.ok) return Infinity;
  const a = c.before.value;
  const b = c.after.value;
  if (typeof a !== 'number' || typeof b !== 'number') return Object.is(a, b) ? 0 : Infinity;
  if (Object.is(a, b)) return 0;
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  // Rounded, so a cell and its reciprocal (latency and MFU) tie and keep their topological order.
  return Math.round(Math.abs(Math.log(b / a)) * 1e6) / 1e6;
}

/** `entries` (in topological order) as the panel lists them. */
export function orderTrace(entries: readonly TraceEntry[], defOf: (id: string) => CellDef, edited: readonly string[] = []): TraceRowEntry[] {
  const groups = new Map<string, { title: string; first: number; size: number; cause: boolean; rows: { entry: TraceEntry; size: number; rank: number }[] }>();
  entries.forEach((entry, rank) => {
    const title = cellGroupTitle(defOf(entry.id));
    let g = groups.get(title);
    if (!g) groups.set(title, (g = { title, first: rank, size: 0, cause: false, rows: [] }));
    const size = changeSize(entry);
    g.rows.push({ entry, size, rank });
    g.size = Math.max(g.size, size);
    if (edited.includes(entry.id)) g.cause = true;
  });
  const out: TraceRowEntry[] = [];
  const sorted = [...groups.values()].sort((a, b) => Number(b.cause) - Number(a.cause) || b.size - a.size || a.first - b.first);
  for (const g of sorted) {
    g.rows.sort((a, b) => b.size - a.size || a.rank - b.rank);
    g.rows.forEach((r, i) => out.push(i === 0 ? { entry: r.entry, group: g.title } : { entry: r.entry }));
  }
  return out;
}
