/**
 * LM step physics for the serving walls (4–6) over a bundle of facts: block and decode-token
 * FLOPs, MoE bytes touched and the §3.1 step. Thin adapters over the workload lowering
 * (§2) and the roofline template (§3.1), so every wall uses the same arithmetic.
 */
import type { AttentionConvention } from '../common/scenario-inputs.js';
import { rooflineStep as templateStep, type StepResult } from '../templates/roofline.js';
import { activationWorkingSet } from '../workload/activations.js';
import { blockFlops as workloadBlockFlops, decodeTokenFlops as workloadDecodeTokenFlops } from '../workload/flops.js';
import { moeWeightBytesTouched } from '../workload/weights.js';

/** The LM facts a step formula needs (physics.md §2). */
export interface LmFacts {
  /** F_lin = 2·P_a, FLOP per token (§2.3). */
  readonly linearFlops: number;
  /** A = 2·L·H·(d_h + d_v), FLOP per (new token × attended token) (§2.3). */
  readonly attentionCoeff: number;
  readonly convention: AttentionConvention;
  /** W = P·b_w, B (§2.5). */
  readonly weightBytes: number;
  /** MoE split for W_t(T); null for dense models (W_t = W). */
  readonly moe: MoeSplit | null;
  /** kv_tok, B per token (§2.6). */
  readonly kvPerToken: number;
  /** L. */
  readonly layers: number;
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
}

/** F_block(n, C) = F_lin·n + A·Ψ(n, C), FLOP per sequence (§2.3). */
export function blockFlops(lm: LmFacts, n: number, cached: number): number {
  return workloadBlockFlops(lm.linearFlops, lm.attentionCoeff, n, cached, lm.convention);
}

/** F_tok(x) = F_block(1, x − 1) = F_lin + A·x for one decode token at context x (§2.3). */
export function decodeTokenFlops(lm: LmFacts, context: number): number {
  return workloadDecodeTokenFlops(lm.linearFlops, lm.attentionCoeff, context, lm.convention);
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
 * Q = W_t(B) + B·x·kv_tok, k = 1, L_x = L (physics.md §5 wall 4).
 */
export function decodeStep(lm: LmFacts, r: StepRates, context: number, batch: number): StepResult {
  const flops = batch * decodeTokenFlops(lm, context);
  const bytes = weightBytesTouched(lm, batch) + batch * context * lm.kvPerToken;
  return rooflineStep(flops, bytes, r, 1, lm.layers);
}

export { activationWorkingSet, type StepResult };
