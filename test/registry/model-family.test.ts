import { describe, expect, it } from 'vitest';
import { catalog, deriveFamily, isLanguageModelFamily } from '../../src/registry/index.js';

describe('deriveFamily(model)', () => {
  it('classifies the catalogue as documented in model-family.ts', () => {
    const family = Object.fromEntries(catalog().entries.model.map((m) => [m.id, m.family]));
    expect(['Mixtral_8x7B', 'DeepSeek_V3', 'GPT4'].map((id) => family[id])).toEqual(['moe_lm', 'moe_lm', 'moe_lm']);
    expect(['BERT_Base', 'BERT_Large'].map((id) => family[id])).toEqual(['encoder', 'encoder']);
    expect(['Llama3_8B', 'GPT2', 'Qwen2_5_7B', 'Gemma2_9B', 'OpenVLA_7B'].every((id) => family[id] === 'dense_lm')).toBe(true);
    expect(['ResNet50', 'YOLOv8_Nano', 'StableDiffusion_v1_5', 'DS_CNN', 'LeNet1'].every((id) => family[id] === 'vision')).toBe(true);
    expect(['Mamba_130M', 'AnomalyDetector', 'DLRM', 'Octo_Base', 'ACT_ALOHA'].every((id) => family[id] === 'generic')).toBe(true);
  });

  it('keeps an explicit family', () => {
    expect(deriveFamily({ family: 'generic', layers: 2, hidden_dim: 8, heads: 2 })).toBe('generic');
  });

  it('only dense_lm and moe_lm are language-model families', () => {
    expect(['dense_lm', 'moe_lm', 'encoder', 'vision', 'generic'].map((f) => isLanguageModelFamily(f as never)))
      .toEqual([true, true, false, false, false]);
  });
});
