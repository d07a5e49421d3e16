import { describe, expect, it } from 'vitest';
import type { LiveGraph } from '../../../src/graph/index.js';
import { dataParallelDegree } from '../../../src/nodes/fleet/layout.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B, LLAMA3_8B, MIXTRAL_8X7B, RESNET50 } from '../fixtures.js';
import { fleetGraph, numberOf, valueOf, wallsOnlyGraph } from './graph.js';

function errorOf(g: LiveGraph, id: string) {
  const v = g.get(id);
  if (v.ok) throw new Error(`${id} holds ${String(v.value)}, not an error`);
  return v.error;
}

describe('dp = N/(t·p) and the validation of the split (§8.2 cells 2–4)', () => {
  it('ref.distributed_invalid_split: tp = 3 on 256 GPUs is invalid_input naming the numbers', () => {
    const c = goldenCase('ref.distributed_invalid_split');
    // plan: Llama3_8B, 32 nodes × 8 H100, batch 32, fp16, η 0.5; --set communication.tp=3
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, { num_nodes: 32, gpus_per_node: 8 }), {
      'scenario.batch_size': 32, 'scenario.efficiency': 0.5, ...(c.inputs.overrides as Record<string, number>),
    });
    const e = errorOf(g, 'communication.dp');
    expect(e.kind).toBe(c.expected['communication.dp']);
    expect(e.message).toContain('tp·pp must divide N');
    expect(e.message).toContain('256');
    expect(e.message).toContain('3');
    // everything downstream is blocked by it, and says so
    expect(errorOf(g, 'communication.step_latency').kind).toBe('upstream');
    expect(errorOf(g, 'communication.step_latency').root).toBe('communication.dp');
  });

  it('requires t | g or g | t', () => {
    expect(dataParallelDegree(24, 3, 1, 8, true)).toMatchObject({ kind: 'invalid_input' });
    expect(dataParallelDegree(32, 16, 1, 8, true)).toBe(2); // g | t: TP spans two nodes
    expect(dataParallelDegree(1024, 8, 4, 8, true)).toBe(32);
  });

  it('allows data parallelism only for non-LM models', () => {
    const e = dataParallelDegree(8, 2, 1, 8, false);
    expect(e).toMatchObject({ kind: 'invalid_input' });
    expect(dataParallelDegree(8, 1, 1, 8, false)).toBe(8);
  });
});

describe('layers, microbatches and placement', () => {
  const base = { 'scenario.precision': 'bf16', 'communication.seq_len': 4096 };

  it('L_stage = ⌈L/p⌉ with a warning when p does not divide L', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), { ...base, 'communication.tp': 8, 'communication.pp': 32 });
    const v = g.get('communication.layers_per_stage');
    expect(v.ok && v.value).toBe(3); // ⌈80/32⌉
    expect(v.ok && v.warnings[0]).toContain('does not divide L = 80');
  });

  it('refuses p > L and v > 1 without a pipeline', () => {
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, DGX_H100_128), { ...base, 'communication.pp': 64 });
    expect(errorOf(g, 'communication.layers_per_stage').message).toContain('exceeds the layer count');
    const h = fleetGraph(context('training', LLAMA3_8B), { ...base, 'communication.virtual_stages': 2 });
    expect(errorOf(h, 'communication.layers_per_stage').message).toContain('requires pp > 1');
  });

  it('rounds the global batch up to dp·b·m with a warning', () => {
    // 1024 GPUs, t 8, p 4 → dp 32; B_g 100, b 1 → m = ⌈100/32⌉ = 4, B_eff = 128
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), {
      ...base, 'communication.tp': 8, 'communication.pp': 4, 'communication.global_batch_size': 100,
    });
    expect(valueOf(g, 'communication.num_microbatches')).toBe(4);
    const v = g.get('communication.effective_global_batch');
    expect(v.ok && v.value).toBe(128);
    expect(v.ok && v.warnings[0]).toContain('from 100 to 128');
  });

  it('B_g and S follow scenario.batch_size and scenario.context_len until set', () => {
    const g = fleetGraph(context('training', LLAMA3_8B), { 'scenario.batch_size': 12, 'scenario.context_len': 1024, 'communication.seq_len': 1024 });
    expect(valueOf(g, 'communication.global_batch_size_effective')).toBe(12);
    g.set('communication.seq_len', null);
    expect(valueOf(g, 'communication.seq_len_effective')).toBe(1024);
    g.setMany({ 'communication.global_batch_size': 64, 'communication.seq_len': 512 });
    expect(valueOf(g, 'communication.global_batch_size_effective')).toBe(64);
    expect(valueOf(g, 'communication.seq_len_effective')).toBe(512);
    expect(valueOf(g, 'communication.tokens_per_microbatch')).toBe(512);
  });

  it('sequence parallelism defaults to t > 1', () => {
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), base);
    expect(valueOf(g, 'communication.sequence_parallel_effective')).toBe(false);
    g.set('communication.tp', 8);
    expect(valueOf(g, 'communication.sequence_parallel_effective')).toBe(true);
    g.set('communication.sequence_parallel', false);
    expect(valueOf(g, 'communication.sequence_parallel_effective')).toBe(false);
  });

  it('puts DP ranks of a node together: t = 2, g = 8 → k_dp = 4, n_dp = ⌈dp/4⌉', () => {
    // 1024 / (2·4) = 128 = dp; k_dp = min(128, 8/2) = 4; n_dp = 32; pipeline neighbours across nodes (2·128 ≥ 8)
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), { ...base, 'communication.tp': 2, 'communication.pp': 4 });
    expect(valueOf(g, 'communication.dp')).toBe(128);
    expect(valueOf(g, 'communication.dp_ranks_per_node')).toBe(4);
    expect(valueOf(g, 'communication.dp_nodes')).toBe(32);
    expect(valueOf(g, 'communication.pp_inter_node')).toBe(true);
  });

  it('runs TP over the fabric when t > g', () => {
    // t = 16 on g = 8: ring over 16 ranks at β_net = 50e9, α_f 5 µs. M_tp = 4096·8192·2 = 67 108 864 B
    const g = fleetGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), { ...base, 'communication.tp': 16 });
    expect(valueOf(g, 'communication.tp_intra_node')).toBe(false);
    const want = ((2 * 15) / 16) * (67108864 / 50e9) + 30 * 5e-6;
    expectClose(numberOf(g, 'communication.tp_allreduce_time'), want, 1e-12);
  });
});

