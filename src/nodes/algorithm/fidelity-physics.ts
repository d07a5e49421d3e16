/**
 * Wall 13 as pure functions (physics.md §7 wall 13): compressed weight bytes, the
 * accuracy prior, and the re-evaluated ("shadow") wall 1–2 step. The shadow is the same
 * §3.1/§4.0 arithmetic as the baseline with the compressed weights, FLOPs and peak; both
 * are evaluated here so that an unchanged design has a speedup of exactly 1.
 */
import { fail, type Failure } from '../../graph/index.js';
import type { PrecisionKey } from '../context.js';
import { hostBytes, isTwoTier, mainTierBytes, type MemoryRegime, memoryRegime, tierTime } from '../node/memory-tiers.js';
import { computeTime, stepLatency } from '../templates/roofline.js';

export const COMPRESSION_METHODS = ['none', 'quantization', 'pruning', 'quantization_and_pruning'] as const;
export type CompressionMethod = (typeof COMPRESSION_METHODS)[number];
export const QUANT_SCHEMES = ['weight_only', 'weight_activation'] as const;
export const SPARSITY_PATTERNS = ['structured', 'n_m', 'unstructured'] as const;
export type SparsityPattern = (typeof SPARSITY_PATTERNS)[number];

export const quantizes = (m: string): boolean => m === 'quantization' || m === 'quantization_and_pruning';
export const prunes = (m: string): boolean => m === 'pruning' || m === 'quantization_and_pruning';

/** The index metadata is per parameter: without a parameter count it cannot be sized (never counted as 0). */
const noParams = (what: string): Failure =>
  fail('missing_data', `the model lists no parameter count (workload.params); the ${what} index metadata (fidelity.sparsity_metadata_bytes per parameter) needs it`);

/** The 2:4 pattern is the only n:m pattern modelled (s = 0.5). */
const N_M_SPARSITY = 0.5;

export interface WeightCompression {
  readonly method: string;
  readonly pattern: string;
  readonly sparsity: number;
  readonly sparseStorage: boolean;
  /** b_w of the deployed weights and b(target_precision), B per element. */
  readonly baseWidth: number;
  readonly targetWidth: number;
  readonly targetPrecision: string;
  readonly weightPrecision: string;
}

/**
 * W' (cell 1). Quantization rescales every weight to b(target); pruning keeps (1 − s) of
 * them, plus the index metadata (B per parameter) for n:m and sparse unstructured storage.
 */
export function compressedWeightBytes(c: WeightCompression, weightBytes: number, params: number | null, metadataPerParam: number): number | Failure {
  let width = c.baseWidth;
  if (quantizes(c.method)) {
    if (!(c.targetWidth < c.baseWidth)) {
      return fail('invalid_input', `fidelity.target_precision ${c.targetPrecision} must have fewer bits than weight_precision ${c.weightPrecision}`);
    }
    width = c.targetWidth;
  }
  const quantized = weightBytes * (width / c.baseWidth);
  if (!prunes(c.method)) return quantized;
  if (c.pattern === 'structured') return quantized * (1 - c.sparsity);
  if (c.pattern === 'n_m') {
    if (c.sparsity !== N_M_SPARSITY) return fail('invalid_input', 'n:m sparsity supports 2:4 (s = 0.5)');
    return params === null ? noParams('2:4') : N_M_SPARSITY * quantized + params * metadataPerParam;
  }
  if (!c.sparseStorage) return quantized;
  return params === null ? noParams('sparse unstructured storage') : (1 - c.sparsity) * quantized + params * metadataPerParam;
}

/** Quantization prior by target precision (cell 6), signed fraction. */
const QUANT_ACCURACY_DELTA: Readonly<Record<PrecisionKey, number>> = {
  fp32: 0, tf32: 0, bf16: 0, fp16: 0, fp8: -0.002, int8: -0.005, int4: -0.025, fp4: -0.025,
};
/** Pruning prior: −0.001 up to s = 0.5, then −0.001 − 0.01·(e^{2s} − e) (continuous at 0.5). */
const PRUNE_BASE_DELTA = -0.001;
const PRUNE_SLOPE = 0.01;

