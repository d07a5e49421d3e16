/**
 * The activity-based device power of wall 1 (src/nodes/node/power.ts):
 *
 *   compute.t_compute ─┐                       compute.idle_power ─► idle_power_effective ─┐
 *   compute.latency ───┴─► compute_activity ─┐                                            │
 *   compute.memory_traffic ──────────────────┼─► compute.device_power ◄─ power_limit ◄─────┘
 *   memory_energy_per_byte ──────────────────┘         (mfu_linear: TDP·(0.3 + 0.7·mfu))
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityPower, mfuLinearPower } from '../../../src/nodes/node/power.js';
import { expectClose } from '../../helpers/golden.js';
import { H100, LLAMA3_8B } from '../fixtures.js';
import { foundationGraph, value } from './scenario-graph.js';

const HBM2_J_PER_B = 3.9e-12 * 8; // O'Connor et al. 2017: 3.9 pJ/bit

describe('activity power model', () => {
  it('at a stated activity: idle 70 W + 630 W × 0.5 + 3.12e-11 J/B × 2e12 B/s = 447.4 W on an H100', () => {
    const p = activityPower({ tdp: 700, idle: 70, computeActivity: 0.5, bytesPerSecond: 2e12, energyPerByte: HBM2_J_PER_B, limit: 700 });
    expectClose(p.watts, 70 + 630 * 0.5 + 62.4, 1e-12, 'P');
    expect(p.unlimited).toBe(p.watts);
  });

  it('a flat-out compute-bound step draws the power limit, and a cap below it binds', () => {
    expect(activityPower({ tdp: 700, idle: 70, computeActivity: 1, bytesPerSecond: 1e12, energyPerByte: HBM2_J_PER_B, limit: 700 }).watts).toBe(700);
    const capped = activityPower({ tdp: 700, idle: 70, computeActivity: 0.5, bytesPerSecond: 2e12, energyPerByte: HBM2_J_PER_B, limit: 400 });
    expect(capped.watts).toBe(400);
    expectClose(capped.unlimited, 447.4, 1e-12, 'uncapped');
  });

  it('the first build model is TDP·(idle + dynamic·MFU): 700·(0.3 + 0.7·0.5) = 455 W (§12.3)', () => {
    expect(mfuLinearPower(700, 0.3, 0.7, 0.5)).toBeCloseTo(455, 12);
  });

  it('§12.1 decode at B = 1 (η 0.5, η_bw 1): a_c = 0.0346486/5.20416, DRAM at 1.63284e10 B per 5.20416 ms → 172.087 W', () => {
    const g = foundationGraph('inference', LLAMA3_8B, H100, {
      'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16', 'scenario.efficiency': 0.5,
      'scenario.bandwidth_efficiency': 1,
    });
    // §12.1 printed values: T_c 0.0346486 ms, latency 5.20416 ms, Q 1.63284e10 B; H100 idle 70 W (nvidia-smi).
    const activity = 0.0346486 / 5.20416;
    const want = 70 + 630 * activity + HBM2_J_PER_B * (1.63284e10 / 5.20416e-3);
    expectClose(value(g, 'compute.compute_activity'), activity, 1e-5, 'a_c');
    expectClose(value(g, 'compute.device_power'), want, 1e-5, 'P_dev');
    expectClose(value(g, 'compute.energy_per_step'), want * 5.20416e-3, 1e-5, 'energy');
  });

  it('a power cap below the draw binds and says so; a device without a measured idle power says which share of TDP it assumes', () => {
    const g = foundationGraph('inference', LLAMA3_8B, H100, { 'scenario.batch_size': 64, 'compute.power_limit': 150 });
    const p = g.get('compute.device_power');
    expect(p.ok && p.value).toBe(150);
    expect(p.ok && p.warnings[0]).toMatch(/^the power cap 150 W binds/);
    const t4 = foundationGraph('inference', LLAMA3_8B, { ...H100, id: 'T4', tdp: 70 });
    const idle = t4.get('compute.idle_power_effective');
    expectClose(idle.ok ? idle.value : NaN, (75 / 700) * 70, 1e-12, 'idle share');
    expect(idle.ok && idle.warnings[0]).toMatch(/no measured idle power for T4/);
  });

  it('the device power lies between the idle power and the limit for any batch, context and efficiencies', () => {
    const g = foundationGraph('inference');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 16384 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }),
        (b, x, eta, etaBw) => {
          g.setMany({ 'scenario.batch_size': b, 'scenario.context_len': x, 'scenario.efficiency': eta, 'scenario.bandwidth_efficiency': etaBw });
          const p = value(g, 'compute.device_power') as number;
          return p >= 70 - 1e-9 && p <= 700 + 1e-9;
        },
      ),
      { numRuns: 100 },
    );
  });
});
