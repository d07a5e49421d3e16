import { describe, expect, it } from 'vitest';
import { expertsTouched, moeWeightBytesTouched } from '../../../src/nodes/workload/weights.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { DEEPSEEK_V3, H100 } from '../fixtures.js';
import { foundationGraph, value } from '../node/scenario-graph.js';

describe('weight bytes and bytes touched (§2.5)', () => {
  it('ref.llama3_8b_weights_by_precision: W = P·b_w', () => {
    const c = goldenCase('ref.llama3_8b_weights_by_precision');
    const g = foundationGraph('inference');
    for (const p of ['fp32', 'fp16', 'fp8', 'int4']) {
      g.set('scenario.weight_precision', p);
      expectClose(value(g, 'workload.weight_bytes'), c.expected[`weight_bytes_${p}`], c.tolerance_rel, p);
    }
  });

  it('E_touched(1) = k, and it approaches E as the batch grows', () => {
    expect(expertsTouched(256, 8, 1)).toBeCloseTo(8, 12);
    expect(expertsTouched(256, 8, 10_000)).toBeCloseTo(256, 9);
  });

  it('a DeepSeek-V3 decode step at B = 1 reads P_dense + k·P_e = P_a worth of weights', () => {
    const g = foundationGraph('inference', DEEPSEEK_V3, H100);
    // P_e = (671e9 − 37e9)/(256 − 8) = 2.556452e9; P_dense = 671e9 − 256·P_e = 1.6548387e10; W_t(1) = 2·(P_dense + 8·P_e) = 2·37e9.
    expectClose(value(g, 'workload.expert_params'), 634e9 / 248, 1e-12);
    expectClose(value(g, 'workload.dense_params'), 671e9 - (256 * 634e9) / 248, 1e-9);
    expectClose(value(g, 'workload.weight_bytes_touched'), 2 * 37e9, 1e-9);
    g.set('scenario.batch_size', 64);
    expectClose(value(g, 'workload.weight_bytes_touched'), moeWeightBytesTouched(2, 671e9 - (256 * 634e9) / 248, 634e9 / 248, 256, 8, 64), 1e-12);
  });

  it('inconsistent MoE totals are invalid_input', () => {
    // P_a close to P with few experts leaves P_dense < 0: P_e = (100 − 99)/(2 − 1) = 1, P_dense = 100 − 2·1 … is fine;
    // P = 100, P_a = 10, E = 4, k = 1: P_e = 30, P_dense = 100 − 120 < 0.
    const g = foundationGraph('inference', { ...DEEPSEEK_V3, params: 100, active_params: 10, experts: 4, experts_per_token: 1 }, H100);
    const v = g.get('workload.dense_params');
    expect(v.ok ? 'ok' : v.error).toMatchObject({ kind: 'invalid_input', message: 'active/total parameters inconsistent with E and k' });
  });
});
