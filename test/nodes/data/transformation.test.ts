/**
 * Wall 9 (Transformation): pipelined CPU preprocessing against the accelerator step.
 *
 *   samples_per_step_per_node, cpu_samples_per_second ─► transform_time ─┐
 *   compute.latency | communication.step_latency ─► accelerator_step_time ─┴► effective_step_time ─► slowdown
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { transformationCells } from '../../../src/nodes/data/transformation.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context } from '../fixtures.js';
import { inferenceDefs, inferenceGraph, numberAt } from '../infra/wall-graphs.js';

describe('wall 9 transformation', () => {
  it('ref.transformation_cpu_bottleneck', () => {
    const c = goldenCase('ref.transformation_cpu_bottleneck');
    const i = c.inputs as Record<string, number>;
    const g = standaloneGraph(transformationCells(context('inference')), {
      'transformation.samples_per_step_per_node': i.samples_per_step_per_node, 'transformation.cpu_samples_per_second': i.cpu_samples_per_second,
      'compute.latency': i.accelerator_step_time_s, 'scenario.batch_size': 1, 'capital.num_devices': 1, 'capital.num_nodes': 1,
    });
    for (const [k, want] of Object.entries(c.expected)) {
      const id = k === 'wall_9_status' ? 'transformation.status' : k;
      expectClose(g.value(id), want, c.tolerance_rel, k);
    }
  });

  it('WARN above 0.8 of the step, PASS below; inactive until the CPU rate is set', () => {
    const g = standaloneGraph(transformationCells(context('inference')), {
      'compute.latency': 0.01, 'scenario.batch_size': 8, 'capital.num_devices': 1, 'capital.num_nodes': 1,
    });
    expect(g.value('transformation.active')).toBe(false);
    g.set('transformation.cpu_samples_per_second', 900); // 8/900 = 8.89 ms > 8 ms
    expect(g.value('transformation.status')).toBe('WARN');
    g.set('transformation.cpu_samples_per_second', 2000); // 4 ms
    expect(g.value('transformation.status')).toBe('PASS');
    expectClose(g.value('transformation.data_slowdown'), 1, 0);
  });

  it('is wired to the wall 1 step in inference (§12.1 latency 5.20416 ms at B = 1)', () => {
    const g = inferenceGraph(context('inference'), { 'transformation.cpu_samples_per_second': 100 });
    // T_tr = 1/100 s = 10 ms > 5.20416 ms: slowdown 10/5.20416 = 1.92154
    expectClose(numberAt(g, 'transformation.data_slowdown'), 10 / 5.20416, 1e-5);
    expect(g.value('transformation.is_transform_bottleneck')).toBe(true);
  });

  it('training: effective_global_batch/N_nodes against step_latency', () => {
    const g = standaloneGraph(transformationCells(context('training')), {
      'communication.effective_global_batch': 1024, 'communication.num_nodes': 128, 'communication.step_latency': 9,
      'transformation.cpu_samples_per_second': 1,
    });
    // 8 samples per node at 1 sample/s = 8 s < 9 s, but > 0.8 · 9 = 7.2 s: WARN
    expectClose(g.value('transformation.transform_time'), 8, 0);
    expect(g.value('transformation.status')).toBe('WARN');
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(inferenceDefs(context('inference')), { 'transformation.cpu_samples_per_second': 100 })).toEqual([]);
  });
});
