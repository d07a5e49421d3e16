/**
 * The 3-lens scorecard (physics.md §11.1–11.2): Feasibility (the mode's memory check),
 * Performance (the worst active performance wall; FAIL when infeasible) and Macro
 * (economics and sustainability; SKIPPED without ops). Metrics in display units.
 */
import type { CellValue, LiveGraph } from '../graph/index.js';
import { formatNumber } from '../graph/index.js';
import type { Mode } from '../nodes/index.js';
import type { WallRow } from './board.js';
import { FEASIBILITY_CELLS, metricSources } from '../nodes/analysis/index.js';
import type { LensName } from './walls.js';

export type LensStatus = 'PASS' | 'WARNING' | 'FAIL' | 'ERROR' | 'SKIPPED';

export interface Metric {
  readonly key: string;
  readonly cell: string;
  readonly unit: string;
  /** Display value; null = +∞; undefined when the cell is an error. */
  readonly value?: number | null;
  readonly error?: string;
  /** Error kind of the cell (for exit codes). */
  readonly errorKind?: string;
}

export interface Lens {
  readonly name: LensName;
  readonly level_name: string;
  readonly status: LensStatus;
  readonly summary: string;
  readonly metrics: Readonly<Record<string, Metric>>;
  /** Why the lens is not PASS. */
  readonly reasons: readonly string[];
}

const SEVERITY: Record<LensStatus, number> = { SKIPPED: 0, PASS: 1, WARNING: 2, FAIL: 3, ERROR: 4 };

export function worst(statuses: readonly LensStatus[]): LensStatus {
  return statuses.reduce<LensStatus>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'SKIPPED');
}

function metricOf(graph: LiveGraph, cell: string, scale: number, unit: string, key: string): Metric {
  if (!graph.has(cell)) return { key, cell, unit, error: `${cell} is not part of this scenario`, errorKind: 'missing_data' };
  const v: CellValue = graph.get(cell);
  if (!v.ok) return { key, cell, unit, error: v.error.message, errorKind: v.error.kind };
  if (typeof v.value !== 'number') return { key, cell, unit, error: `${cell} is not a number`, errorKind: 'numeric' };
  return { key, cell, unit, value: v.value === Infinity ? null : v.value * scale };
}

function metricsFor(graph: LiveGraph, mode: Mode, lens: LensName): Record<string, Metric> {
  const out: Record<string, Metric> = {};
  for (const s of metricSources(mode)) {
    if (s.lens !== lens) continue;
    if (s.when) {
      const w = graph.has(s.when) ? graph.get(s.when) : undefined;
      if (!w || !w.ok || w.value !== true) continue;
    }
    // The metric cell (display units) when the graph has it; else the source cell, scaled.
    const own = `${lens}.${s.key}`;
    const id = graph.has(own) ? own : s.cell;
    // An unset cell (required_replicas without a p99 target) is a metric this evaluation does
    // not produce, not an error.
    const raw = graph.has(id) ? graph.get(id) : undefined;
    if (raw?.ok && raw.value === null) continue;
    out[s.key] = id === own ? metricOf(graph, own, 1, s.unit, s.key) : metricOf(graph, s.cell, s.scale, s.unit, s.key);
  }
  return out;
}

const gb = (m: Metric | undefined) => (m?.value === undefined || m.value === null ? '?' : m.value.toFixed(1));

function feasibility(graph: LiveGraph, mode: Mode): Lens {
  const metrics = metricsFor(graph, mode, 'feasibility');
  const reasons: string[] = [];
  let status: LensStatus = 'PASS';
  for (const id of FEASIBILITY_CELLS[mode]) {
    if (!graph.has(id)) continue;
    const v = graph.get(id);
    if (!v.ok) {
      status = worst([status, 'ERROR']);
      reasons.push(v.error.message);
    } else if (v.value === false) {
      status = worst([status, 'FAIL']);
      reasons.push(`${id} is false`);
    }
  }
  const util = metrics.memory_utilization?.value;
  const warnAt = graph.has('scenario.memory_warn_utilization') ? graph.value('scenario.memory_warn_utilization') : 0.9;
  if (status === 'PASS' && typeof util === 'number' && typeof warnAt === 'number' && util > warnAt) {
    status = 'WARNING';
    reasons.push(`memory utilisation ${formatNumber(util, 3)} > ${warnAt}`);
  }
  const per = mode === 'training' ? ' per GPU' : '';
  return {
    name: 'feasibility',
    level_name: 'Memory Feasibility',
    status,
    summary: `${gb(metrics.memory_used_gb)} GB / ${gb(metrics.memory_capacity_gb)} GB used${per}`,
    metrics,
    reasons,
  };
}

