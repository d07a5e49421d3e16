/**
 * The roofline before the last change (its ghost), read from the trace's "before" values: the
 * operating point (AI, F/T) and — when the device's figures changed — its roof (peak·η,
 * BW·η_bw). For a drag this is the point where the drag began, as the trace's old → new is.
 */
import type { CellValue, LiveGraph } from '../../../graph/index.js';
import type { Trace } from '../../store/trace.js';
import type { Roof, RooflinePoint } from '../../../scenario/roofline/index.js';

export interface Ghost {
  readonly point?: RooflinePoint;
  readonly roof?: Roof;
}

const POINT = ['compute.arithmetic_intensity', 'compute.flops_per_step', 'compute.latency'] as const;
const ROOF = ['hardware.peak_flops', 'software.efficiency_effective', 'hardware.memory_bandwidth', 'scenario.bandwidth_efficiency'] as const;

const positive = (v: CellValue | undefined): number | undefined => (v?.ok && typeof v.value === 'number' && v.value > 0 && Number.isFinite(v.value) ? v.value : undefined);

/** The ghost of `trace` (undefined when the change moved neither the point nor the roof). */
export function ghostOf(trace: Trace | undefined, graph: LiveGraph): Ghost | undefined {
  if (!trace?.entries.length) return undefined;
  const byId = new Map(trace.entries.map((e) => [e.id, e]));
  const before = (id: string) => positive(byId.get(id)?.before ?? (graph.has(id) ? graph.get(id) : undefined));
  const moved = (ids: readonly string[]) => ids.some((id) => byId.has(id));
  const [ai, f, t] = POINT.map(before);
  const point = moved(POINT) && ai !== undefined && f !== undefined && t !== undefined ? { intensity: ai, flops_per_s: f / t } : undefined;
  const [peak, eta, bw, etaBw] = ROOF.map(before);
  const roof = moved(ROOF) && peak !== undefined && eta !== undefined && bw !== undefined && etaBw !== undefined
    ? { ceiling_flops_per_s: peak * eta, slope_bytes_per_s: bw * etaBw }
    : undefined;
  return point || roof ? { ...(point ? { point } : {}), ...(roof ? { roof } : {}) } : undefined;
}
