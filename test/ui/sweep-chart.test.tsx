/**
 * The sweep charts: one series per output with its points' values on the elements, a second
 * y axis only when units differ, the current value marked, the keyboard readout, the
 * heatmap's cell count, exports, and hostile names shown as text. Values are checked against
 * a separately built graph (set the input, read the output).
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveGraph, type Plain } from '../../src/graph/index.js';
import { buildScenario, type ScenarioSweep } from '../../src/scenario/index.js';
import { heatColour } from '../../src/ui/components/sweep/heatmap-grid.js';
import { chartsOf, seriesOf } from '../../src/ui/components/sweep/series.js';
import { SweepResults } from '../../src/ui/components/sweep/SweepResults.jsx';
import { sweepCsv } from '../../src/ui/export/csv.js';
import { rooflineExample } from './roofline-fixture.js';
import { planSweep } from '../../src/ui/store/sweep-plan.js';
import { runSweep, type SweepResult } from '../../src/ui/store/sweep-runner.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SCENARIO = { model: 'Llama3_8B', hardware: 'H100', mode: 'inference' } as const;

async function result(graph: LiveGraph, spec: ScenarioSweep): Promise<SweepResult> {
  const out = await runSweep(graph, planSweep(graph, spec), { yieldToPage: () => Promise.resolve() });
  if (out.status !== 'done') throw new Error('not done');
  return out.result;
}

function setAndRead(sets: Readonly<Record<string, Plain>>, output: string): Plain | undefined {
  const g = buildScenario(SCENARIO).graph;
  for (const [id, v] of Object.entries(sets)) g.set(id, v);
  return g.value(output);
}

/** A blob's text (jsdom's Blob has no .text()). */
const textOf = (b: Blob) => new Promise<string>((ok) => {
  const r = new FileReader();
  r.onload = () => ok(String(r.result));
  r.readAsText(b);
});

const LOG_BATCH: ScenarioSweep = {
  x: { cell: 'scenario.batch_size', start: 1, stop: 512, points: 10, scale: 'log' },
  outputs: ['performance.latency', 'performance.throughput'],
};

