import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EntryValidationError, getModel, modelFromHfConfig } from '../../src/registry/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/hf/${name}.config.json`, import.meta.url));
const text = (name: string) => readFileSync(fixture(name), 'utf8');
const within1pct = (got: number | undefined, published: number) => {
  expect(got).toBeDefined();
  expect(Math.abs(got! / published - 1)).toBeLessThan(0.01);
};

describe('modelFromHfConfig(config.json)', () => {
  it('Llama-3-8B: 8.03 B params, GQA 32/8 heads of 128', () => {
    const m = modelFromHfConfig(text('Meta-Llama-3-8B'), { id: 'Llama3_8B_hf' });
    within1pct(m.params, 8.03e9);
    expect(m.family).toBe('dense_lm');
    expect([m.layers, m.hidden_dim, m.heads, m.kv_heads, m.head_dim, m.ffn_dim]).toEqual([32, 4096, 32, 8, 128, 14336]);
    expect([m.vocab_size, m.max_context_tokens]).toEqual([128256, 8192]);
    expect(m.attention_type).toBe('GQA');
    expect(m.kv_cache_elems_per_token_per_layer).toBe(2 * 8 * 128);
    expect(m.active_params).toBeUndefined();
    expect(m.flops_per_inference).toBe(2 * m.params!);
  });

  it('Mistral-7B-v0.1: 7.24 B params and a 4096-token sliding window', () => {
    const m = modelFromHfConfig(JSON.parse(text('Mistral-7B-v0.1')), { id: 'Mistral_hf' });
    within1pct(m.params, 7.24e9);
    expect(m.sliding_window_tokens).toBe(4096);
  });

  it('Mixtral-8x7B: 46.7 B total, 12.9 B active, top-2 of 8 experts', () => {
    const m = modelFromHfConfig(text('Mixtral-8x7B-v0.1'), { id: 'Mixtral_hf' });
    within1pct(m.params, 46.7e9);
    within1pct(m.active_params, 12.9e9);
    expect(m.family).toBe('moe_lm');
    expect([m.experts, m.experts_per_token, m.moe_layers]).toEqual([8, 2, 32]);
  });

  it('Qwen2.5-7B: 7.62 B params (q/k/v projections carry biases)', () => {
    const m = modelFromHfConfig(text('Qwen2.5-7B'), { id: 'Qwen_hf' });
    within1pct(m.params, 7.62e9);
    // Biases: 28 layers × (3584 + 2·512) q/k/v bias terms = 129,024 parameters beyond the weights.
    const noBias = modelFromHfConfig({ ...JSON.parse(text('Qwen2.5-7B')), model_type: 'llama' }, { id: 'Qwen_nobias' });
    expect(m.params! - noBias.params!).toBe(28 * (3584 + 2 * 512));
    expect(m.sliding_window_tokens).toBeUndefined(); // use_sliding_window: false
  });

  it('DeepSeek-V3 (MLA + MoE): 671 B total, ~37 B active, 576 KV elements per token per layer', () => {
    const m = modelFromHfConfig(text('DeepSeek-V3'), { id: 'DeepSeek_hf' });
    within1pct(m.params, 671e9);
    // Technical report: 37 B activated; tt-metal weights README: 36.6 B + 0.9 B head = 37.5 B.
    within1pct(m.active_params, 37.5e9);
    expect(m.attention_type).toBe('MLA');
    expect(m.kv_cache_elems_per_token_per_layer).toBe(576);
    expect([m.kv_lora_rank, m.qk_rope_head_dim, m.v_head_dim, m.head_dim, m.moe_layers]).toEqual([512, 64, 128, 192, 58]);
  });

  it('agrees with the catalogue entries it overlaps (Llama3_8B, Mixtral_8x7B)', () => {
    const l = modelFromHfConfig(text('Meta-Llama-3-8B'), { id: 'x' });
    const c = getModel('Llama3_8B');
    expect([l.layers, l.hidden_dim, l.heads, l.kv_heads, l.head_dim]).toEqual([c.layers, c.hidden_dim, c.heads, c.kv_heads, c.head_dim]);
    within1pct(l.params, c.params!);
    within1pct(modelFromHfConfig(text('Mixtral-8x7B-v0.1'), { id: 'y' }).active_params, getModel('Mixtral_8x7B').active_params!);
  });

  it('ties embeddings when the config says so (one V·d matrix fewer)', () => {
    const cfg = JSON.parse(text('Meta-Llama-3-8B'));
    const untied = modelFromHfConfig(cfg, { id: 'a' }).params!;
    const tied = modelFromHfConfig({ ...cfg, tie_word_embeddings: true }, { id: 'b' }).params!;
    expect(untied - tied).toBe(128256 * 4096);
  });

  it('derives an id from _name_or_path and records its source', () => {
    const m = modelFromHfConfig({ ...JSON.parse(text('Mistral-7B-v0.1')), _name_or_path: 'mistralai/Mistral-7B-v0.1' });
    expect(m.id).toBe('Mistral-7B-v0.1');
    expect(m.source.kind).toBe('model-card');
    expect(m.source.ref).toContain('mistralai/Mistral-7B-v0.1');
  });

  it('rejects a config without the architecture fields, naming them', () => {
    const err = (() => { try { modelFromHfConfig({ model_type: 'llama', hidden_size: 4096 }); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(EntryValidationError);
    const problems = (err as EntryValidationError).problems;
    expect(problems).toContain('config.json.num_hidden_layers is required (an integer > 0)');
    expect(problems).toContain('config.json.vocab_size is required (an integer > 0)');
  });

  it('rejects text that is not JSON', () => {
    expect(() => modelFromHfConfig('{"hidden_size": 4096,')).toThrow(/config.json is not valid JSON: /);
  });
});
