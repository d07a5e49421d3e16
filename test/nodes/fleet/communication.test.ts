/**
 * Wall 14 as a whole: the §12.2 worked example (70B on 1024 H100) through the assembled
 * scenario graph, the binding-wall split, and incrementality.
 *
 *   scenario/hardware/workload ─▶ layout ─▶ params ─▶ microbatch ─▶ pipeline ─▶ step_latency
 *                                   │                      └──────▶ dp sync ──────┘
 *                                   └──────────▶ train memory ─▶ status
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, type Plain } from '../../../src/graph/index.js';
import { communicationWall } from '../../../src/nodes/fleet/communication.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B, LLAMA3_8B } from '../fixtures.js';
import { fleetDefs, fleetGraph, numberOf, valueOf } from './graph.js';

const CASE = goldenCase('spec-12.2-train-70b-1024-h100');

/** A golden scenario case's flags (CLI names) and overrides as cell values. */
function scenarioValues(inputs: Record<string, unknown>): Record<string, Plain> {
  const flags = (inputs.flags ?? {}) as Record<string, Plain>;
  const map: Record<string, string> = { precision: 'scenario.precision', efficiency: 'scenario.efficiency', batch_size: 'scenario.batch_size' };
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(flags)) out[map[k]] = v;
  return { ...out, ...((inputs.overrides ?? {}) as Record<string, Plain>) };
}

const ctx = context('training', LLAMA3_70B, undefined, DGX_H100_128);

describe('wall 14 on the §12.2 example (Llama-3-70B, 1024 H100, TP 8 · PP 4 · DP 32)', () => {
  const g = fleetGraph(ctx, scenarioValues(CASE.inputs));

  for (const [id, want] of Object.entries(CASE.expected)) {
    if (!id.startsWith('communication.') && !id.startsWith('workload.')) continue; // scorecard keys belong to the scorecard
    it(`${id} = ${String(want)}`, () => expectClose(valueOf(g, id), want, CASE.tolerance_rel, id));
  }

  it('matches the intermediate values §12.2 prints without naming a cell', () => {
    const u = CASE.expected_unnamed as Record<string, number>;
    expectClose(numberOf(g, 'communication.microbatch_t_compute'), u.microbatch_t_compute_s, CASE.tolerance_rel);
    expectClose(numberOf(g, 'communication.microbatch_t_memory'), u.microbatch_t_memory_s, CASE.tolerance_rel);
    expectClose(numberOf(g, 'communication.tp_message_bytes'), u.tp_message_bytes_M_tp, CASE.tolerance_rel);
    expectClose(numberOf(g, 'communication.tp_allreduce_time'), u.one_tp_ring_allreduce_s, CASE.tolerance_rel);
    expectClose(numberOf(g, 'communication.microbatch_t_overhead'), u.microbatch_t_overhead_s, CASE.tolerance_rel);
    expectClose(numberOf(g, 'communication.optimizer_update_params'), u.optimizer_update_params_per_gpu, CASE.tolerance_rel);
  });

  it('places TP on NVLink, DP as a flat 32-rank fabric ring and the pipeline across nodes', () => {
    expect(valueOf(g, 'communication.tp_intra_node')).toBe(true);
    expect(valueOf(g, 'communication.dp_ranks_per_node')).toBe(1);
    expect(valueOf(g, 'communication.dp_nodes')).toBe(32);
    expect(valueOf(g, 'communication.pp_inter_node')).toBe(true);
    expect(valueOf(g, 'communication.net_bandwidth_per_gpu')).toBe(50e9); // 8 · 50e9 / (8 · 1)
  });

  it('passes (scaling ≥ 0.5, bubble ≤ 0.25, memory ≤ 0.90) as expected_board says', () => {
    expect(valueOf(g, 'communication.status')).toBe((CASE.expected_board!.wall_status as Record<string, string>)['14']);
    expect(valueOf(g, 'communication.status_reason')).toBe('');
    expect(valueOf(g, 'communication.active')).toBe(true);
  });

  it('splits the step into parts that sum to step_latency; wall 1 binds with share 0.772427', () => {
    const parts = ['compute', 'memory', 'software', 'communication'].map((s) => numberOf(g, `${s}.binding_part`));
    const sum = parts.reduce((a, b) => a + b, 0);
    expectClose(sum, numberOf(g, 'communication.step_latency'), 1e-12);
    expect(Math.max(...parts)).toBe(parts[0]);
    expectClose(parts[0] / sum, CASE.expected_board!.binding_share, CASE.tolerance_rel);
    // 32 × 241.533 ms = 7.72906 s (§11.5 example)
    expectClose(parts[0], 7.72906, 1e-5);
  });

  it('fleet_mfu = node_mfu · scaling_efficiency exactly when p divides L (§8.5 item 10)', () => {
    expectClose(numberOf(g, 'communication.fleet_mfu'),
      numberOf(g, 'communication.node_mfu') * numberOf(g, 'communication.scaling_efficiency'), 1e-12);
  });

  it('is dimensionally consistent at this scenario', () => {
    expect(checkDimensions(fleetDefs(ctx), scenarioValues(CASE.inputs))).toEqual([]);
  });

  it('recomputes only the downstream cone of an edited input', () => {
    const h = fleetGraph(ctx, scenarioValues(CASE.inputs));
    h.snapshot();
    h.resetEvaluationCounts();
    h.set('communication.overlap_efficiency', 0.5);
    h.snapshot();
    const cone = new Set(h.topology.downstream('communication.overlap_efficiency'));
    for (const [id, n] of h.evaluationCounts()) expect(n, id).toBe(cone.has(id) ? 1 : 0);
    expect(cone.has('communication.dp_exposed')).toBe(true);
    expect(cone.has('communication.microbatch_time')).toBe(false);
  });
});

