/**
 * Batching search (physics.md §11.4 "optimize batching"): for b = 1…max, each of the N
 * accelerators is a replica with b continuous-batching slots. A b is valid when wall 4's
 * memory is feasible at batch b and the wall 7 queue (λ = qps, c = N·b, T_s = T_svc(b),
 * T_resp = T_base(b)) is stable with p99 ≤ SLA. The largest valid b wins; its throughput is
 * the capacity N·Θ_tok(b), not the offered load.
 */
import { type LiveGraph, withScratchInputs, writeScratch } from '../../graph/index.js';
import { numberAt, readMetrics } from './metrics.js';
import type { OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';

export interface BatchingOptions extends OptimizeProgress {
  /** p99 service-level target, ms. */
  readonly slaMs: number;
  /** Offered load, requests/s. */
  readonly qps: number;
  /** Largest batch tried (default 256). */
  readonly maxBatch?: number;
  /** Replicas serving (default: tail_latency.num_replicas_effective on a split model — the layout's communication.replicas unless held — else the fleet's devices). */
  readonly replicas?: number;
}

const NEEDED = ['batching.max_batch_size', 'tail_latency.arrival_rate', 'tail_latency.num_replicas', 'tail_latency.p99_latency'];
const REPORT = [
  'tail_latency.p99_latency', 'tail_latency.utilization', 'tail_latency.is_stable', 'serving.serving_feasible',
  'batching.max_active_requests', 'batching.throughput_tokens_per_second', 'serving.itl', 'serving.ttft',
];

export function optimizeBatching(graph: LiveGraph, o: BatchingOptions): OptimizeResult {
  const objective = { name: 'batch_size', sense: 'max' as const, unit: 'requests' };
  if (!(o.slaMs > 0) || !(o.qps >= 0)) throw new RangeError(`--sla-ms must be > 0 and --qps ≥ 0 (got ${o.slaMs}, ${o.qps})`);
  const missing = NEEDED.filter((id) => !graph.has(id));
  if (missing.length) {
    return { kind: 'batching', objective, top: [], total: 0, tried: 0, feasible: 0, message: `batching search needs a serving scenario of a language model (missing ${missing.join(', ')})` };
  }
  const max = o.maxBatch ?? 256;
  // A split model serves N/(t·p·c) replicas, not N, unless the user holds tail_latency.num_replicas
  // (num_replicas_effective: the held value, said there); a graph with neither cell is one device.
  const n = o.replicas ?? numberAt(graph, 'tail_latency.num_replicas_effective') ?? numberAt(graph, 'communication.replicas')
    ?? numberAt(graph, 'communication.num_devices') ?? 1;
  const sla = o.slaMs / 1e3;
  const valid: OptimizeCandidate[] = [];
  withScratchInputs(graph, ['scenario.batch_size', ...NEEDED.slice(0, 3)], () => {
    for (let b = 1; b <= max; b++) {
      writeScratch(graph, { 'scenario.batch_size': b, 'batching.max_batch_size': b, 'tail_latency.arrival_rate': o.qps, 'tail_latency.num_replicas': n });
      if (o.onProgress && b % 32 === 0) o.onProgress(b, max);
      const feasible = graph.get('serving.serving_feasible');
      const slots = numberAt(graph, 'batching.max_active_requests');
      const stable = graph.get('tail_latency.is_stable');
      const p99 = numberAt(graph, 'tail_latency.p99_latency');
      if (!feasible.ok || feasible.value !== true || slots === undefined || slots < b) continue;
      if (!stable.ok || stable.value !== true || p99 === undefined || p99 > sla) continue;
      // No throughput figure is no capacity figure (null), never a silent 0.
      const perReplica = numberAt(graph, 'batching.throughput_tokens_per_second');
      valid.push({ values: { 'scenario.batch_size': b }, objective: b, metrics: { ...readMetrics(graph, REPORT), max_throughput: perReplica === undefined ? null : n * perReplica } });
    }
  });
  const ranked = valid.sort((a, b) => b.objective - a.objective);
  return {
    kind: 'batching', objective, best: ranked[0], top: ranked.slice(0, o.topK ?? 5), total: max, tried: max, feasible: valid.length,
    message: ranked.length ? undefined : `no batch size in [1, ${max}] meets p99 ≤ ${o.slaMs} ms at ${o.qps} requests/s`,
  };
}
