import { describe, expect, it } from 'vitest';
import { crossoverBatch, decodeIntensity, decodeIntensityCeiling, maxContextForComputeBound } from '../../../src/nodes/node/decode-crossover.js';
import { ridgePoint } from '../../../src/nodes/templates/roofline.js';
import { decodeTokenFlops } from '../../../src/nodes/workload/flops.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { foundationGraph, value } from './scenario-graph.js';

describe('where decode turns compute-bound (§12.1 "Why B = 64 is still memory-bound")', () => {
  const c = goldenCase('spec-12.1-decode-crossover');
  const x = c.inputs as Record<string, number>;
  const R = ridgePoint(x.peak_flops_flop_per_s, x.efficiency, x.memory_bandwidth_B_per_s, x.bandwidth_efficiency);
  const fTok = (ctx: number) => decodeTokenFlops(x.F_lin_flop, x.attention_coeff_A_flop, ctx, 'causal');

  it('spec-12.1-decode-crossover: AI ceiling, ridge, longest compute-bound context and the crossover batches', () => {
    expectClose(decodeIntensityCeiling(fTok(x.context_tokens), x.context_tokens, x.kv_bytes_per_token_B), c.expected.decode_ai_ceiling_flop_per_B, c.tolerance_rel);
    expectClose(R, c.expected['compute.ridge_point'], c.tolerance_rel);
    expectClose(maxContextForComputeBound(x.F_lin_flop, R, x.kv_bytes_per_token_B, x.attention_coeff_A_flop), c.expected.max_context_for_compute_bound_tokens, c.tolerance_rel);
    expectClose(crossoverBatch(R, x.weight_bytes_B, fTok(128), 128, x.kv_bytes_per_token_B), c.expected.crossover_batch_at_x128, c.tolerance_rel);
    expectClose(crossoverBatch(R, x.weight_bytes_B, fTok(512), 512, x.kv_bytes_per_token_B), c.expected.crossover_batch_at_x512, c.tolerance_rel);
  });

  it('at x = 2048 no batch crosses the ridge', () => {
    expect(crossoverBatch(R, x.weight_bytes_B, fTok(2048), 2048, x.kv_bytes_per_token_B)).toBe(Infinity);
  });

  it('the wall 1 graph agrees: compute-bound from B = 174 at x = 128, memory-bound at B = 173', () => {
    const g = foundationGraph('inference', undefined, undefined, { 'scenario.context_len': 128, 'scenario.batch_size': 173, 'scenario.efficiency': 0.5 });
    expect(value(g, 'compute.bottleneck')).toBe('Memory');
    g.set('scenario.batch_size', 174);
    expect(value(g, 'compute.bottleneck')).toBe('Compute');
    expectClose(value(g, 'compute.arithmetic_intensity'), decodeIntensity(174, fTok(128), x.weight_bytes_B, 128, x.kv_bytes_per_token_B), 1e-12);
  });
});
