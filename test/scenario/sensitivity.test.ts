/**
 * Wall 21 on real scenarios (physics.md §10): the binding constraint of a memory-bound decode
 * is memory bandwidth, of a compute-bound step peak FLOP/s. Inputs that enter as a product
 * (BW·η_bw, peak·η) have equal true elasticities; the tie rule (lexicographic path order)
 * then names the hardware input — also when η_bw sits at its domain edge 1 and can only be
 * perturbed one-sidedly.
 */
import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../src/graph/index.js';
import { buildScenario, evaluate, type Scenario } from '../../src/scenario/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js';

const decode = (extra: Record<string, number | string | boolean> = {}): Scenario => ({
  model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 1, ...FIRST_BUILD_DEFAULTS, ...extra }, // §12 inputs pinned (issue 19)
});
const entry = (e: ReturnType<typeof evaluate>, id: string) => e.sensitivity!.entries.find((x) => x.input === id)!;

describe('sensitivity: memory-bound decode (Llama3_8B on H100, B = 1, §12.1)', () => {
  const e = evaluate(decode(), { sensitivity: true });

  it('runs on the mode’s headline (compute.latency) and names memory bandwidth binding', () => {
    expect(e.sensitivity!.output).toBe('compute.latency');
    expect(e.sensitivity!.baseline).toBeCloseTo(0.00520415983761, 12);
    expect(e.sensitivity!.binding).toBe('hardware.memory_bandwidth');
    expect(e.sensitivity!.entries[0].input).toBe('hardware.memory_bandwidth');
  });

  it('memory_bandwidth: central difference −T_m/(latency·(1 − h²)) = −0.936589/0.9999 = −0.936683', () => {
    expect(entry(e, 'hardware.memory_bandwidth')).toMatchObject({ method: 'central' });
    expect(entry(e, 'hardware.memory_bandwidth').value).toBeCloseTo(-0.936589188208 / 0.9999, 9);
  });

  it('η_bw = 1 (its maximum) is one-sided, second-order: (−3f₀ + 4f(0.99) − f(0.98))/(−0.02) → −0.936589·(1 − 2h²)', () => {
    // f = T_ov + T_m/η: slope at 1 = T_m·(3 − 4/0.99 + 1/0.98)/0.02 = −T_m·0.99979594; E = −0.936589·0.99979594.
    const eta = entry(e, 'scenario.bandwidth_efficiency');
    expect(eta.method).toBe('one-sided');
    expect(eta.value).toBeCloseTo(-0.936589188208 * ((3 - 4 / 0.99 + 1 / 0.98) / -0.02), 9);
    expect(Math.abs(eta.value!)).toBeLessThan(Math.abs(entry(e, 'hardware.memory_bandwidth').value!));
  });

  it('peak FLOP/s and η have zero elasticity when memory-bound; unset inputs are listed as unset', () => {
    expect(entry(e, 'hardware.peak_flops_fp16').value).toBe(0);
    expect(entry(e, 'scenario.efficiency').value).toBe(0);
    expect(entry(e, 'scenario.target_latency')?.note ?? 'unset').toBe('unset');
    expect(entry(e, 'scenario.precision').note).toBe('n/a (discrete)');
  });

  it('leaves the live graph as it was', () => {
    const built = buildScenario(decode());
    const before = built.graph.snapshot();
    sensitivity(built.graph, 'compute.latency');
    expect(built.graph.snapshot()).toEqual(before);
    expect(built.graph.provenance('hardware.memory_bandwidth')).not.toBe('user');
  });
});

describe('sensitivity: compute-bound cases name peak FLOP/s', () => {
  it('decode at x = 128, B = 256 (> B* = 173.666): hardware.peak_flops_fp16, tied with η and first by path', () => {
    const e = evaluate(decode({ 'scenario.batch_size': 256, 'scenario.context_len': 128 }), { sensitivity: true });
    expect(e.built.graph.value('compute.bottleneck')).toBe('Compute');
    expect(e.sensitivity!.binding).toBe('hardware.peak_flops_fp16');
    // T_c = F/(peak·η): both elasticities are −T_c/(latency·(1 − h²)).
    const g = e.built.graph;
    const want = -(g.value('compute.t_compute') as number) / (g.value('compute.latency') as number) / 0.9999;
    expect(entry(e, 'hardware.peak_flops_fp16').value).toBeCloseTo(want, 9);
    expect(entry(e, 'scenario.efficiency').value).toBeCloseTo(want, 9);
  });

  it('ResNet50 on H100 at batch 256 in bf16: hardware.peak_flops_bf16', () => {
    const e = evaluate({ model: 'ResNet50', hardware: 'H100', overrides: { 'scenario.batch_size': 256, 'scenario.precision': 'bf16' } }, { sensitivity: true });
    expect(e.built.graph.value('compute.bottleneck')).toBe('Compute');
    expect(e.sensitivity!.binding).toBe('hardware.peak_flops_bf16');
  });
});

describe('sensitivity options', () => {
  it('the wall 21 cells choose output, h and integer handling', () => {
    const e = evaluate(decode({ 'sensitivity.sensitivity_output': 'compute.throughput', 'sensitivity.perturbation': 0.02, 'sensitivity.include_discrete': false }), { sensitivity: true });
    expect(e.sensitivity).toMatchObject({ output: 'compute.throughput', perturbation: 0.02 });
    expect(entry(e, 'scenario.context_len').note).toBe('n/a (discrete)');
    // Throughput = B/latency: the elasticity to bandwidth flips sign.
    expect(entry(e, 'hardware.memory_bandwidth').value).toBeGreaterThan(0.9);
  });

  it('an explicit option overrides the cells; an error output reports the error', () => {
    const e = evaluate(decode(), { sensitivity: { output: 'memory.memory_footprint' } });
    // Footprint = W + KV + A_work, every term ∝ the fp16 byte width: E = 1; params only scale W:
    // E = 1.606e10 / 1.63286e10 = 0.983546.
    expect(e.sensitivity!.binding).toBe('scenario.bytes_per_element_fp16');
    expect(entry(e, 'scenario.bytes_per_element_fp16').value).toBeCloseTo(1, 9);
    expect(entry(e, 'workload.params').value).toBeCloseTo(16.06e9 / 16328566528, 9);
    const bad = evaluate(decode({ 'scenario.batch_size': 0 }), { sensitivity: true });
    expect(bad.sensitivity!.error?.kind).toBe('upstream');
  });
});
