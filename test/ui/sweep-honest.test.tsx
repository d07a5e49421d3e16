/**
 * Honest charts: a point where the design does not fit is marked (hollow point, hatched cell,
 * a legend entry and a count with the reason), the CSV says `feasible` per row, ticks are in
 * display units, and export names are whole.
 *
 * Hand derivation (physics.md §2.5, §2.6, §4 wall 2): Llama3_70B at int4 on one H100 (80 GB):
 * weights W = 70.6e9 × 0.5 B = 35.3 GB; KV per sequence at x = 2048 (fp16 KV, L = 80, H_kv = 8,
 * d_h = d_v = 128) = 80·8·256·2·2048 = 671 088 640 B. Batch 64: 35.3 + 64 × 0.671 = 78.2 GB ≤ 80
 * fits; batch 128: 35.3 + 128 × 0.671 = 121.2 GB > 80 does not (memory.feasible is false).
 * So of 1, 2, 4 … 512 the last three (128, 256, 512) do not fit.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScenario, type ScenarioSweep } from '../../src/scenario/index.js';
import { sweepCsv } from '../../src/ui/export/csv.js';
import { safeFilename } from '../../src/ui/export/download.js';
import { SweepResults } from '../../src/ui/components/sweep/SweepResults.jsx';
import { planSweep } from '../../src/ui/store/sweep-plan.js';
import { runSweep, type SweepResult } from '../../src/ui/store/sweep-runner.js';

const SEVENTY_INT4 = { model: 'Llama3_70B', hardware: 'H100', mode: 'inference', overrides: { 'scenario.precision': 'int4' } } as const;
const BATCH: ScenarioSweep = { x: { cell: 'scenario.batch_size', start: 1, stop: 512, points: 10, scale: 'log' }, outputs: ['performance.latency', 'memory.memory_footprint'] };

async function result(spec: ScenarioSweep): Promise<SweepResult> {
  const graph = buildScenario(SEVENTY_INT4).graph;
  const out = await runSweep(graph, planSweep(graph, spec), { yieldToPage: () => Promise.resolve() });
  if (out.status !== 'done') throw new Error('the sweep did not finish');
  return out.result;
}
afterEach(cleanup);

describe('infeasible points are marked', () => {
  it('a batch sweep of Llama3_70B int4 on H100: batches 128, 256, 512 do not fit and are drawn hollow, with a legend entry', async () => {
    const r = await result(BATCH);
    expect(r.plan.x.values).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    expect(r.feasibility!.map((col) => col[0].feasible)).toEqual([true, true, true, true, true, true, true, false, false, false]);
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="Llama3_70B on H100" />);
    const hollow = [...container.querySelectorAll('.sweep-series[data-series="performance.latency"] .sweep-point.infeasible')];
    expect(hollow.map((c) => Number(c.getAttribute('data-x')))).toEqual([128, 256, 512]);
    expect(hollow.every((c) => c.getAttribute('fill') === '#ffffff')).toBe(true);
    // The latency is still drawn there: an infeasible design is a value, not a gap (physics §0.1 rule 3).
    expect(container.querySelectorAll('.sweep-series[data-series="performance.latency"] .sweep-point')).toHaveLength(10);
    // The reason in words, never the cell id.
    expect(container.querySelector('[data-legend="infeasible"]')!.textContent).toBe('Does not fit in device memory');
    expect(container.querySelector('[data-infeasible]')!.textContent).toMatch(/^3 of 10 points do not fit \(Does not fit in device memory\): they are hatched and drawn hollow/);
    // …and hatched: one band (an SVG pattern) over the run 128 … 512, from halfway to 64.
    const bands = [...container.querySelectorAll('[data-infeasible-band]')];
    expect(bands.map((b) => b.getAttribute('data-infeasible-band'))).toEqual(['7-9']);
    expect(bands[0].getAttribute('fill')).toMatch(/^url\(#.+\)$/);
    const pattern = container.querySelector(`pattern${bands[0].getAttribute('fill')!.slice(4, -1)}`);
    expect(pattern).not.toBeNull();
    const px = (x: number) => Number(container.querySelector(`.sweep-series[data-series="performance.latency"] .sweep-point[data-x="${x}"]`)!.getAttribute('cx'));
    expect(Number(bands[0].getAttribute('x'))).toBeCloseTo((px(64) + px(128)) / 2, 9);
    expect(Number(bands[0].getAttribute('x')) + Number(bands[0].getAttribute('width'))).toBeCloseTo(px(512), 9);
    expect(container.querySelector('[data-legend="infeasible"] rect')!.getAttribute('fill')).toBe(bands[0].getAttribute('fill'));
  });

  it('the CSV has a feasible column, as `mlsysim sweep --output csv` writes it', async () => {
    const lines = sweepCsv(await result(BATCH)).trim().split('\n');
    expect(lines[0]).toBe('scenario.batch_size (sequences),performance.latency (ms),memory.memory_footprint (B),feasible');
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['true', 'true', 'true', 'true', 'true', 'true', 'true', 'false', 'false', 'false']);
  });

  it('a heatmap hatches the cells that do not fit and says so in its legend', async () => {
    const r = await result({ ...BATCH, y: { cell: 'scenario.context_len', start: 1024, stop: 4096, points: 3, scale: 'log' }, outputs: ['performance.latency'] });
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="Llama3_70B on H100" />);
    const hatched = [...container.querySelectorAll('[data-infeasible]')].filter((e) => e.tagName === 'rect').map((e) => e.getAttribute('data-infeasible'));
    // KV grows with B·x: at x = 1024 batch 128 still fits (35.3 + 128 × 0.336 = 78.3 GB), at 2048 it does not.
    expect(hatched).toContain('7,1');
    expect(hatched).not.toContain('7,0');
    expect(hatched).not.toContain('6,1');
    expect(container.querySelector('.heat-legend [data-legend="infeasible"]')!.textContent).toBe('does not fit');
  });

  it('a heatmap too big for rectangles (one image) still hatches the cells that do not fit: one path over exactly those cells', async () => {
    // 71 whole batches (100 log points, rounded to integers, deduplicated) × 100 contexts > 4096
    // cells: painted as an image. The boundary is the
    // hand derivation above: B·x·327 680 B + 35.3e9 B ≤ 80e9 B (KV per token 80·8·256·2 B).
    const r = await result({
      x: { cell: 'scenario.batch_size', start: 1, stop: 512, points: 100, scale: 'log' },
      y: { cell: 'scenario.context_len', start: 256, stop: 8192, points: 100, scale: 'log' },
      outputs: ['performance.latency'],
    });
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="Llama3_70B on H100" />);
    const nx = r.plan.x.values.length;
    const ny = r.plan.y!.values.length;
    expect(nx * ny).toBeGreaterThan(4096);
    expect(container.querySelectorAll('.heat-cell')).toHaveLength(0);
    const region = container.querySelector('[data-infeasible-region]')!;
    const unfit = r.feasibility!.flat().filter((f) => f.feasible === false).length;
    expect(unfit).toBeGreaterThan(0);
    expect(unfit).toBeLessThan(nx * ny);
    expect(Number(region.getAttribute('data-infeasible-region'))).toBe(unfit);
    expect(region.getAttribute('fill')).toMatch(/^url\(#.+\)$/);
    // The path's rectangles cover exactly the cells that do not fit (areas in cells: width 1, height j1 − j0).
    const cw = 544 / nx;
    const ch = 312 / ny;
    const rects = [...region.getAttribute('d')!.matchAll(/M([\d.]+),([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)];
    const cells = rects.reduce((n, m) => n + Math.round((Number(m[3]) / cw) * (Number(m[4]) / ch)), 0);
    expect(cells).toBe(unfit);
    // B = 512 at the longest context does not fit; B = 1 at the shortest does.
    expect(r.feasibility![nx - 1][ny - 1].feasible).toBe(false);
    expect(r.feasibility![0][0].feasible).toBe(true);
    expect(container.querySelector('.heat-legend [data-legend="infeasible"]')).not.toBeNull();
  });
});

describe('ticks in display units', () => {
  it('a bandwidth axis reads 1 … 4 (TB/s) on the heatmap, not 1e12 … 4e12 B/s', async () => {
    const graph = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' }).graph;
    const spec: ScenarioSweep = {
      x: { cell: 'hardware.memory_bandwidth', start: '1 TB/s', stop: '4 TB/s', points: 4, scale: 'linear' },
      y: { cell: 'infra.carbon_intensity', start: '100 g/kWh', stop: '400 g/kWh', points: 4, scale: 'linear' },
      outputs: ['compute.latency'],
    };
    const out = await runSweep(graph, planSweep(graph, spec), { yieldToPage: () => Promise.resolve() });
    if (out.status !== 'done') throw new Error('not done');
    const { container } = render(() => <SweepResults result={out.result} current={{}} scenarioName="s" />);
    const labels = (axis: string) => [...container.querySelectorAll(`[data-axis="${axis}"] text:not(.axis-title)`)].map((t) => t.textContent);
    expect(labels('x')).toEqual(['1', '2', '3', '4']);
    expect(labels('y')).toEqual(['100', '200', '300', '400']);
    // Axis titles in words with the display unit; the cell id rides in data-cell.
    expect(container.querySelector('[data-axis="x"] .axis-title')!.textContent).toBe('Memory bandwidth (TB/s)');
    expect(container.querySelector('[data-axis="x"] .axis-title')!.getAttribute('data-cell')).toBe('hardware.memory_bandwidth');
    expect(container.querySelector('[data-axis="y"] .axis-title')!.textContent).toBe(`${graph.def('infra.carbon_intensity').label} (g/kWh)`);
  });

  it('the line chart labels a latency axis in ms and a bandwidth axis in TB/s', async () => {
    const graph = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' }).graph;
    const spec: ScenarioSweep = { x: { cell: 'hardware.memory_bandwidth', start: '1 TB/s', stop: '4 TB/s', points: 4, scale: 'linear' }, outputs: ['compute.latency'] };
    const out = await runSweep(graph, planSweep(graph, spec), { yieldToPage: () => Promise.resolve() });
    if (out.status !== 'done') throw new Error('not done');
    const { container } = render(() => <SweepResults result={out.result} current={{}} scenarioName="s" />);
    expect(container.querySelector('[data-axis="x"] .axis-title')!.textContent).toBe('Memory bandwidth (TB/s)');
    expect(container.querySelector('[data-axis="left"] .axis-title')!.textContent).toBe('ms');
    const xLabels = [...container.querySelectorAll('[data-axis="x"] g text')].map((t) => t.textContent).filter(Boolean);
    expect(xLabels).toContain('2');
    expect(xLabels).toContain('4');
  });
});

describe('export names', () => {
  it('are whole: a two-axis sweep of long cell ids keeps every part of its name', async () => {
    const base = 'Llama3_70B on H100 sweep scenario.batch_size scenario.context_len performance.latency';
    expect(safeFilename(base, 'csv')).toBe('Llama3_70B_on_H100_sweep_scenario.batch_size_scenario.context_len_performance.latency.csv');
    const r = await result({ ...BATCH, y: { cell: 'scenario.context_len', start: 1024, stop: 4096, points: 2, scale: 'log' }, outputs: ['performance.latency'] });
    const names: string[] = [];
    Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { container } = render(() => <SweepResults result={r} current={{}} scenarioName="Llama3_70B on H100" />);
    fireEvent.click(container.querySelector('[data-export="csv"]')!);
    await vi.waitFor(() => expect(names).toEqual(['Llama3_70B_on_H100_sweep_scenario.batch_size_scenario.context_len_performance.latency.csv']));
  });
});
