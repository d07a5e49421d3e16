import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../../src/graph/index.js';
import { bubbleFraction } from '../../../src/nodes/fleet/step.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B, LLAMA3_8B } from '../fixtures.js';
import { fleetGraph, numberOf } from './graph.js';

describe('bubble_fraction (§8.5 item 1)', () => {
  const c = goldenCase('ref.pipeline_bubble');

  it('ref.pipeline_bubble: (p − 1)/(v·m + p − 1) for each case', () => {
    for (const [key, want] of Object.entries(c.expected)) {
      const m = /^communication\.bubble_fraction\[(\d+),(\d+),(\d+)\]$/.exec(key);
      if (!m) continue;
      expectClose(bubbleFraction(Number(m[1]), Number(m[2]), Number(m[3])), want, c.tolerance_rel, key);
    }
  });

  it('ref.pipeline_bubble: v = 0 and m = 0 are invalid_input', () => {
    expect(bubbleFraction(4, 4, 0)).toMatchObject({ kind: c.expected['v=0'] });
    expect(bubbleFraction(1, 0, 1)).toMatchObject({ kind: c.expected['m=0'] });
    expect(bubbleFraction(1, 0, 1)).toBeInstanceOf(Failure);
    // and as a cell: communication.virtual_stages = 0 is refused by its domain
    const g = fleetGraph(context('training', LLAMA3_8B), { 'communication.seq_len': 2048 });
    expect(g.set('communication.virtual_stages', 0).ok).toBe(false);
    const v = g.get('communication.bubble_fraction');
    expect(!v.ok && v.error.kind).toBe('upstream');
  });

  it('pipeline_time = m·T_mb/(1 − f_b) (§8.5 item 2)', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), {
      'communication.tp': 8, 'communication.pp': 8, 'communication.virtual_stages': 2, 'communication.global_batch_size': 512,
      'communication.seq_len': 4096, 'scenario.precision': 'bf16',
    });
    const m = numberOf(g, 'communication.num_microbatches'); // dp = 16, m = 32
    expect(m).toBe(32);
    expectClose(numberOf(g, 'communication.bubble_fraction'), 7 / (2 * 32 + 7), 1e-12);
    expectClose(numberOf(g, 'communication.pipeline_time'),
      (m * numberOf(g, 'communication.microbatch_time')) / (1 - numberOf(g, 'communication.bubble_fraction')), 1e-12);
  });
});

describe('step-time properties', () => {
  const base = {
    'communication.tp': 8, 'communication.pp': 4, 'communication.global_batch_size': 1024, 'communication.seq_len': 8192,
    'scenario.precision': 'bf16',
  };

  it('step time never falls when fabric bandwidth falls', () => {
    fc.assert(fc.property(
      fc.double({ min: 1e9, max: 1e12, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.constantFrom(1, 2, 8), fc.constantFrom(1, 4), fc.constantFrom(0, 1, 2, 3), fc.constantFrom('auto', 'ring'), fc.boolean(),
      (bw, f, t, p, z, alg, overlap) => {
        const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), {
          ...base, 'communication.tp': t, 'communication.pp': p, 'communication.zero_stage': z,
          'communication.dp_algorithm': alg, 'communication.overlap_dp': overlap, 'communication.fabric_bandwidth': bw,
        });
        const fast = numberOf(g, 'communication.step_latency');
        g.set('communication.fabric_bandwidth', bw * f);
        return numberOf(g, 'communication.step_latency') >= fast * (1 - 1e-12);
      }), { numRuns: 40 });
  });

  it('fleet MFU never exceeds η·model/hardware FLOPs, and HFU ≥ MFU', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), base);
    const mfu = numberOf(g, 'communication.fleet_mfu');
    const bound = (0.5 * numberOf(g, 'workload.train_model_flops_per_token')) / numberOf(g, 'workload.train_hw_flops_per_token');
    expect(mfu).toBeLessThanOrEqual(bound);
    expect(numberOf(g, 'communication.fleet_hfu')).toBeGreaterThanOrEqual(mfu);
  });

  it('the straggler factor scales the whole step and is charged to wall 14', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), base);
    const t = numberOf(g, 'communication.step_latency');
    const part = numberOf(g, 'communication.binding_part');
    g.set('communication.straggler_factor', 1.1);
    expectClose(numberOf(g, 'communication.step_latency'), 1.1 * t, 1e-12);
    expectClose(numberOf(g, 'communication.binding_part') - part, 0.1 * t, 1e-9);
  });
});
