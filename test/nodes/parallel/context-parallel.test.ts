/**
 * Context parallelism in inference and serving (src/nodes/parallel/ring.ts, cp-cells.ts): ring
 * attention over the prompt's prefill, the KV cache sharded over the ring for decode. Every
 * expected value below is derived by hand from the catalogue figures:
 *
 *   Llama-3-8B: P = 8.03e9, L = 32, d = 4096, H = 32, H_kv = 8, d_h = d_v = 128 (bf16, 2 B)
 *   H100 SXM:   989e12 FLOP/s bf16 dense, 3.35e12 B/s HBM3, NVLink 450e9 B/s per direction, α 0.5 µs
 *   §12 pins:   η = 0.5, η_bw = 1, layer tax 10 µs, dispatch tax 10 µs (default)
 */
import { describe, expect, it } from 'vitest';
import { LiveGraph, type Plain } from '../../../src/graph/index.js';
import type { FleetSpec, Mode } from '../../../src/nodes/context.js';
import { ringExposed, ringPrefillPass } from '../../../src/nodes/parallel/ring.js';
import type { Shard } from '../../../src/nodes/parallel/shard.js';
import type { StepRates } from '../../../src/nodes/serving/lm-physics.js';
import { H100, LLAMA3_70B, LLAMA3_8B, ONE_NODE_8 } from '../fixtures.js';
import { num, splitGraph } from '../split-graph.js';

const TWO_H100: FleetSpec = { num_nodes: 1, gpus_per_node: 2 };

const graph = (mode: Mode, fleet: FleetSpec, values: Record<string, Plain>, model = LLAMA3_8B): LiveGraph => splitGraph(mode, model, H100, fleet, values);

// The hand derivation of a 128K-token prompt (n = 131 072, B = 1).
const n = 131072;
const kvTok = 2 * 32 * 8 * 128 * 2; // 2 (K, V) · L · H_kv · d_h · b_kv = 131 072 B per token
const fLin = 2 * 8.03e9; // F_lin = 2·P
const attnCoeff = 2 * 32 * 32 * (128 + 128); // A = 2·L·H·(d_h + d_v) = 524 288
const attention = attnCoeff * ((n * (n + 1)) / 2); // A·Ψ_causal(n, 0) = 4.5036e15 FLOP
const flops = fLin * n + attention; // F_block(n, 0) = 6.6087e15 FLOP
const taxes = 10e-6 + 32 * 10e-6; // dispatch + L·layer tax = 0.33 ms

