import { describe, expect, it } from 'vitest';
import {
  attainable, chartDomain, decadeTicks, flopsTickLabel, intensityTickLabel, legendEntries, pointLabel, readRoofline,
  ridgeIntensity, type Roof, rooflinePolyline,
} from '../../src/scenario/roofline/index.js';
import { evaluate } from '../../src/scenario/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js'; // §12.1's η 0.5, η_bw 1, power model (issue 19)

/** H100 SXM at fp16 with η = 0.5, η_bw = 1 (physics.md §12.1). */
const H100: Roof = { ceiling_flops_per_s: 989e12 * 0.5, slope_bytes_per_s: 3.35e12 };

describe('geometry: the roof in data space (physics.md §3.1)', () => {
  it('ridgeIntensity(roof) is peak·η/(BW·η_bw): 147.612 FLOP/B for H100 fp16 η = 0.5', () => {
    expect(ridgeIntensity(H100)).toBeCloseTo(147.612, 3);
  });

  it('attainable(roof, AI) is the slope below the ridge and the ceiling above it', () => {
    expect(attainable(H100, 1.04932)).toBeCloseTo(1.04932 * 3.35e12, -6);
    expect(attainable(H100, 1000)).toBe(494.5e12);
    expect(attainable(H100, ridgeIntensity(H100))).toBeCloseTo(494.5e12, -3);
  });

  it('rooflinePolyline(roof, range) bends at the ridge when the range contains it', () => {
    const pts = rooflinePolyline(H100, [0.1, 1e4]);
    expect(pts.map((p) => p.intensity)).toEqual([0.1, ridgeIntensity(H100), 1e4]);
    expect(pts[0]!.flops_per_s).toBeCloseTo(3.35e11, -3);
    expect(pts[1]!.flops_per_s).toBeCloseTo(494.5e12, -3);
    expect(pts[2]!.flops_per_s).toBe(494.5e12);
  });

  it('rooflinePolyline(roof, range) is a straight line when the ridge is outside the range', () => {
    expect(rooflinePolyline(H100, [1, 10]).map((p) => p.intensity)).toEqual([1, 10]);
    expect(rooflinePolyline(H100, [1000, 1e4]).map((p) => p.flops_per_s)).toEqual([494.5e12, 494.5e12]);
  });

  it('chartDomain(roofs, points) spans whole decades with a decade of margin around ridges and points', () => {
    const d = chartDomain([H100], [{ intensity: 1.04932, flops_per_s: 3.29e12 }]);
    expect(d.x).toEqual([0.1, 1e4]);
    expect(d.y).toEqual([1e11, 1e15]);
  });

  it('chartDomain ignores non-positive values and has a default when there is nothing to show', () => {
    expect(chartDomain([], [{ intensity: 0, flops_per_s: -1 }])).toEqual({ x: [0.1, 1e4], y: [1e9, 1e15] });
  });
});

describe('ticks: decades on log axes', () => {
  it('decadeTicks(lo, hi) lists the powers of ten in the range', () => {
    expect(decadeTicks(0.1, 1e4)).toEqual([0.1, 1, 10, 100, 1000, 1e4]);
    expect(decadeTicks(0.5, 50)).toEqual([1, 10]);
  });

  it('decadeTicks thins long ranges by whole decades, keeping the top one', () => {
    expect(decadeTicks(1, 1e12, 7)).toEqual([1, 100, 1e4, 1e6, 1e8, 1e10, 1e12]);
    expect(decadeTicks(1e-3, 1e12, 7)).toEqual([1e-3, 1, 1e3, 1e6, 1e9, 1e12]);
  });

  it('decadeTicks is empty for an empty or non-positive range', () => {
    expect(decadeTicks(0, 10)).toEqual([]);
    expect(decadeTicks(10, 1)).toEqual([]);
  });

  it('labels intensity as plain numbers and rates with SI prefixes', () => {
    expect([0.1, 1, 1000].map(intensityTickLabel)).toEqual(['0.1', '1', '1,000']);
    expect([1e11, 1e14, 1e15].map(flopsTickLabel)).toEqual(['100 GFLOP/s', '100 TFLOP/s', '1 PFLOP/s']);
  });
});

describe('readRoofline(graph): the cells behind the chart', () => {
  it('reads the H100 roof, the ridge cell and the operating point of §12.1 (B = 1)', () => {
    const read = readRoofline(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }).built.graph);
    if (!read.ok) throw new Error(read.message);
    const r = read.reading;
    expect(r.roof).toEqual(H100);
    expect(r.precision).toBe('fp16');
    expect(r.ridge_point).toBeCloseTo(147.612, 3);
    expect(r.effective_roof).toBeUndefined();
    expect(r.point!.intensity).toBeCloseTo(1.04932, 5);
    // F/T = 1.71337e10 FLOP / 5.20416 ms.
    expect(r.point!.flops_per_s / 1e12).toBeCloseTo(1.71337e10 / 5.20416e-3 / 1e12, 3);
    expect(r.point!.bottleneck).toBe('Memory');
    expect(pointLabel(r.point!)).toBe('Memory-bound · AI 1.049 FLOP/B · 3.292 TFLOP/s');
  });

  it('adds the effective slope while offloading (Llama-3-70B on one H100: Host link)', () => {
    const read = readRoofline(evaluate({ model: 'Llama3_70B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }).built.graph);
    if (!read.ok) throw new Error(read.message);
    expect(read.reading.effective_roof!.slope_bytes_per_s).toBeLessThan(3.35e12);
    expect(read.reading.point!.bottleneck).toBe('Host link');
    expect(legendEntries(read.reading, 'H100').map((e) => e.kind)).toEqual(['device', 'effective', 'point']);
  });

  it('reports a roof that cannot be formed as a message (fp8 on A100)', () => {
    const read = readRoofline(evaluate({ model: 'Llama3_8B', hardware: 'A100', overrides: { ...FIRST_BUILD_DEFAULTS, 'scenario.precision': 'fp8' } }).built.graph);
    expect(read).toEqual({ ok: false, message: expect.stringContaining('precision fp8 is not supported on A100') });
  });
});
