/**
 * The power cap's slowdown of wall 1 (src/nodes/node/power-cap.ts):
 *
 *   compute.power_limit ─┐
 *   compute.t_compute ───┤
 *   compute.t_memory ────┼─► compute.power_cap_clock (s) ─► compute.t_compute_under_cap (T_c/s) ─► compute.latency, bottleneck
 *   compute.t_overhead ──┘                          └──────► compute.device_power (= the cap when s < 1)
 *
 * P(s) = P_idle + (TDP − P_idle)·s^k·a_c(s) + e_B·Q/T(s); a binding cap sets P(s) = P_limit.
 */
import { describe, expect, it } from 'vitest';
import { capClockFactor, powerAtClock } from '../../../src/nodes/node/power-cap.js';
import { expectClose } from '../../helpers/golden.js';
import { H100, LLAMA3_8B } from '../fixtures.js';
import { foundationGraph, value } from './scenario-graph.js';

const num = (g: Parameters<typeof value>[0], id: string): number => {
  const v = value(g, id);
  if (typeof v !== 'number') throw new Error(`${id} is not a number`);
  return v;
};

/** A purely compute-bound step on an H100 (TDP 700 W, idle 70 W): no memory time, no overhead, no DRAM energy. */
const computeBound = { tCompute: 1, tMemory: 0, tOverhead: 0, tdp: 700, idle: 70, bytes: 0, energyPerByte: 0, exponent: 3 };

describe('the clock a power cap leaves', () => {
  it('a compute-bound H100 step capped at 385 W: 70 + 630·s³ = 385 → s = 0.5^(1/3) = 0.793700526 (P_dyn ∝ f³)', () => {
    const s = capClockFactor(computeBound, 385)!;
    expectClose(s, Math.cbrt(0.5), 1e-12, 's');
    expectClose(powerAtClock(computeBound, s), 385, 1e-12, 'P(s)');
    // The compute time grows by 1/s = 1.259921.
    expectClose(computeBound.tCompute / s, 1.2599210498948732, 1e-12, 'T_c/s');
  });

  it('with the voltage at its floor (k = 1) the same cap halves the clock: 70 + 630·s = 385 → s = 0.5', () => {
    expectClose(capClockFactor({ ...computeBound, exponent: 1 }, 385)!, 0.5, 1e-12, 's');
  });

  it('a cap at or above the draw leaves the full clock; a cap not above the idle power has no clock', () => {
    expect(capClockFactor(computeBound, 700)).toBe(1);
    expect(capClockFactor(computeBound, 70)).toBeUndefined();
  });

  it('a memory-bound step draws little compute power: P(1) = 70 + 630·(0.1/1) + 3.12e-11 J/B × 1e10 B / 1 s = 133.3 W, so a 300 W cap does not bind', () => {
    const memoryBound = { tCompute: 0.1, tMemory: 1, tOverhead: 0, tdp: 700, idle: 70, bytes: 1e10, energyPerByte: 3.12e-11, exponent: 3 };
    expectClose(powerAtClock(memoryBound, 1), 70 + 63 + 0.312, 1e-12, 'P(1)');
    expect(capClockFactor(memoryBound, 300)).toBe(1);
  });
});

describe('the capped step in the graph', () => {
  const overrides = { 'scenario.batch_size': 512, 'scenario.context_len': 128, 'scenario.precision': 'fp16' };
  const free = foundationGraph('inference', LLAMA3_8B, H100, overrides);

  it('without a cap nothing changes: s = 1 and T_c,cap = T_c exactly', () => {
    expect(value(free, 'compute.power_cap_clock')).toBe(1);
    expect(value(free, 'compute.t_compute_under_cap')).toBe(value(free, 'compute.t_compute'));
  });

  it('a binding cap slows the compute time by 1/s, leaves the memory time, draws exactly the cap and says so', () => {
    expect(value(free, 'compute.bottleneck')).toBe('Compute');
    const capped = foundationGraph('inference', LLAMA3_8B, H100, { ...overrides, 'compute.power_limit': 400 });
    const s = num(capped, 'compute.power_cap_clock');
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
    expect(num(capped, 'compute.t_compute')).toBe(num(free, 'compute.t_compute'));
    expectClose(num(capped, 'compute.t_compute_under_cap'), num(free, 'compute.t_compute') / s, 1e-12, 'T_c/s');
    expect(value(capped, 'compute.t_memory')).toBe(value(free, 'compute.t_memory'));
    // Still compute-bound, so the latency is T_c/s + T_ov.
    expectClose(num(capped, 'compute.latency'), num(free, 'compute.t_compute') / s + num(free, 'compute.t_overhead'), 1e-12, 'T');
    // The activity model at the slowed clock, by hand from the step's times: it meets the cap.
    const tc = num(capped, 'compute.t_compute_under_cap');
    const t = num(capped, 'compute.latency');
    const bytes = num(capped, 'compute.memory_traffic');
    const drawn = 70 + 630 * s ** 3 * (tc / t) + 3.9e-12 * 8 * bytes / t;
    expectClose(drawn, 400, 1e-9, 'P(s)');
    const p = capped.get('compute.device_power');
    expect(p.ok && p.value).toBe(400);
    expect(p.ok && p.warnings[0]).toMatch(/^the power cap 400 W binds: the device draws the cap/);
    const clock = capped.get('compute.power_cap_clock');
    expect(clock.ok && clock.warnings[0]).toMatch(/compute time is ×1\.\d+; memory time is unchanged/);
  });

  it('under the first build\'s mfu_linear power model the cap is not applied, and that is said', () => {
    const g = foundationGraph('inference', LLAMA3_8B, H100, { ...overrides, 'compute.power_limit': 400, 'scenario.power_model': 'mfu_linear' });
    const clock = g.get('compute.power_cap_clock');
    expect(clock.ok && clock.value).toBe(1);
    expect(clock.ok && clock.warnings[0]).toMatch(/power cap 400 W is not applied under the mfu_linear power model/);
    expect(value(g, 'compute.latency')).toBe(value(free, 'compute.latency'));
  });

  it('a cap below the idle power is refused with a message naming the field', () => {
    const g = foundationGraph('inference', LLAMA3_8B, H100, { ...overrides, 'compute.power_limit': 50 });
    const v = g.get('compute.power_cap_clock');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error.message).toMatch(/compute\.power_limit 50 W is not above the idle power 70 W/);
  });
});
