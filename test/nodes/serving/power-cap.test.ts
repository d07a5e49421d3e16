/**
 * A power cap reaches serving's steps through wall 1's clock (compute.power_cap_clock, s): every
 * serving step's compute time is F/(peak·η·s), as wall 1's compute.t_compute_under_cap = T_c/s,
 * so the headline ITL stays walls 1–2's step and a compute-bound prefill slows by 1/s.
 * Catalogue facts: Llama-3-8B P = 8.03e9, L = 32, H = 32, d_h = d_v = 128 (Meta model card);
 * H100 SXM 989e12 FLOP/s dense fp16, 3.35 TB/s, TDP 700 W (NVIDIA H100 datasheet).
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import { buildScenario } from '../../../src/scenario/index.js';

const PINNED = { 'scenario.precision': 'fp16', 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1, 'scenario.power_model': 'activity' };
const serve = (extra: Record<string, Plain> = {}): LiveGraph =>
  buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides: { ...PINNED, ...extra } }).graph;
function num(g: LiveGraph, id: string): number {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.message}`);
  return v.value as number;
}

const S = 2048;
// F_block(S, 0) = F_lin·S + A·S(S+1)/2, F_lin = 2·8.03e9, A = 2·32·32·(128 + 128) = 524 288: 3.3991e13 FLOP
const PREFILL_FLOPS = 2 * 8.03e9 * S + 524288 * ((S * (S + 1)) / 2);
const T_C = PREFILL_FLOPS / (989e12 * 0.5); // 68.74 ms, against 16.06 GB/3.35 TB/s = 4.8 ms of weights: compute-bound

describe('Llama3_8B served on an H100 capped at 150 W (the uncapped decode step draws 172 W)', () => {
  const free = serve();
  const capped = serve({ 'compute.power_limit': 150 });
  const s = num(capped, 'compute.power_cap_clock');

  it('the cap binds: the clock s < 1 is said, and the step draws the cap', () => {
    expect(num(free, 'compute.power_cap_clock')).toBe(1);
    expect(num(free, 'compute.device_power')).toBeGreaterThan(150);
    expect(s).toBeLessThan(1);
    const clock = capped.get('compute.power_cap_clock');
    expect(clock.ok && clock.warnings?.join(' ')).toMatch(/power cap 150 W binds/);
    expect(num(capped, 'compute.device_power')).toBeCloseTo(150, 6);
  });

  it('the compute-bound prefill slows by exactly 1/s: T_c = F_block(S, 0)/(peak·η·s)', () => {
    expect(num(free, 'serving.prefill_compute_time')).toBeCloseTo(T_C, 12);
    expect(num(capped, 'serving.prefill_compute_time') / (T_C / s)).toBeCloseTo(1, 12);
    const overhead = num(free, 'serving.prefill_overhead_time');
    expect(num(capped, 'serving.prefill_overhead_time')).toBe(overhead);
    expect(num(capped, 'serving.ttft') - overhead).toBeGreaterThanOrEqual((T_C / s) * (1 - 1e-12));
  });

  it('one headline: the capped ITL is wall 1\'s capped step, bit for bit', () => {
    expect(num(capped, 'serving.itl')).toBe(num(capped, 'compute.latency'));
    expect(num(capped, 'serving.itl')).toBeGreaterThan(num(free, 'serving.itl'));
  });
});
