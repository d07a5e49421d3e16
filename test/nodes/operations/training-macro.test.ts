/**
 * The infrastructure, data, algorithm and operations walls in a real training graph: the
 * §12.2 example (Llama-3-70B on 128 DGX H100) assembled from WALL_FACTORIES plus the fleet
 * walls (test/nodes/fleet/graph.ts), so walls 11, 17 and 18 read wall 14's and wall 15's own
 * cells instead of stand-ins.
 */
import { describe, expect, it } from 'vitest';
import type { Plain } from '../../../src/graph/index.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B } from '../fixtures.js';
import { fleetGraph, numberOf } from '../fleet/graph.js';

const DAY = 86400;
const c = goldenCase('spec-12.2-further-time-to-train');
const values: Record<string, Plain> = {
  // The plan sets B_g = workload.batch_size = 1024 and S = seq_len = 8192; the flags bf16 and η = 0.5.
  'scenario.precision': 'bf16', 'scenario.efficiency': 0.5, 'scenario.batch_size': 1024, 'scenario.context_len': 8192,
  // Set explicitly: the workload lowering reads communication.seq_len itself (not its _effective default).
  'communication.seq_len': 8192,
  ...((c.inputs.overrides ?? {}) as Record<string, Plain>),
};
const ctx = { ...context('training', LLAMA3_70B, undefined, DGX_H100_128), ops: true };

describe('training: walls 8, 9, 11, 17, 18 on the §12.2 fleet', () => {
  const g = fleetGraph(ctx, values);

  it('spec-12.2-further-time-to-train: training FLOPs and time to train (wall 11 on walls 14, 15, 19)', () => {
    for (const id of ['complexity.training_flops', 'complexity.time_to_train']) expectClose(numberOf(g, id), c.expected[id], c.tolerance_rel, id);
    const u = c.expected_unnamed as Record<string, number>;
    expectClose(numberOf(g, 'complexity.time_to_train') / DAY, u.time_to_train_days, c.tolerance_rel);
  });

  it('wall 18 power follows the fleet MFU: 394.889 W per GPU (§12.2, §12.3 last column)', () => {
    const u = c.expected_unnamed as Record<string, number>;
    expectClose(numberOf(g, 'sustainability.device_power'), u.per_gpu_power_at_fleet_mfu_W, c.tolerance_rel);
    expect(numberOf(g, 'capital.num_devices')).toBe(1024);
    expect(numberOf(g, 'capital.num_nodes')).toBe(128);
  });

  it('cost per training run = TCO rate × time to train; cost per token uses fleet throughput × goodput', () => {
    const rate = numberOf(g, 'capital.tco_usd') / numberOf(g, 'capital.duration');
    expectClose(numberOf(g, 'capital.cost_per_training_run'), rate * numberOf(g, 'complexity.time_to_train'), 1e-12);
    // Θ = fleet_throughput·goodput, so cost per token · Θ · t = TCO.
    const theta = numberOf(g, 'communication.fleet_throughput') * numberOf(g, 'fragility.goodput');
    expectClose(numberOf(g, 'capital.cost_per_item') * theta * numberOf(g, 'capital.duration'), numberOf(g, 'capital.tco_usd'), 1e-12);
  });

  it('ingestion and transformation are wired to wall 14', () => {
    // demand = samples_per_second·4·S = 102.337 sequences/s · 32 768 B
    expectClose(numberOf(g, 'ingestion.ingest_demand'), numberOf(g, 'communication.samples_per_second') * 4 * 8192, 1e-12);
    expect(numberOf(g, 'transformation.accelerator_step_time')).toBe(numberOf(g, 'communication.step_latency'));
  });

  it('with no budget, Chinchilla takes the run\'s own FLOPs; the compression step is unsupported in training', () => {
    expectClose(numberOf(g, 'complexity.optimal_params'), Math.sqrt(numberOf(g, 'complexity.training_flops') / 120), 1e-12);
    const v = g.get('fidelity.compression_speedup');
    expect(!v.ok && v.error.kind).toBe('unsupported');
  });
});
