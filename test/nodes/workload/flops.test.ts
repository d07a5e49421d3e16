import { describe, expect, it } from 'vitest';
import { attendedPairs, blockFlops, decodeTokenFlops } from '../../../src/nodes/workload/flops.js';
import { attentionFlopsPerToken, backwardFraction, recomputeFlops } from '../../../src/nodes/workload/training-flops.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { LLAMA3_8B, RESNET50_CATALOGUE } from '../fixtures.js';
import { foundationGraph, value } from '../node/scenario-graph.js';

describe('forward FLOPs (§2.3)', () => {
  it('attended pairs: causal n·C + n(n+1)/2, full n·(C + n), none 0; one decode token sees x pairs', () => {
    expect(attendedPairs(4, 10, 'causal')).toBe(40 + 10);
    expect(attendedPairs(4, 10, 'full')).toBe(56);
    expect(attendedPairs(4, 10, 'none')).toBe(0);
    for (const conv of ['causal', 'full'] as const) expect(attendedPairs(1, 2047, conv)).toBe(2048);
  });

  it('§12.1: A = 524 288 and F_tok(2048) = 1.71337e10 for Llama-3-8B', () => {
    const g = foundationGraph('inference');
    expect(value(g, 'workload.linear_flops_per_token')).toBe(2 * 8.03e9);
    expect(value(g, 'workload.attention_flops_coeff')).toBe(524_288); // 2·32·32·(128 + 128)
    expect(value(g, 'workload.decode_flops_per_token')).toBe(16.06e9 + 524_288 * 2048);
    g.set('scenario.attention_flops_convention', 'none');
    expect(value(g, 'workload.decode_flops_per_token')).toBe(16.06e9);
  });

  it('§12.1 wall 4 prefill: B·F_block(2048, 0) = 3.39909e13 (causal) and 3.50899e13 (full)', () => {
    expectClose(blockFlops(16.06e9, 524_288, 2048, 0, 'causal'), 3.39909e13, 1e-5);
    expectClose(blockFlops(16.06e9, 524_288, 2048, 0, 'full'), 3.50899e13, 1e-5);
    expect(decodeTokenFlops(1, 1, 5, 'causal')).toBe(6);
  });

  it('a MAC-based non-LM figure is doubled; a missing one is missing_data', () => {
    const g = foundationGraph('inference', { ...RESNET50_CATALOGUE, flops_per_sample: 4.09e9, flops_basis: 'mac' });
    expect(value(g, 'workload.flops_per_sample_eff')).toBe(8.18e9);
    const lm = foundationGraph('inference', LLAMA3_8B).get('workload.flops_per_sample_eff');
    expect(lm.ok ? 'ok' : lm.error).toMatchObject({ kind: 'missing_data', message: 'Llama3_8B has no flops_per_sample; the per-sample forward FLOPs needs it' });
  });
});

describe('training FLOPs (§2.4)', () => {
  it('ref.training_flops_6PD_gpt3: D·3·(F_lin + A·(S+1)/2) = 3.19351e23 for GPT-3 175B on 300B tokens at S = 2048', () => {
    const c = goldenCase('ref.training_flops_6PD_gpt3');
    const x = c.inputs as Record<string, number>;
    const gpt3 = { id: 'GPT3', family: 'dense_lm' as const, params: x.params, layers: x.layers, hidden_dim: x.hidden_dim, heads: x.heads };
    const g = foundationGraph('inference', gpt3, undefined, { 'scenario.context_len': x.seq_len_for_attention });
    const perToken = value(g, 'workload.train_model_flops_per_token') as number;
    expectClose(x.training_tokens * perToken, c.expected['complexity.training_flops'], c.tolerance_rel);
    expectClose(6 * x.params * x.training_tokens, c.expected.six_P_D_linear_part, c.tolerance_rel);
  });

  it('§12.2 (Llama-3-70B, S = 8192, selective recompute): model, hardware FLOPs per token and φ', () => {
    const c = goldenCase('spec-12.2-train-70b-1024-h100');
    const e = c.expected as Record<string, number>;
    const a = 2 * 80 * 64 * 256;
    const attention = attentionFlopsPerToken(a, 8192, 'causal');
    expectClose(attention, (c.expected_unnamed as Record<string, number>).attention_forward_flops_per_token, c.tolerance_rel);
    const fwd = 2 * 70.6e9 + attention;
    expectClose(3 * fwd, e['workload.train_model_flops_per_token'], c.tolerance_rel);
    const rc = recomputeFlops('selective', fwd, attention) as number;
    expectClose(3 * fwd + rc, e['workload.train_hw_flops_per_token'], c.tolerance_rel);
    expectClose(backwardFraction(fwd, rc), e['workload.backward_fraction'], c.tolerance_rel);
    expect(recomputeFlops('full', fwd, attention)).toBe(fwd);
    expect(recomputeFlops('none', fwd, attention)).toBe(0);
  });
});
