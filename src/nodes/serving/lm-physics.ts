/**
 * LM step physics for the serving walls (4–6) over a bundle of facts: block and decode-token
 * FLOPs, MoE bytes touched and the §3.1 step. Thin adapters over the workload lowering
 * (§2) and the roofline template (§3.1), so every wall uses the same arithmetic.
 *
 * Windowed layers (Mistral, Gemma-2) hold and attend at most w tokens (workload/window.ts):
 * the KV a sequence holds and reads at context x is kvBytesPerSequence(x), and attention
 * FLOPs use the layer-averaged pairs. Decode (one new token per sequence, verification
 * included) uses A_dec, the absorbed MLA coefficient for DeepSeek-V2/V3 (workload/flops.ts);
 * prefill keeps the expanded A. Without a window and without MLA every formula is §5's.
 */
import type { AttentionConvention } from '../common/scenario-inputs.js';
import { ringExposed, ringTokens } from '../parallel/ring.js';
import { microbatchesFor, type PassResult, type Shard, stageEpComm, stagePass, stageTpComm } from '../parallel/shard.js';
import { rooflineStep as templateStep, type StepResult } from '../templates/roofline.js';
import { activationWorkingSet } from '../workload/activations.js';
import { blockFlops as workloadBlockFlops, decodeTokenFlops as workloadDecodeTokenFlops } from '../workload/flops.js';
import { moeWeightBytesTouched } from '../workload/weights.js';
import type { AttentionWindow } from '../workload/pairs.js';
import { kvBytesPerSequence } from '../workload/window.js';
import { type DevicePlacement, placedStep } from './placement.js';

/** The LM facts a step formula needs (physics.md §2). */
export interface LmFacts {
  /** F_lin = 2·P_a, FLOP per token (§2.3). */
  readonly linearFlops: number;
  /** A = 2·L·H·(d_h + d_v), FLOP per (new token × attended token) (§2.3): prefill, the expanded form. */
  readonly attentionCoeff: number;
  /**
   * A_dec: the absorbed MLA coefficient 2·L·H·(2·r_kv + d_r) for decode (workload/flops.ts);
   * absent for a model without MLA, whose decode uses A.
   */
  readonly decodeAttentionCoeff?: number;
  /** The sliding window (w, L_w of L layers); absent or null when every layer attends the whole context. */
  readonly window?: AttentionWindow | null;
  readonly convention: AttentionConvention;
  /** W = P·b_w, B (§2.5). */
  readonly weightBytes: number;
  /** MoE split for W_t(T); null for dense models (W_t = W). */
  readonly moe: MoeSplit | null;
  /** kv_tok, B per token (§2.6). */
  readonly kvPerToken: number;
  /** L. */
  readonly layers: number;
  /**
   * What one device of a replica holds when the system splits the model by tensor, pipeline or
   * expert parallelism (src/nodes/parallel); absent or null for one device (or t = p = e = 1),
   * where every formula below is the single-device one, bit for bit.
   */
  readonly shard?: Shard | null;
}

export interface MoeSplit {
  readonly denseParams: number;
  readonly expertParams: number;
  readonly experts: number;
  readonly expertsPerToken: number;
  /** b_w, B per element. */
  readonly weightWidth: number;
}

/** The device rates of a §3.1 step. */
export interface StepRates {
  readonly peakFlops: number;
  readonly efficiency: number;
  readonly bandwidth: number;
  readonly bandwidthEfficiency: number;
  readonly dispatchTax: number;
  readonly layerTax: number;
  /**
   * Where a single-device step's bytes live (placement.ts: wall 2's regime, or wall 6's streamed
   * pass); absent or null times every step resident in device memory, as §5 writes it.
   */
  readonly placement?: DevicePlacement | null;
}

/** F_block(n, C) = F_lin·n + A·Ψ(n, C), FLOP per sequence (§2.3); Ψ averaged over windowed layers. */
export function blockFlops(lm: LmFacts, n: number, cached: number): number {
  return workloadBlockFlops(lm.linearFlops, lm.attentionCoeff, n, cached, lm.convention, lm.window ?? null);
}

/** F_tok(x) = F_lin + A_dec·x for one decode token at context x (§2.3); min(x, w) on windowed layers. */
export function decodeTokenFlops(lm: LmFacts, context: number): number {
  return workloadDecodeTokenFlops(lm.linearFlops, lm.decodeAttentionCoeff ?? lm.attentionCoeff, context, lm.convention, lm.window ?? null);
}

/**
 * The KV bytes B sequences hold (and a step reads) at context x with `kvPerToken` bytes per
 * token: B·x·kv_tok, or B·kvBytesPerSequence(x) with windowed layers (min(x, w) there).
 */
