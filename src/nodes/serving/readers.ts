/**
 * Input bundles: the cells serving formulas read again and again (the LM facts, one device's
 * rates, the speculative draft, the activation working set) as named, typed inputs plus the
 * decoder that turns their arguments into a fact bundle, so the two cannot drift. A cell
 * spreads the bundles it reads next to its own inputs,
 * `inputs: { ...lmFactInputs(ctx), ...deviceRateInputs(), batch: number('scenario.batch_size') }`,
 * and decodes them with `lmFactsOf(ctx, args)`, `deviceRatesOf(ctx, args)`. Keys are distinct
 * across bundles, and a cell's own inputs never reuse a key of a bundle it spreads (a spread
 * would silently overwrite it). The one exception is by design: the scenario device's and the
 * decode device's rates share one shape, because a step runs on one device or the other.
 */
import { type ArgsOf, choice, type ComputeResult, Failure, flag, number, optNumber, optText } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { required } from '../common/plain.js';
import { ATTENTION_CONVENTIONS } from '../common/scenario-inputs.js';
import { activationWorkingSet, type LmFacts, type MoeSplit, type StepRates } from './lm-physics.js';
import type { DraftFacts } from './prefill.js';
import { type DevicePlacement, UntimedStep } from './placement.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { hasShardArgs, shardInputs, shardOf } from '../parallel/shard-inputs.js';
import { windowInputs, windowOf } from '../workload/window.js';

/** The MoE split W_t(T) needs (physics.md §2.5). */
const moeSplitInputs = () => ({
  denseParams: number('workload.dense_params'),
  expertParams: number('workload.expert_params'),
  experts: optNumber('workload.experts'),
  expertsPerToken: optNumber('workload.experts_per_token'),
  weightWidth: number('scenario.weight_bytes_per_element'),
});

/**
 * The LM facts of the scenario's model (physics.md §2): F_lin, A (prefill) and A_dec (decode,
 * absorbed for MLA), the attention convention, W, kv_tok, L, the sliding window, and for MoE
 * the split that W_t(T) needs.
 */
export function lmFactInputs(ctx: BuildContext) {
  return {
    linearFlops: number('workload.linear_flops_per_token'),
    attentionCoeff: number('workload.attention_flops_coeff'),
    decodeAttentionCoeff: number('workload.decode_attention_flops_coeff'),
    ...windowInputs,
    convention: choice('scenario.attention_flops_convention', ATTENTION_CONVENTIONS),
    weightBytes: number('workload.weight_bytes'),
    kvPerToken: number('workload.kv_bytes_per_token'),
    layers: optNumber('workload.layers'),
    ...(ctx.model.family === 'moe_lm' ? moeSplitInputs() : {}),
    // The model split over several devices (src/nodes/parallel): only when the scenario has a layout.
    ...(hasParallelLayout(ctx) ? shardInputs() : {}),
  };
}
export type LmFactArgs = ArgsOf<ReturnType<typeof lmFactInputs>>;

/** The LM facts, or missing_data when the model lists no layers (or, for MoE, no E or k). */
export function lmFactsOf(ctx: BuildContext, a: LmFactArgs): LmFacts | Failure {
  const owner = ctx.model.id;
  const layers = required(a.layers, owner, 'layers', 'the serving step');
  if (layers instanceof Failure) return layers;
  const moe = moeSplitOf(owner, a);
  if (moe instanceof Failure) return moe;
  const shard = hasShardArgs(a) ? shardOf(a) : null;
  if (shard instanceof Failure) return shard;
  const { linearFlops, attentionCoeff, decodeAttentionCoeff, convention, weightBytes, kvPerToken } = a;
  const window = windowOf(a);
  return { linearFlops, attentionCoeff, decodeAttentionCoeff, window, convention, weightBytes, kvPerToken, layers, moe, ...(shard ? { shard } : {}) };
}

/** The MoE split; null for a dense model, whose bundle has none of the split inputs. */
function moeSplitOf(owner: string, a: LmFactArgs): MoeSplit | null | Failure {
  const { denseParams, expertParams, experts, expertsPerToken, weightWidth } = a;
  if (denseParams === undefined || expertParams === undefined || experts === undefined
    || expertsPerToken === undefined || weightWidth === undefined) return null;
  const e = required(experts, owner, 'experts', 'MoE weight bytes touched');
  if (e instanceof Failure) return e;
  const k = required(expertsPerToken, owner, 'experts_per_token', 'MoE weight bytes touched');
  if (k instanceof Failure) return k;
  return { denseParams, expertParams, experts: e, expertsPerToken: k, weightWidth };
}

