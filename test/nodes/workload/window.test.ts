/**
 * Sliding-window and local/global attention (physics.md Amendments) and MLA absorbed decode,
 * against hand-derived figures:
 *
 *   Mistral-7B (catalogue: L 32, H 32, H_kv 8, d_h 128, w 4096 on all 32 layers)
 *     kv_tok = 32·8·(128+128)·2 B = 131 072 B; at x = 32 768 every layer holds min(x, w) = 4096
 *     tokens: 131 072·4096 = 536 870 912 B per sequence (not 131 072·32 768 = 4 294 967 296 B).
 *   Gemma-2-9B (L 42, H 16, H_kv 8, d_h 256, w 4096 on 21 of 42 layers, alternating)
 *     one layer per token: 8·(256+256)·2 = 8192 B; at x = 32 768:
 *     21 global × 32 768 + 21 local × 4096 tokens = 774 144 layer-tokens → 6 341 787 648 B.
 *   DeepSeek-V3 (L 61, H 128, r_kv 512, d_r 64, d_h 192, d_v 128)
 *     absorbed decode A_dec = 2·61·128·(2·512 + 64) = 16 990 208 FLOP per attended token,
 *     expanded A = 2·61·128·(192 + 128) = 4 997 120: 3.4× more.
 */
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../src/nodes/context.js';
import { decodeTokenFlops, mlaDecodeAttentionCoeff } from '../../../src/nodes/workload/flops.js';
import { attendedPairs, layerAveragedPairs, windowPairs } from '../../../src/nodes/workload/pairs.js';
import { kvBytesPerSequence } from '../../../src/nodes/workload/window.js';
import { registry } from '../../../src/registry/index.js';
import { evaluate } from '../../../src/scenario/index.js';
import { DEEPSEEK_V3, H100, LLAMA3_8B } from '../fixtures.js';
import { foundationGraph, value } from '../node/scenario-graph.js';

const catalogue = (id: string): ModelSpec => registry().get('model', id) as ModelSpec;

describe('attended pairs of a windowed layer', () => {
  it('causal Σ min(j, w): 10 tokens from scratch with w = 4 attend 1+2+3+4·7 = 34 pairs; 5 after 2 cached attend 3+4+4+4+4 = 19', () => {
    expect(windowPairs(10, 0, 4, 'causal')).toBe(34);
    expect(windowPairs(5, 2, 4, 'causal')).toBe(19);
    expect(windowPairs(3, 100, 4, 'causal')).toBe(12); // every token attends exactly w
    expect(windowPairs(3, 100, 4, 'full')).toBe(12);
    expect(windowPairs(3, 100, 4, 'none')).toBe(0);
  });

  it('a window the block does not reach changes nothing, bit for bit', () => {
    for (const conv of ['causal', 'full', 'none'] as const) {
      expect(windowPairs(4, 10, 14, conv)).toBe(attendedPairs(4, 10, conv));
      expect(layerAveragedPairs(4, 10, conv, { tokens: 14, windowedLayers: 3, layers: 4 })).toBe(attendedPairs(4, 10, conv));
      expect(layerAveragedPairs(4, 10, conv, null)).toBe(attendedPairs(4, 10, conv));
    }
  });

  it('half the layers windowed: the pairs are the mean of the two kinds (decode at x = 32 768, w = 4096 → 18 432)', () => {
    expect(layerAveragedPairs(1, 32767, 'causal', { tokens: 4096, windowedLayers: 21, layers: 42 })).toBe(18432);
    expect(decodeTokenFlops(0, 1, 32768, 'causal', { tokens: 4096, windowedLayers: 32, layers: 32 })).toBe(4096);
  });

  it('KV per sequence: windowed layers hold min(x, w) tokens; pages round each kind of layer separately', () => {
    expect(kvBytesPerSequence(32768, 131072, { tokens: 4096, windowedLayers: 32, layers: 32 })).toBe(536_870_912);
    expect(kvBytesPerSequence(32768, 131072, null)).toBe(4_294_967_296);
    // 2 layers, 1 windowed (w = 10), 2 B/token/layer, x = 21, pages of 16: 32 + 16 tokens of storage → 96 B.
    expect(kvBytesPerSequence(21, 4, { tokens: 10, windowedLayers: 1, layers: 2 }, (x) => Math.ceil(x / 16) * 16)).toBe(96);
  });
});

