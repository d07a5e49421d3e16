import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveGraph } from '../../src/graph/index.js';
import { evaluate } from '../../src/scenario/index.js';
import { RooflineChart } from '../../src/ui/components/roofline/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js'; // §12.1's η 0.5, η_bw 1, power model (issue 19)

afterEach(cleanup);

const graphOf = (s: Parameters<typeof evaluate>[0]): LiveGraph => evaluate(s).built.graph;
const svg = (root: ParentNode) => root.querySelector<SVGSVGElement>('[data-testid="roofline-svg"]')!;
const point = (root: ParentNode) => root.querySelector<SVGGElement>('.operating-point');
const num = (el: Element | null, attr: string) => Number(el!.getAttribute(attr));

function show(graph: LiveGraph, extra: { compareDevice?: () => string | undefined; onCompareDevice?: (id: string | undefined) => void } = {}) {
  const [version, setVersion] = createSignal(0);
  const { container } = render(() => (
    <RooflineChart graph={graph} version={version} deviceLabel={() => 'H100'} {...extra} />
  ));
  return { root: container, bump: () => setVersion((v) => v + 1) };
}

describe('RooflineChart: the device roof', () => {
  it('renders an accessible SVG with a title and a description of the roof', () => {
    const { root } = show(graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const s = svg(root);
    expect(s.getAttribute('role')).toBe('img');
    const [titleId, descId] = s.getAttribute('aria-labelledby')!.split(' ');
    expect(s.querySelector(`[id="${titleId}"]`)!.textContent).toBe('Roofline: attainable FLOP/s against arithmetic intensity');
    expect(s.querySelector(`[id="${descId}"]`)!.textContent).toContain(
      'H100 at fp16: peak·η 494.5 TFLOP/s · BW·η_bw 3.35 TB/s · ridge 147.6 FLOP/B',
    );
  });

  it('marks the ridge at 147.6 FLOP/B = 989e12·0.5/3.35e12 (H100 fp16, η = 0.5)', () => {
    const { root } = show(graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const ridge = root.querySelector('.ridge')!;
    expect(num(ridge, 'data-ridge')).toBeCloseTo(147.612, 3);
    expect(ridge.querySelector('text')!.textContent).toBe('ridge 147.6 FLOP/B');
  });

  it('labels the axes with units and decade ticks formatted by formatQuantity', () => {
    const { root } = show(graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const xTicks = [...root.querySelectorAll('[data-axis="x"] g text')].map((t) => t.textContent);
    const yTicks = [...root.querySelectorAll('[data-axis="y"] g text')].map((t) => t.textContent);
    expect(xTicks).toEqual(['0.1', '1', '10', '100', '1,000', '10,000']);
    expect(yTicks).toEqual(['100 GFLOP/s', '1 TFLOP/s', '10 TFLOP/s', '100 TFLOP/s', '1 PFLOP/s']);
    expect(root.querySelector('[data-axis="x"] .axis-title')!.textContent).toBe('Arithmetic intensity (FLOP/B)');
    expect(root.querySelector('[data-axis="y"] .axis-title')!.textContent).toBe('Attainable (FLOP/s)');
    expect(root.querySelector('[data-roof="device"]')!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });
});

describe('RooflineChart: the operating point, live', () => {
  it('places the §12.1 decode step (AI 1.049 FLOP/B, memory-bound) under the slope', () => {
    const { root } = show(graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const p = point(root)!;
    expect(num(p, 'data-intensity')).toBeCloseTo(1.04932, 5);
    expect(p.dataset.bottleneck).toBe('Memory');
    expect(p.querySelector('text')!.textContent).toBe('AI 1.049 FLOP/B · 3.292 TFLOP/s');
    expect(root.querySelector('[data-legend="point"]')!.textContent).toBe('operating point: Memory-bound · AI 1.049 FLOP/B · 3.292 TFLOP/s');
    // Left of the ridge: the point sits left of the ridge marker.
    expect(num(p, 'data-x')).toBeLessThan(num(root.querySelector('.ridge circle'), 'cx'));
  });

  it('moves right and up when the batch goes 1 → 64 (AI 1.04932 → 32.9893, §12.1) after version() changes', () => {
    const graph = graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } });
    const { root, bump } = show(graph);
    const before = { x: num(point(root), 'data-x'), y: num(point(root), 'data-y') };
    graph.set('scenario.batch_size', 64);
    // The graph is not a Solid store: nothing moves until the version is bumped.
    expect(num(point(root), 'data-x')).toBe(before.x);
    bump();
    const p = point(root)!;
    expect(num(p, 'data-intensity')).toBeCloseTo(32.9893, 4);
    expect(num(p, 'data-x')).toBeGreaterThan(before.x);
    expect(num(p, 'data-y')).toBeLessThan(before.y); // higher FLOP/s is further up
    expect(p.dataset.bottleneck).toBe('Memory');
    expect(p.getAttribute('style')).toContain(`translate(${num(p, 'data-x')}px`);
  });

  it('says "no operating point: <message>" when the step is an error, and recovers', () => {
    const graph = graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } });
    const { root, bump } = show(graph);
    // Out of its domain, the input is marked invalid and the step downstream is blocked.
    graph.set('scenario.batch_size', 0);
    bump();
    expect(graph.get('compute.arithmetic_intensity').ok).toBe(false);
    expect(point(root)).toBeNull();
    expect(root.querySelector('[data-message="point"]')!.textContent).toBe(
      'no operating point: blocked by scenario.batch_size: scenario.batch_size must be an integer ≥ 1 (got 0)',
    );
    expect(svg(root)).not.toBeNull();
    graph.set('scenario.batch_size', 1);
    bump();
    expect(point(root)).not.toBeNull();
    expect(root.querySelector('[data-message="point"]')).toBeNull();
  });

  it('says "no roofline: <message>" when the device has no peak at the precision (fp8 on A100)', () => {
    const { root } = show(graphOf({ model: 'Llama3_8B', hardware: 'A100', overrides: { ...FIRST_BUILD_DEFAULTS, 'scenario.precision': 'fp8' } }));
    expect(root.querySelector('[data-testid="roofline-svg"]')).toBeNull();
    expect(root.querySelector('.roofline-message')!.textContent).toMatch(/^no roofline: precision fp8 is not supported on A100/);
  });

  it('draws the effective slope while offloading (Llama-3-70B on one H100)', () => {
    const { root } = show(graphOf({ model: 'Llama3_70B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    expect(root.querySelector('[data-roof="effective"]')).not.toBeNull();
    expect(point(root)!.dataset.bottleneck).toBe('Host link');
  });
});

describe('RooflineChart: comparing with a catalogue device', () => {
  it('lists catalogue hardware and overlays the chosen one dashed, with a legend entry', () => {
    const onCompare = vi.fn();
    const { root } = show(graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }), { onCompareDevice: onCompare });
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).toContain('A100');
    expect(root.querySelector('[data-roof="compare"]')).toBeNull();
    select.value = 'A100';
    fireEvent.change(select);
    expect(onCompare).toHaveBeenCalledWith('A100');
    expect(root.querySelector('[data-roof="compare"]')).not.toBeNull();
    expect(root.querySelector('[data-legend="compare"]')!.textContent).toBe(
      'A100 (fp16), same η: peak·η 156 TFLOP/s · BW·η_bw 2.039 TB/s · ridge 76.51 FLOP/B',
    );
    select.value = '';
    fireEvent.change(select);
    expect(onCompare).toHaveBeenLastCalledWith(undefined);
    expect(root.querySelector('[data-roof="compare"]')).toBeNull();
  });

  it('follows a controlled compareDevice and says why a device cannot be compared', () => {
    const [device, setDevice] = createSignal<string | undefined>('A100');
    const graph = graphOf({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS, 'scenario.precision': 'fp8' } });
    const { root } = show(graph, { compareDevice: device });
    expect(root.querySelector('select')!.value).toBe('A100');
    expect(root.querySelector('[data-roof="compare"]')).toBeNull();
    expect(root.querySelector('[data-message="compare"]')!.textContent).toContain('cannot compare with A100: precision fp8 is not supported on A100');
    setDevice('B200');
    expect(root.querySelector('[data-roof="compare"]')).not.toBeNull();
    expect(root.querySelector('[data-message="compare"]')).toBeNull();
  });
});