describe('wall 14 structure', () => {
  it('exists only in training mode', () => {
    expect(communicationWall(context('inference'))).toEqual([]);
    expect(communicationWall(context('serving'))).toEqual([]);
    expect(communicationWall(context('training')).length).toBeGreaterThan(50);
  });

  it('defines the ids walls 1, 2 and §2 read in training mode', () => {
    const ids = new Set(communicationWall(context('training')).map((d) => d.id));
    for (const id of ['hw_flops_per_microbatch', 'model_flops_per_microbatch', 'weight_bytes_per_gpu', 'train_memory', 'layers_per_stage',
      'passes_per_microbatch', 'tokens_per_microbatch', 'recompute', 'tp', 'microbatch_size', 'seq_len', 'seq_len_effective',
      'sequence_parallel', 'sequence_parallel_effective']) {
      expect(ids.has(`communication.${id}`), id).toBe(true);
    }
  });

  it('with TP = PP = 1 on one GPU the step is m·T_mb + T_opt with no communication (single-node training)', () => {
    // Llama-3-8B, one H100, fp16, B_g = 4, b = 1, S = 2048 → m = 4.
    const g = fleetGraph(context('training', LLAMA3_8B), {
      'scenario.batch_size': 4, 'communication.seq_len': 2048,
    });
    const m = numberOf(g, 'communication.num_microbatches');
    expect(m).toBe(4);
    for (const id of ['tp_comm_per_microbatch', 'ep_comm_per_microbatch', 'pp_comm_per_microbatch', 'dp_comm', 'dp_exposed', 'pipeline_bubble']) {
      expect(numberOf(g, `communication.${id}`), id).toBe(0);
    }
    const tmb = numberOf(g, 'communication.microbatch_time');
    expectClose(tmb, numberOf(g, 'communication.microbatch_roofline_time') + numberOf(g, 'communication.microbatch_t_overhead'), 1e-12);
    expectClose(numberOf(g, 'communication.step_latency'), m * tmb + numberOf(g, 'communication.optimizer_step_time'), 1e-12);
    expectClose(numberOf(g, 'communication.scaling_efficiency') * numberOf(g, 'communication.step_latency'),
      m * numberOf(g, 'communication.microbatch_roofline_time'), 1e-12);
  });
});
