/**
 * Wall 13 (Fidelity): compressed weights, the accuracy prior and the re-evaluated step.
 *
 *   method, target, sparsity, pattern, W ─► compressed_weight_bytes W′ ─► compression_ratio ─► memory_savings
 *   step facts (walls 1–2 inputs) ─► baseline_latency ─┐
 *   step facts, W′, shadow_peak_flops, sparse factor ─► shadow_latency ─┴► compression_speedup
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDimensions, type Plain } from '../../../src/graph/index.js';
import { fidelityCells } from '../../../src/nodes/algorithm/fidelity.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, LLAMA3_70B, RESNET50 } from '../fixtures.js';
import { inferenceDefs, inferenceGraph, numberAt } from '../infra/wall-graphs.js';

const quant = (target: string, scheme = 'weight_only'): Record<string, Plain> => ({
  'fidelity.compression_method': 'quantization', 'fidelity.target_precision': target, 'fidelity.quant_scheme': scheme,
});
const prune = (pattern: string, s: number): Record<string, Plain> => ({
  'fidelity.compression_method': 'pruning', 'fidelity.sparsity_pattern': pattern, 'fidelity.sparsity': s,
});

describe('wall 13 golden cases', () => {
  it('ref.compression_int4_vs_fp16', () => {
    const c = goldenCase('ref.compression_int4_vs_fp16');
    const g = inferenceGraph(context('inference'), { 'scenario.precision': 'fp16', ...quant('int4') });
    for (const [k, want] of Object.entries(c.expected)) expectClose(g.value(k), want, c.tolerance_rel, k);
  });

  it('ref.compression_pruning', () => {
    const c = goldenCase('ref.compression_pruning');
    const g = inferenceGraph(context('inference'), { 'fidelity.sparse_storage': true });
    for (const [k, want] of Object.entries(c.expected)) {
      const m = /^fidelity\.(\w+)\[(.+)\]$/.exec(k);
      if (k === 'sparsity=1.0') {
        expect(g.set('fidelity.sparsity', 1.0).ok).toBe(false);
        expect(g.get('fidelity.sparsity').ok ? 'ok' : 'invalid_input').toBe(want);
        continue;
      }
      const [cell, q] = [m![1], m![2].split(',')];
      g.setMany(q.length === 2 ? prune(q[0], Number(q[1])) : prune('structured', Number(q[0])));
      expectClose(g.value(`fidelity.${cell}`), want, c.tolerance_rel, k);
    }
  });

  it('ref.compression_quant_accuracy_deltas', () => {
    const c = goldenCase('ref.compression_quant_accuracy_deltas');
    const g = inferenceGraph(context('inference'), { 'scenario.precision': 'fp32' });
    for (const [k, want] of Object.entries(c.expected)) {
      g.setMany(quant(/\[(.+)\]/.exec(k)![1]));
      expectClose(g.value('fidelity.accuracy_delta'), want, c.tolerance_rel, k);
    }
  });

  it('ref.compression_unknown_target_error (ResNet-50; the device does not matter for the domain check)', () => {
    const c = goldenCase('ref.compression_unknown_target_error');
    const g = inferenceGraph(context('inference', RESNET50));
    const out = g.setMany({ 'fidelity.compression_method': 'quantization', 'fidelity.target_precision': 'fp12' });
    expect(out.find((o) => o.id === 'fidelity.target_precision')?.ok).toBe(false);
    expect(g.get('fidelity.target_precision').ok ? 'ok' : 'invalid_input').toBe(c.expected['fidelity.target_precision']);
  });
});

describe('the re-evaluated step', () => {
  it('the baseline equals wall 1 latency (§12.1: B = 1 and B = 64) and an unchanged design has speedup 1', () => {
    for (const b of [1, 64]) {
      const g = inferenceGraph(context('inference'), { 'scenario.batch_size': b });
      expectClose(numberAt(g, 'fidelity.baseline_latency'), numberAt(g, 'compute.latency'), 1e-12);
      expectClose(numberAt(g, 'fidelity.compression_speedup'), 1, 1e-15);
    }
  });

  it('int4 weight-only on memory-bound decode: T_m shrinks with the weights', () => {
    const g = inferenceGraph(context('inference'), quant('int4'));
    // Q′ = 4.015e9 + 2048·131 072 = 4.28344e9 B → 1.27864 ms, + 0.33 ms overhead = 1.60864 ms.
    const shadow = (4.015e9 + 2048 * 131072) / 3.35e12 + 0.33e-3;
    expectClose(numberAt(g, 'fidelity.shadow_latency'), shadow, 1e-12);
    expectClose(numberAt(g, 'fidelity.compression_speedup'), 5.20416e-3 / shadow, 1e-5);
    expect(g.value('fidelity.status')).toBe('FAIL'); // −0.025 exceeds 0.02
  });

  it('compute-bound step: weight_only gains little, weight_activation gains from the fp8/int8 peak', () => {
    // x = 128, B = 256: past the crossover B* = 173.666 (§12.1), so Compute-bound.
    const base = { 'scenario.context_len': 128, 'scenario.batch_size': 256, 'scenario.efficiency': 0.5 }; // §12.1's η (issue 19)
    const only = inferenceGraph(context('inference'), { ...base, ...quant('int8') });
    const both = inferenceGraph(context('inference'), { ...base, ...quant('int8', 'weight_activation') });
    expect(numberAt(only, 'fidelity.compression_speedup')).toBeCloseTo(1, 9);
    // T_c halves (1979e12 vs 989e12); T_ov unchanged.
    const tc = (256 * (2 * 8.03e9 + 524288 * 128)) / (989e12 * 0.5);
    expectClose(numberAt(both, 'fidelity.shadow_latency'), Math.max(tc * (989 / 1979), (8.03e9 + 256 * 128 * 131072) / 3.35e12) + 0.33e-3, 1e-9);
    expect(numberAt(both, 'fidelity.compression_speedup')).toBeGreaterThan(1.5);
  });

  it('an unsupported shadow precision is an error on the shadow only', () => {
    const g = inferenceGraph(context('inference'), quant('fp4', 'weight_activation'));
    const v = g.get('fidelity.shadow_latency');
    expect(!v.ok && v.error.kind).toBe('upstream');
    expect(!v.ok && v.error.root).toBe('fidelity.shadow_peak_flops');
    expect(g.get('fidelity.baseline_latency').ok).toBe(true);
    expect(g.get('compute.latency').ok).toBe(true);
  });

  it('2:4 without sparse tensor rates warns and gives no compute speedup', () => {
    const g = inferenceGraph(context('inference'), prune('n_m', 0.5));
    const f = g.get('fidelity.sparse_time_factor');
    expect(f.ok && f.value === 1 && f.warnings[0]).toBe('no sparse tensor support; no compute speedup');
    g.set('fidelity.sparsity', 0.6);
    expect(g.get('fidelity.compressed_weight_bytes').ok).toBe(false);
  });

  it('a target with no fewer bits than the weights is invalid_input', () => {
    const g = inferenceGraph(context('inference'), quant('fp16'));
    const v = g.get('fidelity.compressed_weight_bytes');
    expect(!v.ok && v.error.kind).toBe('invalid_input');
  });

  it('offload (Llama-3-70B fp16 on one H100) becomes resident at int4: baseline 991.430 ms (§12.1)', () => {
    const g = inferenceGraph(context('inference', LLAMA3_70B), quant('int4'));
    expectClose(numberAt(g, 'fidelity.baseline_latency'), 991.430e-3, 1e-5);
    expect(g.value('fidelity.shadow_feasible')).toBe(true);
    // W′ = 70.6e9·0.5 = 3.53e10 B; Q′ = 3.53e10 + 2048·327 680 B → /3.35e12 + (10 µs + 80·10 µs).
    expectClose(numberAt(g, 'fidelity.shadow_latency'), (3.53e10 + 2048 * 327680) / 3.35e12 + 0.81e-3, 1e-9);
  });

  it('is unsupported in training mode', () => {
    const d = fidelityCells(context('training')).find((x) => x.id === 'fidelity.compression_speedup');
    expect(d?.kind === 'derived' && d.reads.length).toBe(0);
  });

  it('property: compression ratio × compressed size = original size', () => {
    const g = inferenceGraph(context('inference'), { 'scenario.precision': 'fp32' });
    const method = fc.constantFrom('none', 'quantization', 'pruning', 'quantization_and_pruning');
    const pattern = fc.constantFrom('structured', 'n_m', 'unstructured');
    const target = fc.constantFrom('tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4');
    fc.assert(fc.property(method, pattern, target, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.boolean(), (m, p, t, s, storage) => {
      g.setMany({ 'fidelity.compression_method': m, 'fidelity.sparsity_pattern': p, 'fidelity.target_precision': t,
        'fidelity.sparsity': p === 'n_m' ? 0.5 : s, 'fidelity.sparse_storage': storage });
      const w = g.get('fidelity.compressed_weight_bytes');
      if (!w.ok) return t === 'tf32' && (m === 'quantization' || m === 'quantization_and_pruning'); // tf32 has fp32's bits
      return Math.abs(numberAt(g, 'fidelity.compression_ratio') * (w.value as number) - numberAt(g, 'workload.weight_bytes')) <= 1e-9 * numberAt(g, 'workload.weight_bytes');
    }));
  });

  it('is dimensionally consistent', () => {
    for (const o of [quant('int4'), quant('fp8', 'weight_activation'), prune('n_m', 0.5), prune('unstructured', 0.7), prune('structured', 0.3)]) {
      expect(checkDimensions(inferenceDefs(context('inference')), o)).toEqual([]);
    }
  });
});