describe('Mistral-7B: w = 4096 on every layer (catalogue)', () => {
  const mistral = catalogue('Mistral_7B');

  it('the catalogue carries the window on all 32 layers; kv_tok = 32·8·(128+128)·2 = 131 072 B', () => {
    expect(mistral.sliding_window_tokens).toBe(4096);
    expect(mistral.sliding_window_layers).toBe(32);
    const g = foundationGraph('inference', mistral, H100, { 'scenario.context_len': 32768 });
    expect(value(g, 'workload.kv_bytes_per_token')).toBe(131_072);
    expect(value(g, 'workload.sliding_window_layers_effective')).toBe(32);
  });

  it('KV at 32K context, batch 1: 536 870 912 B exactly (4096 tokens per layer, not 32 768)', () => {
    const g = foundationGraph('inference', mistral, H100, { 'scenario.context_len': 32768, 'scenario.batch_size': 1 });
    expect(value(g, 'workload.kv_bytes')).toBe(536_870_912);
    // Below the window every layer holds the whole context: B·x·kv_tok.
    g.set('scenario.context_len', 4096);
    expect(value(g, 'workload.kv_bytes')).toBe(4096 * 131_072);
  });

  it('decode FLOPs at 32K: F_lin + A·4096 = 2·7.24e9 + 524 288·4096 = 16 627 483 648', () => {
    const g = foundationGraph('inference', mistral, H100, { 'scenario.context_len': 32768 });
    expect(value(g, 'workload.attention_flops_coeff')).toBe(524_288); // 2·32·32·(128+128)
    expect(value(g, 'workload.decode_flops_per_token')).toBe(14_480_000_000 + 2_147_483_648);
  });

  it('eval Mistral_7B H100 at 32K context, batch 16: FAIL (68.7 GB of KV) becomes PASS (8.59 GB of KV)', () => {
    const e = evaluate({ model: 'Mistral_7B', hardware: 'H100', overrides: { 'scenario.context_len': 32768, 'scenario.batch_size': 16 } });
    const g = e.built.graph;
    expect(value(g, 'workload.kv_bytes')).toBe(16 * 536_870_912); // 8.59e9 B, not 16·4.29e9 = 68.7e9
    // M_foot = W + KV + A_work = 7.24e9·2 + 8 589 934 592 + 16·1·16·4096·2.
    expect(value(g, 'memory.memory_footprint')).toBe(14.48e9 + 8_589_934_592 + 2_097_152);
    expect(value(g, 'memory.feasible')).toBe(true);
    expect(e.card.feasibility.status).toBe('PASS');
  });
});

describe('Gemma-2-9B: local (w = 4096) and global layers alternate (21 of 42 windowed)', () => {
  const gemma = catalogue('Gemma2_9B');

  it('KV at 32K context: 21·8192·32 768 + 21·8192·4096 = 6 341 787 648 B', () => {
    expect(gemma.sliding_window_layers).toBe(21);
    const g = foundationGraph('inference', gemma, H100, { 'scenario.context_len': 32768 });
    expect(value(g, 'workload.kv_bytes_per_token')).toBe(344_064); // 42·8·(256+256)·2
    expect(value(g, 'workload.kv_bytes')).toBe(5_637_144_576 + 704_643_072);
  });

  it('decode FLOPs at 32K: 2·9.24e9 + 2·16·(256+256)·(21·32 768 + 21·4096) = 31 163 575 296', () => {
    const g = foundationGraph('inference', gemma, H100, { 'scenario.context_len': 32768 });
    expect(value(g, 'workload.decode_flops_per_token')).toBe(18_480_000_000 + 16_384 * 774_144);
  });

  it('training at S = 8192: the windowed half attends Σ_j min(j, 4096) = 25 167 872 pairs, the global half S(S+1)/2', () => {
    const g = foundationGraph('inference', gemma, H100, { 'scenario.context_len': 8192 });
    const A = 2 * 42 * 16 * 512;
    const pairs = (8192 * 8193 / 2 + (4096 * 4097 / 2 + 4096 * 4096)) / 2;
    expect(value(g, 'workload.forward_flops_per_token')).toBeCloseTo(18.48e9 + (A * pairs) / 8192, 0);
  });
});

