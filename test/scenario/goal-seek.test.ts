/**
 * Goal seek (physics.md wall 22.2) on real scenarios: set x, read y, forget x, seek y → x
 * within 0.1 %; at_most returns the boundary integer; no bracket is no_solution; the live
 * graph is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek } from '../../src/graph/index.js';
import { buildScenario } from '../../src/scenario/index.js';

const decode = () => buildScenario({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.bandwidth_efficiency': 1 } }).graph;

describe('goalSeek recovers a known input', () => {
  it('hardware.memory_bandwidth = 2e12 B/s → latency y; forgotten; seeking y gives 2e12 within 0.1 %', () => {
    const g = decode();
    g.set('hardware.memory_bandwidth', 2e12);
    const y = g.value('compute.latency') as number;
    g.reset('hardware.memory_bandwidth');
    expect(g.value('hardware.memory_bandwidth')).toBe(3.35e12);
    const r = goalSeek(g, { input: 'hardware.memory_bandwidth', output: 'compute.latency', target: y });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.solution - 2e12) / 2e12).toBeLessThanOrEqual(1e-3);
    // Bisection stops at |x_hi − x_lo| ≤ 1e-6·x, so y is met to about 1e-6 relative.
    expect(Math.abs(r.achieved - y) / y).toBeLessThanOrEqual(1e-6);
    // The range [x₀/1000, 1000·x₀] is log-scaled (hi/lo = 1e6 ≥ 100).
    expect([r.lo, r.hi]).toEqual([3.35e9, 3.35e15]);
  });

  it('scenario.batch_size = 48 → latency; seeking it again gives exactly 48', () => {
    const g = decode();
    g.set('scenario.batch_size', 48);
    const y = g.value('compute.latency') as number;
    g.reset('scenario.batch_size');
    const r = goalSeek(g, { input: 'scenario.batch_size', output: 'compute.latency', target: y });
    expect(r).toMatchObject({ ok: true, solution: 48 });
  });

  it('scenario.context_len = 5000 → latency; recovered within 0.1 %', () => {
    const g = decode();
    g.set('scenario.context_len', 5000);
    const y = g.value('compute.latency') as number;
    g.reset('scenario.context_len');
    const r = goalSeek(g, { input: 'scenario.context_len', output: 'compute.latency', target: y });
    expect(r.ok && Math.abs(r.solution - 5000) / 5000).toBeLessThanOrEqual(1e-3);
  });
});

describe('goalSeek goals and failures', () => {
  it('at_most 10 ms: the largest batch is 60 (latency falls in acceptability as B grows)', () => {
    // Memory-bound: latency(B) = 0.33 ms + (16.06e9 + B·268 435 456)/3.35e12.
    // ≤ 10 ms ⇔ B ≤ (9.67e-3·3.35e12 − 16.06e9)/268 435 456 = 60.85 → 60 (B = 64 gives 10.25 ms).
    const g = decode();
    const r = goalSeek(g, { input: 'scenario.batch_size', output: 'compute.latency', goal: 'at_most', target: 0.01 });
    expect(r).toMatchObject({ ok: true, solution: 60 });
  });

  it('a target below the fixed overheads (0.1 ms < T_ov = 0.33 ms) is no_solution, naming the closest point', () => {
    const r = goalSeek(decode(), { input: 'hardware.memory_bandwidth', output: 'compute.latency', target: 1e-4 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('no_solution');
    expect(r.message).toMatch(/^no value of hardware\.memory_bandwidth in \[.*\] gives compute\.latency = 0\.0001; closest/);
  });

  it('leaves the live graph as it was', () => {
    const g = decode();
    g.set('scenario.batch_size', 3);
    const before = g.snapshot();
    goalSeek(g, { input: 'scenario.batch_size', output: 'compute.latency', target: 0.006 });
    expect(g.snapshot()).toEqual(before);
    expect(g.provenance('scenario.batch_size')).toBe('user');
  });
});
