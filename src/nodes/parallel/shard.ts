/**
 * One replica of an inference or serving deployment split by tensor, pipeline and expert
 * parallelism (physics.md Amendments, "Parallelism outside training"; the layout, parameter
 * split and collectives of §8.2–8.4, reused). Pure functions over a `Shard`: what one device
 * of the replica holds and which links its collectives use.
 *
 * A step of the replica (B sequences, n new tokens each, F FLOPs and K KV bytes in total) runs
 * on every stage as
 *
 *   T_stage = max(F·f/t / (peak·η), Q_dev / (BW·η_bw)) + dispatch_tax + L_stage·layer_tax
 *             + 2·L_stage·ring_allreduce(B·n·d·b_act, t)                 (Megatron TP: 2 per layer)
 *             + 2·⌈L_moe/p⌉·all_to_all(B·n·d·b_act·k, e)                 (GShard/Switch: dispatch + combine)
 *   Q_dev   = W_t,dev(B·n) + K·κ_kv,          f = L_stage/L
 *
 * and one pass through the p stages takes p·T_stage + (p−1)·p2p(B·n·d·b_act) (GPipe: one
 * activation hand-off per stage boundary). With m micro-batches in flight (serving, m ≤ p) a
 * micro-batch of ⌈B/m⌉ sequences comes back after p·T_stage + (p−1)·hop, and the m of them
 * share that cycle, so every sequence still gets one token per cycle.
 */
import type { Link } from '../fleet/links.js';
import type { MoeSplit, StepRates } from '../serving/lm-physics.js';
import { allToAll, p2p, ringAllreduce } from '../templates/collectives.js';
import { rooflineStep, type StepResult } from '../templates/roofline.js';
import { moeWeightBytesTouched } from '../workload/weights.js';

/** What one device of a replica holds, and the links of its collectives. */
export interface Shard {
  /** t, p, e. */
  readonly tp: number;
  readonly pp: number;
  readonly ep: number;
  /** L_stage = ⌈L/p⌉, the layers of the slowest stage. */
  readonly stageLayers: number;
  /** f = L_stage/L. */
  readonly stageFraction: number;
  /** ⌈L_moe/p⌉ (0 for a dense model). */
  readonly moeStageLayers: number;
  /** κ_kv: the share of one sequence's KV a device holds (f/min(t, H_kv); f with MLA, whose latent cache TP replicates). */
  readonly kvFraction: number;
  /** W_dev = b_w·(P_dense/t + E·P_e/(t·e))·f. */
  readonly weightBytes: number;
  /** d·b_act: bytes of one token's hidden state (the TP all-reduce and PP hand-off per token). */
  readonly tokenBytes: number;
  /** k, experts per token (0 for a dense model). */
  readonly expertsPerToken: number;
  /** The links of the TP group, the EP group and a stage hand-off; null when that degree is 1. */
  readonly tpLink: Link | null;
  readonly epLink: Link | null;
  readonly ppLink: Link | null;
  /** c, the context-parallel degree (ring.ts), and the link of its ring; null when c = 1. */
  readonly cp: number;
  readonly cpLink: Link | null;
  /** KV bytes of one token in one layer on one TP rank: kv_tok/(L·min(t, H_kv)), kv_tok/L with MLA (the ring's block per token). */
  readonly kvLayerBytes: number;
}

/** One pass of a step through the replica's stages. Compute/memory/overhead times are one device's, on one stage. */
export interface PassResult extends StepResult {
  /** The time of the pass: p·stage + (p−1)·handoff. */
  readonly latency: number;
  /** One stage: its roofline, overhead, TP and EP collectives. */
  readonly stage: number;
  /** The TP all-reduces, the EP all-to-alls (one stage) and one stage hand-off. */
  readonly tpComm: number;
  readonly epComm: number;
  readonly handoff: number;
  /** Context parallelism on one stage: the merge of the attention partials (decode), the exposed ring (prefill); 0 when c = 1. */
  readonly cpComm: number;
  /** p·max(T_c, T_m), p·T_ov and the communication of the pass (p·(tp + ep + cp) + (p−1)·handoff): they sum to `latency`. */
  readonly roofTotal: number;
  readonly overheadTotal: number;
  readonly commTotal: number;
}

/**
 * W_t,dev(T): the weight bytes one device reads in a step of T tokens per replica. Dense: all
 * of W_dev. MoE: the EP group's e replicas route e·T tokens over the E experts; a device holds
 * E/e of them and reads the expected E_touched(e·T)/e, plus its share of the dense part
 * (§2.5 with uniform routing): b_w·f/t·(P_dense + P_e·E_touched(e·T)/e).
 */