describe('expert parallelism (§8.2 cell 3)', () => {
  const moe = context('training', MIXTRAL_8X7B, undefined, { num_nodes: 2, gpus_per_node: 8, nics_per_node: 8, fabric_bandwidth: 50e9 });

  it('carves EP out of DP and shards the experts e-ways', () => {
    const g = fleetGraph(moe, { 'communication.ep': 8, 'communication.seq_len': 4096, 'scenario.batch_size': 16 });
    expect(valueOf(g, 'communication.dp')).toBe(16);
    expect(valueOf(g, 'communication.expert_dp')).toBe(2);
    expect(valueOf(g, 'communication.ep_intra_node')).toBe(true);
    expect(numberOf(g, 'communication.ep_comm_per_microbatch')).toBeGreaterThan(0);
    // P_e = (46.7e9 − 12.9e9)/(8 − 2) per expert; E·P_e/e on each GPU
    expectClose(numberOf(g, 'communication.expert_params_per_gpu'), (8 * ((46.7e9 - 12.9e9) / 6)) / 8, 1e-9);
  });

  it('refuses e ∤ dp, E mod e ≠ 0 and EP on a dense model', () => {
    const g = fleetGraph(moe, { 'communication.ep': 3, 'communication.seq_len': 4096 });
    expect(errorOf(g, 'communication.expert_dp').message).toContain('ep must divide dp');
    const h = fleetGraph(moe, { 'communication.ep': 16, 'communication.seq_len': 4096 });
    expect(errorOf(h, 'communication.expert_dp').message).toContain('expert count');
    const d = fleetGraph(context('training', LLAMA3_8B, undefined, DGX_H100_128), { 'communication.ep': 2, 'communication.seq_len': 4096 });
    expect(errorOf(d, 'communication.expert_dp').message).toContain('mixture-of-experts');
  });
});

describe('non-LM training (data parallel only)', () => {
  it('counts samples and rejects tp > 1', () => {
    // ResNet-50: model 3·F_s = 3·4.1e9 FLOP per sample; hardware the same (selective recompute, §2.4).
    const ctx = context('training', RESNET50, undefined, { num_nodes: 1, gpus_per_node: 8 });
    const g = wallsOnlyGraph(ctx, {
      'workload.params': 25.6e6, 'workload.dense_params': 25.6e6, 'workload.expert_params': 0,
      'workload.train_model_flops_per_token': 12.3e9, 'workload.train_hw_flops_per_token': 12.3e9,
      'workload.backward_fraction': 2 / 3, 'workload.activation_bytes_per_layer': 1e8, 'software.efficiency_effective': 0.5,
    }, { 'scenario.batch_size': 256, 'communication.microbatch_size': 32 });
    expect(valueOf(g, 'communication.tokens_per_microbatch')).toBe(32);
    expect(valueOf(g, 'communication.num_microbatches')).toBe(1);
    expect(valueOf(g, 'communication.layers_per_stage')).toBe(1); // layer count unknown: 1, with a warning
    // T_c = 32 · 12.3e9 / (989e12 · 0.5); T_step = T_c + T_ov + T_dp(exposed) + T_opt; throughput = 256 / T_step samples/s
    expectClose(numberOf(g, 'communication.microbatch_t_compute'), (32 * 12.3e9) / (989e12 * 0.5), 1e-12);
    expectClose(numberOf(g, 'communication.fleet_throughput'), 256 / numberOf(g, 'communication.step_latency'), 1e-12);
    g.set('communication.tp', 2);
    expect(errorOf(g, 'communication.dp').message).toContain('transformer layer structure');
  });
});
