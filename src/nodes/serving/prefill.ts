/**
 * Prefill and decode-side formulas of wall 4 as pure functions (physics.md §5 wall 4,
 * cells 2–6): the chunked prefill schedule, the KV transfer of a disaggregated deployment
 * and the speculative-decoding ITL.
 */
import { ringPrefillPass } from '../parallel/ring.js';
import { type PassResult, stagePass } from '../parallel/shard.js';
import {
  blockFlops, decodeStep, decodeTokenFlops, kvBytesAt, type LmFacts, singleDeviceStep, type StepRates, type StepResult as StepTimes,
  weightBytesTouched,
} from './lm-physics.js';

/** Most chunks one prefill may be split into (physics.md §5 wall 4 inputs). */
export const MAX_PREFILL_CHUNKS = 1e6;

/** K = ⌈n/c⌉, or 1 without chunking (cell 3). */
export function prefillChunkCount(newTokens: number, chunkTokens: number | null): number {
  return chunkTokens === null ? 1 : Math.ceil(newTokens / chunkTokens);
}

export interface PrefillSchedule {
  /** K. */
  readonly chunks: number;
  /** Σ_j T_j: `prefill_time`. */
  readonly total: number;
  /** T_1: `prefill_chunk_time`. */
  readonly first: number;
  /** max_j T_j: `decode_stall_bound`. */
  readonly longest: number;
  /** Σ_j max(T_c, T_m) of the Compute-bound chunks and of the Memory-bound ones, and Σ T_ov (§11.5 split). */
  readonly computeBound: number;
  readonly memoryBound: number;
  readonly overhead: number;
  /** Σ_j of the TP, EP and stage hand-off time when the model is split (0 on one device). */
  readonly comm: number;
  /** Σ_j F_j and Σ_j Q_j. */
  readonly flops: number;
  readonly bytes: number;
}

/**
 * The prefill of B sequences with n new tokens after C cached ones, in chunks of c tokens
 * (cells 2–3): chunk j has t_j = min(c, n − (j−1)·c) tokens at cached context
 * C_j = C + (j−1)·c, F_j = B·F_block(t_j, C_j), Q_j = W_t(B·t_j) + B·(C_j + t_j)·kv_tok (the KV the
 * sequences hold after the chunk: min(C_j + t_j, w) tokens on windowed layers), and
 * each chunk is one §3.1 step (k = 1, L_x = L) that re-reads the weights and pays its taxes.
 * Without chunking the single chunk is the whole prompt.
 */
export function prefillSchedule(
  lm: LmFacts, r: StepRates, batch: number, newTokens: number, cached: number, chunkTokens: number | null,
): PrefillSchedule {
  const size = chunkTokens ?? newTokens;
  const chunks = prefillChunkCount(newTokens, chunkTokens);
  let total = 0, first = 0, longest = 0, computeBound = 0, memoryBound = 0, overhead = 0, comm = 0, flops = 0, bytes = 0;
  for (let j = 0; j < chunks; j++) {
    const t = Math.min(size, newTokens - j * size);
    const ctx = cached + j * size;
    const f = batch * blockFlops(lm, t, ctx);
    const kv = kvBytesAt(lm, batch, ctx + t);
    const q = weightBytesTouched(lm, batch * t) + kv;
    const step = chunkStep(lm, r, f, q, kv, batch, t, ctx);
    if (j === 0) first = step.latency;
    total += step.latency;
    longest = Math.max(longest, step.latency);
    const roof = 'roofTotal' in step ? step.roofTotal : step.latency - step.tOverhead;
    if (step.bottleneck === 'Memory') memoryBound += roof;
    else computeBound += roof;
    overhead += 'overheadTotal' in step ? step.overheadTotal : step.tOverhead;
    comm += 'commTotal' in step ? step.commTotal : 0;
    flops += f;
    bytes += q;
  }
  return { chunks, total, first, longest, computeBound, memoryBound, overhead, comm, flops, bytes };
}

/**
 * One prefill chunk: the §3.1 step on one device (k = 1, L_x = L), or, when the model is split,
 * its pass through the replica's stages one after another (src/nodes/parallel/shard.ts; the
 * chunks of one prompt are not overlapped across stages, an upper bound on the TTFT).
 */