describe('windows: checks', () => {
  it('more windowed layers than layers, or windowed layers without a window, is invalid_input; a window alone means every layer (warned)', () => {
    const tooMany = foundationGraph('inference', { ...LLAMA3_8B, sliding_window_tokens: 1024, sliding_window_layers: 33 }).get('workload.sliding_window_layers_effective');
    expect(tooMany.ok ? 'ok' : tooMany.error.kind).toBe('invalid_input');
    const orphan = foundationGraph('inference', { ...LLAMA3_8B, sliding_window_layers: 3 }).get('workload.sliding_window_layers_effective');
    expect(orphan.ok ? 'ok' : orphan.error.kind).toBe('invalid_input');
    const all = foundationGraph('inference', { ...LLAMA3_8B, sliding_window_tokens: 1024 }).get('workload.sliding_window_layers_effective');
    expect(all.ok && all.value).toBe(32);
    expect(all.ok && all.warnings.join()).toMatch(/assuming all 32 layers use the 1024-token window/);
  });

  it('a model without a window is untouched: kv_bytes = B·x·kv_tok, F_tok = F_lin + A·x', () => {
    const g = foundationGraph('inference', LLAMA3_8B, H100, { 'scenario.context_len': 32768, 'scenario.batch_size': 3 });
    expect(value(g, 'workload.kv_bytes')).toBe(3 * 32768 * 131_072);
    expect(value(g, 'workload.decode_flops_per_token')).toBe(16.06e9 + 524_288 * 32768);
  });
});

describe('MLA decode uses absorbed attention (DeepSeek-V2 §2.1.3); prefill and training keep the expanded form', () => {
  it('A_dec = 2·61·128·(2·512 + 64) = 16 990 208 = 3.4 × A (4 997 120)', () => {
    expect(mlaDecodeAttentionCoeff(2, 61, 128, 512, 64)).toBe(16_990_208);
    const g = foundationGraph('inference', DEEPSEEK_V3);
    expect(value(g, 'workload.attention_flops_coeff')).toBe(4_997_120);
    expect(value(g, 'workload.decode_attention_flops_coeff')).toBe(16_990_208);
    expect(16_990_208 / 4_997_120).toBeCloseTo(3.4, 12);
  });

  it('DeepSeek-V3 decode token at x = 2048: 2·37e9 + 16 990 208·2048 = 108 795 945 984 FLOP', () => {
    const g = foundationGraph('inference', DEEPSEEK_V3, H100, { 'scenario.context_len': 2048 });
    expect(value(g, 'workload.decode_flops_per_token')).toBe(74e9 + 34_795_945_984);
    expect(value(g, 'compute.flops_per_step')).toBe(74e9 + 34_795_945_984);
  });

  it('the training forward keeps A: F_fwd = F_lin + 4 997 120·(S+1)/2', () => {
    const g = foundationGraph('inference', DEEPSEEK_V3, H100, { 'scenario.context_len': 4096 });
    expect(value(g, 'workload.forward_flops_per_token')).toBe(74e9 + (4_997_120 * 4097) / 2);
  });

  it('a dense model decodes with A itself', () => {
    const g = foundationGraph('inference');
    expect(value(g, 'workload.decode_attention_flops_coeff')).toBe(value(g, 'workload.attention_flops_coeff'));
  });
});
