import { describe, expect, it } from 'vitest';
import { DEEPSEEK_V3, LLAMA3_8B, RESNET50_CATALOGUE } from '../fixtures.js';
import { foundationGraph, value } from '../node/scenario-graph.js';

const errorOf = (g: ReturnType<typeof foundationGraph>, id: string) => {
  const v = g.get(id);
  return v.ok ? undefined : v.error;
};

describe('architecture defaults and checks (§2.1, §2.2)', () => {
  it('kv_heads defaults to heads with a warning; more KV heads than heads is invalid; an uneven grouping warns', () => {
    const g = foundationGraph('inference', { ...LLAMA3_8B, kv_heads: undefined });
    const kv = g.get('workload.kv_heads_effective');
    expect(kv.ok && [kv.value, kv.warnings]).toEqual([32, ['kv_heads not given; assuming multi-head attention']]);
    g.set('workload.kv_heads', 64);
    expect(errorOf(g, 'workload.kv_heads_effective')?.kind).toBe('invalid_input');
    g.set('workload.kv_heads', 6);
    const uneven = g.get('workload.kv_heads_effective');
    expect(uneven.ok && uneven.warnings).toEqual(['heads (32) is not a multiple of kv_heads (6)']);
  });

  it('head_dim defaults to d/H; an indivisible d without head_dim is an error', () => {
    const g = foundationGraph('inference', { ...LLAMA3_8B, head_dim: undefined });
    expect(value(g, 'workload.head_dim_effective')).toBe(128);
    g.set('workload.heads', 30);
    expect(errorOf(g, 'workload.head_dim_effective')?.message).toBe('Llama3_8B has no head_dim, and heads (30) does not divide hidden_dim (4096)');
  });

  it('missing required LM fields are missing_data on the first cell that needs them', () => {
    const g = foundationGraph('inference', { ...LLAMA3_8B, hidden_dim: undefined });
    expect(errorOf(g, 'workload.activation_working_set')).toMatchObject({ kind: 'missing_data', message: 'Llama3_8B has no hidden_dim; the activation working set needs it' });
    expect(errorOf(g, 'memory.memory_footprint')?.kind).toBe('upstream');
    expect(value(g, 'workload.kv_bytes_per_token')).toBe(131072); // head_dim given: KV does not need d
  });

  it('active_params defaults to P for dense models, is required for MoE and may not exceed P', () => {
    expect(value(foundationGraph('inference'), 'workload.active_params_effective')).toBe(8.03e9);
    expect(errorOf(foundationGraph('inference', { ...DEEPSEEK_V3, active_params: undefined }), 'workload.active_params_effective')?.kind).toBe('missing_data');
    const g = foundationGraph('inference', LLAMA3_8B, undefined, { 'workload.active_params': 9e9 });
    expect(errorOf(g, 'workload.active_params_effective')?.kind).toBe('invalid_input');
  });

  it('MoE: k must be below E; L_moe defaults to L and may not exceed it', () => {
    const g = foundationGraph('inference', DEEPSEEK_V3);
    expect(value(g, 'workload.moe_layers_effective')).toBe(58);
    g.set('workload.moe_layers', null);
    expect(value(g, 'workload.moe_layers_effective')).toBe(61);
    g.set('workload.moe_layers', 62);
    expect(errorOf(g, 'workload.moe_layers_effective')?.kind).toBe('invalid_input');
    g.set('workload.experts_per_token', 256);
    expect(errorOf(g, 'workload.expert_params')?.message).toBe('experts_per_token (256) must be below experts (256)');
  });

  it('dense and non-LM models have no experts: P_e = 0 and P_dense = P', () => {
    const g = foundationGraph('inference', RESNET50_CATALOGUE);
    expect([value(g, 'workload.expert_params'), value(g, 'workload.dense_params')]).toEqual([0, 25557032]);
  });

  it('the family is fixed per graph', () => {
    expect(foundationGraph('inference').set('workload.family', 'vision').ok).toBe(false);
  });
});
