/**
 * The chunked sweep runner and the spec resolution behind the sweep panel, grouped by
 * concept: axis values (as `range()` and `mlsysim sweep` make them), equality with the live
 * graph, chunking and progress, cancelling, and the CSV form.
 *
 * Expected values come from another path: a separately built scenario graph on which each
 * input value is set with `graph.set` and the outputs read back — not from the runner.
 */
import { describe, expect, it } from 'vitest';
import { type CellValue, LiveGraph, type Plain } from '../../src/graph/index.js';
import { buildScenario, type ScenarioSweep } from '../../src/scenario/index.js';
import { sweepCsv } from '../../src/ui/export/csv.js';
import { rooflineExample } from './roofline-fixture.js';
import { defaultAxis, defaultSpec, planSweep, SweepSpecError } from '../../src/ui/store/sweep-plan.js';
import { runSweep, type SweepResult } from '../../src/ui/store/sweep-runner.js';

const SCENARIO = { model: 'Llama3_8B', hardware: 'H100', mode: 'inference' } as const;
const now = () => 0;
const immediate = () => Promise.resolve();

/** The independent path: set the input(s) on a fresh graph, read the output. */
function setAndRead(sets: Readonly<Record<string, Plain>>, output: string): CellValue {
  const g = buildScenario(SCENARIO).graph;
  for (const [id, v] of Object.entries(sets)) g.set(id, v);
  return g.get(output);
}

async function done(graph: LiveGraph, spec: ScenarioSweep, budgetMs = 12): Promise<SweepResult> {
  const out = await runSweep(graph, planSweep(graph, spec), { yieldToPage: immediate, budgetMs });
  if (out.status !== 'done') throw new Error('the sweep did not finish');
  return out.result;
}

