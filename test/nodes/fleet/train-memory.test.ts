import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleaveFactor } from '../../../src/nodes/fleet/train-memory.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B, LLAMA3_8B } from '../fixtures.js';
import { fleetGraph, numberOf, valueOf } from './graph.js';

describe('training memory per GPU (§8.6)', () => {
  it('ref.training_memory_zero2_dp4: Llama-3-8B, 4 H100, ZeRO-2, b = 4', () => {
    const c = goldenCase('ref.training_memory_zero2_dp4');
    // plan: batch 16, seq 1024, one node × 4 H100, fp16, η 0.5 (§11.4: B_g = batch_size, S = seq_len).
    // communication.seq_len is set as well: the §2.7 activation cell reads the input directly.
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, { num_nodes: 1, gpus_per_node: 4 }), {
      'scenario.batch_size': 16, 'scenario.context_len': 1024, 'communication.seq_len': 1024, 'scenario.precision': 'fp16',
      'scenario.efficiency': 0.5, ...(c.inputs.overrides as Record<string, number>),
    });
    for (const [id, want] of Object.entries(c.expected)) {
      if (id.startsWith('communication.')) expectClose(valueOf(g, id), want, c.tolerance_rel, id);
    }
    // weights 16.06 GB whole; gradients and Adam state /4; activations 34·s·b·h·L = 34·1024·4·4096·32; buffers 5 % of b_p·P
    expectClose(numberOf(g, 'communication.train_activations'), 34 * 1024 * 4 * 4096 * 32, 1e-12);
    expectClose(numberOf(g, 'communication.train_memory') / 1e9, c.expected.f_memory_used_gb, c.tolerance_rel);
    expect(valueOf(g, 'communication.train_feasible')).toBe(true);
    expect(valueOf(g, 'communication.status')).toBe('PASS');
  });

  it('a layout that does not fit is FAIL with the per-GPU numbers in status_reason', () => {
    // Llama-3-70B on 8 GPUs, no sharding: weights 141.2 GB per GPU alone.
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, { num_nodes: 1, gpus_per_node: 8 }), {
      'scenario.batch_size': 8, 'communication.seq_len': 2048, 'scenario.precision': 'bf16', 'communication.zero_stage': 0,
    });
    expect(valueOf(g, 'communication.train_feasible')).toBe(false);
    expect(valueOf(g, 'communication.status')).toBe('FAIL');
    const reason = valueOf(g, 'communication.status_reason') as string;
    expect(reason).toContain('per GPU');
    expect(reason).toContain(`${(numberOf(g, 'communication.train_memory') / 1e9).toFixed(1)} GB`);
    expect(reason).toContain('80.0 GB');
    expect(reason).toContain('weights 141.2 GB'); // 70.6e9 · 2 B
    // infeasible is a value, not an error: the step is still computed (§0.1 rule 3)
    expect(numberOf(g, 'communication.step_latency')).toBeGreaterThan(0);
  });

  it('ZeRO-3 shards the weights and adds two gathered layers to the buffers', () => {
    const base = { 'communication.tp': 8, 'communication.pp': 4, 'communication.global_batch_size': 256, 'communication.seq_len': 4096, 'scenario.precision': 'bf16' };
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), { ...base, 'communication.zero_stage': 3 });
    const w = numberOf(g, 'communication.weight_bytes_per_gpu'); // 4.4125e9 B
    expectClose(numberOf(g, 'communication.train_weights'), w / 32, 1e-12);
    expectClose(numberOf(g, 'communication.train_gradients'), w / 32, 1e-12);
    // f_buf·b_p·P_gpu + 2·M_tp/t + 2·W_gpu/L_stage; M_tp = 4096·8192·2
    expectClose(numberOf(g, 'communication.train_buffers'), 0.05 * w + (2 * 4096 * 8192 * 2) / 8 + (2 * w) / 20, 1e-12);
  });

  it('interleaving keeps 1 + (p−1)/(p·v) more activations', () => {
    expect(interleaveFactor(4, 1)).toBe(1);
    expectClose(interleaveFactor(4, 2), 1 + 3 / 8, 1e-15);
  });

  it('doubling DP with a fixed global batch never raises per-GPU memory', () => {
    // Llama-3-8B on n nodes × 8 H100, TP 8: dp = n. B_g fixed at 64; b and z drawn.
    fc.assert(fc.property(
      fc.constantFrom(1, 2, 4, 8), fc.constantFrom(1, 2, 4), fc.constantFrom(0, 1, 2, 3), fc.constantFrom('none', 'selective', 'full'),
      (nodes, b, z, recompute) => {
        const run = (n: number) => numberOf(fleetGraph(context('training', LLAMA3_8B, undefined, {
          num_nodes: n, gpus_per_node: 8, nics_per_node: 8, fabric_bandwidth: 50e9,
        }), {
          'communication.tp': 8, 'communication.global_batch_size': 64, 'communication.microbatch_size': b,
          'communication.zero_stage': z, 'communication.recompute': recompute, 'communication.seq_len': 2048,
        }), 'communication.train_memory');
        return run(2 * nodes) <= run(nodes) * (1 + 1e-12);
      }), { numRuns: 30 });
  });
});
