/**
 * The wall 1–2 step that wall 13 re-evaluates (physics.md §4.0, inference and serving): the
 * LM decode step, or the batched forward pass of a non-LM. `stepFactsOf` turns the step's
 * named inputs into plain facts; `baselineStep` and `shadowStep` build the §3.1 inputs from them.
 */
import { type ArgsOf, choice, fail, Failure, number, optNumber } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { decodeTokenFlops, weightBytesTouched } from '../serving/lm-physics.js';
import { deviceRateInputs, deviceRatesOf, lmFactInputs, lmFactsOf } from '../serving/readers.js';
import type { StepInput } from './fidelity-physics.js';

/** The baseline step, split into the parts compression changes. */
export interface StepFacts {
  readonly flops: number;
  /** FLOPs of the weight matmuls (B·F_lin for an LM; all of B·F_s for a non-LM). */
  readonly linearFlops: number;
  /** Weight bytes the step reads (W_t(B)); W for the footprint. */
  readonly weightBytesRead: number;
  readonly weightBytes: number;
  /** Step traffic and footprint besides the weights (KV, activations). */
  readonly otherBytes: number;
  readonly otherFootprint: number;
  readonly peakFlops: number;
  readonly efficiency: number;
  readonly bandwidth: number;
  readonly bandwidthEfficiency: number;
  readonly capacity: number;
  readonly sramCapacity: number | null;
  readonly sramBandwidth: number | null;
  readonly hostLink: number;
  readonly overhead: number;
}

/** What either step reads after its model facts: the scenario device's rates, B, A_work and the memory tiers. */
const deviceStepInputs = () => ({
  ...deviceRateInputs(),
  batch: number('scenario.batch_size'),
  workingSet: number('workload.activation_working_set'),
  capacity: optNumber('hardware.memory_capacity'),
  hostLink: optNumber('hardware.host_link_bandwidth'),
  hostLinkFallback: number('memory.host_link_bandwidth_fallback'),
  executionModel: choice('hardware.execution_model', ['standard', 'weight_streaming'] as const),
  sramCapacity: optNumber('hardware.sram_capacity'),
  sramBandwidth: optNumber('hardware.sram_bandwidth'),
});

/** An LM's decode step at context_len. */
const decodeStepInputs = (ctx: BuildContext) => ({ ...lmFactInputs(ctx), context: number('scenario.context_len'), ...deviceStepInputs() });

/** A non-LM's batched forward pass. */
const forwardStepInputs = () => ({
  flopsPerSample: number('workload.flops_per_sample_eff'),
  weightBytes: number('workload.weight_bytes'),
  trafficPerSample: optNumber('workload.activation_traffic_per_sample'),
  layers: optNumber('workload.layers'),
  ...deviceStepInputs(),
});

/** The scenario's own step (LM decode at context_len, or the non-LM forward pass) as named inputs; decode with `stepFactsOf`. */
export function stepFactInputs(ctx: BuildContext) {
  return isLM(ctx.model.family) ? decodeStepInputs(ctx) : forwardStepInputs();
}
export type StepFactArgs = ArgsOf<ReturnType<typeof stepFactInputs>>;

/** The step facts read through `stepFactInputs`. */
export function stepFactsOf(ctx: BuildContext, a: StepFactArgs): StepFacts | Failure {
  const device = ctx.device.id;
  const rate = deviceRatesOf(ctx, a);
  if (rate instanceof Failure) return rate;
  if (a.executionModel === 'weight_streaming') return fail('unsupported', `${device} streams weights (wall 6); the compressed step is modelled for standard devices`);
  if (a.capacity === null) return fail('missing_data', `${device} has no memory_capacity; the compressed step needs it`);
  const B = a.batch;
  const common = {
    peakFlops: rate.peakFlops, efficiency: rate.efficiency, bandwidth: rate.bandwidth, bandwidthEfficiency: rate.bandwidthEfficiency,
    capacity: a.capacity, sramCapacity: a.sramCapacity, sramBandwidth: a.sramBandwidth, hostLink: a.hostLink ?? a.hostLinkFallback,
  };
  // Only the decode step's bundle has a context (stepFactInputs builds one bundle or the other).
  if ('context' in a) {
    const f = lmFactsOf(ctx, a);
    if (f instanceof Failure) return f;
    const kv = B * a.context * f.kvPerToken;
    return {
      ...common, flops: B * decodeTokenFlops(f, a.context), linearFlops: B * f.linearFlops, weightBytesRead: weightBytesTouched(f, B),
      weightBytes: f.weightBytes, otherBytes: kv, otherFootprint: kv + a.workingSet, overhead: rate.dispatchTax + f.layers * rate.layerTax,
    };
  }
  return {
    ...common, flops: B * a.flopsPerSample, linearFlops: B * a.flopsPerSample, weightBytesRead: a.weightBytes, weightBytes: a.weightBytes,
    otherBytes: a.trafficPerSample === null ? 0 : B * a.trafficPerSample, otherFootprint: a.workingSet,
    overhead: rate.dispatchTax + (a.layers ?? 1) * rate.layerTax,
  };
}

/** The baseline step as §3.1 input. */
export function baselineStep(s: StepFacts): StepInput {
  return {
    flops: s.flops, linearFlops: s.linearFlops, linearTimeFactor: 1, bytes: s.weightBytesRead + s.otherBytes,
    weightBytesTouched: s.weightBytesRead, footprint: s.weightBytes + s.otherFootprint, weightBytes: s.weightBytes,
    peakFlops: s.peakFlops, efficiency: s.efficiency, bandwidth: s.bandwidth, bandwidthEfficiency: s.bandwidthEfficiency,
    capacity: s.capacity, sramCapacity: s.sramCapacity, sramBandwidth: s.sramBandwidth, hostLink: s.hostLink, overhead: s.overhead,
  };
}

/**
 * The shadow step: weights scaled to W' (every weight read scales alike, so W'_t = W_t·W'/W),
 * the linear FLOPs scaled by `linearKept` (1 − s for structured pruning), the linear part at
 * the sparse rate (`linearTimeFactor`) and the shadow peak.
 */
export function shadowStep(s: StepFacts, compressedWeightBytes: number, linearKept: number, linearTimeFactor: number, peakFlops: number): StepInput {
  const scale = compressedWeightBytes / s.weightBytes;
  const linear = s.linearFlops * linearKept;
  return {
    ...baselineStep(s), flops: s.flops - s.linearFlops + linear, linearFlops: linear, linearTimeFactor,
    bytes: s.weightBytesRead * scale + s.otherBytes, weightBytesTouched: s.weightBytesRead * scale,
    footprint: compressedWeightBytes + s.otherFootprint, weightBytes: compressedWeightBytes, peakFlops,
  };
}
