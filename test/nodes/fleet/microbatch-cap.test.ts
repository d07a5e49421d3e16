/**
 * The power cap reaches training: wall 14's microbatch compute time runs at the clock the cap
 * leaves (compute.power_cap_clock, the same cell wall 1's step uses):
 *
 *   compute.power_limit ─► compute.power_cap_clock (s) ─► communication.microbatch_t_compute = F_hw,mb/(peak·η·s)
 *                                                          └─► microbatch_time ─► step_latency, compute.binding_part
 *
 * The case: Llama3_8B trained on 8 H100 (dp = 8, ZeRO-3, b = 1, S = 2048, bf16), with no launch
 * overhead and no DRAM energy, so the step is purely compute-bound (a_c = 1) and the activity
 * model at clock s is P(s) = P_idle + (TDP − P_idle)·s³ = 70 + 630·s³ W (H100 idle 70 W, TDP 700 W).
 * A 385 W cap: 70 + 630·s³ = 385 → s³ = 1/2 → s = 2^(−1/3) = 0.793700526, so T_c grows by 2^(1/3) = 1.259921050.
 */
import { describe, expect, it } from 'vitest';
import type { Plain } from '../../../src/graph/index.js';
import { expectClose } from '../../helpers/golden.js';
import { context, H100, LLAMA3_8B, ONE_NODE_8 } from '../fixtures.js';
import { fleetGraph, numberOf } from './graph.js';

const ctx = context('training', LLAMA3_8B, H100, ONE_NODE_8);
const base: Record<string, Plain> = {
  'scenario.precision': 'bf16', 'communication.zero_stage': 3, 'communication.overlap_dp': false,
  'scenario.dispatch_tax': 0, 'scenario.layer_tax': 0, 'compute.memory_energy_per_byte': 0,
};
const GROWTH = Math.cbrt(2); // 1/s with s³ = 1/2

describe('a power cap slows the training microbatch by 1/s', () => {
  const free = fleetGraph(ctx, base);
  const capped = fleetGraph(ctx, { ...base, 'compute.power_limit': 385 });

  it('the case is compute-bound and uncapped: T_c = F_hw,mb/(989e12 · η) with the full clock', () => {
    expect(numberOf(free, 'compute.power_cap_clock')).toBe(1);
    expect(numberOf(free, 'communication.num_microbatches')).toBe(1);
    const tc = numberOf(free, 'communication.microbatch_t_compute');
    // Without a cap the compute time is §8.4's F_hw,mb/(peak·η), bit for bit.
    expect(tc).toBe(numberOf(free, 'communication.hw_flops_per_microbatch') / (989e12 * numberOf(free, 'software.efficiency_effective')));
    expect(tc).toBeGreaterThan(numberOf(free, 'communication.microbatch_t_memory') * GROWTH);
    expect(free.get('communication.microbatch_t_compute')).toMatchObject({ ok: true, warnings: [] });
  });

  it('385 W on a compute-bound H100: s = 2^(−1/3), so the microbatch compute time is ×2^(1/3) = 1.259921', () => {
    expectClose(numberOf(capped, 'compute.power_cap_clock'), 1 / GROWTH, 1e-12, 's');
    expectClose(numberOf(capped, 'communication.microbatch_t_compute'), numberOf(free, 'communication.microbatch_t_compute') * GROWTH, 1e-12, 'T_c');
    // The memory time (HBM keeps its clock) and the launch overhead do not change.
    expect(numberOf(capped, 'communication.microbatch_t_memory')).toBe(numberOf(free, 'communication.microbatch_t_memory'));
  });

  it('the compute part of the step (wall 1\'s share, m·T_c) grows by 2^(1/3) and the step by exactly that much', () => {
    const part = numberOf(free, 'compute.binding_part');
    expectClose(numberOf(capped, 'compute.binding_part'), part * GROWTH, 1e-12, 'compute part');
    // κ_s = 1, p = 1, no overlap: T_step = m·T_mb + dp_exposed + T_opt, and only T_c moved.
    expectClose(numberOf(capped, 'communication.step_latency') - numberOf(free, 'communication.step_latency'), part * (GROWTH - 1), 1e-9, 'ΔT_step');
    expect(numberOf(capped, 'communication.fleet_throughput')).toBeLessThan(numberOf(free, 'communication.fleet_throughput'));
  });

  it('the capped microbatch says so, naming the clock cell', () => {
    const v = capped.get('communication.microbatch_t_compute');
    expect(v.ok && v.warnings.join(' ')).toMatch(/power cap .*compute\.power_cap_clock.*×1\.26/);
  });

  it('a cap that does not bind leaves the step bit for bit', () => {
    const loose = fleetGraph(ctx, { ...base, 'compute.power_limit': 700 });
    for (const id of ['communication.microbatch_t_compute', 'communication.step_latency', 'compute.binding_part']) {
      expect(numberOf(loose, id)).toBe(numberOf(free, id));
    }
  });
});

describe('the expert imbalance needs k', () => {
  it('κ_m > 1 on a model without experts_per_token is missing_data, not a silent 0 (F\'_hw = F_hw + k_pass·2·(κ_m − 1)·k·P_e)', async () => {
    const { microbatchCells } = await import('../../../src/nodes/fleet/microbatch.js');
    const cell = microbatchCells(ctx).find((d) => d.id === 'communication.hw_flops_per_microbatch');
    expect(cell?.kind).toBe('derived');
    if (cell?.kind !== 'derived') return;
    const r = cell.compute({ tokens: 2048, hwFlops: 1e10, share: 1, t: 1, e: 2, kappaM: 1.2, k: null, perExpert: 1e9, passes: 3 });
    expect(r).toMatchObject({ kind: 'missing_data' });
    // With k = 2: 2048 · (1e10 + 3·2·0.2·2·1e9) = 2048 · 1.24e10.
    expectClose(cell.compute({ tokens: 2048, hwFlops: 1e10, share: 1, t: 1, e: 2, kappaM: 1.2, k: 2, perExpert: 1e9, passes: 3 }) as number, 2048 * 1.24e10, 1e-12, 'F_hw,mb');
  });
});

describe('the clock in training sees the microbatch\'s HBM time, not wall 2\'s offload', () => {
  // An H100 with 10 GB and no host link: the training step does not fit and cannot spill (wall 2 refuses it).
  const small = context('training', LLAMA3_8B, { ...H100, memory_capacity: 10e9, host_link_bandwidth: undefined }, ONE_NODE_8);

  it('the microbatch is timed and the cap still slows it by the same 2^(1/3), while wall 1\'s latency carries wall 2\'s error', () => {
    const free = fleetGraph(small, base);
    const capped = fleetGraph(small, { ...base, 'compute.power_limit': 385 });
    expect(free.get('compute.latency').ok).toBe(false);
    expect(numberOf(free, 'compute.power_cap_clock')).toBe(1);
    expectClose(numberOf(capped, 'compute.power_cap_clock'), 1 / GROWTH, 1e-12, 's');
    expectClose(numberOf(capped, 'communication.microbatch_t_compute'), numberOf(free, 'communication.microbatch_t_compute') * GROWTH, 1e-12, 'T_c');
  });
});
