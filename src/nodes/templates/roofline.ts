/**
 * The roofline step `step(F, Q, BW, k)` of physics.md §3.1, as pure functions and as a
 * cell-group builder. Walls instantiate it for their own step (wall 1 the decode step or
 * microbatch, wall 4 prefill chunks, …); each instance is its own group of cells.
 *
 *   T_c = F/(peak·η)     T_m = Q/(BW·η_bw)     T_ov = dispatch_tax + k·L_x·layer_tax
 *   T = max(T_c, T_m) + T_ov     AI = F/Q     R = peak·η/(BW·η_bw)
 */
import { type CellDef, derived, fail, type Failure, type Layer, number } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';

export type Bottleneck = 'Compute' | 'Memory' | 'Overhead';

/** T_c = F/(peak_flops·η). */
export const computeTime = (flops: number, peakFlops: number, efficiency: number): number => flops / (peakFlops * efficiency);
/** T_m = Q/(BW·η_bw). */
export const memoryTime = (bytes: number, bandwidth: number, bandwidthEfficiency: number): number => bytes / (bandwidth * bandwidthEfficiency);
/** T_ov = dispatch_tax + k·L_x·layer_tax. */
export const overheadTime = (dispatchTax: number, passes: number, layers: number, layerTax: number): number =>
  dispatchTax + passes * layers * layerTax;
/** T = max(T_c, T_m) + T_ov. */
export const stepLatency = (tCompute: number, tMemory: number, tOverhead: number): number => Math.max(tCompute, tMemory) + tOverhead;

/** Memory if T_m > T_c; Compute if T_c ≥ T_m and T_c > 0 (a tie counts as Compute); else Overhead. */
export function bottleneckOf(tCompute: number, tMemory: number): Bottleneck {
  if (tMemory > tCompute) return 'Memory';
  if (tCompute > 0) return 'Compute';
  return 'Overhead';
}

/** AI = F/Q; a step that moves no bytes has no intensity. */
export function arithmeticIntensity(flops: number, bytes: number): number | Failure {
  return bytes === 0 ? fail('numeric', 'step moves no bytes') : flops / bytes;
}

/** R = peak_flops·η/(BW·η_bw): memory-bound ⇔ AI < R. */
export const ridgePoint = (peakFlops: number, efficiency: number, bandwidth: number, bandwidthEfficiency: number): number =>
  (peakFlops * efficiency) / (bandwidth * bandwidthEfficiency);

/** max(T_c, T_m)/min(T_c, T_m), defined when both are > 0. */
export function rooflineRatio(tCompute: number, tMemory: number): number | Failure {
  if (!(tCompute > 0 && tMemory > 0)) return fail('numeric', 'roofline ratio needs both compute and memory time > 0');
  return Math.max(tCompute, tMemory) / Math.min(tCompute, tMemory);
}

export interface StepInputs {
  readonly flops: number;
  readonly bytes: number;
  readonly peakFlops: number;
  readonly efficiency: number;
  readonly bandwidth: number;
  readonly bandwidthEfficiency: number;
  readonly dispatchTax: number;
  readonly layerTax: number;
  readonly passes: number;
  readonly layers: number;
}

export interface StepResult {
  readonly tCompute: number;
  readonly tMemory: number;
  readonly tOverhead: number;
  readonly latency: number;
  readonly bottleneck: Bottleneck;
}

/** The whole §3.1 step at once (walls that loop over steps, e.g. prefill chunks, use this). */
export function rooflineStep(x: StepInputs): StepResult {
  const tCompute = computeTime(x.flops, x.peakFlops, x.efficiency);
  const tMemory = memoryTime(x.bytes, x.bandwidth, x.bandwidthEfficiency);
  const tOverhead = overheadTime(x.dispatchTax, x.passes, x.layers, x.layerTax);
  return { tCompute, tMemory, tOverhead, latency: stepLatency(tCompute, tMemory, tOverhead), bottleneck: bottleneckOf(tCompute, tMemory) };
}

// ---- cell group --------------------------------------------------------------------------

export const ROOFLINE_CELLS = [
  't_compute', 't_memory', 't_overhead', 'latency', 'bottleneck', 'arithmetic_intensity', 'ridge_point', 'roofline_ratio',
] as const;
export type RooflineCell = (typeof ROOFLINE_CELLS)[number];

/** The ids a roofline group reads. */
export interface RooflineSources {
  readonly flops: string;
  readonly bytes: string;
  readonly peakFlops: string;
  readonly efficiency: string;
  readonly bandwidth: string;
  readonly bandwidthEfficiency: string;
  readonly dispatchTax: string;
  readonly layerTax: string;
  readonly passes: string;
  readonly layers: string;
}

export interface RooflineGroupSpec {
  /** Cells are `<scope>.<name>` unless `ids` renames them. */
  readonly scope: string;
  readonly wall?: number;
  readonly layer?: Layer;
  /** What the step is, for labels and docs ("decode step", "prefill"). */
  readonly step: string;
  readonly sources: RooflineSources;
  /** Full ids for some cells (e.g. `serving.prefill_time` for latency). */
  readonly ids?: Partial<Record<RooflineCell, string>>;
  /** Cells the caller defines itself under the same ids (e.g. wall 1's regime-aware t_memory). */
  readonly omit?: readonly RooflineCell[];
}

