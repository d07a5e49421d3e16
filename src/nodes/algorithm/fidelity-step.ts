/**
 * The wall 1–2 step that wall 13 re-evaluates (physics.md §4.0, inference and serving): the
 * LM decode step, or the batched forward pass of a non-LM. `stepFactsOf` turns the step's
 * named inputs into plain facts; `baselineStep` and `shadowStep` build the §3.1 inputs from them.
 *
 * The decode step is the one walls 1–2 compute (node/execution-unit.ts): F = B·F_tok(x) with the
 * decode attention coefficient (MLA absorbed) and min(x, w) on windowed layers
 * (workload.decode_flops_per_token), the windowed KV (workload.kv_bytes). When the system's
 * devices split the model (src/nodes/parallel) it is one device's share of one stage — F·f/t,
 * W_dev, W_t,dev, K·κ_kv, L_stage layers — and the replica's step adds what compression does not
 * change (physics.md Amendments, "Parallelism outside training"): the TP all-reduces, EP
 * all-to-alls and CP merges of the activations, at the activation precision b_act, and the
 * stage hand-offs,
 *   T = p·(T_dev + T_tp + T_ep + T_cp) + (p − 1)·hand-off   (wall 14's communication.decode_step_time).
 */
import { type ArgsOf, choice, fail, Failure, gate, number, optNumber } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { weightBytesTouched } from '../serving/lm-physics.js';
import { deviceRateInputs, deviceRatesOf, lmFactInputs, lmFactsOf } from '../serving/readers.js';
import type { StepInput } from './fidelity-physics.js';

/** What a split model's replica adds to one device's step; compression leaves it as it is. */
export interface ReplicaCollectives {
  /** p, the pipeline stages of the replica. */
  readonly stages: number;
  /** One stage's TP all-reduces, EP all-to-alls and CP merges (communication.decode_tp_comm, decode_ep_comm, decode_cp_comm). */
  readonly tpComm: number;
  readonly epComm: number;
  readonly cpComm: number;
  /** The (p − 1) stage hand-offs of one pass (communication.decode_pp_comm). */
  readonly handoffs: number;
}

/** The baseline step, split into the parts compression changes. */
export interface StepFacts {
  /** FLOPs of one device's step (its share of one stage when the model is split). */
  readonly flops: number;
  /** FLOPs of the weight matmuls (B·F_lin for an LM, its share when split; all of B·F_s for a non-LM). */
  readonly linearFlops: number;
  /** Weight bytes the step reads (W_t(B), W_t,dev when split); W (W_dev) for the footprint. */
  readonly weightBytesRead: number;
  readonly weightBytes: number;
  /** W of the whole model: the compressed weights per device are W′·W_dev/W. */
  readonly modelWeightBytes: number;
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
  /** The device's host link; null when it lists none (it cannot offload, as in wall 2). */
  readonly hostLink: number | null;
  readonly overhead: number;
  /** The replica's collectives and hand-offs; null on one device (t = p = e = 1 gives zeros). */
  readonly collectives: ReplicaCollectives | null;
}

/** What either step reads after its model facts: the scenario device's rates, B, A_work and the memory tiers. */
const deviceStepInputs = () => ({
  ...deviceRateInputs(),
  batch: number('scenario.batch_size'),
  workingSet: number('workload.activation_working_set'),
  capacity: optNumber('hardware.memory_capacity'),
  hostLink: optNumber('hardware.host_link_bandwidth'),
  executionModel: choice('hardware.execution_model', ['standard', 'weight_streaming'] as const),
  sramCapacity: optNumber('hardware.sram_capacity'),
  sramBandwidth: optNumber('hardware.sram_bandwidth'),
});

/** One device's share of a split model's step, and the replica's collectives (src/nodes/parallel). */
const splitInputs = () => ({
  spShare: number('communication.stage_layer_fraction'),
  spTp: number('communication.tp'),
  spPp: number('communication.pp'),
  spStageLayers: number('communication.layers_per_stage'),
  spKvFraction: number('communication.kv_shard_fraction'),
  spWeights: number('communication.weight_bytes_per_gpu'),
  spWeightsTouched: number('communication.weight_bytes_touched_per_gpu'),
  spTpComm: number('communication.decode_tp_comm'),
  spEpComm: number('communication.decode_ep_comm'),
  spCpComm: number('communication.decode_cp_comm'),
  spHandoffs: number('communication.decode_pp_comm'),
});
type SplitArgs = ArgsOf<ReturnType<typeof splitInputs>>;

