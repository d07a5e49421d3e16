import { describe, expect, it } from 'vitest';
import { executionUnitCells } from '../../../src/nodes/node/execution-unit.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { openInputs, standaloneGraph } from '../../helpers/standalone.js';
import { context, H100, LLAMA3_70B, RESNET50 } from '../fixtures.js';
import { foundationDefs, foundationGraph, value } from './scenario-graph.js';

describe('the execution unit of walls 1–2 (§4.0)', () => {
  it('inference and serving run the same LM decode step', () => {
    const inference = foundationGraph('inference');
    const serving = standaloneGraph(foundationDefs('serving'), { 'batching.kv_page_size': 16 });
    for (const id of ['compute.flops_per_step', 'compute.memory_traffic', 'memory.memory_footprint', 'compute.latency']) {
      expect(value(serving, id), id).toBe(value(inference, id));
    }
  });

  it('a non-LM without a layer count pays the layer tax once, with a warning', () => {
    const g = foundationGraph('inference', RESNET50);
    const lx = g.get('compute.layers_executed');
    expect(lx.ok && lx.value).toBe(1);
    expect(lx.ok && lx.warnings).toEqual(['layer count unknown; layer tax counted for one layer']);
    const aWork = g.get('workload.activation_working_set');
    expect(aWork.ok && aWork.warnings).toEqual(['activation working set unknown; footprint counts weights only']);
    expect(value(g, 'memory.memory_footprint')).toBe(25.6e6 * 2);
  });

  it('training reads wall 14’s microbatch (spec-12.2 figures): F_hw,mb, k·W_gpu, train_memory, k = 3, L_stage = 20', () => {
    const c = goldenCase('spec-12.2-train-70b-1024-h100');
    const e = c.expected as Record<string, number>;
    const u = c.expected_unnamed as Record<string, number>;
    const defs = foundationDefs('training', LLAMA3_70B, H100);
    expect(openInputs(defs).sort()).toEqual([
      'communication.hw_flops_per_microbatch', 'communication.layers_per_stage', 'communication.microbatch_size',
      'communication.model_flops_per_microbatch', 'communication.passes_per_microbatch', 'communication.recompute', 'communication.seq_len_effective',
      'communication.sequence_parallel', 'communication.tokens_per_microbatch', 'communication.tp', 'communication.train_memory',
      'communication.weight_bytes_per_gpu',
    ]);
    // F_mod,mb = b·S·3·F_fwd·(L_stage/L)/t = 1·8192·455 816 186 880·(20/80)/8 (§8.4).
    const modelFlops = (8192 * e['workload.train_model_flops_per_token'] * (20 / 80)) / 8;
    const g = standaloneGraph(defs, {
      'communication.seq_len_effective': 8192, 'communication.recompute': 'selective', 'communication.microbatch_size': 1, 'communication.tp': 8,
      'communication.sequence_parallel': true, 'communication.hw_flops_per_microbatch': e['communication.hw_flops_per_microbatch'],
      'communication.model_flops_per_microbatch': modelFlops, 'communication.passes_per_microbatch': 3,
      'communication.weight_bytes_per_gpu': e['communication.train_weights'], 'communication.train_memory': e['communication.train_memory'],
      'communication.layers_per_stage': 20, 'communication.tokens_per_microbatch': 8192, 'scenario.precision': 'bf16',
      'scenario.efficiency': 0.5, // §12.2's η (issue 19 made the sourced table the default)
    });
    expectClose(value(g, 'compute.t_compute'), u.microbatch_t_compute_s, c.tolerance_rel, 'T_c');
    expectClose(value(g, 'compute.t_memory'), u.microbatch_t_memory_s, c.tolerance_rel, 'T_m');
    expectClose(value(g, 'compute.t_overhead'), u.microbatch_t_overhead_s, c.tolerance_rel, 'T_ov');
    expectClose(value(g, 'memory.memory_utilization'), e['communication.train_memory_utilization'], c.tolerance_rel, 'U');
    // node_mfu = F_mod,mb/(T_roof·peak) (§8.5.9) equals wall 1's mfu without the per-microbatch overhead.
    const tRoof = Math.max(value(g, 'compute.t_compute') as number, value(g, 'compute.t_memory') as number);
    expectClose(modelFlops / (tRoof * 989e12), e['communication.node_mfu'], c.tolerance_rel, 'node_mfu');
    expect(value(g, 'compute.hfu') as number).toBeGreaterThan(value(g, 'compute.mfu') as number);
    for (const k of ['workload.train_model_flops_per_token', 'workload.train_hw_flops_per_token', 'workload.backward_fraction', 'workload.activation_bytes_per_layer']) {
      expectClose(value(g, k), e[k], c.tolerance_rel, k);
    }
  });

  it('each mode defines the same execution-unit cells', () => {
    const ids = (m: 'inference' | 'training') => executionUnitCells(context(m)).map((d) => d.id).sort();
    expect(ids('training')).toEqual(ids('inference'));
    expect(executionUnitCells(context('inference', RESNET50)).map((d) => d.id).sort()).toEqual(ids('inference'));
  });
});