describe('the sweep line chart', () => {
  it('draws one series per output, 10 points each, carrying exactly the graph values', async () => {
    const r = await result(buildScenario(SCENARIO).graph, LOG_BATCH);
    const { container } = render(() => <SweepResults result={r} current={{ x: 1 }} scenarioName="Llama3_8B on H100" />);
    const series = [...container.querySelectorAll('.sweep-series')];
    expect(series.map((s) => s.getAttribute('data-series'))).toEqual(['performance.latency', 'performance.throughput']);
    for (const s of series) {
      const points = [...s.querySelectorAll('.sweep-point')];
      expect(points.map((p) => Number(p.getAttribute('data-x')))).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
      points.forEach((p) => expect(Number(p.getAttribute('data-y'))).toBe(setAndRead({ 'scenario.batch_size': Number(p.getAttribute('data-x')) }, s.getAttribute('data-series')!)));
    }
  });

  it('puts a second unit on a right axis (ms and 1/s), and marks the current value', async () => {
    const r = await result(buildScenario(SCENARIO).graph, LOG_BATCH);
    const { container } = render(() => <SweepResults result={r} current={{ x: 16 }} scenarioName="s" />);
    expect(container.querySelector('[data-axis="left"]')!.getAttribute('data-unit')).toBe('ms');
    expect(container.querySelector('[data-axis="right"]')!.getAttribute('data-unit')).toBe('1/s');
    expect(container.querySelector('[data-series="performance.throughput"]')!.getAttribute('data-axis-side')).toBe('right');
    expect(container.querySelector('[data-legend="performance.throughput"]')!.textContent).toBe('Performance · throughput (1/s, right)');
    expect(container.querySelector('[data-legend="performance.latency"]')!.textContent).toBe('Performance · latency (ms, left)');
    const now = container.querySelector('.sweep-current')!;
    expect(now.getAttribute('data-current')).toBe('16');
    // The marker sits on the x of the point for batch 16.
    const p16 = container.querySelector('.sweep-point[data-x="16"]')!;
    expect(now.querySelector('line')!.getAttribute('x1')).toBe(p16.getAttribute('cx'));
  });

  it('the log toggle puts the value axes on a log scale; the points keep their values', async () => {
    const r = await result(buildScenario(SCENARIO).graph, LOG_BATCH);
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="s" />);
    const ys = () => [...container.querySelectorAll('.sweep-point')].map((p) => p.getAttribute('data-y'));
    const before = ys();
    expect(container.querySelector('[data-axis="left"]')!.getAttribute('data-scale')).toBe('linear');
    fireEvent.click(container.querySelector('[data-field="log-values"]')!);
    expect(container.querySelector('[data-axis="left"]')!.getAttribute('data-scale')).toBe('log');
    expect(container.querySelector('[data-axis="right"]')!.getAttribute('data-scale')).toBe('log');
    expect(ys()).toEqual(before);
  });

  it('keeps one axis when the units agree, and a third unit goes to a second chart', async () => {
    const g = new LiveGraph(rooflineExample.cells);
    const same = await result(g, { x: { cell: 'workload.layers', start: 1, stop: 64, points: 4, scale: 'linear' }, outputs: ['compute.t_overhead', 'compute.latency'] });
    const { container } = render(() => <SweepResults result={same} current={{}} scenarioName="s" />);
    expect(container.querySelectorAll('[data-axis="left"]')).toHaveLength(1);
    expect(container.querySelector('[data-axis="right"]')).toBeNull();
    const three = await result(g, { x: { cell: 'workload.layers', start: 1, stop: 64, points: 4, scale: 'linear' }, outputs: ['compute.latency', 'compute.mfu', 'compute.t_overhead', 'compute.ridge_point'] });
    const charts = chartsOf(seriesOf(three));
    expect(charts.map((c) => [c.left.unit, c.right?.unit])).toEqual([['s', '1'], ['FLOP/B', undefined]]);
    expect(charts[0].left.series.map((s) => s.cell)).toEqual(['compute.latency', 'compute.t_overhead']);
  });

  it('reads out every series at the focused point with the arrow keys', async () => {
    const r = await result(buildScenario(SCENARIO).graph, LOG_BATCH);
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="s" />);
    const svg = container.querySelector('[data-testid="sweep-line-chart"]')!;
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    const readout = container.querySelector('.sweep-readout')!;
    expect(readout.getAttribute('data-readout')).toBe('1');
    // The swept input in words (its label), not its id.
    expect(readout.querySelector('.readout-x')!.textContent).toBe('Batch size = 2 sequences');
    expect(readout.querySelectorAll('.readout-y')).toHaveLength(2);
    expect(container.querySelectorAll('.sweep-point.hot')).toHaveLength(2);
  });

  it('counts points without a value and says why', async () => {
    const g = new LiveGraph(rooflineExample.cells);
    const r = await result(g, { x: { cell: 'compute.memory_traffic', start: 0, stop: 8e9, points: 3, scale: 'linear' }, outputs: ['compute.arithmetic_intensity'] });
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="s" />);
    expect(container.querySelectorAll('.sweep-point')).toHaveLength(2);
    expect(container.querySelector('[data-gaps]')!.textContent).toBe('compute.arithmetic_intensity: 1 of 3 points have no value (step moves no bytes).');
  });
});