/** One device's rates for a §3.1 step: peak, η, BW, η_bw, dispatch tax, layer tax. */
function stepRateInputs(peakId: string, bandwidthId: string) {
  return {
    peakFlops: number(peakId),
    efficiency: number('software.efficiency_effective'),
    bandwidth: optNumber(bandwidthId),
    bandwidthEfficiency: number('scenario.bandwidth_efficiency'),
    dispatchTax: number('scenario.dispatch_tax'),
    layerTax: number('scenario.layer_tax'),
  };
}
/**
 * What places a single-device step on the scenario device (placement.ts): its memory tiers and
 * host link, the A_work facts of the footprint, wall 1's power-cap clock and, on a
 * weight-streaming device, β_inj. Only a
 * one-device replica's steps read it (t = p = e = c = 1, or one device): a split model's steps
 * are the layout's (src/nodes/parallel).
 */
function placementInputs(ctx: BuildContext, timed: boolean) {
  if (ctx.mode === 'training') return {};
  return {
    plCapacity: optNumber('hardware.memory_capacity'),
    plSramCapacity: optNumber('hardware.sram_capacity'),
    plSramBandwidth: optNumber('hardware.sram_bandwidth'),
    plHostLink: optNumber('hardware.host_link_bandwidth'),
    plActFactor: number('scenario.activation_working_set_factor'),
    plHidden: optNumber('workload.hidden_dim'),
    plActWidth: number('scenario.activation_bytes_per_element'),
    // Wall 1's clock under a power cap s (1 when no cap binds): stepRatesOf folds it into η, so
    // every serving step's T_c is F/(peak·η·s), as wall 1's compute.t_compute_under_cap = T_c/s.
    // A cell that only counts FLOPs and bytes (timed = false) does not read it: the clock is
    // wall 1's timed step, and a step that cannot be timed still has its counts.
    ...(timed ? { plCapClock: number('compute.power_cap_clock') } : {}),
    // Streaming on one device only (a system of wafers splits the model instead; serving-memory.ts likewise).
    ...(ctx.device.execution_model === 'weight_streaming' && !hasParallelLayout(ctx) ? { plInjection: number('streaming.injection_bandwidth_effective') } : {}),
  };
}
type PlacementArgs = Partial<ArgsOf<{
  plCapacity: ReturnType<typeof optNumber>; plSramCapacity: ReturnType<typeof optNumber>; plSramBandwidth: ReturnType<typeof optNumber>;
  plHostLink: ReturnType<typeof optNumber>; plActFactor: ReturnType<typeof number>; plHidden: ReturnType<typeof optNumber>;
  plActWidth: ReturnType<typeof number>; plInjection: ReturnType<typeof number>; plDisaggregated: ReturnType<typeof flag>;
  plCapClock: ReturnType<typeof number>;
}>>;
export type StepRateArgs = ArgsOf<ReturnType<typeof stepRateInputs>> & PlacementArgs;

/**
 * The device placement, or null: without the bundle (no ctx given, or a split model), on a
 * separate decode device (its host link and tiers are not described), or when capacity or d
 * is unknown (the serving memory cells say which is missing).
 */
function placementOf(device: string, a: PlacementArgs): DevicePlacement | null {
  const { plCapacity: capacity, plHidden: hidden, plActFactor: actFactor, plActWidth: actWidth } = a;
  if (a.plDisaggregated === true || capacity === undefined || capacity === null || hidden === undefined || hidden === null
    || actFactor === undefined || actWidth === undefined) return null;
  return {
    device, capacity, hidden, actFactor, actWidth, sramCapacity: a.plSramCapacity ?? null, sramBandwidth: a.plSramBandwidth ?? null,
    hostLink: a.plHostLink ?? null, injection: a.plInjection ?? null,
  };
}

function stepRatesOf(device: string, a: StepRateArgs, placedOn: string): StepRates | Failure {
  const bandwidth = required(a.bandwidth, device, 'memory_bandwidth', 'the serving step');
  if (bandwidth instanceof Failure) return bandwidth;
  const { peakFlops, bandwidthEfficiency, dispatchTax, layerTax } = a;
  // The clock is the scenario device's: a separate decode device (disaggregated) runs uncapped.
  const efficiency = a.plDisaggregated === true || a.plCapClock === undefined || a.plCapClock === 1 ? a.efficiency : a.efficiency * a.plCapClock;
  return { peakFlops, efficiency, bandwidth, bandwidthEfficiency, dispatchTax, layerTax, placement: placementOf(placedOn, a) };
}

/**
 * The scenario device's rates (prefill device, continuous-batching server). With `ctx` the
 * steps are placed on the device as walls 1–2 place theirs (placement.ts); without, resident.
 */
