import { describe, expect, it } from 'vitest';
import { BYTES_PER_ELEMENT, defaultKvPrecision, PRECISION_KEYS } from '../../../src/nodes/common/precision.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { foundationGraph, goldenGraph, value } from '../node/scenario-graph.js';

describe('precision → bytes per element (§1.2)', () => {
  it('the table: fp32/tf32 4, bf16/fp16 2, fp8/int8 1, int4/fp4 0.5', () => {
    expect(BYTES_PER_ELEMENT).toEqual({ fp32: 4, tf32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5, fp4: 0.5 });
  });

  it('the per-role precisions default to precision; kv_precision defaults to fp16 for int8 and int4', () => {
    for (const p of PRECISION_KEYS) expect(defaultKvPrecision(p)).toBe(p === 'int8' || p === 'int4' ? 'fp16' : p);
    const g = foundationGraph('inference', undefined, undefined, { 'scenario.precision': 'int4' });
    expect(value(g, 'scenario.weight_precision_effective')).toBe('int4');
    expect(value(g, 'scenario.compute_precision_effective')).toBe('int4');
    expect(value(g, 'scenario.kv_precision_effective')).toBe('fp16');
    expect(value(g, 'scenario.weight_bytes_per_element')).toBe(0.5);
    expect(value(g, 'scenario.kv_bytes_per_element')).toBe(2);
    g.set('scenario.kv_precision', 'int8');
    expect(value(g, 'scenario.kv_bytes_per_element')).toBe(1);
  });

  it('activations and training parameters keep at least 16 bits', () => {
    const g = foundationGraph('inference', undefined, undefined, { 'scenario.precision': 'fp8' });
    expect(value(g, 'scenario.activation_bytes_per_element')).toBe(2);
    expect(value(g, 'scenario.param_bytes_per_element')).toBe(2);
    g.set('scenario.precision', 'fp32');
    expect(value(g, 'scenario.activation_bytes_per_element')).toBe(4);
    expect(value(g, 'scenario.param_bytes_per_element')).toBe(4);
  });

  it('ref.serving_int8_halves_weights: int8 halves W but keeps the fp16 KV cache', () => {
    const c = goldenCase('ref.serving_int8_halves_weights');
    const g = goldenGraph(c);
    for (const [k, want] of Object.entries(c.expected)) expectClose(value(g, k), want, c.tolerance_rel, k);
  });
});
