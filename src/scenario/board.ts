/**
 * The 22-wall board (physics.md §11.1, §11.3): each wall's status — PASS, WARN, FAIL,
 * SKIPPED (inactive, absent in this mode, or n/a: the catalogue lacks a figure it needs) or
 * ERROR (its headline or status is an error of any other kind) — with its headline metric in
 * display units and why.
 */
import type { CellValue, LiveGraph } from '../graph/index.js';
import { type LensName, WALLS, type WallInfo } from './walls.js';

export type BoardStatus = 'PASS' | 'WARN' | 'FAIL' | 'SKIPPED' | 'ERROR';

export interface WallRow {
  readonly wall: number;
  readonly name: string;
  readonly status: BoardStatus;
  /** Why the wall has its status ('' when PASS). */
  readonly reason: string;
  readonly lens?: LensName;
  readonly headline?: {
    readonly cell: string;
    /** Display value (null = +∞), or undefined when the cell is absent or an error. */
    readonly value?: number | string | boolean | null;
    readonly unit: string;
  };
  /** Marked by the binding-wall rule (§11.5). */
  readonly binding: boolean;
}

/** Which analysis walls the caller ran (21 sensitivity, 22 goal seek / inverse roofline). */
interface AnalysisRequests {
  readonly sensitivity?: { readonly ok: boolean; readonly message?: string };
}

function read(graph: LiveGraph, id: string): CellValue | undefined {
  return graph.has(id) ? graph.get(id) : undefined;
}

/** The error at the root of `v` (upstream errors point at their root), or `v` itself. */
function rootOf(graph: LiveGraph, v: CellValue): CellValue {
  if (v.ok || v.error.kind !== 'upstream') return v;
  return read(graph, v.error.root) ?? v;
}

/**
 * A wall whose error is `missing_data` at its root (the catalogue has no figure this wall needs
 * for this scenario) is not applicable: SKIPPED "n/a: <why>", and it does not colour a lens.
 */
function notApplicable(graph: LiveGraph, v: CellValue | undefined): string | undefined {
  if (!v || v.ok) return undefined;
  const root = rootOf(graph, v);
  return !root.ok && root.error.kind === 'missing_data' ? `n/a: ${root.error.cell}: ${root.error.message}` : undefined;
}

function display(v: CellValue | undefined, info: WallInfo): number | string | boolean | null | undefined {
  if (!v || !v.ok) return undefined;
  if (typeof v.value === 'number') return v.value === Infinity ? null : v.value * info.headlineScale;
  return v.value;
}

function rowFor(graph: LiveGraph, info: WallInfo, analyses: AnalysisRequests): Omit<WallRow, 'binding'> {
  const base = { wall: info.wall, name: info.name, lens: info.lens };
  const headlineValue = info.headline ? read(graph, info.headline) : undefined;
  const headline = info.headline ? { cell: info.headline, value: display(headlineValue, info), unit: info.headlineUnit } : undefined;
  if (info.wall === 21) {
    const s = analyses.sensitivity;
    if (!s) return { ...base, status: 'SKIPPED', reason: 'not requested' };
    return { ...base, status: s.ok ? 'PASS' : 'ERROR', reason: s.message ?? '' };
  }
  const status = read(graph, `${info.scope}.status`);
  if (!status) return { ...base, status: 'SKIPPED', reason: 'not part of this scenario', headline };
  const active = read(graph, `${info.scope}.active`);
  if (active?.ok && active.value === false) return { ...base, status: 'SKIPPED', reason: 'inactive', headline };
  const na = notApplicable(graph, active) ?? notApplicable(graph, headlineValue) ?? notApplicable(graph, status);
  if (na) return { ...base, status: 'SKIPPED', reason: na, headline };
  if (active && !active.ok) return { ...base, status: 'ERROR', reason: active.error.message, headline };
  if (headlineValue && !headlineValue.ok) {
    // A `no_solution` headline is an answer, not a fault (wall 22): WARN — also when the
    // headline is only blocked by one (required_bandwidth blocked by available_time).
    const root = rootOf(graph, headlineValue);
    const kind = !root.ok && root.error.kind === 'no_solution' ? 'WARN' : 'ERROR';
    return { ...base, status: kind, reason: headlineValue.error.message, headline };
  }
  if (!status.ok) return { ...base, status: 'ERROR', reason: status.error.message, headline };
  const reason = read(graph, `${info.scope}.status_reason`);
  const why = reason?.ok && typeof reason.value === 'string' ? reason.value : '';
  const s = status.value === 'FAIL' || status.value === 'WARN' ? status.value : 'PASS';
  return { ...base, status: s, reason: why, headline };
}

/** The board without the binding mark (see binding.ts). */
export function wallBoard(graph: LiveGraph, analyses: AnalysisRequests = {}): Omit<WallRow, 'binding'>[] {
  return WALLS.map((info) => rowFor(graph, info, analyses));
}