describe('planSweep resolves an axis like `mlsysim sweep`', () => {
  const g = buildScenario(SCENARIO).graph;

  it('1…512 log with 10 points on an integer input gives the powers of two 1, 2, 4 … 512', () => {
    const plan = planSweep(g, { x: { cell: 'scenario.batch_size', start: 1, stop: 512, points: 10, scale: 'log' }, outputs: ['performance.latency'] });
    // 512 = 2⁹, so nine equal log steps are factors of 2.
    expect(plan.x.values).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    expect(plan.x.integer).toBe(true);
  });

  it('an integer axis with more points than integers keeps each integer once, in order', () => {
    const plan = planSweep(g, { x: { cell: 'scenario.batch_size', start: 1, stop: 4, points: 7, scale: 'linear' }, outputs: ['performance.latency'] });
    // 1, 1.5, 2, 2.5, 3, 3.5, 4 rounded half up: 1, 2, 2, 3, 3, 4, 4.
    expect(plan.x.values).toEqual([1, 2, 3, 4]);
  });

  it('bounds may carry units: 1 TB/s … 4 TB/s on a bandwidth is 1e12 … 4e12 B/s', () => {
    const plan = planSweep(g, { x: { cell: 'hardware.memory_bandwidth', start: '1 TB/s', stop: '4TB/s', points: 4, scale: 'linear' }, outputs: ['performance.latency'] });
    expect(plan.x.values).toEqual([1e12, 2e12, 3e12, 4e12]);
    expect(plan.x.unit).toBe('B/s');
  });

  it('a derived cell is an axis too: pinned to each value for the run, equal to pinning by hand, and left unpinned', async () => {
    const graph = buildScenario(SCENARIO).graph;
    const bw = 'memory.effective_bandwidth';
    const plan = planSweep(graph, { x: { cell: bw, start: '1 TB/s', stop: '2 TB/s', points: 2, scale: 'linear' }, outputs: ['performance.latency'] });
    expect(plan.x.values).toEqual([1e12, 2e12]);
    expect(plan.x.integer).toBe(false);
    const r = await done(graph, { x: { cell: bw, start: '1 TB/s', stop: '2 TB/s', points: 2, scale: 'linear' }, outputs: ['performance.latency'] });
    r.plan.x.values.forEach((x, i) => {
      const g = buildScenario(SCENARIO).graph;
      g.pin(bw, x);
      expect(r.cells[i][0][0]).toEqual(g.get('performance.latency'));
    });
    expect(graph.isPinned(bw)).toBe(false);
    expect(r.current.x).toBe(graph.value(bw));
  });

  it('refuses a bad spec with a message naming the field and the allowed range', () => {
    const axis = { cell: 'scenario.batch_size', start: 1, stop: 8, points: 4, scale: 'linear' } as const;
    const refusal = (spec: ScenarioSweep) => {
      try {
        planSweep(g, spec);
      } catch (e) {
        expect(e).toBeInstanceOf(SweepSpecError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ x: { ...axis, start: 0 }, outputs: ['performance.latency'] })).toBe('x.start: scenario.batch_size must be an integer ≥ 1 (got 0)');
    expect(refusal({ x: { ...axis, scale: 'log', start: -1 }, outputs: ['performance.latency'] })).toBe('x.start: must be > 0 on a log scale (got -1)');
    expect(refusal({ x: { ...axis, points: 1 }, outputs: ['performance.latency'] })).toBe('x.points: must be an integer in [2, 10000] (got 1)');
    expect(refusal({ x: { ...axis, cell: 'compute.bottleneck' }, outputs: ['performance.latency'] })).toMatch(/^x\.cell: compute\.bottleneck is not numeric/);
    expect(refusal({ x: { ...axis, cell: 'scenario.precision' }, outputs: ['performance.latency'] })).toMatch(/^x\.cell: scenario\.precision is not numeric/);
    expect(refusal({ x: { ...axis, stop: '3 GB/s' }, outputs: ['performance.latency'] })).toMatch(/^x\.stop: "3 GB\/s" has unit GB\/s/);
    expect(refusal({ x: axis, outputs: ['performance.nope'] })).toBe("outputs[0]: 'performance.nope' is not a cell of this scenario");
    expect(refusal({ x: axis, y: axis, outputs: ['performance.latency'] })).toBe('y.cell: must differ from x.cell (both are scenario.batch_size)');
    expect(refusal({ x: { ...axis, stop: 2000, points: 2000 }, y: { ...axis, cell: 'scenario.context_len', stop: 2000, points: 2000 }, outputs: ['performance.latency'] }))
      .toBe('y.points: points × outputs must be ≤ 1,000,000 (got 4,000,000 × 1)');
  });

  it('"Sweep this" proposes a decade either side of the value, inside the domain, against the headline metrics', () => {
    // batch 1: a decade below is under the domain's minimum 1, so the range starts at 1.
    expect(defaultAxis(g, 'scenario.batch_size')).toEqual({ cell: 'scenario.batch_size', start: 1, stop: 10, points: 10, scale: 'log' });
    const spec = defaultSpec(g, 'scenario.batch_size');
    expect(spec.outputs).toEqual(['performance.latency', 'performance.throughput']);
    expect(() => planSweep(g, spec)).not.toThrow();
  });
});

