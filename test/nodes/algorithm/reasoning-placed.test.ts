/**
 * Wall 12's steps are placed on the device as walls 1–2 place theirs (src/nodes/serving/placement.ts,
 * issue 18 item 7: one step, one answer): Llama3_70B on one H100 does not fit the 80 GB, so the
 * reasoning decode step at x̄ = S + N_g/2 offloads over the 64 GB/s host link, as wall 1's step does.
 * Catalogue facts (src/registry/data/catalog.json): Llama3_70B P = 70.6e9, L = 80, d = 8192, H = 64,
 * H_kv = 8, d_h = 128 (Meta Llama 3 model card); H100 SXM 80 GB at 3.35 TB/s, PCIe Gen5 x16 host
 * link 64 GB/s, 989 TFLOP/s dense fp16 (NVIDIA H100 datasheet).
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import { buildScenario } from '../../../src/scenario/index.js';

/** η = 0.5, η_bw = 1 pinned (§12's calibration); K = 8 steps of τ = 50 tokens: N_g = 400. */
const PINNED = { 'scenario.precision': 'fp16', 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1, 'reasoning.reasoning_steps': 8 };
const W = 70.6e9 * 2; // B
const KV_TOK = 80 * 8 * (128 + 128) * 2; // 327 680 B/token
const S = 2048;
const X = S + 400 / 2; // x̄ = S + N_g/2 = 2248

function num(g: LiveGraph, id: string): number {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.message}`);
  return v.value as number;
}
const build = (mode: 'inference' | 'serving', extra: Record<string, Plain> = {}) =>
  buildScenario({ model: 'Llama3_70B', hardware: 'H100', mode, overrides: { ...PINNED, ...extra } }).graph;

/** The offloaded decode step at context x (B = 1): M = W + x·kv_tok + A_work(1, 1), s = M − 80 GB over 64 GB/s. */
function offloadedStep(g: LiveGraph, x: number): number {
  const M = W + x * KV_TOK + 16 * 8192 * 2;
  const Q = W + x * KV_TOK;
  const spill = M - 80e9;
  const tMemory = (Q - spill) / 3.35e12 + spill / 64e9;
  const tCompute = (2 * 70.6e9 + 2 * 80 * 64 * 256 * x) / (989e12 * 0.5);
  return Math.max(tCompute, tMemory) + num(g, 'scenario.dispatch_tax') + 80 * num(g, 'scenario.layer_tax');
}

describe('wall 12 on one H100: Llama3_70B\'s reasoning step pays the host link', () => {
  it.each(['inference', 'serving'] as const)('%s: itl_at_mean_context is the offloaded step at x̄ = 2248 (≈ 1.0 s, not ≈ 43 ms resident)', (mode) => {
    const g = build(mode);
    expect(num(g, 'reasoning.mean_context')).toBe(X);
    const step = offloadedStep(g, X);
    expect(step).toBeGreaterThan(0.99); // (M − 80 GB)/64 GB/s alone is ≈ 0.97 s
    expect(num(g, 'reasoning.itl_at_mean_context')).toBeCloseTo(step, 9);
  });

  it('with K = 1, τ = 1 (x̄ = 2048.5) the step is wall 1\'s own at S = 2048 to within the half token', () => {
    const g = build('inference', { 'reasoning.reasoning_steps': 1, 'reasoning.tokens_per_reasoning_step': 1 });
    expect(num(g, 'reasoning.itl_at_mean_context')).toBeCloseTo(offloadedStep(g, S + 0.5), 9);
    expect(num(g, 'reasoning.itl_at_mean_context')).toBeCloseTo(num(g, 'compute.latency'), 4);
  });

  it('the inference-mode prefill (TTFT) is placed too: it cannot be faster than W crossing wall 2\'s spill over the host link', () => {
    const g = build('inference');
    const spill = W + S * KV_TOK + 16 * 8192 * 2 - 80e9; // at least the decode step's spill stays off the device
    expect(num(g, 'reasoning.ttft')).toBeGreaterThan(spill / 64e9);
  });
});
