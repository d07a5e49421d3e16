/**
 * Wall 12 (Reasoning) on a split model, with windowed KV and MLA's absorbed decode.
 *
 *   communication.{weight_bytes_per_gpu, kv_shard_fraction} ─► reasoning_memory (one device) ─► reasoning_feasible
 *   LM facts + shard ─► itl_at_mean_context (the replica's step) ─► decode_mfu (÷ n_rep), energy_per_query (× n_rep)
 *   workload.{sliding_window, decode_attention_flops_coeff} ─► reasoning_memory, decode_mfu
 *
 * Every expected value is derived by hand below from the model and device figures of
 * test/nodes/fixtures.ts and physics.md (§2.3, §2.6, §2.8, §3.1, §3.2, wall 12).
 */
import { describe, expect, it } from 'vitest';
import { LiveGraph, type Plain } from '../../../src/graph/index.js';
import type { FleetSpec, Mode, ModelSpec } from '../../../src/nodes/context.js';
import { expectClose } from '../../helpers/golden.js';
import { DEEPSEEK_V3, H100, LLAMA3_70B, ONE_DEVICE, ONE_NODE_8 } from '../fixtures.js';
import { num, ring, splitGraph } from '../split-graph.js';

/** Mistral-7B-v0.1 (config.json): P 7.24e9, L 32, d 4096, H 32, H_kv 8, d_h 128, sliding_window 4096 on all 32 layers. */
const MISTRAL_7B: ModelSpec = {
  id: 'Mistral_7B', family: 'dense_lm', params: 7.24e9, layers: 32, hidden_dim: 4096, heads: 32, kv_heads: 8, head_dim: 128,
  sliding_window_tokens: 4096, sliding_window_layers: 32,
};

const graph = (mode: Mode, model: ModelSpec, fleet: FleetSpec, values: Record<string, Plain>): LiveGraph => splitGraph(mode, model, H100, fleet, values);

describe('Llama3_70B reasoning on one 8-GPU H100 node at TP 8 (B = 1, S = 2048, K = 8, τ = 50)', () => {
  const inputs = {
    'communication.tp': 8, 'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16', 'reasoning.reasoning_steps': 8,
  };
  // W = 70.6e9·2 B; W_dev = W/8 = 1.765e10 B. kv_tok = L·H_kv·2·d_h·b = 80·8·2·128·2 = 327 680 B; TP 8 over H_kv = 8: κ_kv = 1/8.
  const wDev = (70.6e9 * 2) / 8;
  const kvDevTok = 327680 / 8;
  // A_work(1, 1) = κ_act·B·1·d·b_act = 16·1·8192·2 = 262 144 B, ×S for the prefill (§2.8).
  const workingSet = 16 * 8192 * 2;
  // N_g = K·τ = 400, x̄ = S + N_g/2 = 2248. NVLink (H100): β = 450e9 B/s per direction, α = 0.5 µs.
  const nvBeta = 450e9;
  const nvAlpha = 0.5e-6;
  // T_ov = dispatch + L·layer_tax = 10e-6 + 80·10e-6 (one stage holds all 80 layers).
  const overhead = 10e-6 + 80 * 10e-6;
  // Decode at x̄: F_tok = 2P + A·x̄ with A = 2·L·H·(d_h + d_v) = 2·80·64·256 = 2 621 440; one device does F_tok/8.
  const fTok = 2 * 70.6e9 + 2621440 * 2248;
  const tcDecode = fTok / 8 / (989e12 * 0.5); // 3.72e-5 s
  const tmDecode = (wDev + 2248 * kvDevTok) / 3.35e12; // 5.296e-3 s: memory-bound
  // Two all-reduces of B·d·b_act = 16 384 B per layer, 160 in all (Megatron-LM).
  const tpDecode = 160 * ring(1 * 8192 * 2, 8, nvBeta, nvAlpha);
  const itl = Math.max(tcDecode, tmDecode) + overhead + tpDecode;
  // Prefill of 2048 tokens: F = 2P·2048 + A·2048·2049/2 (causal), one device F/8; Q_dev = W_dev + 2048·kv_tok/8.
  const fPrefill = 2 * 70.6e9 * 2048 + 2621440 * ((2048 * 2049) / 2);
  const tcPrefill = fPrefill / 8 / (989e12 * 0.5);
  const tmPrefill = (wDev + 2048 * kvDevTok) / 3.35e12;
  const ttft = Math.max(tcPrefill, tmPrefill) + overhead + 160 * ring(2048 * 8192 * 2, 8, nvBeta, nvAlpha);

  it('memory per GPU: W/8 + (S + N_g)·kv_tok/8 + S·A_work = 18 287 140 992 B, which fits 80 GB', () => {
    const g = graph('inference', LLAMA3_70B, ONE_NODE_8, inputs);
    expect(num(g, 'reasoning.reasoning_memory')).toBe(wDev + 2448 * kvDevTok + 2048 * workingSet);
    expect(num(g, 'reasoning.reasoning_memory')).toBe(18287140992);
    expect(g.value('reasoning.reasoning_feasible')).toBe(true);
    expect(g.value('reasoning.status')).toBe('PASS');
  });

  it('decode time per token at x̄ = 2248 is the replica\'s step (T_m + T_ov + 160 all-reduces), × 399 after the prefill', () => {
    const g = graph('inference', LLAMA3_70B, ONE_NODE_8, inputs);
    expect(tcDecode).toBeLessThan(tmDecode);
    expectClose(num(g, 'reasoning.itl_at_mean_context'), itl, 1e-9, 'itl');
    expectClose(num(g, 'reasoning.ttft'), ttft, 1e-9, 'ttft');
    expectClose(num(g, 'reasoning.total_reasoning_time'), ttft + 399 * itl, 1e-9, 'total');
  });

  it('MFUs are over the 8 devices of the replica, and the energy counts all 8', () => {
    const g = graph('inference', LLAMA3_70B, ONE_NODE_8, inputs);
    const ud = fTok / (itl * 989e12 * 8);
    const up = fPrefill / (ttft * 989e12 * 8);
    expectClose(num(g, 'reasoning.decode_mfu'), ud, 1e-9, 'decode mfu');
    expectClose(num(g, 'reasoning.prefill_mfu'), up, 1e-9, 'prefill mfu');
    // P(u) = 700·(0.3 + 0.7·u) per device (wall 12's proportional model), 8 devices, B = 1.
    const energy = 8 * (700 * (0.3 + 0.7 * up) * ttft + 700 * (0.3 + 0.7 * ud) * 399 * itl);
    expectClose(num(g, 'reasoning.energy_per_query'), energy, 1e-9, 'energy');
  });

  it('without the split each device would hold all of W = 141.2 GB: the check fails', () => {
    const g = graph('inference', LLAMA3_70B, ONE_NODE_8, { ...inputs, 'communication.tp': 1 });
    expect(num(g, 'reasoning.reasoning_memory')).toBe(70.6e9 * 2 + 1 * (2048 + 400) * 327680 + 2048 * workingSet);
    expect(g.value('reasoning.reasoning_feasible')).toBe(false);
  });
});