describe('runSweep equals the live graph', () => {
  it('one axis: every point equals setting the input on a separately built graph', async () => {
    const g = buildScenario(SCENARIO).graph;
    const outputs = ['performance.latency', 'performance.throughput', 'memory.memory_footprint'];
    const r = await done(g, { x: { cell: 'scenario.batch_size', start: 1, stop: 512, points: 10, scale: 'log' }, outputs });
    r.plan.x.values.forEach((b, i) => outputs.forEach((o, k) => expect(r.cells[i][0][k]).toEqual(setAndRead({ 'scenario.batch_size': b }, o))));
    expect(r.current).toEqual({ x: 1, y: undefined });
  });

  it('two axes: the grid equals setting both inputs', async () => {
    const g = buildScenario(SCENARIO).graph;
    const r = await done(g, {
      x: { cell: 'scenario.batch_size', start: 1, stop: 64, points: 3, scale: 'log' },
      y: { cell: 'scenario.context_len', start: 1024, stop: 8192, points: 4, scale: 'log' },
      outputs: ['performance.latency'],
    });
    expect(r.plan.y!.values).toEqual([1024, 2048, 4096, 8192]);
    r.plan.x.values.forEach((b, i) => r.plan.y!.values.forEach((c, j) =>
      expect(r.cells[i][j][0]).toEqual(setAndRead({ 'scenario.batch_size': b, 'scenario.context_len': c }, 'performance.latency'))));
  });

  it('a long axis (chunks past the compiled-sweep threshold) still equals the graph to the last bit', async () => {
    const g = buildScenario(SCENARIO).graph;
    const r = await done(g, { x: { cell: 'hardware.memory_bandwidth', start: 1e12, stop: 8e12, points: 300, scale: 'linear' }, outputs: ['performance.latency'] }, 1e9);
    const fresh = buildScenario(SCENARIO).graph;
    for (const i of [0, 1, 150, 299]) {
      fresh.set('hardware.memory_bandwidth', r.plan.x.values[i]);
      expect(r.cells[i][0][0]).toEqual(fresh.get('performance.latency'));
    }
  });
});

describe('runSweep runs in chunks', () => {
  it('yields between chunks and reports progress rising to exactly 1', async () => {
    const g = buildScenario(SCENARIO).graph;
    const progress: number[] = [];
    let yields = 0;
    let t = 0;
    const plan = planSweep(g, { x: { cell: 'scenario.context_len', start: 128, stop: 8192, points: 40, scale: 'linear' }, outputs: ['performance.latency'] });
    // A clock that advances 10 ms per reading: every chunk "takes" 10 ms against a 12 ms
    // budget, so each chunk is ⌊1.2 × the last⌋: 8, 9, 10, 12, then the last 1 of 40.
    const out = await runSweep(g, plan, { budgetMs: 12, now: () => (t += 10), yieldToPage: () => (yields++, Promise.resolve()), onProgress: (p) => progress.push(p) });
    expect(out.status).toBe('done');
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1])).toBe(true);
    expect(yields).toBe(progress.length - 1);
    expect(progress).toEqual([8 / 40, 17 / 40, 27 / 40, 39 / 40, 1]);
  });

  it('a two-axis grid larger than a chunk is split inside rows and still fills every cell', async () => {
    const g = buildScenario(SCENARIO).graph;
    const plan = planSweep(g, {
      x: { cell: 'scenario.batch_size', start: 1, stop: 3, points: 3, scale: 'linear' },
      y: { cell: 'scenario.context_len', start: 1000, stop: 2900, points: 20, scale: 'linear' },
      outputs: ['performance.latency'],
    });
    let t = 0;
    const out = await runSweep(g, plan, { budgetMs: 1, now: () => (t += 10), yieldToPage: immediate });
    if (out.status !== 'done') throw new Error('not done');
    expect(out.result.cells.flat()).toHaveLength(60);
    expect(out.result.cells[2][19][0]).toEqual(setAndRead({ 'scenario.batch_size': 3, 'scenario.context_len': 2900 }, 'performance.latency'));
  });

  it('cancel stops between chunks and leaves the inputs as they were', async () => {
    const g = buildScenario(SCENARIO).graph;
    g.set('scenario.batch_size', 7);
    const before = { raw: g.rawInput('scenario.batch_size'), prov: g.provenance('scenario.batch_size'), latency: g.get('performance.latency') };
    let chunks = 0;
    const plan = planSweep(g, { x: { cell: 'scenario.batch_size', start: 1, stop: 4096, points: 200, scale: 'log' }, outputs: ['performance.latency'] });
    const out = await runSweep(g, plan, { budgetMs: 12, now, yieldToPage: immediate, onProgress: () => chunks++, cancelled: () => chunks >= 2 });
    expect(out.status).toBe('cancelled');
    if (out.status === 'cancelled') expect(out.done).toBeLessThan(plan.points);
    expect(g.rawInput('scenario.batch_size')).toBe(before.raw);
    expect(g.provenance('scenario.batch_size')).toBe(before.prov);
    expect(g.get('performance.latency')).toEqual(before.latency);
    expect(g.get('performance.latency')).toEqual(setAndRead({ 'scenario.batch_size': 7 }, 'performance.latency'));
  });
});

