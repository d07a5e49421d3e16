import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kvBytesPerTokenMla, kvBytesPerTokenStandard, kvCacheCells, kvFragmentation, pagedTokens } from '../../../src/nodes/workload/kv-cache.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context, LLAMA3_8B } from '../fixtures.js';
import { foundationGraph, goldenGraph, value } from '../node/scenario-graph.js';

describe('KV cache (§2.6, §12.8)', () => {
  for (const model of ['Llama3_8B', 'Llama3_70B', 'DeepSeek_V3']) {
    it(`spec-12.8-kv-per-token-${model}: per token, resident at 2048, and per 131 072-token sequence`, () => {
      const c = goldenCase(`spec-12.8-kv-per-token-${model}`);
      const g = goldenGraph(c);
      for (const [k, want] of Object.entries(c.expected)) expectClose(value(g, k), want, c.tolerance_rel, k);
      const u = c.expected_unnamed as Record<string, number>;
      g.set('scenario.context_len', 131072);
      expectClose(value(g, 'workload.kv_bytes'), u.kv_bytes_per_131072_token_sequence, c.tolerance_rel, '131072 tokens');
    });
  }

  it('spec-12.8-kv-counterfactuals: full multi-head KV for Llama-3-70B, per-head KV for DeepSeek-V3, and the MLA saving', () => {
    const c = goldenCase('spec-12.8-kv-counterfactuals');
    const x = c.inputs as Record<string, number>;
    const mha70b = kvBytesPerTokenStandard(x.llama3_70b_layers, x.llama3_70b_kv_heads_if_mha, x.head_dim, x.head_dim, x.bytes_per_element);
    const perHead = kvBytesPerTokenStandard(x.deepseek_layers, x.deepseek_heads, x.deepseek_d_h, x.deepseek_d_v, x.bytes_per_element);
    expectClose(mha70b, c.expected.llama3_70b_mha_kv_bytes_per_token, c.tolerance_rel);
    expectClose(perHead, c.expected.deepseek_v3_per_head_kv_bytes_per_token, c.tolerance_rel);
    expectClose(perHead / kvBytesPerTokenMla(61, 512, 64, 2), c.expected.deepseek_v3_mla_reduction_factor, c.tolerance_rel);
  });

  it('ref.paged_kv_cache_formula: pages of 16 tokens; 2050 tokens pad to 2064', () => {
    const c = goldenCase('ref.paged_kv_cache_formula');
    const x = c.inputs as Record<string, number>;
    const model = { ...LLAMA3_8B, kv_heads: x.kv_heads, head_dim: x.head_dim, v_head_dim: x.v_head_dim, layers: x.layers };
    const g = foundationGraph('inference', model);
    expect(value(g, 'workload.kv_bytes_per_token')).toBe(c.expected['workload.kv_bytes_per_token']);
    // The paged cells exist in serving mode, where wall 5 owns the page size.
    const paged = standaloneGraph(kvCacheCells(context('serving', model)).slice(2), {
      'workload.kv_bytes_per_token': c.expected['workload.kv_bytes_per_token'] as number, 'batching.kv_page_size': x.kv_page_size, 'scenario.context_len': x.context_a,
      // No sliding window: every layer holds the whole context.
      'workload.sliding_window': null, 'workload.sliding_window_layers_effective': 0, 'workload.layers': x.layers,
    });
    for (const ctxLen of [x.context_a, x.context_b]) {
      paged.set('scenario.context_len', ctxLen);
      expectClose(value(paged, 'workload.kv_bytes_per_seq_paged'), c.expected[`kv_bytes_per_seq_paged[${ctxLen}]`], c.tolerance_rel);
      expectClose(value(paged, 'workload.kv_fragmentation'), c.expected[`kv_fragmentation[${ctxLen}]`], c.tolerance_rel);
    }
    expect(pagedTokens(2050, 16)).toBe(2064);
    expect(kvFragmentation(2048, 16)).toBe(0);
  });

  it('GQA KV = MHA KV × kv_heads/heads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 128 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 64 }), (group, kv, dh, layers) => {
        const heads = group * kv;
        const gqa = kvBytesPerTokenStandard(layers, kv, dh, dh, 2);
        const mha = kvBytesPerTokenStandard(layers, heads, dh, dh, 2);
        return Math.abs(gqa - (mha * kv) / heads) <= 1e-9 * gqa;
      }),
    );
    const g = foundationGraph('inference');
    const gqa = value(g, 'workload.kv_bytes_per_token') as number;
    g.set('workload.kv_heads', 32);
    expect(value(g, 'workload.kv_bytes_per_token')).toBe((gqa * 32) / 8);
  });

  it('MLA needs both widths: one alone is invalid_input', () => {
    const g = foundationGraph('inference', { ...LLAMA3_8B, kv_lora_rank: 512 });
    const v = g.get('workload.kv_bytes_per_token');
    expect(v.ok ? 'ok' : v.error.root).toBe('workload.uses_mla');
  });

  it('paged cells only exist in serving mode', () => {
    expect(kvCacheCells(context('inference')).map((d) => d.id)).toEqual(['workload.kv_bytes_per_token', 'workload.kv_bytes']);
  });
});
