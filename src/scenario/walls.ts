/**
 * The 22 walls as the board shows them (physics.md §11.3): scope, name, the headline cell
 * and its display unit, and the lens the wall feeds.
 */
import type { LensName } from '../nodes/analysis/index.js';

export type { LensName };

export interface WallInfo {
  readonly wall: number;
  readonly name: string;
  /** Cell scope: `<scope>.status`, `<scope>.active`, `<scope>.status_reason`. */
  readonly scope: string;
  /** The headline cell (SI) and how the board shows it. */
  readonly headline?: string;
  readonly headlineUnit: string;
  /** Multiply the SI headline by this for `headlineUnit` (ms: 1e3, days: 1/86400). */
  readonly headlineScale: number;
  readonly lens?: LensName;
}

const w = (wall: number, name: string, scope: string, headline: string | undefined, headlineUnit: string, headlineScale: number, lens?: LensName): WallInfo =>
  ({ wall, name, scope, headline, headlineUnit, headlineScale, lens });

export const WALLS: readonly WallInfo[] = [
  w(1, 'Compute', 'compute', 'compute.mfu', 'fraction', 1, 'performance'),
  w(2, 'Memory', 'memory', 'memory.memory_utilization', 'fraction', 1, 'feasibility'),
  w(3, 'Software', 'software', 'software.overhead_fraction', 'fraction', 1, 'performance'),
  w(4, 'Serving', 'serving', 'serving.ttft', 'ms', 1e3, 'performance'),
  w(5, 'Batching', 'batching', 'batching.max_active_requests', 'count', 1, 'performance'),
  w(6, 'Streaming', 'streaming', 'streaming.throughput_tokens_per_second', 'tokens/s', 1, 'performance'),
  w(7, 'Tail latency', 'tail_latency', 'tail_latency.p99_latency', 'ms', 1e3, 'performance'),
  w(8, 'Ingestion', 'ingestion', 'ingestion.ingest_utilization', 'fraction', 1, 'performance'),
  w(9, 'Transformation', 'transformation', 'transformation.data_slowdown', '×', 1, 'performance'),
  w(10, 'Locality', 'locality', 'locality.bisection_fraction', 'fraction', 1, 'performance'),
  w(11, 'Complexity', 'complexity', 'complexity.tokens_per_param', 'tokens/param', 1, 'macro'),
  w(12, 'Reasoning', 'reasoning', 'reasoning.total_reasoning_time', 'ms', 1e3, 'performance'),
  w(13, 'Fidelity', 'fidelity', 'fidelity.compression_speedup', '×', 1, 'performance'),
  w(14, 'Communication', 'communication', 'communication.scaling_efficiency', 'fraction', 1, 'performance'),
  w(15, 'Fragility', 'fragility', 'fragility.goodput', 'fraction', 1, 'macro'),
  w(16, 'Multi-tenant', 'multi_tenant', 'multi_tenant.avg_wait_time', 'days', 1 / 86400, 'macro'),
  w(17, 'Capital', 'capital', 'capital.tco_usd', 'USD', 1, 'macro'),
  w(18, 'Sustainability', 'sustainability', 'sustainability.carbon_footprint', 't CO2e', 1e-6, 'macro'),
  w(19, 'Checkpoint', 'checkpoint', 'checkpoint.checkpoint_overhead', 'fraction', 1, 'macro'),
  w(20, 'Safety', 'safety', 'safety.dp_slowdown_factor', '×', 1, 'macro'),
  w(21, 'Sensitivity', 'sensitivity', undefined, 'cell', 1),
  w(22, 'Synthesis', 'synthesis', 'synthesis.required_bandwidth', 'GB/s', 1e-9),
];

export function wallInfo(n: number): WallInfo {
  const info = WALLS[n - 1];
  if (!info) throw new RangeError(`wall must be an integer in [1, 22] (got ${n})`);
  return info;
}
