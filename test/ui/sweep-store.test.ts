/**
 * The sweep store: the specs a workbook saves, "Sweep this", running the draft, cancelling,
 * replacing the specs, and what happens to a result when the scenario is edited or rebuilt.
 * Expected values come from a separately built graph (set the input, read the output).
 */
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { Plain } from '../../src/graph/index.js';
import { buildScenario, type ScenarioSweep } from '../../src/scenario/index.js';
import { createScenarioStore, createSweepStore, type SweepStore, type SweepStoreOptions } from '../../src/ui/store/index.js';
import type { ScenarioStore } from '../../src/ui/store/index.js';

const immediate = () => Promise.resolve();

function setup(options: SweepStoreOptions = {}): { store: ScenarioStore; sweeps: SweepStore; dispose(): void } {
  return createRoot((dispose) => {
    const store = createScenarioStore();
    const sweeps = createSweepStore(store, { yieldToPage: immediate, ...options });
    return { store, sweeps, dispose: () => (store.dispose(), dispose()) };
  });
}

function expected(hardware: string, sets: Readonly<Record<string, Plain>>, output: string) {
  const g = buildScenario({ model: 'Llama3_8B', hardware, mode: 'inference' }).graph;
  for (const [id, v] of Object.entries(sets)) g.set(id, v);
  return g.get(output);
}

