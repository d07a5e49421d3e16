/**
 * The binding wall (physics.md §11.5): the headline time is split into disjoint parts, each
 * owned by one wall; the wall owning the largest part binds. A wall exposes its part as the
 * cell `<scope>.binding_part` (s); for serving the parts are read from walls 1, 4 and 7 below.
 */
import type { LiveGraph } from '../graph/index.js';
import type { Mode } from '../nodes/index.js';
import type { WallRow } from './board.js';
import { WALLS } from './walls.js';

export interface Binding {
  /** Seconds per owning wall. */
  readonly parts: Readonly<Record<number, number>>;
  readonly wall?: number;
  /** That part over the sum of all parts. */
  readonly share?: number;
}

function num(graph: LiveGraph, id: string): number | undefined {
  if (!graph.has(id)) return undefined;
  const v = graph.get(id);
  return v.ok && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : undefined;
}

/** Wall 1's step: max(T_c, T_m) to wall 1 (Compute) or 2 (Memory, Host link); T_ov to wall 3. */
function stepParts(graph: LiveGraph): Record<number, number> {
  const latency = num(graph, 'compute.latency');
  const overhead = num(graph, 'compute.t_overhead');
  const b = graph.has('compute.bottleneck') ? graph.get('compute.bottleneck') : undefined;
  if (latency === undefined || overhead === undefined || !b?.ok) return {};
  const owner = b.value === 'Compute' ? 1 : b.value === 'Memory' || b.value === 'Host link' ? 2 : 3;
  const parts: Record<number, number> = { 3: overhead };
  parts[owner] = (parts[owner] ?? 0) + (latency - overhead);
  return parts;
}

/**
 * §11.5 serving row: request_latency = ttft + (N_out − 1)·itl_mean, split as: each prefill
 * step's max(T_c, T_m) to wall 1 or 2 by its bottleneck, kv_transfer_time to wall 4, the
 * N_out − 1 decode steps' max(T_c, T_m) at the itl_mean point (itl_mean − T_ov) to wall 1 or 2
 * by the decode bottleneck, every T_ov to wall 3; wait_p99 to wall 7 when it is active.
 * (With speculation the decode split uses the same per-token T_ov, an approximation.)
 */
function servingParts(graph: LiveGraph): Record<number, number> {
  const ids = ['serving.prefill_compute_time', 'serving.prefill_memory_time', 'serving.prefill_overhead_time', 'serving.itl_mean', 'compute.t_overhead', 'scenario.output_tokens'];
  const [pc, pm, po, itlMean, tov, nOut] = ids.map((id) => num(graph, id));
  const b = graph.has('serving.decode_bottleneck') ? graph.get('serving.decode_bottleneck') : undefined;
  if ([pc, pm, po, itlMean, tov, nOut].some((v) => v === undefined) || !b?.ok) return {};
  const steps = nOut! - 1;
  const parts: Record<number, number> = { 1: pc!, 2: pm!, 3: po! + steps * tov!, 4: num(graph, 'serving.kv_transfer_time') ?? 0 };
  parts[b.value === 'Compute' ? 1 : 2] += steps * (itlMean! - tov!);
  const tail = graph.has('tail_latency.active') ? graph.get('tail_latency.active') : undefined;
  const wait = num(graph, 'tail_latency.wait_p99');
  if (tail?.ok && tail.value === true && wait !== undefined) parts[7] = wait;
  return parts;
}

export function bindingWall(graph: LiveGraph, mode: Mode, board: readonly Omit<WallRow, 'binding'>[]): Binding {
  const parts: Record<number, number> = {};
  for (const w of WALLS) {
    const p = num(graph, `${w.scope}.binding_part`);
    if (p !== undefined) parts[w.wall] = p;
  }
  if (Object.keys(parts).length === 0 && mode === 'serving') Object.assign(parts, servingParts(graph));
  if (Object.keys(parts).length === 0 && mode !== 'training') Object.assign(parts, stepParts(graph));
  const active = new Set(board.filter((r) => r.status !== 'SKIPPED').map((r) => r.wall));
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  let wall: number | undefined;
  for (const [k, v] of Object.entries(parts)) {
    const n = Number(k);
    if (!active.has(n)) continue;
    // Strictly larger wins, so ties go to the lower wall number (entries iterate ascending).
    if (wall === undefined || v > parts[wall]) wall = n;
  }
  return { parts, wall, share: wall !== undefined && total > 0 ? parts[wall] / total : undefined };
}
