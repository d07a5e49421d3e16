import { describe, expect, it } from 'vitest';
import { checkDimensions, type Plain } from '../../../src/graph/index.js';
import { checkpointWall } from '../../../src/nodes/operations/checkpoint.js';
import { FIRST_BUILD_RELIABILITY } from '../../helpers/first-build.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B } from '../fixtures.js';
import { fleetDefs, fleetGraph, numberOf, valueOf, wallsOnlyGraph } from '../fleet/graph.js';

const ctx = context('training', LLAMA3_70B, undefined, DGX_H100_128);

/** Walls 15 and 19 over the shared cells, with workload stand-ins (P as given, bf16 → b_p 2, AdamW o_b 12). */
function checkpointGraph(params: number, values: Record<string, Plain>) {
  return wallsOnlyGraph(ctx, { 'workload.params': params, 'software.efficiency_effective': 0.5 }, { 'scenario.precision': 'bf16', ...values });
}

describe('wall 19: checkpoint', () => {
  it('ref.checkpoint_gpt3_h100: 175B, one writer at 7 GB/s, τ = 4 h, 1 h, 8 h', () => {
    const c = goldenCase('ref.checkpoint_gpt3_h100');
    const i = c.inputs as { params: number; checkpoint_writers: number; writer_bandwidth_B_per_s: number; filesystem_bandwidth_limit_B_per_s: number; checkpoint_interval_s: number[] };
    const g = checkpointGraph(i.params, {
      'checkpoint.checkpoint_writers': i.checkpoint_writers, 'checkpoint.writer_bandwidth': i.writer_bandwidth_B_per_s,
      'checkpoint.filesystem_bandwidth_limit': i.filesystem_bandwidth_limit_B_per_s,
    });
    const labels = ['4h', '1h', '8h'];
    for (const [key, want] of Object.entries(c.expected)) {
      const m = /^(checkpoint\.[a-z_]+)(?:\[tau=(\w+)\])?$/.exec(key)!;
      if (m[2]) g.set('fragility.checkpoint_interval_user', i.checkpoint_interval_s[labels.indexOf(m[2])]);
      expectClose(valueOf(g, m[1]), want, c.tolerance_rel, key);
    }
  });

  it('spec-12.5-required-write-bandwidth: size/(2·M·f²) = 41.0003 GB/s for the 70B checkpoint', () => {
    const c = goldenCase('spec-12.5-required-write-bandwidth');
    const i = c.inputs as { checkpoint_size_B: number; cluster_mtbf_s: number; target_checkpoint_overhead: number };
    // 70.6e9 · (2 + 12) = 9.884e11 B; 128 DGX nodes (8 GPU, 8 NIC, 2 PSU) → M = 120 535.7 s
    const g = checkpointGraph(70.6e9, { ...FIRST_BUILD_RELIABILITY, 'checkpoint.target_checkpoint_overhead': i.target_checkpoint_overhead });
    expectClose(numberOf(g, 'checkpoint.checkpoint_size'), i.checkpoint_size_B, 1e-12);
    expectClose(numberOf(g, 'fragility.cluster_mtbf'), i.cluster_mtbf_s, 1e-9);
    expectClose(numberOf(g, 'checkpoint.required_write_bandwidth'), c.expected['checkpoint.required_write_bandwidth'], c.tolerance_rel);
    const u = c.expected_unnamed as { target_checkpoint_time_s: number };
    expectClose(i.checkpoint_size_B / numberOf(g, 'checkpoint.required_write_bandwidth'), u.target_checkpoint_time_s, c.tolerance_rel);
  });

  it('spec-12.2-further-time-to-train: δ = 1.9768 s at min(128 × 7 GB/s, 500 GB/s); τ_D and goodput follow', () => {
    const c = goldenCase('spec-12.2-further-time-to-train');
    const overrides = c.inputs.overrides as Record<string, Plain>;
    const g = fleetGraph(ctx, { 'scenario.precision': 'bf16', 'scenario.efficiency': 0.5, 'communication.global_batch_size': 1024,
      'communication.seq_len': 8192, ...overrides });
    for (const [id, want] of Object.entries(c.expected)) {
      if (id.startsWith('checkpoint.') || id.startsWith('fragility.')) expectClose(valueOf(g, id), want, c.tolerance_rel, id);
    }
  });

  it('size without the optimizer is P·b_p; the filesystem caps many writers', () => {
    const g = checkpointGraph(70.6e9, { 'checkpoint.checkpoint_includes_optimizer': false, 'checkpoint.writer_bandwidth': 7e9 });
    expect(numberOf(g, 'checkpoint.checkpoint_size')).toBe(70.6e9 * 2);
    expect(numberOf(g, 'checkpoint.checkpoint_write_bandwidth')).toBe(500e9); // 128 · 7e9 = 896e9 > 500e9
    g.set('checkpoint.checkpoint_writers', 16);
    expect(numberOf(g, 'checkpoint.checkpoint_write_bandwidth')).toBe(112e9);
  });

  it('falls back to 1 GB/s per writer, with a warning, when the device lists no storage bandwidth', () => {
    const g = checkpointGraph(70.6e9, {});
    const v = g.get('checkpoint.checkpoint_write_bandwidth');
    expect(v.ok && v.value).toBe(128e9);
    expect(v.ok && v.warnings[0]).toContain('storage bandwidth unknown for H100');
  });

  it('writers take the per-node storage bandwidth wall 8 uses: 128 DGX H100 nodes × 100 GB/s storage NICs, capped by the filesystem', () => {
    const g = wallsOnlyGraph(ctx, {
      'workload.params': 70.6e9, 'software.efficiency_effective': 0.5, 'ingestion.node_storage_bandwidth_effective': 100e9,
    }, { 'scenario.precision': 'bf16' });
    // min(128 · 100e9, 500e9) = 500 GB/s; δ = 70.6e9 · 14 B / 500e9 B/s = 1.9768 s, as §12.2 (there at 7 GB/s per node).
    expect(numberOf(g, 'checkpoint.checkpoint_write_bandwidth')).toBe(500e9);
    g.set('checkpoint.filesystem_bandwidth_limit', 1e15);
    expect(numberOf(g, 'checkpoint.checkpoint_write_bandwidth')).toBe(128 * 100e9);
  });

  it('overhead is the MFU penalty: effective MFU = MFU·(1 − overhead)', () => {
    const g = fleetGraph(ctx, { 'communication.tp': 8, 'communication.pp': 4, 'communication.seq_len': 8192, 'communication.global_batch_size': 1024,
      'scenario.precision': 'bf16' });
    expectClose(numberOf(g, 'checkpoint.effective_mfu'),
      numberOf(g, 'communication.fleet_mfu') * (1 - numberOf(g, 'checkpoint.checkpoint_overhead')), 1e-12);
  });

  it('WARN at overhead ≥ 0.05 (storage-bound), FAIL at ≥ 0.20', () => {
    const g = checkpointGraph(175e9, { 'checkpoint.checkpoint_writers': 1, 'checkpoint.writer_bandwidth': 7e9 });
    g.set('fragility.checkpoint_interval_user', 14400); // 350/(14400 + 350) = 0.0237
    expect(valueOf(g, 'checkpoint.status')).toBe('PASS');
    g.set('fragility.checkpoint_interval_user', 3600); // 0.0886
    expect(valueOf(g, 'checkpoint.status')).toBe('WARN');
    expect(valueOf(g, 'checkpoint.storage_bottleneck')).toBe(true);
    g.set('fragility.checkpoint_interval_user', 1000); // 0.259
    expect(valueOf(g, 'checkpoint.status')).toBe('FAIL');
    expect(valueOf(g, 'checkpoint.status_reason')).toContain('0.259');
  });

  it('exists in training mode only', () => {
    expect(checkpointWall(context('inference'))).toEqual([]);
    expect(checkpointWall({ ...context('inference'), ops: true })).toEqual([]);
    expect(checkpointWall(ctx).some((d) => d.id === 'checkpoint.active')).toBe(true);
  });

  it('is dimensionally consistent in the training graph', () => {
    // A feasible point: status texts quote sizes ("153.5 GB per GPU"), which rescale with the bytes.
    expect(checkDimensions(fleetDefs(ctx), {
      'communication.tp': 8, 'communication.pp': 4, 'communication.zero_stage': 1, 'communication.seq_len': 4096, 'checkpoint.writer_bandwidth': 7e9,
    })).toEqual([]);
  });
});
