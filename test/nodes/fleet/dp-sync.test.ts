import { describe, expect, it } from 'vitest';
import { gradientAllreduce, zeroVolumeFactor } from '../../../src/nodes/fleet/dp-sync.js';
import { optimizerBytesPerParam } from '../../../src/nodes/fleet/inputs.js';
import type { LinkFigures } from '../../../src/nodes/fleet/links.js';
import { hierarchicalAllreduce, ringAllreduce } from '../../../src/nodes/templates/collectives.js';
import { expectClose } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B, LLAMA3_8B } from '../fixtures.js';
import { fleetGraph, numberOf, valueOf } from './graph.js';

const links: LinkFigures = { betaNv: 450e9, alphaNv: 0.5e-6, betaNet: 50e9, alphaNet: 5e-6, congestion: 1 };

describe('ZeRO volume factor ζ (§8.5 item 3)', () => {
  it('is 1, (m+1)/2 and 1.5·m; with m = 1 that is 1, 1, 1.5', () => {
    expect([0, 1, 2, 3].map((z) => zeroVolumeFactor(z, 1))).toEqual([1, 1, 1, 1.5]);
    expect([0, 1, 2, 3].map((z) => zeroVolumeFactor(z, 8))).toEqual([1, 1, 4.5, 12]);
  });
});

describe('gradientAllreduce: which links the DP all-reduce uses', () => {
  it('is a ring on NVLink inside one node, on the fabric with one rank per node, else hierarchical', () => {
    expectClose(gradientAllreduce(1e9, 8, 8, 1, 'auto', links, 'x') as number, ringAllreduce(1e9, 8, 450e9, 0.5e-6), 1e-15);
    expectClose(gradientAllreduce(1e9, 32, 1, 32, 'auto', links, 'x') as number, ringAllreduce(1e9, 32, 50e9, 5e-6), 1e-15);
    expectClose(gradientAllreduce(1e9, 64, 4, 16, 'auto', links, 'x') as number,
      hierarchicalAllreduce(1e9, 4, 16, { betaIn: 450e9, alphaIn: 0.5e-6, betaOut: 50e9, alphaOut: 5e-6 }), 1e-15);
    expect(gradientAllreduce(1e9, 64, 4, 16, 'hierarchical', links, 'x')).toBe(gradientAllreduce(1e9, 64, 4, 16, 'auto', links, 'x'));
  });

  it('ring forces one flat ring at min(β) and max(α); congestion applies across nodes', () => {
    expectClose(gradientAllreduce(1e9, 64, 4, 16, 'ring', links, 'x') as number, ringAllreduce(1e9, 64, 50e9, 5e-6), 1e-15);
    expectClose(gradientAllreduce(1e9, 32, 1, 32, 'auto', { ...links, congestion: 1.5 }, 'x') as number,
      1.5 * ringAllreduce(1e9, 32, 50e9, 5e-6), 1e-15);
  });

  it('issues no collective for no bytes or one rank', () => {
    expect(gradientAllreduce(0, 32, 1, 32, 'auto', links, 'x')).toBe(0);
    expect(gradientAllreduce(1e9, 1, 1, 1, 'auto', links, 'x')).toBe(0);
  });

  it('says what is missing when a link figure is absent', () => {
    expect(gradientAllreduce(1e9, 32, 1, 32, 'auto', { ...links, betaNet: null }, 'the DP gradient all-reduce'))
      .toMatchObject({ kind: 'missing_data', message: expect.stringContaining('communication.fabric_bandwidth') });
    expect(gradientAllreduce(1e9, 8, 8, 1, 'auto', { ...links, betaNv: null }, 'the DP gradient all-reduce'))
      .toMatchObject({ kind: 'missing_data', message: expect.stringContaining('hardware.scaleup_bandwidth') });
  });
});

describe('DP cells in a scenario', () => {
  const base = { 'communication.seq_len': 4096, 'scenario.precision': 'bf16', 'communication.global_batch_size': 512 };

  it('ZeRO-2 widens the overlap window to every backward pass', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), {
      ...base, 'communication.tp': 8, 'communication.pp': 4, 'communication.zero_stage': 2,
    });
    const m = numberOf(g, 'communication.num_microbatches'); // 512 / 32 = 16
    expect(m).toBe(16);
    expectClose(numberOf(g, 'communication.overlap_window'),
      m * numberOf(g, 'workload.backward_fraction') * numberOf(g, 'communication.microbatch_t_compute'), 1e-12);
    expectClose(numberOf(g, 'communication.dp_comm'),
      ((m + 1) / 2) * ringAllreduce(numberOf(g, 'communication.dense_gradient_bytes'), 32, 50e9, 5e-6), 1e-12);
  });

  it('without overlap the whole DP all-reduce is exposed', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), { ...base, 'communication.tp': 8, 'communication.overlap_dp': false });
    expect(numberOf(g, 'communication.dp_exposed')).toBe(numberOf(g, 'communication.dp_comm'));
  });

  it('a single node without a fabric trains with an NVLink ring and needs no fabric figure', () => {
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, { num_nodes: 1, gpus_per_node: 8 }), {
      'communication.seq_len': 2048, 'scenario.batch_size': 64,
    });
    expect(valueOf(g, 'communication.net_bandwidth_per_gpu')).toBe(null);
    // 8 DP ranks, G_d = 2·8.03e9 B
    expectClose(numberOf(g, 'communication.dp_comm'), ringAllreduce(2 * 8.03e9, 8, 450e9, 0.5e-6), 1e-12);
    expect(valueOf(g, 'locality.active')).toBe(false);
  });

  it('the optimizer step reads and writes state, gradient and weight: f_tr·P_upd·(2·o_b + 2·b_p)/BW', () => {
    const g = fleetGraph(context('training', LLAMA3_8B), { 'communication.seq_len': 2048, 'communication.trainable_fraction': 0.1 });
    expectClose(numberOf(g, 'communication.optimizer_step_time'), (0.1 * 8.03e9 * (2 * 12 + 2 * 2)) / 3.35e12, 1e-12);
  });
});

describe('optimizer bytes per parameter (§8.1 table)', () => {
  it('matches the table for mixed precision and fp32', () => {
    const rows: [string, number, number][] = [['adam', 12, 8], ['adamw', 12, 8], ['sgd_momentum', 8, 4], ['sgd', 4, 0], ['none', 0, 0]];
    for (const [opt, mixed, fp32] of rows) {
      expect(optimizerBytesPerParam(opt, 2), opt).toBe(mixed);
      expect(optimizerBytesPerParam(opt, 4), opt).toBe(fp32);
    }
  });
});