describe('the sweep heatmap', () => {
  it('draws one cell per (x, y) with the graph value and outlines the current point', async () => {
    const g = buildScenario(SCENARIO).graph;
    const r = await result(g, {
      x: { cell: 'scenario.batch_size', start: 1, stop: 64, points: 3, scale: 'log' },
      y: { cell: 'scenario.context_len', start: 1024, stop: 8192, points: 4, scale: 'log' },
      outputs: ['performance.latency', 'performance.throughput'],
    });
    const { container } = render(() => <SweepResults result={r} current={{ x: 1, y: 2048 }} scenarioName="s" />);
    const cells = [...container.querySelectorAll('.heat-cell')];
    expect(cells).toHaveLength(12);
    const at = (i: number, j: number) => container.querySelector(`.heat-cell[data-i="${i}"][data-j="${j}"]`)!;
    expect(Number(at(2, 3).getAttribute('data-value'))).toBe(setAndRead({ 'scenario.batch_size': 64, 'scenario.context_len': 8192 }, 'performance.latency'));
    expect(container.querySelector('.heat-current')!.getAttribute('data-current')).toBe('0,1');
    const svg = container.querySelector('[data-testid="sweep-heatmap"]')!;
    expect(svg.getAttribute('data-colour-scale')).toBe('linear');
    fireEvent.click(container.querySelector('[data-field="log-values"]')!);
    expect(svg.getAttribute('data-colour-scale')).toBe('log');
    // Colour by the second output.
    const pick = container.querySelector<HTMLSelectElement>('[data-field="heatmap.output"]')!;
    pick.value = '1';
    fireEvent.change(pick);
    expect(Number(at(1, 0).getAttribute('data-value'))).toBe(setAndRead({ 'scenario.batch_size': 8, 'scenario.context_len': 1024 }, 'performance.throughput'));
  });
});

describe('exports', () => {
  it('CSV downloads the sweep table; SVG downloads a standalone file with the points', async () => {
    const r = await result(buildScenario(SCENARIO).graph, LOG_BATCH);
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="Llama3_8B on H100" />);
    fireEvent.click(container.querySelector('[data-export="csv"]')!);
    await vi.waitFor(() => expect(names).toHaveLength(1));
    fireEvent.click(container.querySelector('[data-export="svg"]')!);
    await vi.waitFor(() => expect(names).toHaveLength(2));
    expect(names).toEqual(['Llama3_8B_on_H100_sweep_scenario.batch_size.csv', 'Llama3_8B_on_H100_sweep_scenario.batch_size.svg']);
    expect(await textOf(blobs[0])).toBe(sweepCsv(r));
    expect((await textOf(blobs[0])).split('\n')[0]).toBe('scenario.batch_size (sequences),performance.latency (ms),performance.throughput (1/s),feasible');
    const svg = await textOf(blobs[1]);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    // 300 px of plot, two legend rows of 18 px (the two series, and the hollow marker of the points
    // that do not fit: at batch 256 and 512 the KV cache of 268 MB a sequence takes Llama3_8B past
    // 80 GB, 16.06 + 256 × 0.268 = 84.8 GB), 6 px of margin.
    expect(svg).toContain('width="760" height="342"');
    expect(svg.match(/<circle /g)).toHaveLength(20);
    expect(blobs[1].type).toBe('image/svg+xml');
  });
});

describe('hostile names', () => {
  it('cell ids and labels with markup are shown as text, never parsed', async () => {
    const r = await result(buildScenario(SCENARIO).graph, LOG_BATCH);
    const evil = '<img src=x onerror="window.__pwned=1">';
    const plan = { ...r.plan, x: { ...r.plan.x, cell: `${evil}.x` }, outputs: r.plan.outputs.map((o) => ({ ...o, cell: `${evil}.${o.cell}`, label: `<script>alert(1)</script>${o.label}` })) };
    const hostile: SweepResult = { ...r, plan };
    const { container } = render(() => <SweepResults result={hostile} current={{}} scenarioName={evil} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('title')!.textContent).toContain('<script>alert(1)</script>Performance · latency');
    fireEvent.keyDown(container.querySelector('[data-testid="sweep-line-chart"]')!, { key: 'ArrowRight' });
    expect(container.querySelector('.readout-y')!.textContent).toContain('<script>alert(1)</script>');
  });
});

describe('heatColour', () => {
  it('maps the extent onto the viridis stops, linearly or at the geometric mean on a log scale', () => {
    expect(heatColour({ min: 0, max: 10 })(0)).toBe('rgb(68, 1, 84)'); // #440154
    expect(heatColour({ min: 0, max: 10 })(5)).toBe('rgb(33, 145, 140)'); // #21918c
    expect(heatColour({ min: 1, max: 100 }, true)(10)).toBe('rgb(33, 145, 140)');
    expect(heatColour({ min: 1, max: 100 }, true)(100)).toBe('rgb(253, 231, 37)'); // #fde725
    expect(heatColour({ min: 1, max: 100 })(undefined)).toBe('#d0d4d9');
  });
});
