/**
 * Context parallelism in training (ring attention, Liu et al. 2023), hand-derived.
 *
 * Llama-3-8B (L 32, d 4096, H 32, H_kv 8, d_h 128) at S = 131 072 on 128 DGX H100 nodes
 * (1024 GPUs, 8 NICs of 50 GB/s per node → β_net = 50 GB/s per GPU, α_f = 5 µs), t = 8,
 * p = 1, b = 1, B_g = 64, selective recompute with sequence parallelism, fp16 (b_act = 2 B):
 *
 *   cp = 1: dp = 128, m = 1; a_layer = s·b·h·34/t = 131 072·4096·34/8 = 2 281 701 376 B;
 *           A_gpu = 32 · a_layer = 73 014 444 032 B.
 *   cp = 2: dp = 1024/(8·2) = 64, gradient group dp·c = 128, m = ⌈64/64⌉ = 1;
 *           A_gpu = 73 014 444 032 / 2 = 36 507 222 016 B (each rank holds S/2 tokens);
 *           M_kv = b·(S/c)·H_kv·(d_h + d_v)·b_act / min(t, H_kv) = 65 536·8·256·2/8 = 33 554 432 B;
 *           t·c = 16 > g = 8, so the ring crosses the fabric;
 *           ring per step = m·3·L·(c − 1)·M_kv = 3·32·33 554 432 = 3 221 225 472 B;
 *           T_ring = 3·32·(5e-6 + 33 554 432/50e9) = 0.06490450944 s;
 *           T_attn = (S/c)·4·A·(S + 1)/2 / (t·peak·η), A = 524 288, peak 989e12, η = 0.5
 *                  ≈ 2.277 s ≫ T_ring, so nothing is exposed.
 */
import { describe, expect, it } from 'vitest';
import { context, DGX_H100_128, LLAMA3_8B } from '../fixtures.js';
import { fleetGraph, numberOf } from './graph.js';

const BASE = {
  'communication.seq_len': 131072, 'communication.global_batch_size': 64, 'communication.tp': 8, 'communication.pp': 1,
  'communication.microbatch_size': 1, 'communication.recompute': 'selective', 'scenario.efficiency': 0.5, 'scenario.precision': 'fp16',
};
const graph = (cp: number, extra: Record<string, number> = {}) =>
  fleetGraph(context('training', LLAMA3_8B, undefined, DGX_H100_128), { ...BASE, 'communication.cp': cp, ...extra });

const A = 524_288; // 2·32·32·(128 + 128)
const T_ATTN = (65536 * 4 * (A * 131073) / 2) / (8 * 989e12 * 0.5);

describe('context parallelism (ring attention) in a 128K-context training step', () => {
  it('cp = 2 halves the activations per GPU: 73 014 444 032 B → 36 507 222 016 B', () => {
    const one = graph(1);
    const two = graph(2);
    expect(numberOf(one, 'communication.train_activations')).toBe(73_014_444_032);
    expect(numberOf(two, 'communication.train_activations')).toBe(36_507_222_016);
    expect(numberOf(two, 'communication.tokens_per_microbatch')).toBe(65536);
  });

  it('devices = t·p·c·dp: dp = 64 with cp = 2; the 128 ranks holding the same weights reduce gradients and shard ZeRO together', () => {
    const g = graph(2);
    expect(numberOf(g, 'communication.dp')).toBe(64);
    expect(numberOf(g, 'communication.gradient_group')).toBe(128);
    expect(numberOf(g, 'communication.num_microbatches')).toBe(1);
    expect(8 * 1 * 2 * numberOf(g, 'communication.dp')).toBe(1024);
    // Same weights per GPU as cp = 1 (CP does not shard them); the gradient all-reduce spans the same 128 ranks.
    expect(numberOf(g, 'communication.weight_bytes_per_gpu')).toBe(numberOf(graph(1), 'communication.weight_bytes_per_gpu'));
    expect(numberOf(g, 'communication.dp_comm')).toBe(numberOf(graph(1), 'communication.dp_comm'));
  });

  it('ring traffic: M_kv = 33 554 432 B; 3 221 225 472 B per GPU per step; T_ring = 3·32·(5 µs + M_kv/50 GB/s)', () => {
    const g = graph(2);
    expect(numberOf(g, 'communication.cp_message_bytes')).toBe(33_554_432);
    expect(numberOf(g, 'communication.cp_ring_bytes_per_step')).toBe(3_221_225_472);
    expect(g.value('communication.cp_intra_node')).toBe(false);
    expect(numberOf(g, 'communication.cp_comm_per_microbatch')).toBeCloseTo(96 * (5e-6 + 33_554_432 / 50e9), 12);
  });

  it('the ring hides under the attention compute (≈ 2.28 s): nothing exposed, T_mb has no CP term', () => {
    const g = graph(2);
    expect(numberOf(g, 'communication.cp_attention_time')).toBeCloseTo(T_ATTN, 9);
    expect(numberOf(g, 'communication.cp_exposed_per_microbatch')).toBe(0);
  });

  it('on a 0.1 GB/s fabric the ring outlasts the compute: exposed = T_ring − T_attn, on the critical path', () => {
    const g = graph(2, { 'communication.fabric_bandwidth': 1e8 });
    const ring = 96 * (5e-6 + 33_554_432 / 1e8);
    expect(numberOf(g, 'communication.cp_exposed_per_microbatch')).toBeCloseTo(ring - T_ATTN, 9);
    const parts = ['microbatch_roofline_time', 'tp_comm_per_microbatch', 'ep_comm_per_microbatch', 'pp_comm_per_microbatch', 'microbatch_t_overhead', 'cp_exposed_per_microbatch']
      .map((id) => numberOf(g, `communication.${id}`));
    expect(numberOf(g, 'communication.microbatch_time')).toBeCloseTo(parts.reduce((a, b) => a + b, 0), 12);
  });

  it('the ring fits in a node when t·c ≤ g: t = 4, c = 2 uses NVLink (450 GB/s, 0.5 µs)', () => {
    const g = graph(2, { 'communication.tp': 4 });
    expect(g.value('communication.cp_intra_node')).toBe(true);
    const message = (65536 * 8 * 256 * 2) / 4;
    expect(numberOf(g, 'communication.cp_message_bytes')).toBe(message);
    expect(numberOf(g, 'communication.cp_comm_per_microbatch')).toBeCloseTo(96 * (0.5e-6 + message / 450e9), 12);
  });

  it('cp = 1 adds nothing: no ring, no buffers, the same step as before', () => {
    const g = graph(1);
    expect(numberOf(g, 'communication.cp_comm_per_microbatch')).toBe(0);
    expect(numberOf(g, 'communication.cp_exposed_per_microbatch')).toBe(0);
    expect(numberOf(g, 'communication.gradient_group')).toBe(numberOf(g, 'communication.dp'));
  });

  it('tp·pp·cp must divide N; a sequence cp does not divide is warned (the slowest rank holds ⌈S/c⌉)', () => {
    const bad = graph(3).get('communication.dp');
    expect(bad.ok ? 'ok' : bad.error.message).toMatch(/tp·pp·cp must divide N/);
    const g = graph(2, { 'communication.seq_len': 131071 });
    const tokens = g.get('communication.tokens_per_microbatch');
    expect(tokens.ok && tokens.value).toBe(65536);
    expect(tokens.ok && tokens.warnings.join()).toMatch(/not a multiple of cp = 2/);
  });
});
