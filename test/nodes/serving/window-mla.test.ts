/**
 * Serving (walls 4–7) with sliding-window attention and MLA absorbed decode (issue 17): the KV a
 * sequence holds, the capacity that follows, and the decode FLOPs, each derived by hand from the
 * catalogue's architecture facts (src/registry/data/catalog.json, checked against the papers).
 *
 *   Mistral-7B (Jiang et al. 2023, arXiv 2310.06825): L = 32, H = 32, H_kv = 8, d_h = 128,
 *     w = 4096 on every layer, P = 7.24e9.
 *   Gemma-2-9B (Gemma Team 2024, arXiv 2408.00118): L = 42 (21 local with w = 4096, 21 global),
 *     H = 16, H_kv = 8, d_h = 256, P = 9.24e9.
 *   DeepSeek-V3 (arXiv 2412.19437; MLA of DeepSeek-V2, arXiv 2405.04434 §2.1): L = 61, H = 128,
 *     r_kv = 512, d_r = 64, d_h = 128 + 64 = 192, d_v = 128, P_a = 37e9.
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import { buildScenario } from '../../../src/scenario/build.js';

function serve(model: string, overrides: Record<string, Plain> = {}): LiveGraph {
  return buildScenario({ model, hardware: 'H100', mode: 'serving', overrides: { 'scenario.precision': 'bf16', ...overrides } }).graph;
}
function num(g: LiveGraph, id: string): number {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.kind}: ${v.error.message}`);
  return v.value as number;
}

describe('Mistral-7B served at 32K context on H100 (every layer windowed, w = 4096)', () => {
  // kv_tok = L·H_kv·(d_h + d_v)·b_kv = 32·8·256·2 = 131 072 B/token. A sequence at 32 768 (+128
  // generated) tokens holds only the last 4096 on every layer: 4096·131 072 = 536 870 912 B
  // (instead of 32 896·131 072 = 4 311 744 512 B).
  const g = serve('Mistral_7B', { 'scenario.context_len': 32768 });
  const perSeq = 536_870_912;

  it('KV per sequence is the window, not the context', () => {
    expect(num(g, 'workload.kv_bytes_per_token')).toBe(131_072);
    expect(num(g, 'serving.kv_cache_bytes')).toBe(perSeq);
    expect(num(g, 'batching.kv_bytes_per_seq')).toBe(perSeq); // 4096 tokens are 256 whole pages of 16
  });

  it('serving memory counts the windowed KV', () => {
    // decode: W + KV + A_work(1, 1), W = 7.24e9·2 B, A_work(1, 1) = κ_act·d·b_act = 16·4096·2 = 131 072 B.
    expect(num(g, 'serving.decode_memory')).toBeCloseTo(7.24e9 * 2 + perSeq + 131_072, -1);
    // prefill (the larger, so the device's requirement): W + KV(S) + A_work(1, S), A_work = 32 768·16·4096·2.
    expect(num(g, 'serving.memory_required')).toBeCloseTo(7.24e9 * 2 + perSeq + 32768 * 16 * 4096 * 2, -1);
  });

  it('max concurrent requests follow the windowed KV', () => {
    // kv_budget = 0.9·80e9 − 14.48e9 − A_work(B_max, 1); at B_max = 256, A_work = 256·16·4096·2 = 33 554 432 B:
    // 57 486 445 568 B, ⌊… / 536 870 912⌋ = 107 slots (the unwindowed 4.31 GB per slot gave 13).
    const big = serve('Mistral_7B', { 'scenario.context_len': 32768, 'batching.max_batch_size': 256 });
    expect(num(big, 'batching.kv_budget')).toBeCloseTo(72e9 - 14.48e9 - 33_554_432, -1);
    expect(num(big, 'batching.max_active_requests')).toBe(107);
    // At the default B_max = 32 the KV no longer limits the batch.
    expect(num(g, 'batching.max_active_requests')).toBe(32);
  });

  it('the decode step reads the windowed KV and attends 4096 tokens', () => {
    // F = F_lin + A·min(x, w) = 2·7.24e9 + (2·32·32·256)·4096; Q = W + 536 870 912 B (walls 1–2's step, the same point).
    const flops = 2 * 7.24e9 + 524_288 * 4096;
    const bytes = 7.24e9 * 2 + perSeq;
    expect(num(g, 'compute.flops_per_step')).toBeCloseTo(flops, -1);
    expect(num(g, 'compute.memory_traffic')).toBeCloseTo(bytes, -1);
    const peakEta = num(g, 'hardware.peak_flops') * num(g, 'software.efficiency_effective');
    const bwEta = num(g, 'hardware.memory_bandwidth') * num(g, 'scenario.bandwidth_efficiency');
    const itl = Math.max(flops / peakEta, bytes / bwEta) + num(g, 'scenario.dispatch_tax') + 32 * num(g, 'scenario.layer_tax');
    expect(num(g, 'serving.itl')).toBeCloseTo(itl, 12);
  });
});

describe('Gemma-2-9B: local and global layers alternate (21 of 42 windowed, w = 4096)', () => {
  // kv_tok = 42·8·512·2 = 344 064 B/token, i.e. 8192 B per layer and token. At S = 8064 and
  // N_out = 128 (x_max = 8192): 8192·(21·8192 + 21·4096) = 2 113 929 216 B (not 8192·344 064).
  const g = serve('Gemma2_9B', { 'scenario.context_len': 8064 });

  it('KV per sequence keeps every token on global layers and 4096 on local ones', () => {
    expect(num(g, 'workload.kv_bytes_per_token')).toBe(344_064);
    expect(num(g, 'serving.kv_cache_bytes')).toBe(2_113_929_216);
    expect(num(g, 'batching.kv_bytes_per_seq')).toBe(2_113_929_216);
  });

  it('decode FLOPs average the attended tokens over the layers', () => {
    // A = 2·42·16·512 = 688 128; attended per layer at x = 8064: (21·8064 + 21·4096)/42 = 6080.
    const flops = 2 * 9.24e9 + 688_128 * 6080;
    expect(num(g, 'streaming.layer_flops') * 42).toBeCloseTo(flops, -1);
    const peakEta = num(g, 'hardware.peak_flops') * num(g, 'software.efficiency_effective');
    const bwEta = num(g, 'hardware.memory_bandwidth') * num(g, 'scenario.bandwidth_efficiency');
    // Q at x = S = 8064: W + 8192·(21·8064 + 21·4096).
    const bytes = 9.24e9 * 2 + 8192 * (21 * 8064 + 21 * 4096);
    const itl = Math.max(flops / peakEta, bytes / bwEta) + num(g, 'scenario.dispatch_tax') + 42 * num(g, 'scenario.layer_tax');
    expect(num(g, 'serving.itl')).toBeCloseTo(itl, 12);
  });
});

describe('DeepSeek-V3 decode reads the latent cache with absorbed attention (MLA)', () => {
  const g = serve('DeepSeek_V3', { 'scenario.context_len': 4096 });

  it('decode FLOPs per token use A_dec = 2·L·H·(2·r_kv + d_r), 3.4× the expanded A', () => {
    // A_dec = 2·61·128·(2·512 + 64) = 16 990 208; the expanded A = 2·61·128·(192 + 128) = 4 997 120;
    // 1088/320 = 3.4. At x = 4096 and B = 1: F_tok = 2·37e9 + 16 990 208·4096.
    const aDec = 2 * 61 * 128 * (2 * 512 + 64);
    expect(aDec).toBe(16_990_208);
    expect(aDec / (2 * 61 * 128 * (192 + 128))).toBeCloseTo(3.4, 12);
    expect(num(g, 'streaming.layer_flops') * 61).toBeCloseTo(2 * 37e9 + aDec * 4096, -1);
  });

  it('prefill keeps the expanded form: F_lin·S + A·S(S+1)/2', () => {
    const S = 4096;
    expect(num(g, 'serving.prefill_flops')).toBeCloseTo(2 * 37e9 * S + 4_997_120 * (S * (S + 1)) / 2, -2);
  });
});