/** An LM's decode step at context_len, as walls 1–2 take it. */
const decodeStepInputs = (ctx: BuildContext) => ({
  ...lmFactInputs(ctx),
  tokenFlops: number('workload.decode_flops_per_token'),
  kvBytes: number('workload.kv_bytes'),
  ...(hasParallelLayout(ctx) ? splitInputs() : {}),
  ...deviceStepInputs(),
});

/** A non-LM's batched forward pass. */
const forwardStepInputs = () => ({
  flopsPerSample: number('workload.flops_per_sample_eff'),
  weightBytes: number('workload.weight_bytes'),
  trafficPerSample: optNumber('workload.activation_traffic_per_sample'),
  // L_x of walls 1–2: the layer count, or 1 with its warning when the catalogue has none.
  layersExecuted: number('compute.layers_executed'),
  // Read only so that wall 1's warning on an unknown activation traffic (weights only, a lower bound) reaches this step.
  traffic: gate('compute.memory_traffic'),
  ...deviceStepInputs(),
});

/** The scenario's own step (LM decode at context_len, or the non-LM forward pass) as named inputs; decode with `stepFactsOf`. */
export function stepFactInputs(ctx: BuildContext) {
  return isLM(ctx.model.family) ? decodeStepInputs(ctx) : forwardStepInputs();
}
export type StepFactArgs = ArgsOf<ReturnType<typeof stepFactInputs>>;

/** Whether the decode bundle carries the split (spread only when the scenario has a layout). */
const isSplit = (a: Partial<SplitArgs>): a is SplitArgs => a.spTp !== undefined;

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
    capacity: a.capacity, sramCapacity: a.sramCapacity, sramBandwidth: a.sramBandwidth, hostLink: a.hostLink,
  };
  // Only the decode step's bundle has the KV (stepFactInputs builds one bundle or the other).
  if ('kvBytes' in a) {
    const f = lmFactsOf(ctx, a);
    if (f instanceof Failure) return f;
    const whole = { ...common, modelWeightBytes: f.weightBytes };
    if (isSplit(a)) {
      // One device's share of one stage, in the execution unit's order of operations (node/execution-unit.ts).
      const kv = a.kvBytes * a.spKvFraction;
      return {
        ...whole, flops: (B * a.tokenFlops * a.spShare) / a.spTp, linearFlops: (B * f.linearFlops * a.spShare) / a.spTp,
        weightBytesRead: a.spWeightsTouched, weightBytes: a.spWeights, otherBytes: kv, otherFootprint: kv + a.workingSet,
        overhead: rate.dispatchTax + a.spStageLayers * rate.layerTax,
        collectives: { stages: a.spPp, tpComm: a.spTpComm, epComm: a.spEpComm, cpComm: a.spCpComm, handoffs: a.spHandoffs },
      };
    }
    return {
      ...whole, flops: B * a.tokenFlops, linearFlops: B * f.linearFlops, weightBytesRead: weightBytesTouched(f, B),
      weightBytes: f.weightBytes, otherBytes: a.kvBytes, otherFootprint: a.kvBytes + a.workingSet,
      overhead: rate.dispatchTax + f.layers * rate.layerTax, collectives: null,
    };
  }
  return {
    ...common, flops: B * a.flopsPerSample, linearFlops: B * a.flopsPerSample, weightBytesRead: a.weightBytes, weightBytes: a.weightBytes,
    modelWeightBytes: a.weightBytes,
    // B·traffic per sample, or only the weights (wall 1's lower bound, said there) when the catalogue has no figure.
    otherBytes: a.trafficPerSample === null ? 0 : B * a.trafficPerSample, otherFootprint: a.workingSet,
    overhead: rate.dispatchTax + a.layersExecuted * rate.layerTax, collectives: null,
  };
}

/**
 * The replica's step from one device's: T = p·(T_dev + T_tp + T_ep + T_cp) + hand-offs, in wall 14's
 * order of operations (communication.decode_stage_time, decode_step_time); T_dev on one device.
 */
export function replicaStepLatency(deviceLatency: number, c: ReplicaCollectives | null): number {
  if (!c) return deviceLatency;
  const stage = deviceLatency + c.tpComm + c.epComm + c.cpComm;
  return c.stages * stage + c.handoffs;
}

/** W′ on one device: W′ itself on one device, else W′·W_dev/W (every weight compresses alike). */
export function compressedDeviceWeightBytes(s: StepFacts, compressed: number): number {
  return s.collectives ? (compressed * s.weightBytes) / s.modelWeightBytes : compressed;
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