function chunkStep(
  lm: LmFacts, r: StepRates, flops: number, bytes: number, kvBytes: number, batch: number, tokens: number, cached: number,
): StepTimes | PassResult {
  // Context parallelism: the chunk's tokens split over the ring; the attention part, F − B·t·F_lin, hides the ring (parallel/ring.ts).
  if (lm.shard && lm.shard.cp > 1) return ringPrefillPass(lm.shard, lm.moe, r, flops, flops - batch * tokens * lm.linearFlops, kvBytes, batch, tokens, cached);
  if (lm.shard) return stagePass(lm.shard, lm.moe, r, flops, kvBytes, batch, tokens);
  // Q = bytes = W_t(B·t) + kvBytes; placed on the device as walls 1–2 place a step (placement.ts).
  return singleDeviceStep(lm, r, flops, kvBytes, batch, tokens);
}

/**
 * `kv_transfer_time` = K/β_x + α_x when decode runs on another device, else 0 (cell 4), where
 * K = B·S·kv_tok is the prompt KV the sequences hold (kvBytesAt: windowed layers ship min(S, w)).
 */
export function kvTransferTime(disaggregated: boolean, kvBytes: number, bandwidth: number, latency: number): number {
  return disaggregated ? kvBytes / bandwidth + latency : 0;
}

/** `expected_tokens_per_round` E_r = (1 − α^{γ+1})/(1 − α), and γ + 1 at α = 1 (cell 6). */
export function expectedTokensPerRound(acceptance: number, draftTokens: number): number {
  if (acceptance === 1) return draftTokens + 1;
  return (1 - Math.pow(acceptance, draftTokens + 1)) / (1 - acceptance);
}

/** The draft model of speculative decoding (dense; its own W, kv_tok, F_lin, A and L). */
export interface DraftFacts {
  readonly params: number;
  readonly layers: number;
  readonly kvPerToken: number;
  readonly attentionCoeff: number;
  readonly acceptance: number;
  readonly draftTokens: number;
  /** b_w of the draft's weights (the scenario's weight precision). */
  readonly weightWidth: number;
}

/** T_d(x): the draft's own decode step on the decode device at batch B (cell 6). */
export function draftStep(target: LmFacts, d: DraftFacts, r: StepRates, context: number, batch: number): StepTimes {
  const draft: LmFacts = {
    linearFlops: 2 * d.params, attentionCoeff: d.attentionCoeff, convention: target.convention,
    weightBytes: d.params * d.weightWidth, moe: null, kvPerToken: d.kvPerToken, layers: d.layers,
  };
  // The draft's own step is timed resident (its footprint beside the target's is not placed).
  return decodeStep(draft, { ...r, placement: null }, context, batch);
}

/**
 * T_v(x): the target verifies γ drafted tokens in one step, F = B·(γ+1)·F_tok(x),
 * Q = W_t(B·(γ+1)) + B·(x+γ)·kv_tok, k = 1 (cell 6).
 */
export function verifyStep(lm: LmFacts, r: StepRates, context: number, batch: number, draftTokens: number): StepTimes {
  const flops = batch * (draftTokens + 1) * decodeTokenFlops(lm, context);
  const kv = kvBytesAt(lm, batch, context + draftTokens);
  if (lm.shard) return stagePass(lm.shard, lm.moe, r, flops, kv, batch, draftTokens + 1);
  return singleDeviceStep(lm, r, flops, kv, batch, draftTokens + 1);
}

/** Time per generated token: itl_fn(x, B), or (γ·T_d(x) + T_v(x))/E_r with a draft (cells 5–6). */
export function interTokenLatency(
  lm: LmFacts, r: StepRates, context: number, batch: number, draft: DraftFacts | null,
): number {
  if (!draft) return decodeStep(lm, r, context, batch).latency;
  const td = draftStep(lm, draft, r, context, batch).latency;
  const tv = verifyStep(lm, r, context, batch, draft.draftTokens).latency;
  return (draft.draftTokens * td + tv) / expectedTokensPerRound(draft.acceptance, draft.draftTokens);
}
