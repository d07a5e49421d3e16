/**
 * Parallelism search (physics.md §11.4 "optimize parallelism"): enumerate tensor, pipeline,
 * expert parallelism and microbatch size for the fleet, keep layouts whose training memory
 * fits (§8.6), maximise fleet MFU. Ties go to the smaller t·p, then the smaller t. When no
 * layout fits, the one with the smallest per-GPU memory is reported as infeasible.
 */
import { gridSearch, type Plain, type SearchAxis } from '../../graph/index.js';
import type { LiveGraph } from '../../graph/index.js';
import { numberAt, powersOfTwo } from './metrics.js';
import type { OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';

const REPORT = [
  'communication.fleet_mfu', 'communication.fleet_throughput', 'communication.step_latency', 'communication.train_memory',
  'communication.dp', 'communication.num_microbatches', 'communication.train_feasible',
];

interface Space {
  readonly axes: SearchAxis[];
  readonly prefilter: (v: Readonly<Record<string, Plain>>) => boolean;
}

/** The §11.4 space: t | g powers of two; p ≤ min(L, N/t); dp = N/(t·p) integral; e | dp and e | E; dp·b ≤ B_g. */
export function parallelismSpace(graph: LiveGraph): Space {
  const g = numberAt(graph, 'communication.gpus_per_node') ?? 1;
  const nodes = numberAt(graph, 'communication.num_nodes') ?? 1;
  const n = g * nodes;
  const layers = numberAt(graph, 'workload.layers') ?? 1;
  const batch = numberAt(graph, 'communication.global_batch_size') ?? 1;
  const experts = graph.has('workload.experts') ? numberAt(graph, 'workload.experts') : undefined;
  const ts = powersOfTwo(g).filter((t) => g % t === 0);
  const ps = powersOfTwo(Math.min(layers, n));
  const es = experts && experts > 1 ? powersOfTwo(experts).filter((e) => experts % e === 0) : [1];
  const bs = powersOfTwo(batch);
  const axes: SearchAxis[] = [
    { input: 'communication.tp', values: ts },
    { input: 'communication.pp', values: ps },
    { input: 'communication.ep', values: es },
    { input: 'communication.microbatch_size', values: bs },
  ];
  const prefilter = (v: Readonly<Record<string, Plain>>): boolean => {
    const t = v['communication.tp'] as number;
    const p = v['communication.pp'] as number;
    const e = v['communication.ep'] as number;
    const b = v['communication.microbatch_size'] as number;
    if (n % (t * p) !== 0 || p > n / t) return false;
    const dp = n / (t * p);
    return dp % e === 0 && dp * b <= Math.max(batch, dp);
  };
  return { axes: axes.filter((a) => graph.has(a.input)), prefilter };
}

function tieBreak(a: OptimizeCandidate, b: OptimizeCandidate): number {
  if (a.objective !== b.objective) return b.objective - a.objective;
  const tp = (c: OptimizeCandidate) => (c.values['communication.tp'] as number) * (c.values['communication.pp'] as number);
  if (tp(a) !== tp(b)) return tp(a) - tp(b);
  return (a.values['communication.tp'] as number) - (b.values['communication.tp'] as number);
}

export function optimizeParallelism(graph: LiveGraph, o: OptimizeProgress = {}): OptimizeResult {
  const objective = { name: 'communication.fleet_mfu', sense: 'max' as const, unit: 'fraction' };
  if (!graph.has('communication.fleet_mfu')) {
    return { kind: 'parallelism', objective, top: [], total: 0, tried: 0, feasible: 0, message: 'parallelism search needs a training scenario (mode training)' };
  }
  const { axes, prefilter } = parallelismSpace(graph);
  const r = gridSearch(graph, {
    axes, prefilter, objective: { cell: 'communication.fleet_mfu', sense: 'max' },
    constraints: [{ cell: 'communication.train_feasible', equals: true }],
    topK: Number.MAX_SAFE_INTEGER, report: REPORT, onProgress: o.onProgress,
  });
  const toCand = (c: { values: Readonly<Record<string, Plain>>; objective: number; report: Readonly<Record<string, import('../../graph/index.js').CellValue>> }): OptimizeCandidate => ({
    values: c.values, objective: c.objective,
    metrics: Object.fromEntries(Object.entries(c.report).map(([k, v]) => [k, v.ok ? (v.value === Infinity ? null : v.value) : `error: ${v.error.message}`])),
  });
  const ranked = r.top.map(toCand).sort(tieBreak);
  if (ranked.length) {
    return { kind: 'parallelism', objective, best: ranked[0], top: ranked.slice(0, o.topK ?? 5), total: r.total, tried: r.tried, feasible: r.feasible };
  }
  // Nothing fits: report the layout with the smallest per-GPU memory, marked infeasible.
  const least = gridSearch(graph, { axes, prefilter, objective: { cell: 'communication.train_memory', sense: 'min' }, topK: 1, report: REPORT });
  const fallback = least.best ? toCand(least.best) : undefined;
  const mfu = fallback?.metrics['communication.fleet_mfu'];
  const best = fallback ? { ...fallback, objective: typeof mfu === 'number' ? mfu : 0 } : undefined;
  return {
    kind: 'parallelism', objective, best, top: best ? [best] : [], total: r.total, tried: r.tried, feasible: 0,
    message: best ? 'no layout fits in memory; showing the layout with the smallest per-GPU memory (infeasible)' : 'no layout could be evaluated',
  };
}
