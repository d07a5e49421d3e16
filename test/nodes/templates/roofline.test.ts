import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Failure, LiveGraph } from '../../../src/graph/index.js';
import {
  arithmeticIntensity, bottleneckOf, ridgePoint, rooflineCells, rooflineRatio, rooflineStep,
} from '../../../src/nodes/templates/roofline.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';

const sources = {
  flops: 'x.flops', bytes: 'x.bytes', peakFlops: 'x.peak', efficiency: 'x.eta', bandwidth: 'x.bw', bandwidthEfficiency: 'x.eta_bw',
  dispatchTax: 'x.dispatch', layerTax: 'x.layer_tax', passes: 'x.k', layers: 'x.layers',
};
const step = { 'x.flops': 1e12, 'x.bytes': 1e9, 'x.peak': 989e12, 'x.eta': 0.5, 'x.bw': 3.35e12, 'x.eta_bw': 1, 'x.dispatch': 10e-6, 'x.layer_tax': 10e-6, 'x.k': 1, 'x.layers': 32 };

describe('roofline step (physics.md §3.1)', () => {
  it('ref.a100_ridge_point: R = peak·η/(BW·η_bw)', () => {
    const c = goldenCase('ref.a100_ridge_point');
    const x = c.inputs as Record<string, number>;
    expectClose(ridgePoint(x.peak_flops_flop_per_s, 1, x.memory_bandwidth_B_per_s, x.bandwidth_efficiency), c.expected.ridge_point_eta_1, c.tolerance_rel);
    expectClose(ridgePoint(x.peak_flops_flop_per_s, 0.5, x.memory_bandwidth_B_per_s, x.bandwidth_efficiency), c.expected['ridge_point_eta_0.5'], c.tolerance_rel);
  });

  it('ref.calc_bottleneck_scaled_units: AI = 1 TFLOP / 1 GB = 1000 FLOP/B', () => {
    const c = goldenCase('ref.calc_bottleneck_scaled_units');
    const g = standaloneGraph(rooflineCells({ scope: 'compute', step: 'step', sources }), { ...step, 'x.flops': 1e12, 'x.bytes': 1e9 });
    expectClose(g.value('compute.arithmetic_intensity'), c.expected['compute.arithmetic_intensity'], c.tolerance_rel);
  });

  it('the cell group computes T_c, T_m, T_ov, latency, bottleneck, AI, R and the roofline ratio', () => {
    const g = standaloneGraph(rooflineCells({ scope: 's', wall: 1, step: 'step', sources }), step);
    // T_c = 1e12/(989e12·0.5) = 2.02224e-3 s; T_m = 1e9/3.35e12 = 2.98507e-4 s; T_ov = 10 µs + 32·10 µs.
    expectClose(g.value('s.t_compute'), 1e12 / 494.5e12, 1e-12);
    expectClose(g.value('s.t_memory'), 1e9 / 3.35e12, 1e-12);
    expectClose(g.value('s.t_overhead'), 330e-6, 1e-12);
    expectClose(g.value('s.latency'), 1e12 / 494.5e12 + 330e-6, 1e-12);
    expect(g.value('s.bottleneck')).toBe('Compute');
    expectClose(g.value('s.roofline_ratio'), 1e12 / 494.5e12 / (1e9 / 3.35e12), 1e-12);
  });

  it('renames and omits cells on request (a caller can supply its own t_memory)', () => {
    const defs = rooflineCells({ scope: 'serving', step: 'prefill', sources, ids: { latency: 'serving.prefill_time' }, omit: ['roofline_ratio'] });
    const ids = defs.map((d) => d.id);
    expect(ids).toContain('serving.prefill_time');
    expect(ids).not.toContain('serving.latency');
    expect(ids).not.toContain('serving.roofline_ratio');
    expect(() => new LiveGraph(defs)).toThrow(/reads x\.flops, which does not exist/);
  });

  it('a tie counts as Compute; no work at all is Overhead', () => {
    expect(bottleneckOf(1, 1)).toBe('Compute');
    expect(bottleneckOf(0, 0)).toBe('Overhead');
    expect(bottleneckOf(0, 1)).toBe('Memory');
  });

  it('a step that moves no bytes has no arithmetic intensity; the ratio needs both times > 0', () => {
    expect(arithmeticIntensity(1, 0)).toBeInstanceOf(Failure);
    expect((arithmeticIntensity(1, 0) as Failure).message).toBe('step moves no bytes');
    expect(rooflineRatio(0, 1)).toBeInstanceOf(Failure);
  });

  it('memory-bound ⇔ AI < R for any step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e16, noNaN: true }), fc.double({ min: 1, max: 1e13, noNaN: true }),
        fc.double({ min: 1e9, max: 1e16, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1e6, max: 1e13, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }),
        (flops, bytes, peak, eta, bw, etaBw) => {
          const r = rooflineStep({ flops, bytes, peakFlops: peak, efficiency: eta, bandwidth: bw, bandwidthEfficiency: etaBw, dispatchTax: 0, layerTax: 0, passes: 1, layers: 1 });
          const ai = flops / bytes;
          const ridge = ridgePoint(peak, eta, bw, etaBw);
          return Math.abs(ai - ridge) <= 1e-9 * ridge || (r.bottleneck === 'Memory') === ai < ridge;
        },
      ),
    );
  });
});