export function accuracyDelta(method: string, target: PrecisionKey, sparsity: number): number {
  let delta = 0;
  if (quantizes(method)) delta += QUANT_ACCURACY_DELTA[target];
  if (prunes(method)) delta += sparsity <= 0.5 ? PRUNE_BASE_DELTA : PRUNE_BASE_DELTA - PRUNE_SLOPE * (Math.exp(2 * sparsity) - Math.E);
  return delta;
}

/** One device step for the baseline or the shadow (physics.md §3.1 with the wall 2 memory tiers). */
export interface StepInput {
  /** All FLOPs of the step, and those of the weight matmuls (the part 2:4 sparsity speeds up). */
  readonly flops: number;
  readonly linearFlops: number;
  /** Time multiplier of the linear part: peak_dense/peak_sparse for 2:4, else 1. */
  readonly linearTimeFactor: number;
  /** Q, and the weight bytes W_t it includes. */
  readonly bytes: number;
  readonly weightBytesTouched: number;
  /** M_foot, and the weights W it includes. */
  readonly footprint: number;
  readonly weightBytes: number;
  readonly peakFlops: number;
  readonly efficiency: number;
  readonly bandwidth: number;
  readonly bandwidthEfficiency: number;
  readonly capacity: number;
  readonly sramCapacity: number | null;
  readonly sramBandwidth: number | null;
  /** Host link bandwidth; null when the device lists none, so it cannot offload (wall 2). */
  readonly hostLink: number | null;
  readonly overhead: number;
}

export interface StepOutcome {
  /** T, or no_solution when the step must spill to host memory over a host link the device does not have (as wall 2 says). */
  readonly latency: number | Failure;
  readonly regime: MemoryRegime;
  /** Wall 2 cell 5: not offloaded, and on a two-tier device the arena fits the SRAM. */
  readonly feasible: boolean;
}

/**
 * T = max(T_c, T_m) + T_ov, with T_c counting the linear FLOPs at the sparse rate and T_m
 * split across SRAM, main memory and the host link exactly as wall 2 does.
 */
export function evaluateStep(s: StepInput, device: string): StepOutcome {
  const tCompute = computeTime(s.flops - s.linearFlops + s.linearFlops * s.linearTimeFactor, s.peakFlops, s.efficiency);
  const twoTier = isTwoTier(s.footprint, s.sramCapacity, s.sramBandwidth);
  const mainBytes = mainTierBytes(s.footprint, s.weightBytes, twoTier);
  const regime = memoryRegime(s.footprint, mainBytes, s.capacity, s.sramCapacity, s.sramBandwidth);
  const spill = regime === 'offload' ? mainBytes - s.capacity : 0;
  const host = hostBytes(regime, spill, s.bytes, s.weightBytesTouched, twoTier);
  // Two-tier implies an SRAM capacity (isTwoTier), so the null test only narrows the type.
  const arenaFits = !twoTier || (s.sramCapacity !== null && s.footprint - s.weightBytes <= s.sramCapacity);
  const feasible = regime !== 'offload' && arenaFits;
  // No host link, no offload: the step is not timed, never faster than the device's own memory (wall 2, memory.effective_bandwidth).
  if (s.hostLink === null && host > 0) {
    return { regime, feasible, latency: fail('no_solution', `offload not available: ${device} lists no host link bandwidth, so the step cannot spill to host memory; it must fit the device memory (set hardware.host_link_bandwidth to model one)`) };
  }
  const split = { regime, twoTier, traffic: s.bytes, weightTouched: s.weightBytesTouched, hostBytes: host };
  // Without a host link no byte crosses one (h = 0), so its bandwidth is never read.
  const tMemory = tierTime(split, { main: s.bandwidth, sram: s.sramBandwidth, host: s.hostLink ?? Infinity }) / s.bandwidthEfficiency;
  return { latency: stepLatency(tCompute, tMemory, s.overhead), regime, feasible };
}