describe('128K-token prompt of Llama-3-8B on 2 H100, cp = 2 (ring attention, Liu et al. 2023)', () => {
  const cp2 = () => graph('inference', TWO_H100, { 'communication.cp': 2, 'communication.tp': 1, 'communication.pp': 1, 'scenario.context_len': n });

  it('one replica of two ranks; each holds half the prompt\'s KV and activations', () => {
    const g = cp2();
    expect(num(g, 'communication.replicas')).toBe(1);
    expect(num(g, 'communication.devices_per_replica')).toBe(2);
    expect(num(g, 'communication.kv_shard_fraction')).toBe(0.5);
    // per layer per token on a TP rank: kv_tok/L = 4096 B
    expect(num(g, 'communication.kv_block_bytes_per_token')).toBe(kvTok / 32);
    // A_work(1, n/2) = 65 536 · κ_act 16 · d 4096 · 2 B = 8.59 GB per rank (17.2 GB on one device)
    expect(num(g, 'communication.cp_prefill_activation_bytes')).toBe(65536 * 16 * 4096 * 2);
    // decode footprint per device: W 16.06 GB + n·kv_tok/2 8.59 GB + A_work(1, 1) 131 kB
    expect(num(g, 'memory.memory_footprint')).toBeCloseTo(16.06e9 + (n * kvTok) / 2 + 16 * 4096 * 2, 0);
  });

  it('ring: 32 layers × 1 step of a 268 MB block = 8.59 GB per rank in 19.1 ms on NVLink, hidden under 4.55 s of attention', () => {
    const g = cp2();
    const block = (n / 2) * (kvTok / 32); // M_kv = B·⌈n/c⌉·kv_tok/L = 268 435 456 B
    expect(num(g, 'communication.cp_prefill_ring_bytes')).toBe(32 * 1 * block);
    const ring = 32 * (block / 450e9 + 0.5e-6); // L·(c − 1)·p2p(M_kv) = 19.105 ms
    expect(num(g, 'communication.cp_prefill_ring_time')).toBeCloseTo(ring, 12);
    expect(ring).toBeCloseTo(0.019105, 6);
    // T_attn = A·Ψ/(c·peak·η) = 4.554 s ≫ T_ring: nothing of the ring is exposed
    expect(attention / (2 * 989e12 * 0.5)).toBeCloseTo(4.554, 3);
    expect(num(g, 'serving.prefill_comm_time')).toBe(0);
  });

  it('TTFT = F/(c·peak·η) + taxes = 6.682 s, half the 13.365 s of one H100 (compute-bound: 33 GB read in 9.9 ms)', () => {
    const g = cp2();
    expect(num(g, 'serving.prefill_flops')).toBeCloseTo(flops, -3);
    const ttft = flops / (2 * 989e12 * 0.5) + taxes;
    expect(num(g, 'serving.ttft')).toBeCloseTo(ttft, 9);
    expect(ttft).toBeCloseTo(6.6825, 4);
    const one = graph('inference', TWO_H100, { 'communication.cp': 1, 'communication.tp': 1, 'communication.pp': 1, 'scenario.context_len': n });
    expect(num(one, 'serving.ttft')).toBeCloseTo(flops / (989e12 * 0.5) + taxes, 9);
    expect(num(one, 'communication.replicas')).toBe(2);
  });

  it('decode keeps the KV sharded: one all-reduce per layer merges the partial outputs (Tree Attention)', () => {
    const g = cp2();
    // L · ring_allreduce(B·d·b_act/t = 8192 B, c = 2) = 32·(2·½·8192/450e9 + 2·0.5 µs) = 32.58 µs
    const merge = 32 * (8192 / 450e9 + 2 * 0.5e-6);
    expect(num(g, 'communication.decode_cp_comm')).toBeCloseTo(merge, 15);
    expect(num(g, 'communication.decode_step_time')).toBeCloseTo(num(g, 'compute.latency') + merge, 15);
    // one device's step reads W + n·kv_tok/2 (memory-bound): (16.06e9 + 8.59e9)/3.35e12 + taxes
    expect(num(g, 'compute.latency')).toBeCloseTo((16.06e9 + (n * kvTok) / 2) / 3.35e12 + taxes, 6);
  });

  it('serving: the same TTFT, and its ITL at context S is wall 14\'s decode step with the merge', () => {
    const g = graph('serving', TWO_H100, { 'communication.cp': 2, 'communication.tp': 1, 'communication.pp': 1, 'scenario.context_len': n });
    expect(num(g, 'serving.prompt_len_effective')).toBe(n);
    expect(num(g, 'serving.ttft')).toBeCloseTo(flops / (2 * 989e12 * 0.5) + taxes, 9);
    expect(num(g, 'serving.itl')).toBeCloseTo(num(g, 'communication.decode_step_time'), 15);
  });

  it('a prompt not divisible by c: the slowest rank holds ⌈n/c⌉ tokens, said', () => {
    const g = graph('inference', ONE_NODE_8, { 'communication.cp': 3, 'communication.tp': 2, 'communication.pp': 1, 'scenario.context_len': 1000 }, LLAMA3_70B);
    const v = g.get('communication.cp_prefill_activation_bytes');
    expect(v.ok && v.warnings?.join(' ')).toContain('slowest rank holds 334');
    // 334 tokens ≥ 256 (two 128-token tiles); at cp = 8 a rank holds 125, said
    const tiny = graph('inference', ONE_NODE_8, { 'communication.cp': 8, 'communication.tp': 1, 'communication.pp': 1, 'scenario.context_len': 1000 }, LLAMA3_70B);
    const w = tiny.get('communication.cp_prefill_activation_bytes');
    expect(v.ok && v.warnings?.join(' ')).not.toContain('attention tiles');
    expect(w.ok && w.warnings?.join(' ')).toContain('holds 125 tokens, fewer than two 128-token attention tiles');
  });
});

describe('ringPrefillPass: the ring is hidden under the attention up to its length (a hand-made shard)', () => {
  const link = { beta: 50e9, alpha: 5e-6, congestion: 1 };
  const shard: Shard = {
    tp: 1, pp: 1, ep: 1, cp: 4, stageLayers: 2, stageFraction: 1, moeStageLayers: 0, kvFraction: 1 / 4, weightBytes: 1e9,
    tokenBytes: 1024, expertsPerToken: 0, tpLink: null, epLink: null, ppLink: null, cpLink: link, kvLayerBytes: 1000,
  };
  const r: StepRates = { peakFlops: 1e15, efficiency: 0.5, bandwidth: 1e12, bandwidthEfficiency: 1, dispatchTax: 0, layerTax: 0 };

  it('exposed = max(0, T_ring − T_attn): T_ring = 2 layers · 3 steps · (1000 tokens · 1000 B / 50 GB/s + 5 µs) = 150 µs', () => {
    const ring = 2 * 3 * (1000 * 1000 / 50e9 + 5e-6);
    // 4000 tokens over 4 ranks; attention 1e11 FLOP over 4 ranks at 0.5 PFLOP/s = 50 µs
    expect(ringExposed(shard, r, 1e11, 1, 4000)).toBeCloseTo(ring - 50e-6, 15);
    expect(ringExposed(shard, r, 1e12, 1, 4000)).toBe(0);
  });

  it('the pass: F/c on one rank, the weights and every KV block read once, the exposed ring added', () => {
    const p = ringPrefillPass(shard, null, r, 4e12, 1e11, 4e9, 1, 4000, 0);
    expect(p.tCompute).toBeCloseTo(4e12 / 4 / 0.5e15, 15);
    expect(p.tMemory).toBeCloseTo((1e9 + 4e9) / 1e12, 15);
    expect(p.cpComm).toBeCloseTo(2 * 3 * (1e6 / 50e9 + 5e-6) - 50e-6, 15);
    expect(p.latency).toBeCloseTo(Math.max(p.tCompute, p.tMemory) + p.cpComm, 15);
  });
});
