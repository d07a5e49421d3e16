/**
 * Reads the scenario's roofline from the live graph (physics.md §3.1, wall 1): the device's
 * ceiling peak·η and slope BW·η_bw at the compute precision, the ridge point, and the
 * operating point (AI, achieved model FLOP/s = F/T). Errors become messages, never throws:
 * a missing ceiling or slope means no roof; a failing step means no operating point.
 */
import type { LiveGraph } from '../../graph/index.js';
import type { Roof, RooflinePoint } from './geometry.js';

const ROOFLINE_CELLS = {
  peakFlops: 'hardware.peak_flops',
  efficiency: 'software.efficiency_effective',
  memoryBandwidth: 'hardware.memory_bandwidth',
  bandwidthEfficiency: 'scenario.bandwidth_efficiency',
  effectiveBandwidth: 'memory.effective_bandwidth',
  precision: 'scenario.compute_precision_effective',
  ridgePoint: 'compute.ridge_point',
  bottleneck: 'compute.bottleneck',
  intensity: 'compute.arithmetic_intensity',
  flopsPerStep: 'compute.flops_per_step',
  latency: 'compute.latency',
} as const;

export interface OperatingPoint extends RooflinePoint {
  /** compute.bottleneck: Compute, Memory, Host link or Overhead. */
  readonly bottleneck: string;
}

export interface RooflineReading {
  readonly roof: Roof;
  /** The figures behind the roof, for labels: FLOP/s, 1, B/s, 1. */
  readonly peak_flops: number;
  readonly efficiency: number;
  readonly memory_bandwidth: number;
  readonly bandwidth_efficiency: number;
  readonly precision?: string;
  /**
   * compute.ridge_point, FLOP/B (the value the graph holds, not re-derived): the ridge of the
   * roof the step sees, so under `effective_roof` when there is one.
   */
  readonly ridge_point?: number;
  /**
   * The slope the step actually sees (memory.effective_bandwidth·η_bw) when it differs from
   * the device's: offload over the host link, or SRAM tiers.
   */
  readonly effective_roof?: Roof;
  readonly point?: OperatingPoint;
  /** Why there is no operating point. */
  readonly point_error?: string;
}

type RooflineRead = { readonly ok: true; readonly reading: RooflineReading } | { readonly ok: false; readonly message: string };

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function cell(graph: LiveGraph, id: string): Read<number | string> {
  if (!graph.has(id)) return { ok: false, message: `${id} is not part of this scenario` };
  const v = graph.get(id);
  if (!v.ok) return { ok: false, message: v.error.message };
  if (typeof v.value === 'number' || typeof v.value === 'string') return { ok: true, value: v.value };
  return { ok: false, message: `${id} has no value` };
}

function positive(graph: LiveGraph, id: string): Read<number> {
  const r = cell(graph, id);
  if (!r.ok) return r;
  if (typeof r.value !== 'number' || !(r.value > 0) || !Number.isFinite(r.value)) {
    return { ok: false, message: `${id} is ${String(r.value)}, not a positive number` };
  }
  return { ok: true, value: r.value };
}

function operatingPoint(graph: LiveGraph): Read<OperatingPoint> {
  const c = ROOFLINE_CELLS;
  const ai = positive(graph, c.intensity);
  if (!ai.ok) return ai;
  const f = positive(graph, c.flopsPerStep);
  if (!f.ok) return f;
  const t = positive(graph, c.latency);
  if (!t.ok) return t;
  const b = cell(graph, c.bottleneck);
  return { ok: true, value: { intensity: ai.value, flops_per_s: f.value / t.value, bottleneck: b.ok ? String(b.value) : 'unknown' } };
}

/** The roofline as the graph holds it now (call again after every edit). */
export function readRoofline(graph: LiveGraph): RooflineRead {
  const c = ROOFLINE_CELLS;
  const peak = positive(graph, c.peakFlops);
  const eta = positive(graph, c.efficiency);
  const bw = positive(graph, c.memoryBandwidth);
  const etaBw = positive(graph, c.bandwidthEfficiency);
  if (!peak.ok) return peak;
  if (!eta.ok) return eta;
  if (!bw.ok) return bw;
  if (!etaBw.ok) return etaBw;
  const roof: Roof = { ceiling_flops_per_s: peak.value * eta.value, slope_bytes_per_s: bw.value * etaBw.value };
  const effective = positive(graph, c.effectiveBandwidth);
  // Only a visible difference earns a second slope (floating noise does not).
  const effectiveBw = effective.ok && Math.abs(effective.value - bw.value) > 1e-6 * bw.value ? effective.value : undefined;
  const ridge = positive(graph, c.ridgePoint);
  const precision = cell(graph, c.precision);
  const point = operatingPoint(graph);
  return {
    ok: true,
    reading: {
      roof,
      peak_flops: peak.value,
      efficiency: eta.value,
      memory_bandwidth: bw.value,
      bandwidth_efficiency: etaBw.value,
      precision: precision.ok ? String(precision.value) : undefined,
      ridge_point: ridge.ok ? ridge.value : undefined,
      effective_roof: effectiveBw === undefined ? undefined : { ceiling_flops_per_s: roof.ceiling_flops_per_s, slope_bytes_per_s: effectiveBw * etaBw.value },
      point: point.ok ? point.value : undefined,
      point_error: point.ok ? undefined : point.message,
    },
  };
}
