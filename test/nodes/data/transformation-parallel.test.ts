/**
 * Wall 9 (Transformation) on a split model: the step is the replica's decode step, and the
 * CPUs of the nodes preprocess the samples of every replica.
 *
 *   communication.replicas, scenario.batch_size, capital.num_nodes ─► samples_per_step_per_node ─► transform_time ─┐
 *   communication.decode_step_time ─► accelerator_step_time ───────────────────────────────────────────────────┴► status
 *
 * Expected values derived by hand from test/nodes/fixtures.ts and physics.md (§2.6, §3.1, §3.2, wall 9).
 */
import { describe, expect, it } from 'vitest';
import { LiveGraph, type Plain } from '../../../src/graph/index.js';
import { buildScenarioDefs } from '../../../src/nodes/all-walls.js';
import { expectClose } from '../../helpers/golden.js';
import { context, H100, LLAMA3_70B, ONE_NODE_8 } from '../fixtures.js';

/** The §12 calibration the hand derivations assume (η 0.5, η_bw 1, 10 µs layer tax), pinned. */
const PINNED = { 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1, 'scenario.layer_tax': 10e-6 };

function graph(values: Record<string, Plain>): LiveGraph {
  const g = new LiveGraph(buildScenarioDefs(context('inference', LLAMA3_70B, H100, ONE_NODE_8)));
  for (const o of g.setMany({ ...PINNED, ...values })) if (!o.ok) throw new Error(o.message);
  return g;
}

const ring = (m: number, t: number, beta: number, alpha: number): number => (2 * (t - 1) / t) * (m / beta) + 2 * (t - 1) * alpha;

describe('Llama3_70B on one 8-GPU H100 node at TP 4: 2 replicas share the node\'s CPUs', () => {
  const inputs = { 'communication.tp': 4, 'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16' };
  // One device: W/4 = 3.53e10 B + 2048·327 680/4 B of KV at 3.35e12 B/s (T_c = 7.4e-5 s is smaller), T_ov = 10e-6 + 80·10e-6;
  // the replica adds 160 all-reduces of 8192·2 B over 4 GPUs on NVLink (450e9 B/s, 0.5 µs).
  const tDevice = (70.6e9 * 2 / 4 + 2048 * 327680 / 4) / 3.35e12 + 10e-6 + 80 * 10e-6;
  const tStep = tDevice + 160 * ring(8192 * 2, 4, 450e9, 0.5e-6);

  it('each step the node preprocesses replicas·B = 2 samples against the replica\'s step (11.89 ms)', () => {
    const g = graph({ ...inputs, 'transformation.cpu_samples_per_second': 150 });
    expect(g.value('communication.replicas')).toBe(2);
    expect(g.value('transformation.samples_per_step_per_node_effective')).toBe(2);
    expectClose(g.value('transformation.accelerator_step_time'), tStep, 1e-12, 'T_step');
    // T_tr = 2/150 = 13.33 ms > T_step: the CPUs set the pace.
    expectClose(g.value('transformation.transform_time'), 2 / 150, 1e-15, 'T_tr');
    expectClose(g.value('transformation.accelerator_utilization'), tStep / (2 / 150), 1e-12, 'utilisation');
    expect(g.value('transformation.status')).toBe('FAIL');
  });

  it('at 200 samples/s the CPUs keep up (10 ms < 11.89 ms) but take more than 80 % of the step: WARN', () => {
    const g = graph({ ...inputs, 'transformation.cpu_samples_per_second': 200 });
    expect(tStep).toBeGreaterThan(0.01);
    expect(0.01).toBeGreaterThan(0.8 * tStep);
    expect(g.value('transformation.status')).toBe('WARN');
    expect(g.value('transformation.data_slowdown')).toBe(1);
  });

  it('TP 8 leaves one replica: 1 sample per step', () => {
    const g = graph({ ...inputs, 'communication.tp': 8, 'transformation.cpu_samples_per_second': 200 });
    expect(g.value('transformation.samples_per_step_per_node_effective')).toBe(1);
  });
});