function fromBoard(board: readonly WallRow[], lenses: readonly LensName[], extraWalls: readonly number[] = []): { status: LensStatus; reasons: string[] } {
  const rows = board.filter((r) => (r.lens && lenses.includes(r.lens)) || extraWalls.includes(r.wall));
  const statuses = rows.map((r): LensStatus => (r.status === 'WARN' ? 'WARNING' : r.status === 'SKIPPED' ? 'SKIPPED' : r.status));
  const reasons = rows.filter((r) => r.status !== 'PASS' && r.status !== 'SKIPPED').map((r) => `wall ${r.wall} ${r.name}: ${r.reason}`);
  return { status: worst(statuses), reasons };
}

function performance(graph: LiveGraph, mode: Mode, board: readonly WallRow[], feas: Lens): Lens {
  const metrics = metricsFor(graph, mode, 'performance');
  // Wall 2 feeds Feasibility, but its latency-target rule is a performance verdict (§4 wall 2).
  const judged = fromBoard(board, ['performance'], [2]);
  const reasons = judged.reasons;
  let status = judged.status;
  let summary: string;
  if (mode === 'training') {
    const se = metrics.scaling_efficiency?.value;
    summary = `Scaling Efficiency: ${typeof se === 'number' ? (se * 100).toFixed(1) : '?'}%`;
  } else {
    const cell = mode === 'serving' && graph.has('serving.decode_bottleneck') ? 'serving.decode_bottleneck' : 'compute.bottleneck';
    const b = graph.has(cell) ? graph.get(cell) : undefined;
    summary = `${b?.ok ? String(b.value) : 'Unknown'} Bound`;
  }
  if (feas.status === 'FAIL') {
    status = 'FAIL';
    summary += ' (infeasible)';
  }
  return { name: 'performance', level_name: mode === 'training' ? 'Fleet Performance' : 'Single Node Performance', status, summary, metrics, reasons };
}

function macro(graph: LiveGraph, mode: Mode, board: readonly WallRow[], ops: boolean): Lens {
  if (!ops) {
    return { name: 'macro', level_name: 'Economics & Sustainability', status: 'SKIPPED', summary: 'No Ops config provided', metrics: {}, reasons: [] };
  }
  const metrics = metricsFor(graph, mode, 'macro');
  const { status, reasons } = fromBoard(board, ['macro']);
  const tco = metrics.tco_usd?.value;
  const summary = `TCO: ${typeof tco === 'number' ? `$${Math.round(tco).toLocaleString('en-US')}` : '?'}`;
  return { name: 'macro', level_name: 'Economics & Sustainability', status: status === 'SKIPPED' ? 'PASS' : status, summary, metrics, reasons };
}

export interface Scorecard {
  readonly feasibility: Lens;
  readonly performance: Lens;
  readonly macro: Lens;
  /** No lens is FAIL or ERROR (WARNING and SKIPPED pass) and, once evaluate() checks them, no assert fails. */
  readonly passed_all: boolean;
}

export function scorecard(graph: LiveGraph, mode: Mode, board: readonly WallRow[], ops: boolean): Scorecard {
  const f = feasibility(graph, mode);
  const p = performance(graph, mode, board, f);
  const mac = macro(graph, mode, board, ops);
  const bad = (l: Lens) => l.status === 'FAIL' || l.status === 'ERROR';
  return { feasibility: f, performance: p, macro: mac, passed_all: !bad(f) && !bad(p) && !bad(mac) };
}