describe('sweepCsv', () => {
  it('writes the roofline example exactly, in the `mlsysim sweep --output csv` form', async () => {
    const g = new LiveGraph(rooflineExample.cells);
    const r = await done(g, {
      x: { cell: 'hardware.memory_bandwidth', start: '1 TB/s', stop: '4 TB/s', points: 3, scale: 'linear' },
      outputs: ['compute.t_memory', 'compute.arithmetic_intensity', 'compute.bottleneck'],
    });
    // Hand computed (physics.md §3.1): T_m = Q / (BW × η_bw) = 16e9 B / (BW × 1):
    // 1e12 → 0.016 s, 2.5e12 → 0.0064 s, 4e12 → 0.004 s; AI = F / Q = 16e9 / 16e9 = 1;
    // T_c = 16e9 / (989e12 × 0.5) ≈ 3.2e-5 s < T_m everywhere, so the step is memory bound.
    expect(sweepCsv(r)).toBe(
      'hardware.memory_bandwidth (B/s),compute.t_memory (s),compute.arithmetic_intensity (FLOP/B),compute.bottleneck (enum)\n' +
      '1000000000000,0.016,1,Memory\n' +
      '2500000000000,0.0064,1,Memory\n' +
      '4000000000000,0.004,1,Memory\n',
    );
  });

  it('leaves an error cell empty and puts y after x, x outer (as the CLI does)', async () => {
    const g = new LiveGraph(rooflineExample.cells);
    const r = await done(g, {
      x: { cell: 'compute.memory_traffic', start: 0, stop: 8e9, points: 2, scale: 'linear' },
      y: { cell: 'workload.layers', start: 1, stop: 2, points: 2, scale: 'linear' },
      outputs: ['compute.arithmetic_intensity', 'compute.t_overhead'],
    });
    // Q = 0: AI is the error "step moves no bytes" (empty); Q = 8e9: AI = 16e9 / 8e9 = 2.
    // T_ov = 10 µs + L × 10 µs = 2e-5 s (L = 1) and 3e-5 s (L = 2; 1e-5 + 2e-5 in binary).
    const ov = (l: number) => String(10e-6 + l * 10e-6);
    expect(sweepCsv(r)).toBe(
      'compute.memory_traffic (B),workload.layers,compute.arithmetic_intensity (FLOP/B),compute.t_overhead (s)\n' +
      `0,1,,${ov(1)}\n0,2,,${ov(2)}\n8000000000,1,2,${ov(1)}\n8000000000,2,2,${ov(2)}\n`,
    );
  });
});

describe('defaultAxis', () => {
  it('takes the whole domain of a bounded input, starting 1 % inside an exclusive bound', () => {
    const g = new LiveGraph(rooflineExample.cells);
    // scenario.efficiency ∈ (0, 1]: 0 is excluded, so the range starts at 0 + 1 % of the span.
    expect(defaultAxis(g, 'scenario.efficiency')).toEqual({ cell: 'scenario.efficiency', start: 0.01, stop: 1, points: 10, scale: 'linear' });
  });

  it('takes a decade either side of the value on a log scale for an open domain', () => {
    const g = new LiveGraph(rooflineExample.cells);
    // hardware.memory_bandwidth = 3.35e12 B/s, domain > 0.
    expect(defaultAxis(g, 'hardware.memory_bandwidth')).toEqual({ cell: 'hardware.memory_bandwidth', start: 3.35e11, stop: 3.35e13, points: 10, scale: 'log' });
    // workload.layers = 32, an integer ≥ 1: 3.2 → 3, 320.
    expect(defaultAxis(g, 'workload.layers')).toEqual({ cell: 'workload.layers', start: 3, stop: 320, points: 10, scale: 'log' });
  });
});