export function kvBytesAt(lm: LmFacts, batch: number, context: number, kvPerToken: number = lm.kvPerToken): number {
  return heldKvBytes(lm.window ?? null, batch, context, kvPerToken);
}

/** B·x·kv_tok (in that order, §5's), or B·kvBytesPerSequence(x) when the model has a window. */
export function heldKvBytes(window: AttentionWindow | null, batch: number, context: number, kvPerToken: number): number {
  return window ? batch * kvBytesPerSequence(context, kvPerToken, window) : batch * context * kvPerToken;
}

/** W_t(T): the weight bytes a step over T tokens touches — W for dense models (§2.5). */
export function weightBytesTouched(lm: LmFacts, tokens: number): number {
  if (!lm.moe) return lm.weightBytes;
  const m = lm.moe;
  return moeWeightBytesTouched(m.weightWidth, m.denseParams, m.expertParams, m.experts, m.expertsPerToken, tokens);
}

/** The §3.1 step with k passes over `layers` layers at the rates `r`. */
export function rooflineStep(flops: number, bytes: number, r: StepRates, passes: number, layers: number): StepResult {
  return templateStep({ flops, bytes, passes, layers, ...r });
}

/**
 * itl_fn(x, B): one decode step of B sequences at context x, F = B·F_tok(x),
 * Q = W_t(B) + B·x·kv_tok (windowed: the KV held, kvBytesAt), k = 1, L_x = L (physics.md §5 wall 4).
 */
export function decodeStep(lm: LmFacts, r: StepRates, context: number, batch: number): StepResult | PassResult {
  const flops = batch * decodeTokenFlops(lm, context);
  const kv = kvBytesAt(lm, batch, context);
  if (lm.shard) return stagePass(lm.shard, lm.moe, r, flops, kv, batch, 1);
  return singleDeviceStep(lm, r, flops, kv, batch, 1);
}

/**
 * One step of B sequences with n new tokens each on one device: F, Q = W_t(B·n) + KV, k = 1,
 * L_x = L; placed (wall 2's regime or wall 6's pass) when the rates carry the device's placement.
 */
export function singleDeviceStep(lm: LmFacts, r: StepRates, flops: number, kv: number, batch: number, newTokens: number): StepResult {
  const weightsTouched = weightBytesTouched(lm, batch * newTokens);
  if (!r.placement) return rooflineStep(flops, weightsTouched + kv, r, 1, lm.layers);
  return placedStep({ flops, weightsTouched, kv, weights: lm.weightBytes, layers: lm.layers, batch, newTokens }, r, r.placement);
}

/**
 * The decode step of a continuous-batching server with B busy slots: itl_fn(x, B) on one
 * device; with pipeline stages, m = min(p, B) micro-batches of ⌈B/m⌉ sequences keep the stages
 * busy and each comes back once per pass (src/nodes/parallel/shard.ts).
 */
export function servingDecodeStep(lm: LmFacts, r: StepRates, context: number, batch: number): StepResult | PassResult {
  if (!lm.shard || lm.shard.pp === 1) return decodeStep(lm, r, context, batch);
  return decodeStep(lm, r, context, microbatchesFor(lm.shard, batch).size);
}

/** kv_tok on one device: the share κ_kv of the replica's per-token KV it holds (all of it on one device). */
export function deviceKvPerToken(lm: LmFacts): number {
  return lm.shard ? lm.kvPerToken * lm.shard.kvFraction : lm.kvPerToken;
}

/**
 * T_pc, the time one request's prefill of n tokens after C cached adds to a busy decode batch:
 * F_block(n, C)/(peak·η) on one device (physics.md §5 wall 5 cell 6); split, one rank's share
 * F_block·f/(t·c)/(peak·η) plus that stage's TP and EP collectives for the rank's ⌈n/c⌉ tokens
 * and, on a ring (c > 1), the ring traffic its attention does not hide (parallel/ring.ts, as
 * ringPrefillPass charges a prefill chunk).
 */
export function prefillStall(lm: LmFacts, r: StepRates, newTokens: number, cached: number): number {
  const block = blockFlops(lm, newTokens, cached);
  const compute = block / (r.peakFlops * r.efficiency);
  const s = lm.shard;
  if (!s) return compute;
  if (s.cp === 1) return (compute * s.stageFraction) / s.tp + stageTpComm(s, newTokens) + stageEpComm(s, newTokens);
  const tokens = ringTokens(newTokens, s.cp);
  const exposed = ringExposed(s, r, block - newTokens * lm.linearFlops, 1, cached + newTokens);
  return (compute * s.stageFraction) / (s.tp * s.cp) + stageTpComm(s, tokens) + stageEpComm(s, tokens) + exposed;
}

export { activationWorkingSet, type StepResult };
