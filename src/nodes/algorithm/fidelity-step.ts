/**
 * The wall 1–2 step that wall 13 re-evaluates (physics.md §4.0, inference and serving): the
 * LM decode step, or the batched forward pass of a non-LM. A reader turns the step's cell
 * values into plain facts; `baselineStep` and `shadowStep` build the §3.1 inputs from them.
 */
import { fail, Failure, type Plain } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { num, numOrNull, str } from '../common/plain.js';
import { decodeTokenFlops, weightBytesTouched } from '../serving/lm-physics.js';
import { deviceRates, lmFacts, readAll, type Reader } from '../serving/readers.js';
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

const TAIL_IDS = ['scenario.batch_size', 'workload.activation_working_set', 'hardware.memory_capacity', 'hardware.host_link_bandwidth',
  'memory.host_link_bandwidth_fallback', 'hardware.execution_model', 'hardware.sram_capacity', 'hardware.sram_bandwidth'];

/** Reads the scenario's own step (LM decode at context_len, or the non-LM forward pass). */
export function stepFacts(ctx: BuildContext): Reader<StepFacts> {
  const rates = deviceRates(ctx);
  const device = ctx.device.id;
  const lm = isLM(ctx.model.family);
  const head = lm ? [...lmFacts(ctx).ids, 'scenario.context_len'] : ['workload.flops_per_sample_eff', 'workload.weight_bytes', 'workload.activation_traffic_per_sample', 'workload.layers'];
  const headLen = head.length;
  return {
    ids: [...head, ...rates.ids, ...TAIL_IDS],
    read: (v: readonly Plain[]) => {
      const r = readAll([rates] as const, v.slice(headLen, headLen + rates.ids.length));
      if (r instanceof Failure) return r;
      const [rate] = r;
      const [batch, aWork, capacity, hostLink, hostFallback, exec, sramCap, sramBw] = v.slice(headLen + rates.ids.length);
      if (str(exec) === 'weight_streaming') return fail('unsupported', `${device} streams weights (wall 6); the compressed step is modelled for standard devices`);
      if (capacity === null) return fail('missing_data', `${device} has no memory_capacity; the compressed step needs it`);
      const B = num(batch);
      const common = {
        peakFlops: rate.peakFlops, efficiency: rate.efficiency, bandwidth: rate.bandwidth, bandwidthEfficiency: rate.bandwidthEfficiency,
        capacity: num(capacity), sramCapacity: numOrNull(sramCap), sramBandwidth: numOrNull(sramBw),
        hostLink: numOrNull(hostLink) ?? num(hostFallback),
      };
      if (lm) {
        const facts = readAll([lmFacts(ctx)] as const, v.slice(0, headLen - 1));
        if (facts instanceof Failure) return facts;
        const [f] = facts;
        const x = num(v[headLen - 1]);
        const kv = B * x * f.kvPerToken;
        return {
          ...common, flops: B * decodeTokenFlops(f, x), linearFlops: B * f.linearFlops, weightBytesRead: weightBytesTouched(f, B),
          weightBytes: f.weightBytes, otherBytes: kv, otherFootprint: kv + num(aWork), overhead: rate.dispatchTax + f.layers * rate.layerTax,
        };
      }
      const [fs, w, traffic, layers] = v.slice(0, headLen);
      if (fs === null) return fail('missing_data', `${ctx.model.id} has no flops_per_sample; the compressed step needs it`);
      return {
        ...common, flops: B * num(fs), linearFlops: B * num(fs), weightBytesRead: num(w), weightBytes: num(w),
        otherBytes: traffic === null ? 0 : B * num(traffic), otherFootprint: num(aWork),
        overhead: rate.dispatchTax + (layers === null ? 1 : num(layers)) * rate.layerTax,
      };
    },
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
