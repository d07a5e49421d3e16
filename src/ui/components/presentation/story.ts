/**
 * The story of the last change, for a room: the cause (the edited input, old → new, or the
 * picker switch in words), the few cells that matter between it and the scorecard — the
 * changed cells on the path to the headline metrics with the largest relative change, shown
 * upstream to downstream — and the headline metrics, old → new. Pure: a trace and a graph in.
 */
import type { CellValue, LiveGraph } from '../../../graph/index.js';
import type { Evaluation, Lens } from '../../../scenario/index.js';
import type { Trace } from '../../store/trace.js';

export interface StoryRow {
  readonly id: string;
  readonly label: string;
  /** The value before the change (the current one when the cell did not change). */
  readonly before: CellValue;
  readonly after: CellValue;
  /** Whether the change touched this cell. */
  readonly changed: boolean;
}

export interface Story {
  /** The change in words when it was not a plain edit ("Grid region: US_Avg → Quebec"). */
  readonly cause?: string;
  /** The edited inputs, old → new. */
  readonly edited: readonly StoryRow[];
  /** The cells between the cause and the metrics with the largest relative change, upstream first. */
  readonly path: readonly StoryRow[];
  /** The headline metrics, old → new. */
  readonly metrics: readonly StoryRow[];
}

/** The first metric of each list the mode produces (as the headline bar picks them). */
const PICKS: readonly (readonly [Lens['name'], readonly string[]])[] = [
  ['performance', ['latency', 'step_latency', 'request_latency', 'ttft']],
  ['performance', ['throughput', 'fleet_throughput']],
  ['feasibility', ['memory_used_gb']],
  ['macro', ['carbon_footprint']],
  ['macro', ['tco_usd']],
];

/** The headline metric cells of an evaluation (macro ones only when the Macro lens is on). */
export function headlineMetrics(e: Evaluation, graph: LiveGraph): string[] {
  const out: string[] = [];
  for (const [lens, keys] of PICKS) {
    const l = e.card[lens];
    if (l.status === 'SKIPPED') continue;
    const key = keys.find((k) => l.metrics[k] !== undefined);
    if (key && graph.has(`${lens}.${key}`)) out.push(`${lens}.${key}`);
  }
  return out;
}

/** How far a change moved a value: |ln(after/before)| for positive numbers, large for a change of kind or word. */
function moved(before: CellValue, after: CellValue): number {
  if (!before.ok || !after.ok) return 50;
  const a = before.value;
  const b = after.value;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)) return Math.abs(Math.log(b / a));
    return a === b ? 0 : 40;
  }
  return a === b ? 0 : 30;
}

/** The story of `trace` on `graph`, ending at the metric cells `metrics`; at most `limit` path cells. */
export function storyOf(trace: Trace | undefined, graph: LiveGraph, metrics: readonly string[], limit = 4): Story {
  const entries = trace?.entries ?? [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const row = (id: string): StoryRow => {
    const e = byId.get(id);
    const now = graph.get(id);
    return { id, label: graph.def(id).label, before: e?.before ?? now, after: e?.after ?? now, changed: e !== undefined };
  };
  const edited = (trace?.edited ?? []).filter((id) => graph.has(id)).map(row);
  const ends = new Set(metrics);
  const feeds = new Set<string>();
  for (const m of metrics) for (const u of graph.topology.upstream(m)) feeds.add(u);
  const skip = new Set([...(trace?.edited ?? []), ...metrics]);
  const candidates = entries.filter((e) => graph.has(e.id) && !skip.has(e.id) && feeds.has(e.id) && !ends.has(e.id));
  const chosen = new Set(
    [...candidates].sort((a, b) => moved(b.before, b.after) - moved(a.before, a.after)).slice(0, limit).map((e) => e.id),
  );
  const path = candidates.filter((e) => chosen.has(e.id)).sort((a, b) => a.step - b.step || graph.topology.rankOf(a.id) - graph.topology.rankOf(b.id)).map((e) => row(e.id));
  return { cause: trace?.cause, edited, path, metrics: metrics.map(row) };
}
