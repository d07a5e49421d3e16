/**
 * Which layers of a Hugging Face config use the sliding window (physics.md Amendments), as
 * transformers lays them out: Mistral every layer; Gemma-2 even layer indices
 * (configuration_gemma2.py layer_types default); an explicit layer_types list; Gemma-3's
 * sliding_window_pattern (every pattern-th layer global); Qwen2 from max_window_layers on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelFromHfConfig } from '../../src/registry/index.js';

const text = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/hf/${name}.config.json`, import.meta.url)), 'utf8');

/** google/gemma-2-9b config.json (shape fields as published; no layer_types, as on the Hub). */
const GEMMA2_9B = {
  architectures: ['Gemma2ForCausalLM'], model_type: 'gemma2', hidden_size: 3584, num_hidden_layers: 42, num_attention_heads: 16,
  num_key_value_heads: 8, head_dim: 256, intermediate_size: 14336, vocab_size: 256000, max_position_embeddings: 8192,
  sliding_window: 4096, tie_word_embeddings: true,
};

describe('sliding-window layers from config.json', () => {
  it('Mistral-7B-v0.1: sliding_window 4096 on all 32 layers', () => {
    const m = modelFromHfConfig(text('Mistral-7B-v0.1'), { id: 'Mistral_w' });
    expect([m.sliding_window_tokens, m.sliding_window_layers]).toEqual([4096, 32]);
  });

  it('Gemma-2-9B: local and global alternate, so 21 of 42 layers use the 4096-token window', () => {
    const m = modelFromHfConfig(GEMMA2_9B, { id: 'Gemma2_w' });
    expect([m.sliding_window_tokens, m.sliding_window_layers]).toEqual([4096, 21]);
  });

  it('an explicit layer_types list is counted: 3 of 5 layers sliding', () => {
    const types = ['sliding_attention', 'full_attention', 'sliding_attention', 'sliding_attention', 'full_attention'];
    const m = modelFromHfConfig({ ...GEMMA2_9B, num_hidden_layers: 5, layer_types: types }, { id: 'Types_w' });
    expect(m.sliding_window_layers).toBe(3);
  });

  it('Gemma-3-style sliding_window_pattern 6 on 62 layers: every 6th global, 62 − 10 = 52 windowed', () => {
    const m = modelFromHfConfig({ ...GEMMA2_9B, model_type: 'gemma3_text', num_hidden_layers: 62, sliding_window: 1024, sliding_window_pattern: 6 }, { id: 'Gemma3_w' });
    expect([m.sliding_window_tokens, m.sliding_window_layers]).toEqual([1024, 52]);
  });

  it('Qwen2 with use_sliding_window: layers from max_window_layers on (28 layers, from 21: 7); off: no window', () => {
    const qwen = JSON.parse(text('Qwen2.5-7B')) as Record<string, unknown>;
    const on = modelFromHfConfig({ ...qwen, use_sliding_window: true, sliding_window: 4096, max_window_layers: 21 }, { id: 'Qwen_w' });
    expect([on.sliding_window_tokens, on.sliding_window_layers]).toEqual([4096, 7]);
    const all = modelFromHfConfig({ ...qwen, use_sliding_window: true, sliding_window: 4096, max_window_layers: 28 }, { id: 'Qwen_full' });
    expect(all.sliding_window_tokens).toBeUndefined(); // no layer is windowed
    const off = modelFromHfConfig(text('Qwen2.5-7B'), { id: 'Qwen_off' });
    expect([off.sliding_window_tokens, off.sliding_window_layers]).toEqual([undefined, undefined]);
  });

  it('a config whose layer_types has no sliding layer carries no window', () => {
    const m = modelFromHfConfig({ ...GEMMA2_9B, num_hidden_layers: 2, layer_types: ['full_attention', 'full_attention'] }, { id: 'Full_w' });
    expect(m.sliding_window_tokens).toBeUndefined();
  });
});
