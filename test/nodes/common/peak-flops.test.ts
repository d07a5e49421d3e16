import { describe, expect, it } from 'vitest';
import { Failure, Warned } from '../../../src/graph/index.js';
import { lookupPeakFlops } from '../../../src/nodes/common/peak-flops.js';
import { A100, ESP32_S3, H100 } from '../fixtures.js';
import { foundationGraph } from '../node/scenario-graph.js';

describe('hardware.peak_flops: the §1.3 lookup', () => {
  it('uses the exact key when the device lists it', () => {
    expect(lookupPeakFlops('fp16', H100.peak_flops_table, 'H100')).toBe(989e12);
    expect(lookupPeakFlops('fp8', H100.peak_flops_table, 'H100')).toBe(1979e12);
  });

  it('falls back fp32 → fp32_cuda, bf16 ↔ fp16 and int4 → int8, each with its warning', () => {
    expect(lookupPeakFlops('fp32', H100.peak_flops_table, 'H100')).toEqual(
      new Warned(67e12, ['fp32 peak not listed for H100; using its non-tensor fp32 figure (67 TFLOP/s)']),
    );
    expect(lookupPeakFlops('bf16', { fp16: 1e12 }, 'X')).toEqual(new Warned(1e12, ['bf16 peak not listed; using the fp16 figure (same tensor rate)']));
    expect(lookupPeakFlops('fp16', { bf16: 2e12 }, 'X')).toEqual(new Warned(2e12, ['fp16 peak not listed; using the bf16 figure (same tensor rate)']));
    expect(lookupPeakFlops('int4', H100.peak_flops_table, 'H100')).toEqual(new Warned(1979e12, ['int4 peak not listed; using the int8 peak']));
  });

  it('anything else is unsupported, naming the precision, the device and its table', () => {
    const r = lookupPeakFlops('fp8', A100.peak_flops_table, 'A100');
    expect(r).toBeInstanceOf(Failure);
    expect(r).toMatchObject({ kind: 'unsupported', message: 'precision fp8 is not supported on A100 (its peak table has tf32, bf16, fp16, int8, int4, fp32_cuda)' });
    for (const key of ['tf32', 'fp4']) expect(lookupPeakFlops(key, ESP32_S3.peak_flops_table, 'ESP32_S3')).toBeInstanceOf(Failure);
    // fp16 → bf16 → error: a microcontroller without 16-bit floats.
    expect(lookupPeakFlops('fp16', ESP32_S3.peak_flops_table, 'ESP32_S3')).toMatchObject({
      message: 'precision fp16 is not supported on ESP32_S3 (its peak table has fp32, int8)',
    });
  });

  it('the cell follows compute_precision, which defaults to precision', () => {
    const g = foundationGraph('inference');
    expect(g.value('hardware.peak_flops')).toBe(989e12);
    g.set('scenario.precision', 'fp8');
    expect(g.value('hardware.peak_flops')).toBe(1979e12);
    g.set('scenario.compute_precision', 'bf16');
    expect(g.value('hardware.peak_flops')).toBe(989e12);
    g.set('scenario.compute_precision', 'fp32');
    const p = g.get('hardware.peak_flops');
    expect(p.ok && p.warnings.length).toBe(1);
    g.set('hardware.peak_flops_fp32_cuda', null);
    const e = g.get('hardware.peak_flops');
    expect(e.ok ? 'ok' : e.error.kind).toBe('unsupported');
  });
});