describe('windowed KV in the reasoning memory (Mistral-7B, w = 4096 on all 32 layers)', () => {
  it('S = 8192 prompt + N_g = 4000 tokens holds 4096 tokens of KV per layer: 536 870 912 B, not 12 192·kv_tok', () => {
    const g = graph('inference', MISTRAL_7B, ONE_DEVICE, {
      'scenario.batch_size': 1, 'scenario.context_len': 8192, 'scenario.precision': 'fp16', 'reasoning.reasoning_steps': 80,
    });
    // kv_tok = 32·8·2·128·2 = 131 072 B; kv_seq(12 192) = (kv_tok/32)·(0·12 192 + 32·4096) = 4096·131 072.
    const kvSeq = 4096 * 131072;
    expect(kvSeq).toBe(536870912);
    // W = 7.24e9·2; A_work(1, 1) = 16·4096·2 = 131 072 B, ×8192.
    expect(num(g, 'reasoning.reasoning_memory')).toBe(7.24e9 * 2 + kvSeq + 8192 * 131072);
    // Decode FLOPs at x̄ = 8192 + 2000 = 10 192 attend min(x̄, w) = 4096 tokens: F_tok = 2P + 524 288·4096.
    const fTok = 2 * 7.24e9 + 2 * 32 * 32 * 256 * 4096;
    expectClose(num(g, 'reasoning.decode_mfu') * num(g, 'reasoning.itl_at_mean_context') * 989e12, fTok, 1e-12, 'F_tok(x̄)');
    // The decode step reads W + kv_seq(x̄) = 1.448e10 + 536 870 912 B (memory-bound: T_c = F_tok/(989e12·0.5) = 3.4e-5 s),
    // T_ov = 10e-6 + 32·10e-6.
    expect(fTok / (989e12 * 0.5)).toBeLessThan((7.24e9 * 2 + kvSeq) / 3.35e12);
    expectClose(num(g, 'reasoning.itl_at_mean_context'), (7.24e9 * 2 + kvSeq) / 3.35e12 + 10e-6 + 32 * 10e-6, 1e-12, 'itl');
  });
});

describe('MLA decode FLOPs are absorbed (DeepSeek-V3, DeepSeek-V2 §2.1.3)', () => {
  it('F_tok(x̄) = 2·P_a + 2·L·H·(2·r_kv + d_r)·x̄, 3.4× the expanded attention term', () => {
    const g = graph('inference', DEEPSEEK_V3, ONE_DEVICE, {
      'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp8', 'reasoning.reasoning_steps': 8,
    });
    // A_dec = 2·61·128·(2·512 + 64) = 16 990 208; A = 2·61·128·(192 + 128) = 4 997 120; x̄ = 2048 + 200.
    const aDec = 2 * 61 * 128 * (2 * 512 + 64);
    expect(aDec / (2 * 61 * 128 * 320)).toBeCloseTo(3.4, 12);
    const fTok = 2 * 37e9 + aDec * 2248;
    expectClose(num(g, 'reasoning.decode_mfu') * num(g, 'reasoning.itl_at_mean_context') * 1979e12, fTok, 1e-12, 'F_tok(x̄)');
  });
});
