/**
 * Wall 13 (Fidelity) on a split model, and on a device without a host link.
 *
 *   communication.{weight_bytes_per_gpu, kv_shard_fraction, decode_*_comm} ─► baseline_latency (= decode_step_time)
 *   W′ ─► W′·W_dev/W per device ─► shadow_latency (same all-reduces at b_act), shadow_memory_footprint ─► shadow_feasible
 *   hardware.host_link_bandwidth unset ─► an offloaded step is not timed (no_solution, as wall 2)
 *
 * Every expected value is derived by hand below from the figures of test/nodes/fixtures.ts and
 * physics.md (§2.5, §2.6, §2.8, §3.1, §3.2, wall 2, wall 13).
 */
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../src/nodes/context.js';
import { expectClose } from '../../helpers/golden.js';
import { ESP32_S3, H100, LLAMA3_70B, ONE_DEVICE, ONE_NODE_8 } from '../fixtures.js';
import { num, ring, splitGraph } from '../split-graph.js';

const graph = splitGraph;

describe('int4 weight-only Llama3_70B on one 8-GPU H100 node at TP 8 (B = 1, x = 2048)', () => {
  const inputs = {
    'communication.tp': 8, 'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16',
    'fidelity.compression_method': 'quantization', 'fidelity.target_precision': 'int4', 'fidelity.quant_scheme': 'weight_only',
  };
  // W = 70.6e9·2 B, W′ = W·0.5/2 = 3.53e10 B (int4); per GPU W/8 = 1.765e10 and W′/8 = 4.4125e9.
  // kv_tok = 80·8·2·128·2 = 327 680 B, κ_kv = 1/8 (TP 8 over H_kv = 8): 2048·40 960 B on each GPU.
  const kvDev = 2048 * (327680 / 8);
  // T_ov = 10e-6 + 80·10e-6; 160 all-reduces of B·d·b_act = 8192·2 B at fp16 activations (NVLink 450e9 B/s, 0.5 µs).
  const overhead = 10e-6 + 80 * 10e-6;
  const tp = 160 * ring(8192 * 2, 8, 450e9, 0.5e-6);
  // T_c = (2P + A·x)/8/(989e12·0.5) = 3.70e-5 s: both steps are memory-bound.
  const tc = (2 * 70.6e9 + 2621440 * 2048) / 8 / (989e12 * 0.5);
  const baseline = Math.max(tc, (1.765e10 + kvDev) / 3.35e12) + overhead + tp;
  const shadow = Math.max(tc, (4.4125e9 + kvDev) / 3.35e12) + overhead + tp;

  it('the baseline is the replica\'s decode step (wall 14\'s decode_step_time), 7.2339 ms', () => {
    const g = graph('inference', LLAMA3_70B, H100, ONE_NODE_8, inputs);
    expectClose(num(g, 'fidelity.baseline_latency'), baseline, 1e-12, 'baseline');
    expectClose(baseline, 0.007233891826202322, 1e-9, 'test/fixtures/parallel/cases.json tp8'); // the same step, derived there
    expect(num(g, 'fidelity.baseline_latency')).toBe(num(g, 'communication.decode_step_time'));
  });

  it('the compressed step reads W′/8 per GPU; the all-reduces keep the fp16 activations: speedup ≈ 2.9×, not 4×', () => {
    const g = graph('inference', LLAMA3_70B, H100, ONE_NODE_8, inputs);
    expectClose(num(g, 'fidelity.shadow_latency'), shadow, 1e-12, 'shadow');
    expectClose(num(g, 'fidelity.compression_speedup'), baseline / shadow, 1e-12, 'speedup');
    // A_work(1, 1) = 16·8192·2 B.
    expectClose(num(g, 'fidelity.shadow_memory_footprint'), 4.4125e9 + kvDev + 16 * 8192 * 2, 1e-15, 'M′ per GPU');
    expect(g.value('fidelity.shadow_feasible')).toBe(true);
  });
});

