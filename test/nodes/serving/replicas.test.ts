/**
 * Wall 7's queue on a system of several devices: the replicas sharing it are the layout's,
 * N/(t·p·c), unless the user sets tail_latency.num_replicas (held, and said when it is not the
 * layout's count). DGX_H100 is one node of 8 H100 (NVIDIA DGX H100 datasheet).
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import { buildScenario } from '../../../src/scenario/index.js';

const DGX = { model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'serving' } as const;

function serve(overrides: Record<string, Plain>): LiveGraph {
  return buildScenario({ ...DGX, overrides: { 'scenario.precision': 'fp16', 'tail_latency.arrival_rate': 2, ...overrides } }).graph;
}
const warningsOf = (g: LiveGraph, id: string): readonly string[] => {
  const v = g.get(id);
  return v.ok ? v.warnings : [`error: ${v.error.message}`];
};
const value = (g: LiveGraph, id: string): Plain => {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.message}`);
  return v.value;
};

describe('serve Llama3_70B DGX_H100: replicas follow the layout', () => {
  it('--tp 8 → 8/8 = 1 replica; the queue has 1·R servers', () => {
    const g = serve({ 'communication.tp': 8, 'communication.pp': 1 });
    expect(value(g, 'tail_latency.num_replicas_effective')).toBe(1);
    expect(value(g, 'tail_latency.servers')).toBe(value(g, 'batching.max_active_requests'));
  });

  it('--tp 4 → 8/4 = 2 replicas; the queue has 2·R servers', () => {
    const g = serve({ 'communication.tp': 4, 'communication.pp': 1 });
    expect(value(g, 'tail_latency.num_replicas_effective')).toBe(2);
    expect(value(g, 'tail_latency.servers')).toBe(2 * (value(g, 'batching.max_active_requests') as number));
    expect(warningsOf(g, 'tail_latency.num_replicas_effective')).toEqual([]);
  });

  it('--tp 2 --pp 2 → 8/4 = 2 replicas', () => {
    const g = serve({ 'communication.tp': 2, 'communication.pp': 2 });
    expect(value(g, 'tail_latency.num_replicas_effective')).toBe(2);
  });

  it('a user-set count is held, and said when it disagrees with the layout', () => {
    const g = serve({ 'communication.tp': 4, 'communication.pp': 1, 'tail_latency.num_replicas': 3 });
    expect(value(g, 'tail_latency.num_replicas_effective')).toBe(3);
    expect(warningsOf(g, 'tail_latency.num_replicas_effective').join(' ')).toMatch(/num_replicas = 3 is held as set; the layout makes 2 replicas of 4 devices/);
    expect(value(g, 'tail_latency.servers')).toBe(3 * (value(g, 'batching.max_active_requests') as number));
    // Set to the layout's own count: nothing to say.
    const same = serve({ 'communication.tp': 4, 'communication.pp': 1, 'tail_latency.num_replicas': 2 });
    expect(warningsOf(same, 'tail_latency.num_replicas_effective')).toEqual([]);
  });

  it('one device keeps the plain input, default 1', () => {
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides: { 'tail_latency.arrival_rate': 2 } }).graph;
    expect(g.has('tail_latency.num_replicas_effective')).toBe(false);
    expect(value(g, 'tail_latency.num_replicas')).toBe(1);
  });
});