export function deviceWeightBytesTouched(s: Shard, moe: MoeSplit | null, tokens: number): number {
  return moe ? expertShardBytesTouched(moe, s.tp, s.ep, s.stageFraction, tokens) : s.weightBytes;
}

/** The MoE case of `deviceWeightBytesTouched`: b_w·f/t·(P_dense + P_e·E_touched(e·T)/e). */
export function expertShardBytesTouched(moe: MoeSplit, tp: number, ep: number, stageFraction: number, tokens: number): number {
  const w = moeWeightBytesTouched(moe.weightWidth, moe.denseParams, moe.expertParams / ep, moe.experts, moe.expertsPerToken, ep * tokens);
  return (w * stageFraction) / tp;
}

/** The TP all-reduces of one stage for `tokens` tokens: 2·L_stage·κ·ring_allreduce(tokens·d·b_act, t) (Shoeybi et al. 2019). */
export function stageTpComm(s: Shard, tokens: number): number {
  if (!s.tpLink) return 0;
  const l = s.tpLink;
  return 2 * s.stageLayers * l.congestion * ringAllreduce(tokens * s.tokenBytes, s.tp, l.beta, l.alpha);
}

/** The EP all-to-alls of one stage: dispatch and combine per MoE layer, 2·⌈L_moe/p⌉·κ·all_to_all(tokens·d·b_act·k, e) (Lepikhin et al. 2020). */
export function stageEpComm(s: Shard, tokens: number): number {
  if (!s.epLink || s.moeStageLayers === 0) return 0;
  const l = s.epLink;
  return 2 * s.moeStageLayers * l.congestion * allToAll(tokens * s.tokenBytes * s.expertsPerToken, s.ep, l.beta, l.alpha);
}

/** One activation hand-off between neighbouring stages: κ·p2p(tokens·d·b_act) (Huang et al. 2019, GPipe). */
export function stageHandoff(s: Shard, tokens: number): number {
  if (!s.ppLink) return 0;
  const l = s.ppLink;
  return l.congestion * p2p(tokens * s.tokenBytes, l.beta, l.alpha);
}

/**
 * L_stage·κ·ring_allreduce(tokens·d·b_act/t, c): with the KV cache sharded over the c ranks of
 * a context-parallel group, each rank attends over its share and the partial outputs (with
 * their log-sum-exp statistics) are merged by one all-reduce per layer (ring.ts; Shyam et al.
 * 2024, Tree Attention). 0 when c = 1.
 */
export function stageCpMerge(s: Shard, tokens: number): number {
  if (!s.cpLink) return 0;
  const l = s.cpLink;
  return s.stageLayers * l.congestion * ringAllreduce((tokens * s.tokenBytes) / s.tp, s.cp, l.beta, l.alpha);
}

/** The pass of a stage time through p stages with p − 1 hand-offs, and the split of its time. */
export function passOf(roof: StepResult, s: Shard, tpComm: number, epComm: number, cpComm: number, handoff: number): PassResult {
  const stage = roof.latency + tpComm + epComm + cpComm;
  const p = s.pp;
  return {
    ...roof, latency: p * stage + (p - 1) * handoff, stage, tpComm, epComm, cpComm, handoff,
    roofTotal: p * (roof.latency - roof.tOverhead), overheadTotal: p * roof.tOverhead, commTotal: p * (tpComm + epComm + cpComm) + (p - 1) * handoff,
  };
}

/**
 * One pass of a decode (or speculative-verify) step of the replica through its p stages:
 * `flops` and `kvBytes` are the replica's totals for `batch` sequences of `tokensPerSeq` new
 * tokens each. With c > 1 every CP rank runs the step's linear layers on all its tokens and
 * reads its 1/c of the KV (κ_kv holds the 1/c); the attention FLOPs are charged whole, a bound
 * (ring.ts).
 */
export function stagePass(
  s: Shard, moe: MoeSplit | null, r: StepRates, flops: number, kvBytes: number, batch: number, tokensPerSeq: number,
): PassResult {
  const tokens = batch * tokensPerSeq;
  const deviceFlops = (flops * s.stageFraction) / s.tp;
  const deviceBytes = deviceWeightBytesTouched(s, moe, tokens) + kvBytes * s.kvFraction;
  const roof = rooflineStep({ flops: deviceFlops, bytes: deviceBytes, passes: 1, layers: s.stageLayers, ...r });
  return passOf(roof, s, stageTpComm(s, tokens), stageEpComm(s, tokens), stageCpMerge(s, tokens), stageHandoff(s, tokens));
}

/** m = min(p, B) micro-batches of ⌈B/m⌉ sequences (serving keeps every stage busy). */
export function microbatchesFor(s: Shard, batch: number): { readonly count: number; readonly size: number } {
  const count = Math.max(1, Math.min(s.pp, batch));
  return { count, size: Math.ceil(batch / count) };
}