export const deviceRateInputs = (ctx?: BuildContext, timed = true) => ({
  ...stepRateInputs('hardware.peak_flops', 'hardware.memory_bandwidth'), ...(ctx ? placementInputs(ctx, timed) : {}),
});
export const deviceRatesOf = (ctx: BuildContext, a: StepRateArgs): StepRates | Failure => stepRatesOf(ctx.device.id, a, ctx.device.id);

/** The decode device's rates (the same device unless `serving.decode_device` is set; placed only when it is the same). */
export const decodeRateInputs = (ctx?: BuildContext) => ({
  ...stepRateInputs('serving.decode_peak_flops_effective', 'serving.decode_memory_bandwidth_effective'),
  ...(ctx ? { ...placementInputs(ctx, true), plDisaggregated: flag('serving.disaggregated') } : {}),
});
export const decodeRatesOf = (ctx: BuildContext, a: StepRateArgs): StepRates | Failure =>
  stepRatesOf(`${ctx.device.id} (decode)`, a, ctx.device.id);

/** The speculative-decoding draft (physics.md §5 wall 4 cell 6). */
export const draftInputs = () => ({
  draftModel: optText('serving.draft_model'),
  draftParams: optNumber('serving.draft_params'),
  draftLayers: optNumber('serving.draft_layers'),
  draftKvPerToken: optNumber('serving.draft_kv_bytes_per_token'),
  draftAttentionCoeff: optNumber('serving.draft_attention_flops_coeff'),
  draftAcceptance: number('serving.draft_acceptance_rate'),
  draftTokens: number('serving.speculative_draft_tokens'),
  draftWeightWidth: number('scenario.weight_bytes_per_element'),
});
export type DraftArgs = ArgsOf<ReturnType<typeof draftInputs>>;

/**
 * The draft: null when neither serving.draft_model nor serving.draft_params is set; otherwise
 * every draft fact is required.
 */
export function draftOf(a: DraftArgs): DraftFacts | null | Failure {
  if (a.draftModel === null && a.draftParams === null) return null;
  const owner = `draft model ${a.draftModel ?? '(unnamed)'}`;
  const what = 'speculative decoding';
  const params = required(a.draftParams, owner, 'draft_params', what);
  if (params instanceof Failure) return params;
  const layers = required(a.draftLayers, owner, 'draft_layers', what);
  if (layers instanceof Failure) return layers;
  const kvPerToken = required(a.draftKvPerToken, owner, 'draft_kv_bytes_per_token', what);
  if (kvPerToken instanceof Failure) return kvPerToken;
  const attentionCoeff = required(a.draftAttentionCoeff, owner, 'draft_attention_flops_coeff', what);
  if (attentionCoeff instanceof Failure) return attentionCoeff;
  return { params, layers, kvPerToken, attentionCoeff, acceptance: a.draftAcceptance, draftTokens: a.draftTokens, weightWidth: a.draftWeightWidth };
}

/** What the activation working set A_work(B, n) reads: κ_act, d (a catalogue fact) and b_act. */
export const activationInputs = () => ({
  actFactor: number('scenario.activation_working_set_factor'),
  hiddenDim: optNumber('workload.hidden_dim'),
  actWidth: number('scenario.activation_bytes_per_element'),
});
export type ActivationArgs = ArgsOf<ReturnType<typeof activationInputs>>;

/** A_work(batch, tokens), or missing_data naming `need` when the model lists no hidden_dim. */
export function workingSetOf(ctx: BuildContext, need: string, a: ActivationArgs, batch: number, tokens: number): number | Failure {
  const hidden = required(a.hiddenDim, ctx.model.id, 'hidden_dim', need);
  return hidden instanceof Failure ? hidden : activationWorkingSet(batch, tokens, a.actFactor, hidden, a.actWidth);
}

/** The decoded bundles, or the first failure among them (in the order given). */
export function decoded<A, B>(a: A | Failure, b: B | Failure): readonly [A, B] | Failure;
export function decoded<A, B, C>(a: A | Failure, b: B | Failure, c: C | Failure): readonly [A, B, C] | Failure;
export function decoded(...parts: readonly unknown[]): readonly unknown[] | Failure {
  return parts.find((p): p is Failure => p instanceof Failure) ?? parts;
}

/** `f` of a decoded bundle, or the bundle's failure (or the failure of a step that cannot be timed, placement.ts). */
export function withFacts<T>(facts: T | Failure, f: (facts: T) => ComputeResult): ComputeResult {
  if (facts instanceof Failure) return facts;
  try {
    return f(facts);
  } catch (e) {
    if (e instanceof UntimedStep) return e.failure;
    throw e;
  }
}
