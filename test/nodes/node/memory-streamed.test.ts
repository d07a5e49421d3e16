/**
 * Walls 1–2 on a weight-streaming device follow wall 6 (docs/physics-notes.md, "Weight-streaming
 * devices"; issue 18 item 7: one headline per scenario, from one step). A step that does not fit on
 * the wafer streams its weights: its footprint is wall 6's on-chip requirement and its memory time
 * is the injection of every weight byte, W/β_inj, so `eval` and `serve` give one answer.
 * Catalogue facts (src/registry/data/catalog.json): Llama3_70B P = 70.6e9, L = 80, d = 8192,
 * H_kv = 8, d_h = 128 (Meta Llama 3 model card); Cerebras CS-3 44 GB on-wafer SRAM, MemoryX
 * streaming at 1.2 TB/s (Cerebras CS-3 documentation).
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph } from '../../../src/graph/index.js';
import { buildScenario, evaluate } from '../../../src/scenario/index.js';

/** η = 0.5, η_bw = 1 pinned (§12's calibration); η_bw = 0.8 below to show β_inj is not derated. */
const PINNED = { 'scenario.precision': 'fp16', 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1 };
const W = 70.6e9 * 2; // B
const KV_TOK = 80 * 8 * (128 + 128) * 2; // 327 680 B/token
const S = 2048;
const A_WORK = 16 * 8192 * 2; // κ_act·d·b_act for B = 1, one new token (§2.8)

function num(g: LiveGraph, id: string): number {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.message}`);
  return v.value as number;
}
const build = (model: string, mode: 'inference' | 'serving', extra: Record<string, number> = {}) =>
  buildScenario({ model, hardware: 'Cerebras_CS3', mode, overrides: { ...PINNED, ...extra } }).graph;

describe('Llama3_70B on a Cerebras CS-3 in eval: walls 1–2 stream the weights as wall 6 does', () => {
  const g = build('Llama3_70B', 'inference');

  it('the footprint is two layer buffers + KV + activations (4.20 GB), which fits the 44 GB wafer: wall 2 passes', () => {
    expect(g.value('memory.weights_streamed')).toBe(true); // 141.87 GB resident would not fit
    const onChip = 2 * (W / 80) + S * KV_TOK + A_WORK; // 3.53e9 + 671 088 640 + 262 144
    expect(num(g, 'memory.memory_footprint')).toBeCloseTo(onChip, 0);
    expect(num(g, 'memory.memory_footprint')).toBe(num(g, 'streaming.onchip_required'));
    expect(g.value('memory.memory_regime')).toBe('resident');
    expect(g.value('memory.feasible')).toBe(true);
    expect(num(g, 'memory.host_bytes')).toBe(0);
  });

  it('T_m = W/β_inj = 117.67 ms, and the latency is wall 6\'s pass, 80·(W/80/1.2 TB/s + layer_tax) + dispatch_tax', () => {
    expect(num(g, 'compute.t_memory')).toBeCloseTo(W / 1.2e12, 12); // 0.1176667 s
    const tLayerCompute = (2 * 70.6e9 + 2 * 80 * 64 * 256 * S) / 80 / (62.5e15 * 0.5);
    expect(W / 80 / 1.2e12).toBeGreaterThan(tLayerCompute); // injection-bound
    const pass = 80 * (W / 80 / 1.2e12 + num(g, 'scenario.layer_tax')) + num(g, 'scenario.dispatch_tax');
    expect(num(g, 'compute.latency')).toBeCloseTo(pass, 12);
    expect(num(g, 'compute.latency')).toBeCloseTo(num(g, 'streaming.pass_time'), 15);
  });

  it('eval and serve give one answer: serving.itl is compute.latency bit for bit, and both exit 0', () => {
    const s = build('Llama3_70B', 'serving');
    expect(num(s, 'serving.itl')).toBe(num(s, 'compute.latency'));
    expect(num(s, 'compute.latency')).toBe(num(g, 'compute.latency'));
    const e = evaluate({ model: 'Llama3_70B', hardware: 'Cerebras_CS3', mode: 'inference', overrides: PINNED });
    expect(e.card.feasibility.status).toBe('PASS');
    expect(e.exit_code).toBe(0);
    const v = evaluate({ model: 'Llama3_70B', hardware: 'Cerebras_CS3', mode: 'serving', overrides: PINNED });
    expect(v.card.performance.metrics.itl.value).toBeCloseTo(num(g, 'compute.latency') * 1e3, 9);
  });

  it('the injection is not derated by η_bw, as in wall 6: T_m stays W/β_inj at η_bw = 0.8', () => {
    const d = build('Llama3_70B', 'inference', { 'scenario.bandwidth_efficiency': 0.8 });
    expect(num(d, 'compute.t_memory')).toBeCloseTo(W / 1.2e12, 12);
  });
});

describe('Llama3_8B fits the CS-3 wafer: resident, as before', () => {
  it('no streaming: the footprint holds W, the bandwidth is the wafer\'s own', () => {
    const g = build('Llama3_8B', 'inference');
    expect(g.value('memory.weights_streamed')).toBe(false);
    expect(num(g, 'memory.effective_bandwidth')).toBe(num(g, 'hardware.memory_bandwidth'));
    expect(num(g, 'memory.memory_footprint')).toBeGreaterThan(num(g, 'workload.weight_bytes'));
  });
});
