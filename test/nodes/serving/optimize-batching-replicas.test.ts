/**
 * optimize batching (src/scenario/optimize/batching.ts) queues requests over the replicas wall 7
 * uses: the layout's communication.replicas = N/(t·p·c) (never the N devices, and with no "held"
 * warning, since the count written is the layout's own), or the user's held
 * tail_latency.num_replicas when one is set (said by tail_latency.num_replicas_effective).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario, optimizeBatching } from '../../../src/scenario/index.js';

const build = (overrides: Record<string, number>) => buildScenario({
  model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'serving', layout: 'given', overrides: { 'communication.tp': 4, ...overrides },
}).graph;

describe('optimize batching on Llama3_70B at TP 4 over one DGX H100 (8 / 4 = 2 replicas)', () => {
  it('writes the layout\'s 2 replicas: capacity 2 × Θ_tok(b), and the queue\'s replica count is not said to be held', () => {
    const g = build({});
    expect(g.value('communication.replicas')).toBe(2);
    const best = optimizeBatching(g, { slaMs: 10_000, qps: 0.1, maxBatch: 4 }).best!;
    expect(best.metrics.max_throughput).toBe(2 * (best.metrics['batching.throughput_tokens_per_second'] as number));
    const replicas = g.get('tail_latency.num_replicas_effective');
    expect(replicas.ok && replicas.value).toBe(2);
    expect(replicas.ok && (replicas.warnings ?? [])).toEqual([]);
  });

  it('a held tail_latency.num_replicas = 3 is the one the search queues over (3 × Θ_tok(b)), and it stays said', () => {
    const g = build({ 'tail_latency.num_replicas': 3 });
    const held = g.get('tail_latency.num_replicas_effective');
    expect(held.ok && held.warnings?.join(' ')).toContain('held as set');
    const best = optimizeBatching(g, { slaMs: 10_000, qps: 0.1, maxBatch: 4 }).best!;
    expect(best.metrics.max_throughput).toBe(3 * (best.metrics['batching.throughput_tokens_per_second'] as number));
  });
});
