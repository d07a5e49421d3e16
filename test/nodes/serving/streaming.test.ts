import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { streamingWall } from '../../../src/nodes/serving/index.js';
import { context, CS3, H100, LLAMA3_8B, RESNET50 } from '../fixtures.js';
import { expectClose } from '../../helpers/golden.js';
import { scenarioDefs, scenarioGraph, valueOf } from './graph.js';

// Llama-3-8B decode on a Cerebras CS-3: W = 1.606e10 B, L = 32, β_inj = 1.2e12 B/s,
// peak·η = 62.5e15 × 0.5 = 3.125e16 FLOP/s, layer tax 10 µs, dispatch tax 1 µs, 44e9 B on-chip.
const W = 1.606e10, L = 32, KV = 131072, A = 524288, FLIN = 1.606e10, PEAK_ETA = 3.125e16, BETA = 1.2e12;
const cs3 = context('inference', LLAMA3_8B, CS3);

describe('wall 6 weight streaming (Llama-3-8B on CS-3, B = 1, x = 2048)', () => {
  const g = scenarioGraph(cs3);
  const wl = W / L; // 5.01875e8 B
  const tInj = wl / BETA; // 0.418229 ms
  const layerFlops = (FLIN + A * 2048) / L; // 5.35429e8 FLOP

  it('streams each layer in W_l/β_inj and is injection-bound at B = 1', () => {
    expect(valueOf(g, 'streaming.active')).toBe(true);
    expectClose(valueOf(g, 'streaming.layer_weight_bytes'), wl, 1e-12);
    expectClose(valueOf(g, 'streaming.layer_injection_time'), tInj, 1e-12);
    expectClose(valueOf(g, 'streaming.layer_flops'), layerFlops, 1e-12);
    expectClose(valueOf(g, 'streaming.layer_compute_time'), layerFlops / PEAK_ETA, 1e-12);
    expect(valueOf(g, 'streaming.streaming_bottleneck')).toBe('Injection bandwidth');
    const pass = L * (tInj + 10e-6) + 1e-6; // 13.7043 ms
    expectClose(valueOf(g, 'streaming.pass_time'), pass, 1e-12);
    expectClose(valueOf(g, 'streaming.throughput_tokens_per_second'), 1 / pass, 1e-12);
  });

  it('double-buffers layer weights on-chip next to KV and activations', () => {
    const onchip = 2048 * KV + 2 * wl + 16 * 4096 * 2; // 1.27232e9 B
    expectClose(valueOf(g, 'streaming.onchip_required'), onchip, 1e-12);
    expectClose(valueOf(g, 'streaming.wafer_memory_utilization'), onchip / 44e9, 1e-12);
    expect(valueOf(g, 'streaming.streaming_feasible')).toBe(true);
  });

  it('finds the batch that hides injection, capped by on-chip memory, and WARNs below it', () => {
    expect(valueOf(g, 'streaming.balance_batch')).toBe(Math.floor((tInj * PEAK_ETA) / layerFlops)); // 24 410
    const bMem = Math.floor((44e9 - 2 * wl) / (2048 * KV + 16 * 4096 * 2)); // ⌊4.29963e10/2.68567e8⌋ = 160
    expect(valueOf(g, 'streaming.memory_batch_cap')).toBe(bMem);
    expect(valueOf(g, 'streaming.optimal_batch_size')).toBe(bMem);
    expect(valueOf(g, 'streaming.status')).toBe('WARN');
    g.set('scenario.batch_size', 160);
    expect(valueOf(g, 'streaming.status')).toBe('PASS');
    g.set('scenario.batch_size', 200); // 200·2048·kv_tok = 53.7 GB > 44 GB
    expect(valueOf(g, 'streaming.streaming_feasible')).toBe(false);
    expect(valueOf(g, 'streaming.status')).toBe('FAIL');
  });

  it('streams the whole prompt in the prefill phase', () => {
    const h = scenarioGraph(cs3, { 'streaming.phase': 'prefill' });
    const flops = (FLIN * 2048 + A * ((2048 * 2049) / 2)) / L; // B·F_block(S, 0)/L
    expectClose(valueOf(h, 'streaming.layer_flops'), flops, 1e-12);
    const pass = L * (Math.max(wl / BETA, flops / PEAK_ETA) + 10e-6) + 1e-6;
    expectClose(valueOf(h, 'streaming.throughput_tokens_per_second'), 2048 / pass, 1e-12);
  });
});

describe('wall 6 activity and fallbacks', () => {
  it('is present but inactive on a standard device until requested', () => {
    const g = scenarioGraph(context('serving', LLAMA3_8B, H100));
    expect(valueOf(g, 'streaming.active')).toBe(false);
    g.set('streaming.requested', true);
    expect(valueOf(g, 'streaming.active')).toBe(true);
    expectClose(valueOf(g, 'streaming.injection_bandwidth_effective'), 64e9, 1e-12); // H100 PCIe host link
  });

  it('falls back to 100 GB/s injection with a warning', () => {
    const g = scenarioGraph(context('inference', LLAMA3_8B, { ...CS3, host_link_bandwidth: undefined }));
    const v = g.get('streaming.injection_bandwidth_effective');
    expect(v.ok && v.value).toBe(100e9);
    expect(v.ok && v.warnings.length).toBe(1);
  });

  it('is absent in training and invalid_input for a non-LM on a weight-streaming device', () => {
    expect(streamingWall(context('training', LLAMA3_8B, CS3))).toEqual([]);
    expect(streamingWall(context('inference', RESNET50, H100))).toEqual([]);
    const g = scenarioGraph(context('inference', RESNET50, CS3));
    const v = g.get('streaming.throughput_tokens_per_second');
    expect(v.ok ? 'ok' : v.error.kind).toBe('invalid_input');
  });

  it('is dimensionally consistent', () => {
    const mine = (v: { id: string }[]) => v.filter((x) => x.id.startsWith('streaming.') && x.id !== 'streaming.status_reason');
    expect(mine(checkDimensions(scenarioDefs(cs3), {}))).toEqual([]);
    expect(mine(checkDimensions(scenarioDefs(cs3), { 'streaming.phase': 'prefill', 'scenario.batch_size': 4 }))).toEqual([]);
  });
});
