/**
 * optimize batching on a split model (src/scenario/optimize/batching.ts): the queue's servers are
 * the layout's replicas N/(t·p·c), not the N devices.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario, optimizeBatching } from '../../../src/scenario/index.js';

describe('optimize batching with a layout', () => {
  it('Llama-3-70B at TP 8 on one DGX H100 is one replica: the capacity is 1 × Θ_tok(b), not 8 ×', () => {
    const g = buildScenario({
      model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'serving', layout: 'given', overrides: { 'communication.tp': 8 },
    }).graph;
    expect(g.value('communication.replicas')).toBe(1); // 8 / (8·1·1)
    const r = optimizeBatching(g, { slaMs: 10_000, qps: 0.1, maxBatch: 8 });
    const best = r.best!;
    expect(best.metrics.max_throughput).toBe(best.metrics['batching.throughput_tokens_per_second']);
  });

  it('at TP 4 there are two replicas: twice one replica\'s Θ_tok(b)', () => {
    const g = buildScenario({
      model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'serving', layout: 'given', overrides: { 'communication.tp': 4 },
    }).graph;
    expect(g.value('communication.replicas')).toBe(2); // 8 / (4·1·1)
    const best = optimizeBatching(g, { slaMs: 10_000, qps: 0.1, maxBatch: 8 }).best!;
    expect(best.metrics.max_throughput).toBe(2 * (best.metrics['batching.throughput_tokens_per_second'] as number));
  });
});
