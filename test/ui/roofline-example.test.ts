/**
 * The built-in roofline example (src/ui/examples/roofline-example.ts) as an engine graph:
 *
 *   flops_per_step ─┬──────────────► t_compute ─┬─► latency ─► mfu
 *   peak_flops ─────┼──► ridge_point            ├─► bottleneck
 *   efficiency ─────┘                           │
 *   memory_traffic ──┬─► t_memory ──────────────┘
 *   memory_bandwidth ┘   (+ bandwidth_efficiency)
 *   dispatch_tax, layers, layer_tax ─► t_overhead ─► latency
 *   flops_per_step, memory_traffic ─► arithmetic_intensity
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, LiveGraph, numberOf } from '../../src/graph/index.js';
import { rooflineExample } from '../../src/ui/examples/index.js';

const close = (a: number | undefined, b: number) => expect(a).toBeCloseTo(b, 12);

describe('the roofline example', () => {
  it('builds a valid graph whose formulas are dimensionally consistent', () => {
    expect(() => new LiveGraph(rooflineExample.cells)).not.toThrow();
    expect(checkDimensions(rooflineExample.cells)).toEqual([]);
  });

  it('gives the §3.1 roofline of an 8B decode step on an H100', () => {
    const g = new LiveGraph(rooflineExample.cells);
    close(numberOf(g.get('compute.t_compute')), 16e9 / (989e12 * 0.5));
    close(numberOf(g.get('compute.t_memory')), 16e9 / 3.35e12);
    close(numberOf(g.get('compute.t_overhead')), 10e-6 + 32 * 10e-6);
    close(numberOf(g.get('compute.latency')), 16e9 / 3.35e12 + 330e-6);
    expect(g.value('compute.bottleneck')).toBe('Memory');
    expect(g.value('compute.arithmetic_intensity')).toBe(1);
    expect(numberOf(g.get('compute.ridge_point'))).toBeCloseTo((989e12 * 0.5) / 3.35e12, 9);
  });

  it('calls a tie Compute and a step without work Overhead', () => {
    const g = new LiveGraph(rooflineExample.cells);
    g.setMany({ 'hardware.peak_flops': 3.35e12, 'scenario.efficiency': 1 }); // F = Q and peak = BW: T_c = T_m
    expect(g.value('compute.bottleneck')).toBe('Compute');
    g.setMany({ 'compute.flops_per_step': 0, 'compute.memory_traffic': 0 });
    expect(g.value('compute.bottleneck')).toBe('Overhead');
  });

  it('makes arithmetic intensity an error when the step moves no bytes', () => {
    const g = new LiveGraph(rooflineExample.cells);
    g.set('compute.memory_traffic', 0);
    const ai = g.get('compute.arithmetic_intensity');
    expect(ai.ok ? undefined : ai.error.message).toBe('step moves no bytes');
    expect(g.get('compute.latency').ok).toBe(true);
  });

  it('cites a source beside every cell', () => {
    for (const def of rooflineExample.cells) expect(def.source, def.id).toBeDefined();
  });
});