/** The ids a group uses for each of its cells. */
export function rooflineIds(scope: string, ids: Partial<Record<RooflineCell, string>> = {}): Record<RooflineCell, string> {
  const out = {} as Record<RooflineCell, string>;
  for (const c of ROOFLINE_CELLS) out[c] = ids[c] ?? `${scope}.${c}`;
  return out;
}

/** The named inputs a roofline group reads, from its callers' ids (every source is a number). */
export function rooflineInputs(src: RooflineSources) {
  return {
    flops: number(src.flops), bytes: number(src.bytes), peakFlops: number(src.peakFlops), efficiency: number(src.efficiency),
    bandwidth: number(src.bandwidth), bandwidthEfficiency: number(src.bandwidthEfficiency), dispatchTax: number(src.dispatchTax),
    layerTax: number(src.layerTax), passes: number(src.passes), layers: number(src.layers),
  };
}

export function rooflineCells(g: RooflineGroupSpec): CellDef[] {
  const id = rooflineIds(g.scope, g.ids);
  const s = rooflineInputs(g.sources);
  const times = { tCompute: number(id.t_compute), tMemory: number(id.t_memory) };
  const common = { layer: g.layer ?? ('E' as Layer), wall: g.wall, source: spec('§3.1') };
  const all: Record<RooflineCell, CellDef> = {
    t_compute: derived({
      ...common, id: id.t_compute, label: 'Compute time T_c', unit: 's', formula: 'T_c = F/(peak_flops·η)',
      doc: `Time the ${g.step} would take if only its FLOPs limited it.`,
      inputs: { flops: s.flops, peakFlops: s.peakFlops, efficiency: s.efficiency },
      compute: ({ flops, peakFlops, efficiency }) => computeTime(flops, peakFlops, efficiency),
    }),
    t_memory: derived({
      ...common, id: id.t_memory, label: 'Memory time T_m', unit: 's', formula: 'T_m = Q/(BW·η_bw)',
      doc: `Time the ${g.step} would take if only its memory traffic limited it.`,
      inputs: { bytes: s.bytes, bandwidth: s.bandwidth, bandwidthEfficiency: s.bandwidthEfficiency },
      compute: ({ bytes, bandwidth, bandwidthEfficiency }) => memoryTime(bytes, bandwidth, bandwidthEfficiency),
    }),
    t_overhead: derived({
      ...common, id: id.t_overhead, label: 'Overhead time T_ov', unit: 's', formula: 'T_ov = dispatch_tax + k·L_x·layer_tax',
      doc: `Fixed launch overhead of the ${g.step}: one dispatch plus a tax per layer per pass.`,
      inputs: { dispatchTax: s.dispatchTax, passes: s.passes, layers: s.layers, layerTax: s.layerTax },
      compute: ({ dispatchTax, passes, layers, layerTax }) => overheadTime(dispatchTax, passes, layers, layerTax),
    }),
    latency: derived({
      ...common, id: id.latency, label: 'Latency T', unit: 's', formula: 'T = max(T_c, T_m) + T_ov',
      doc: `Time of one ${g.step}: the slower of compute and memory, plus overhead.`,
      inputs: { ...times, tOverhead: number(id.t_overhead) },
      compute: ({ tCompute, tMemory, tOverhead }) => stepLatency(tCompute, tMemory, tOverhead),
    }),
    bottleneck: derived({
      ...common, id: id.bottleneck, label: 'Bottleneck', unit: 'enum', formula: 'Memory if T_m > T_c; Compute if T_c ≥ T_m and T_c > 0; else Overhead',
      doc: `What limits the ${g.step}: Memory, Compute (ties count as Compute) or Overhead.`,
      inputs: times,
      compute: ({ tCompute, tMemory }) => bottleneckOf(tCompute, tMemory),
    }),
    arithmetic_intensity: derived({
      ...common, id: id.arithmetic_intensity, label: 'Arithmetic intensity', unit: 'FLOP/B', formula: 'AI = F/Q',
      doc: `FLOPs per byte of memory traffic in the ${g.step}.`,
      inputs: { flops: s.flops, bytes: s.bytes },
      compute: ({ flops, bytes }) => arithmeticIntensity(flops, bytes),
    }),
    ridge_point: derived({
      ...common, id: id.ridge_point, label: 'Ridge point', unit: 'FLOP/B', formula: 'R = peak_flops·η/(BW·η_bw)',
      doc: 'Arithmetic intensity where compute and memory time are equal; below it a step is memory-bound.',
      inputs: { peakFlops: s.peakFlops, efficiency: s.efficiency, bandwidth: s.bandwidth, bandwidthEfficiency: s.bandwidthEfficiency },
      compute: ({ peakFlops, efficiency, bandwidth, bandwidthEfficiency }) => ridgePoint(peakFlops, efficiency, bandwidth, bandwidthEfficiency),
    }),
    roofline_ratio: derived({
      ...common, id: id.roofline_ratio, label: 'Roofline ratio', unit: '1', formula: 'max(T_c, T_m)/min(T_c, T_m)',
      doc: `How far the ${g.step} is from balance between compute and memory.`,
      inputs: times,
      compute: ({ tCompute, tMemory }) => rooflineRatio(tCompute, tMemory),
    }),
  };
  const omit = new Set(g.omit ?? []);
  return ROOFLINE_CELLS.filter((c) => !omit.has(c)).map((c) => all[c]);
}
