/**
 * Context parallelism in inference and serving (physics.md Amendments: "cp = 1 is lifted";
 * docs/physics-notes.md, "Context parallelism in inference and serving"). Pure functions over a
 * `Shard` with c > 1.
 *
 * Prefill (ring attention, pass-KV: Liu, Zaharia & Abbeel 2023, arXiv 2310.01889 §3; Yang et
 * al. 2024, "Context Parallelism for Scalable Million-Token Inference", arXiv 2411.01783 §3):
 * each of the c ranks holds ⌈n/c⌉ of the chunk's n tokens of every sequence (load-balanced
 * halves, so each does 1/c of the causal attention), runs the linear layers on them and, for
 * every layer, passes its key/value block c − 1 steps around the ring, each step overlapped
 * with the attention on the block already received:
 *
 *   M_kv   = B·⌈(C + n)/c⌉·kv_layer        one layer's block of the rank's KV (cached + new)
 *   T_ring = L_stage·(c − 1)·κ·p2p(M_kv, β_cp, α_cp)        forward only: one pass per layer
 *   T_attn = F_attn·f/(t·c·peak·η)                           the chunk's attention on one rank
 *   exposed = max(0, T_ring − T_attn)
 *
 * and the step is T_stage = max(T_c, T_m) + taxes + T_tp + T_ep + exposed on one stage, with
 * F_dev = F·f/(t·c), Q_dev = W_t,dev(B·⌈n/c⌉) + K·κ_kv·c (every KV block passes through each
 * rank's attention once), and the TP, EP and hand-off messages of the rank's B·⌈n/c⌉ tokens.
 *
 * Decode: the KV cache stays where the prefill wrote it, 1/c per rank (κ_kv holds the 1/c);
 * each rank attends over its share and the partial outputs are merged with one all-reduce per
 * layer (shard.ts stageCpMerge).
 */
import type { MoeSplit, StepRates } from '../serving/lm-physics.js';
import { p2p } from '../templates/collectives.js';
import { rooflineStep } from '../templates/roofline.js';
import { deviceWeightBytesTouched, type PassResult, passOf, type Shard, stageEpComm, stageHandoff, stageTpComm } from './shard.js';

/** Tokens of each sequence one CP rank holds: ⌈n/c⌉ (the slowest rank when c ∤ n). */
export const ringTokens = (tokens: number, c: number): number => Math.ceil(tokens / c);

/** M_kv = B·⌈(C + n)/c⌉·kv_layer: the block one rank passes to its neighbour for one layer. */
export function ringBlockBytes(s: Shard, batch: number, contextTokens: number): number {
  return batch * ringTokens(contextTokens, s.cp) * s.kvLayerBytes;
}

/** Bytes one rank sends around the ring for one prefill chunk: L_stage·(c − 1)·M_kv. */
export function ringBytes(s: Shard, batch: number, contextTokens: number): number {
  return s.stageLayers * (s.cp - 1) * ringBlockBytes(s, batch, contextTokens);
}

/** T_ring = L_stage·(c − 1)·κ·p2p(M_kv, β_cp, α_cp), before overlap; 0 when c = 1. */
export function ringTime(s: Shard, batch: number, contextTokens: number): number {
  if (!s.cpLink) return 0;
  const l = s.cpLink;
  return s.stageLayers * (s.cp - 1) * l.congestion * p2p(ringBlockBytes(s, batch, contextTokens), l.beta, l.alpha);
}

/** T_attn = F_attn·f/(t·c·peak·η): the chunk's attention on one rank, the work the ring hides under. */
export function ringAttentionTime(s: Shard, r: StepRates, attentionFlops: number): number {
  return (attentionFlops * s.stageFraction) / (s.tp * s.cp * r.peakFlops * r.efficiency);
}

/** max(0, T_ring − T_attn): the ring traffic left on the critical path. */
export function ringExposed(s: Shard, r: StepRates, attentionFlops: number, batch: number, contextTokens: number): number {
  return Math.max(0, ringTime(s, batch, contextTokens) - ringAttentionTime(s, r, attentionFlops));
}

/**
 * One prefill chunk of the replica (B sequences, n new tokens after C cached) split over the c
 * ranks of the ring: `flops`, `attentionFlops` and `kvBytes` are the replica's totals.
 */
export function ringPrefillPass(
  s: Shard, moe: MoeSplit | null, r: StepRates, flops: number, attentionFlops: number, kvBytes: number,
  batch: number, newTokens: number, cached: number,
): PassResult {
  const tokens = batch * ringTokens(newTokens, s.cp);
  const deviceFlops = (flops * s.stageFraction) / (s.tp * s.cp);
  const deviceBytes = deviceWeightBytesTouched(s, moe, tokens) + kvBytes * s.kvFraction * s.cp;
  const roof = rooflineStep({ flops: deviceFlops, bytes: deviceBytes, passes: 1, layers: s.stageLayers, ...r });
  const exposed = ringExposed(s, r, attentionFlops, batch, cached + newTokens);
  return passOf(roof, s, stageTpComm(s, tokens), stageEpComm(s, tokens), exposed, stageHandoff(s, tokens));
}