describe('the baseline is wall 14\'s decode step under any layout (property)', () => {
  for (const layout of [{ tp: 2, pp: 2 }, { tp: 2, pp: 1, cp: 2 }, { tp: 1, pp: 4 }, { tp: 4, pp: 2 }]) {
    it(`tp ${layout.tp}, pp ${layout.pp}, cp ${layout.cp ?? 1}: baseline_latency = communication.decode_step_time; no compression, speedup 1`, () => {
      const g = graph('inference', LLAMA3_70B, H100, ONE_NODE_8, {
        'communication.tp': layout.tp, 'communication.pp': layout.pp, 'communication.cp': layout.cp ?? 1, 'scenario.context_len': 32768, 'scenario.batch_size': 4,
      });
      if (layout.cp) expect(num(g, 'communication.decode_cp_comm')).toBeGreaterThan(0);
      expect(num(g, 'fidelity.baseline_latency')).toBe(num(g, 'communication.decode_step_time'));
      expect(num(g, 'fidelity.compression_speedup')).toBe(1);
    });
  }
});

describe('a device without a host link cannot offload (ESP32-S3: 4 MB flash, 512 kB SRAM, no host link)', () => {
  /** A 2.5 M-parameter vision model: 1e7 B of fp32 weights, 1e8 FLOPs and 1e5 B of live activations per sample. */
  const TINY: ModelSpec = { id: 'Tiny_CNN', family: 'vision', params: 2.5e6, flops_per_sample: 1e8, flops_basis: 'flop', activation_peak_per_sample: 1e5 };
  const inputs = { 'scenario.precision': 'fp32', 'scenario.batch_size': 1, 'fidelity.compression_method': 'quantization', 'fidelity.target_precision': 'int8' };

  it('the fp32 baseline spills (1e7 B > 4e6 B of flash) and is not timed, as wall 2 says', () => {
    const g = graph('inference', TINY, ESP32_S3, ONE_DEVICE, inputs);
    expect(g.value('memory.memory_regime')).toBe('offload');
    const wall2 = g.get('memory.effective_bandwidth');
    const base = g.get('fidelity.baseline_latency');
    expect(!wall2.ok && wall2.error.kind).toBe('no_solution');
    expect(!base.ok && base.error.kind).toBe('no_solution');
    expect(!base.ok && base.error.message).toContain('no host link');
    const speedup = g.get('fidelity.compression_speedup');
    expect(speedup.ok).toBe(false);
  });

  it('int8 weights (2.5e6 B) fit the flash: the compressed step is timed and fits', () => {
    const g = graph('inference', TINY, ESP32_S3, ONE_DEVICE, inputs);
    expect(g.value('fidelity.compressed_weight_bytes')).toBe(2.5e6);
    expect(g.value('fidelity.shadow_feasible')).toBe(true);
    // T_c = 1e8/(5e8·0.5) = 0.4 s > T_m = 2.5e6/8e7 B/s = 0.03125 s (weights from flash; no activation traffic figure);
    // T_ov = 1e-3 + 1 layer (none catalogued)·10e-6.
    expectClose(num(g, 'fidelity.shadow_latency'), 1e8 / (5e8 * 0.5) + 1e-3 + 10e-6, 1e-12, 'shadow');
  });

  it('fp16 weights (5e6 B) still spill: the compressed step is infeasible (a value) and untimed, never faster than the flash', () => {
    const g = graph('inference', TINY, ESP32_S3, ONE_DEVICE, { ...inputs, 'fidelity.target_precision': 'fp16' });
    expect(g.value('fidelity.shadow_feasible')).toBe(false);
    const t = g.get('fidelity.shadow_latency');
    expect(!t.ok && t.error.kind).toBe('no_solution');
  });
});

describe('the host-link fallback is gone', () => {
  it('no memory.host_link_bandwidth_fallback cell in any mode', () => {
    for (const mode of ['inference', 'serving', 'training'] as const) {
      const g = splitGraph(mode, LLAMA3_70B, H100, ONE_DEVICE);
      expect(g.topology.ids).not.toContain('memory.host_link_bandwidth_fallback');
    }
  });
});
