/**
 * The roofline of the HTML report, read from the live graph (physics.md §3.1, wall 1): the
 * device's roof — ceiling peak·η, slope BW·η_bw at the compute precision — its ridge
 * R = peak·η/(BW·η_bw) as the graph holds it (compute.ridge_point), and the step's operating
 * point (AI = F/Q, achieved model FLOP/s = F/T). The same cells as the workbench's chart.
 * Missing or error cells become a message, never a throw.
 */
import type { LiveGraph } from '../graph/index.js';

export interface ReportRoof {
  /** peak·η, FLOP/s. */
  readonly ceiling_flops_per_s: number;
  /** BW·η_bw, B/s. */
  readonly slope_bytes_per_s: number;
  /** compute.ridge_point, FLOP/B. */
  readonly ridge: number;
  readonly precision?: string;
  /** The slope the step sees (memory.effective_bandwidth·η_bw) when it differs from the device's: offload, SRAM tiers. */
  readonly effective_slope_bytes_per_s?: number;
}

export interface ReportPoint {
  /** compute.arithmetic_intensity, FLOP/B. */
  readonly intensity: number;
  /** compute.flops_per_step / compute.latency, FLOP/s. */
  readonly flops_per_s: number;
  /** compute.bottleneck: Compute, Memory, Host link or Overhead. */
  readonly bottleneck?: string;
}

export type ReportRoofline =
  | { readonly ok: true; readonly roof: ReportRoof; readonly point?: ReportPoint; readonly pointError?: string }
  | { readonly ok: false; readonly message: string };

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function positive(graph: LiveGraph, id: string): Read<number> {
  if (!graph.has(id)) return { ok: false, message: `${id} is not part of this scenario` };
  const v = graph.get(id);
  if (!v.ok) return { ok: false, message: `${id}: ${v.error.message}` };
  if (typeof v.value !== 'number' || !(v.value > 0) || !Number.isFinite(v.value)) return { ok: false, message: `${id} is ${String(v.value)}, not a positive number` };
  return { ok: true, value: v.value };
}

function textOf(graph: LiveGraph, id: string): string | undefined {
  const v = graph.has(id) ? graph.get(id) : undefined;
  return v?.ok && typeof v.value === 'string' ? v.value : undefined;
}

function firstError(reads: readonly Read<number>[]): string | undefined {
  for (const r of reads) if (!r.ok) return r.message;
  return undefined;
}

/** The roof and the operating point as the graph holds them now. */
export function readReportRoofline(graph: LiveGraph): ReportRoofline {
  const peak = positive(graph, 'hardware.peak_flops');
  const eta = positive(graph, 'software.efficiency_effective');
  const bw = positive(graph, 'hardware.memory_bandwidth');
  const etaBw = positive(graph, 'scenario.bandwidth_efficiency');
  const ridge = positive(graph, 'compute.ridge_point');
  const roofError = firstError([peak, eta, bw, etaBw, ridge]);
  if (roofError || !peak.ok || !eta.ok || !bw.ok || !etaBw.ok || !ridge.ok) return { ok: false, message: roofError ?? 'no roof' };
  const effective = positive(graph, 'memory.effective_bandwidth');
  // Only a visible difference earns a second slope (floating noise does not).
  const differs = effective.ok && Math.abs(effective.value - bw.value) > 1e-6 * bw.value;
  const roof: ReportRoof = {
    ceiling_flops_per_s: peak.value * eta.value,
    slope_bytes_per_s: bw.value * etaBw.value,
    ridge: ridge.value,
    precision: textOf(graph, 'scenario.compute_precision_effective'),
    ...(differs ? { effective_slope_bytes_per_s: effective.value * etaBw.value } : {}),
  };
  const ai = positive(graph, 'compute.arithmetic_intensity');
  const flops = positive(graph, 'compute.flops_per_step');
  const latency = positive(graph, 'compute.latency');
  const pointError = firstError([ai, flops, latency]);
  if (pointError || !ai.ok || !flops.ok || !latency.ok) return { ok: true, roof, pointError: pointError ?? 'no operating point' };
  return { ok: true, roof, point: { intensity: ai.value, flops_per_s: flops.value / latency.value, bottleneck: textOf(graph, 'compute.bottleneck') } };
}

/** min(peak·η, AI·slope), FLOP/s: the roof over intensity AI. */
export function attainableAt(ceiling: number, slope: number, intensity: number): number {
  return Math.min(ceiling, intensity * slope);
}

const decadeBelow = (v: number): number => 10 ** Math.floor(Math.log10(v));
const decadeAbove = (v: number): number => 10 ** Math.ceil(Math.log10(v));

/**
 * Whole decades for log axes: x shows the ridge and the point with a decade of margin (so the
 * slope and the ceiling both read as lines); y runs from the lowest slope start or point to
 * the ceiling with head-room.
 */
export function roofDomain(roof: ReportRoof, point?: ReportPoint): { x: [number, number]; y: [number, number] } {
  const xs = [roof.ridge, ...(point ? [point.intensity] : [])];
  const x0 = decadeBelow(Math.min(...xs)) / 10;
  const x1 = decadeAbove(Math.max(...xs)) * 10;
  const slopes = [roof.slope_bytes_per_s, ...(roof.effective_slope_bytes_per_s ? [roof.effective_slope_bytes_per_s] : [])];
  const ys = [roof.ceiling_flops_per_s, ...slopes.map((s) => attainableAt(roof.ceiling_flops_per_s, s, x0)), ...(point ? [point.flops_per_s] : [])];
  return { x: [x0, x1], y: [decadeBelow(Math.min(...ys)), decadeAbove(Math.max(...ys) * 2)] };
}

/** Powers of ten in [lo, hi], at most `max` of them (thinned by whole decades, keeping the top). */
export function decadeTicks(lo: number, hi: number, max = 7): number[] {
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const step = Math.max(1, Math.ceil((last - first + 1) / max));
  const out: number[] = [];
  for (let e = last; e >= first; e -= step) out.unshift(Number(`1e${e}`));
  return out;
}