const BATCH: ScenarioSweep = { x: { cell: 'scenario.batch_size', start: 1, stop: 8, points: 4, scale: 'log' }, outputs: ['performance.latency'] };
/** Waits for pending microtasks and effects. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createSweepStore', () => {
  it('starts with no specs, closed, idle', () => {
    const { sweeps, dispose } = setup();
    expect(sweeps.specs()).toEqual([]);
    expect(sweeps.open()).toBe(false);
    expect(sweeps.state()).toEqual({ status: 'idle', progress: 0, stale: false });
    dispose();
  });

  it('sweepCell opens the panel with a draft for the cell and the headline outputs', () => {
    const { sweeps, dispose } = setup();
    sweeps.sweepCell('scenario.batch_size');
    expect(sweeps.open()).toBe(true);
    expect(sweeps.selected()).toBeUndefined();
    expect(sweeps.draft()).toEqual({ x: { cell: 'scenario.batch_size', start: 1, stop: 10, points: 10, scale: 'log' }, outputs: ['performance.latency', 'performance.throughput'] });
    // A numeric derived cell is swept too (pinned for the run); a text cell is not.
    sweeps.sweepCell('compute.bottleneck');
    expect(sweeps.draft()!.x.cell).toBe('scenario.batch_size');
    sweeps.sweepCell('memory.effective_bandwidth');
    expect(sweeps.draft()!.x.cell).toBe('memory.effective_bandwidth');
    expect(sweeps.draft()!.outputs).toEqual(['performance.latency', 'performance.throughput']);
    dispose();
  });

  it('runDraft saves the draft as a spec and computes the values the graph gives', async () => {
    const { sweeps, store, dispose } = setup();
    sweeps.setDraft(BATCH);
    const s = await sweeps.runDraft();
    expect(sweeps.specs()).toEqual([BATCH]);
    expect(sweeps.selected()).toBe(0);
    expect(s.status).toBe('done');
    expect(s.progress).toBe(1);
    // 1…8 log, 4 points: 1, 2, 4, 8 (8 = 2³).
    expect(s.result!.plan.x.values).toEqual([1, 2, 4, 8]);
    s.result!.plan.x.values.forEach((b, i) => expect(s.result!.cells[i][0][0]).toEqual(expected('H100', { 'scenario.batch_size': b }, 'performance.latency')));
    expect(store.built().graph.rawInput('scenario.batch_size')).toBe(1);
    // Running an edited draft replaces the selected spec rather than adding one.
    sweeps.setDraft({ ...BATCH, outputs: ['performance.throughput'] });
    await sweeps.runDraft();
    expect(sweeps.specs()).toEqual([{ ...BATCH, outputs: ['performance.throughput'] }]);
    dispose();
  });

  it('a bad draft ends in an error state naming the field', async () => {
    const { sweeps, dispose } = setup();
    sweeps.setDraft({ ...BATCH, x: { ...BATCH.x, start: 0, scale: 'linear' } });
    const s = await sweeps.runDraft();
    expect(s.status).toBe('error');
    expect(s.error).toBe('x.start: scenario.batch_size must be an integer ≥ 1 (got 0)');
    expect(sweeps.specs()).toEqual([]);
    dispose();
  });

  it('cancel stops a running sweep; the graph keeps its inputs', async () => {
    const { sweeps, store, dispose } = setup({ budgetMs: 0.001 });
    store.setInput('scenario.batch_size', 3);
    sweeps.setDraft({ x: { cell: 'scenario.batch_size', start: 1, stop: 4096, points: 400, scale: 'log' }, outputs: ['performance.latency'] });
    const run = sweeps.runDraft();
    expect(sweeps.state().status).toBe('running');
    sweeps.cancel();
    const s = await run;
    expect(s.status).toBe('cancelled');
    expect(s.progress).toBeLessThan(1);
    expect(s.result).toBeUndefined();
    expect(store.built().graph.rawInput('scenario.batch_size')).toBe(3);
    expect(store.built().graph.get('performance.latency')).toEqual(expected('H100', { 'scenario.batch_size': 3 }, 'performance.latency'));
    dispose();
  });

  it('setSpecs replaces the specs, selects the first and cancels a running sweep', async () => {
    const { sweeps, dispose } = setup({ budgetMs: 0.001 });
    sweeps.setDraft({ x: { cell: 'scenario.batch_size', start: 1, stop: 4096, points: 400, scale: 'log' }, outputs: ['performance.latency'] });
    const run = sweeps.runDraft();
    const other: ScenarioSweep = { x: { cell: 'scenario.context_len', start: 512, stop: 4096, points: 4, scale: 'log' }, outputs: ['performance.latency'] };
    sweeps.setSpecs([other, BATCH]);
    await run;
    expect(sweeps.specs()).toEqual([other, BATCH]);
    expect(sweeps.selected()).toBe(0);
    expect(sweeps.draft()).toEqual(other);
    expect(sweeps.state().status).toBe('idle');
    const s = await sweeps.rerun();
    expect(s.result!.plan.x.cell).toBe('scenario.context_len');
    sweeps.remove(0);
    expect(sweeps.specs()).toEqual([BATCH]);
    expect(sweeps.selected()).toBeUndefined();
    dispose();
  });

  it('an edit of the scenario re-runs a small sweep with the new values', async () => {
    const { sweeps, store, dispose } = setup();
    sweeps.setDraft(BATCH);
    await sweeps.runDraft();
    store.setInput('scenario.context_len', 4096);
    await settle();
    await settle();
    const s = sweeps.state();
    expect(s.status).toBe('done');
    expect(s.stale).toBe(false);
    expect(s.result!.cells[3][0][0]).toEqual(expected('H100', { 'scenario.context_len': 4096, 'scenario.batch_size': 8 }, 'performance.latency'));
    dispose();
  });

  it('a large sweep is marked stale after an edit instead, and a rebuild re-plans on the new graph', async () => {
    const { sweeps, store, dispose } = setup({ autoRerunPoints: 2 });
    sweeps.setDraft(BATCH);
    await sweeps.runDraft();
    store.setInput('scenario.context_len', 4096);
    await settle();
    expect(sweeps.state().status).toBe('done');
    expect(sweeps.state().stale).toBe(true);
    const s = await sweeps.rerun();
    expect(s.stale).toBe(false);
    store.choose({ hardware: 'A100' });
    await settle();
    expect(sweeps.state().stale).toBe(true);
    const again = await sweeps.rerun();
    expect(again.result!.cells[0][0][0]).toEqual(expected('A100', { 'scenario.context_len': 4096, 'scenario.batch_size': 1 }, 'performance.latency'));
    dispose();
  });
});
