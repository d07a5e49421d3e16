/**
 * Serving's prefill figures on a context-parallel ring take one rank's share (src/nodes/parallel/ring.ts):
 * the MFU divides by all t·p·c devices of the replica, the prefill memory holds the rank's ⌈n/c⌉
 * tokens of activations, and the stall a prefill adds to a busy decode batch is one rank's F/c.
 * Hand derivation from the catalogue figures:
 *
 *   Llama-3-8B: P = 8.03e9, L = 32, d = 4096, H = 32, H_kv = 8, d_h = d_v = 128 (bf16, 2 B; Meta model card)
 *   H100 SXM:   989e12 FLOP/s bf16 dense, 3.35e12 B/s, 80 GB, NVLink 450e9 B/s per direction (NVIDIA datasheet)
 *   §12 pins:   η = 0.5, η_bw = 1, layer tax 10 µs, dispatch tax 10 µs (default)
 */
import { describe, expect, it } from 'vitest';
import { LiveGraph, type Plain } from '../../../src/graph/index.js';
import { buildScenarioDefs } from '../../../src/nodes/all-walls.js';
import type { FleetSpec } from '../../../src/nodes/context.js';
import { context, H100, LLAMA3_8B } from '../fixtures.js';

const PINNED = { 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1, 'scenario.layer_tax': 10e-6 };
const TWO_H100: FleetSpec = { num_nodes: 1, gpus_per_node: 2 };

function graph(cp: number): LiveGraph {
  const g = new LiveGraph(buildScenarioDefs(context('serving', LLAMA3_8B, H100, TWO_H100)));
  const values: Record<string, Plain> = { ...PINNED, 'communication.cp': cp, 'communication.tp': 1, 'communication.pp': 1, 'scenario.context_len': n };
  for (const o of g.setMany(values)) if (!o.ok) throw new Error(o.message);
  return g;
}
function num(g: LiveGraph, id: string): number {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.kind}: ${v.error.message}`);
  return v.value as number;
}

const n = 131072; // a 128K-token prompt, B = 1
const kvTok = 2 * 32 * 8 * 128 * 2; // 131 072 B per token
const attention = 2 * 32 * 32 * (128 + 128) * ((n * (n + 1)) / 2); // A·Ψ_causal(n, 0) = 4.5036e15 FLOP
const flops = 2 * 8.03e9 * n + attention; // F_block(n, 0) = 6.6087e15 FLOP
const taxes = 10e-6 + 32 * 10e-6;
const W = 8.03e9 * 2;

describe('128K-token prefill of Llama-3-8B served on 2 H100 as one ring (cp = 2)', () => {
  const g = graph(2);

  it('prefill MFU = F/(T·peak·t·p·c) = 0.49998: both ranks run the prefill (not 0.99995 over one device)', () => {
    const t = flops / (2 * 989e12 * 0.5) + taxes; // 6.6825 s, compute-bound on each rank
    expect(num(g, 'serving.prefill_time')).toBeCloseTo(t, 9);
    const mfu = flops / (t * 989e12 * 2);
    expect(mfu).toBeCloseTo(0.49998, 5);
    expect(num(g, 'serving.prefill_mfu')).toBeCloseTo(mfu, 12);
  });

  it('prefill memory = W + n·kv_tok/2 + A_work(1, n/2) = 16.06 + 8.59 + 8.59 GB: the rank holds half the prompt\'s activations', () => {
    const act = (n / 2) * 16 * 4096 * 2; // κ_act·d·b_act per token, 65 536 tokens = 8.59 GB (17.2 GB for the whole chunk)
    expect(num(g, 'serving.prefill_memory')).toBeCloseTo(W + (n * kvTok) / 2 + act, 0);
    expect(num(g, 'communication.cp_prefill_activation_bytes')).toBe(act);
  });

  it('the stall one admitted prefill adds to a busy batch is one rank\'s F/(c·peak·η) = 6.6822 s (the 19 ms ring hides under 4.55 s of attention)', () => {
    expect(num(g, 'serving.cached_prefix_len')).toBe(0);
    expect(num(g, 'batching.prefill_compute_per_request')).toBeCloseTo(flops / (2 * 989e12 * 0.5), 9);
  });

  it('at cp = 1 the same two devices are two replicas and every figure is one device\'s', () => {
    const one = graph(1);
    expect(num(one, 'communication.replicas')).toBe(2);
    expect(num(one, 'batching.prefill_compute_per_request')).toBeCloseTo(flops / (989e12 * 0.5), 9);
    expect(num(one, 'serving.prefill_memory')).toBeCloseTo(W + n * kvTok + n * 16 * 4096 * 2, 0);
  });
});
