import { createEffect, createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveGraph } from '../../src/graph/index.js';
import { rooflineExample } from './roofline-fixture.js';
import { createWorkbenchStore, type WorkbenchStore } from '../../src/ui/store/index.js';

let graph: LiveGraph;
let store: WorkbenchStore;

beforeEach(() => {
  vi.useFakeTimers();
  graph = new LiveGraph(rooflineExample.cells);
  store = createWorkbenchStore(graph, { highlightMs: 1000 });
});

afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

const latencyMs = () => {
  const v = store.value('compute.latency');
  return v.ok ? (v.value as number) * 1e3 : undefined;
};

describe('the workbench store', () => {
  it('value(id) follows edits of the graph', () => {
    expect(latencyMs()).toBeCloseTo(5.106, 3);
    graph.set('hardware.memory_bandwidth', 2e12);
    expect(latencyMs()).toBeCloseTo(8.33, 9);
  });

  it('commitInput(id, text) parses units and re-evaluates only the downstream cone', () => {
    graph.resetEvaluationCounts();
    expect(store.commitInput('hardware.memory_bandwidth', '2 TB/s')).toEqual({ accepted: true });
    expect(latencyMs()).toBeCloseTo(8.33, 9);
    expect(store.inputText('hardware.memory_bandwidth')).toBe('2 TB/s');
    expect(graph.evaluations('compute.t_memory')).toBe(1);
    expect(graph.evaluations('compute.t_compute')).toBe(0);
  });

  it('commitInput(id, text) traces the changed cells with their step along the path', () => {
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    const steps = Object.fromEntries(store.trace()!.entries.map((e) => [e.id, e.step]));
    expect(steps).toEqual({
      'hardware.memory_bandwidth': 0,
      'compute.t_memory': 1,
      'compute.ridge_point': 1,
      'compute.latency': 2,
      'compute.mfu': 3,
    });
    expect(store.lit('compute.latency')?.step).toBe(2);
    expect(store.lit('compute.t_compute')).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(store.lit('compute.latency')).toBeUndefined();
    expect(store.trace()!.entries).toHaveLength(5);
  });

  it('commitInput(id, text) with the text already shown is no edit (Enter, then blur)', () => {
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    const first = store.trace();
    store.commitInput('hardware.memory_bandwidth', '2 TB/s ');
    expect(store.trace()).toBe(first);
  });

  it('text that does not parse is refused and the graph keeps its value', () => {
    const out = store.commitInput('hardware.memory_bandwidth', '3 ms');
    expect(out.accepted).toBe(false);
    expect(out.message).toMatch(/hardware\.memory_bandwidth: "3 ms" has unit ms/);
    expect(store.inputProblem('hardware.memory_bandwidth')).toBe(out.message);
    expect(store.inputText('hardware.memory_bandwidth')).toBe('3 ms');
    expect(latencyMs()).toBeCloseTo(5.106, 3);
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    expect(store.inputProblem('hardware.memory_bandwidth')).toBeUndefined();
  });

  it('a value outside the domain marks the input and blocks its downstream cone only', () => {
    const out = store.commitInput('scenario.efficiency', '1.5');
    expect(out).toEqual({ accepted: false, message: 'scenario.efficiency must be a number in (0, 1] (got 1.5)' });
    expect(store.value('scenario.efficiency').ok).toBe(false);
    const latency = store.value('compute.latency');
    expect(latency.ok ? '' : latency.error.message).toBe('blocked by scenario.efficiency: scenario.efficiency must be a number in (0, 1] (got 1.5)');
    expect(store.value('compute.t_memory').ok).toBe(true);
  });

  it('relation(id) tells the selected cell, its upstream and its downstream cones', () => {
    store.select('compute.t_memory');
    expect(store.relation('compute.t_memory')).toBe('selected');
    expect(store.relation('hardware.memory_bandwidth')).toBe('upstream');
    expect(store.relation('compute.latency')).toBe('downstream');
    expect(store.relation('compute.t_compute')).toBeUndefined();
  });

  it('reset() brings back every default and clears the trace', () => {
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    store.commitInput('scenario.efficiency', 'x');
    store.reset();
    expect(latencyMs()).toBeCloseTo(5.106, 3);
    expect(store.inputText('hardware.memory_bandwidth')).toBe('3.35 TB/s');
    expect(store.inputProblem('scenario.efficiency')).toBeUndefined();
    expect(store.trace()).toBeUndefined();
  });

  it('isLit(id) wakes its readers when the light goes on or off, not with each edit of a drag', () => {
    let runs = 0;
    const dispose = createRoot((d) => {
      createEffect(() => { store.isLit('compute.latency'); runs++; });
      return d;
    });
    expect(runs).toBe(1);
    const at0 = latencyMs();
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    store.commitInput('hardware.memory_bandwidth', '1 TB/s');
    store.commitInput('hardware.memory_bandwidth', '1.5 TB/s');
    expect(store.isLit('compute.latency')).toBe(true);
    expect(runs).toBe(2);
    // The entry follows every edit of the drag, old being the value before the drag began
    // (t_mem = 16 GB / BW: 3.35 TB/s → 1.5 TB/s adds 16/1.5 − 16/3.35 ms).
    const entry = store.lit('compute.latency')!;
    expect(entry.before.ok && (entry.before.value as number) * 1e3).toBeCloseTo(at0!, 9);
    expect(latencyMs()! - at0!).toBeCloseTo(16 / 1.5 - 16 / 3.35, 3);
    vi.advanceTimersByTime(1000);
    expect(store.isLit('compute.latency')).toBe(false);
    expect(runs).toBe(3);
    dispose();
  });

  it('busy() is on from the second edit of a burst until the edits pause for 200 ms', () => {
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    expect(store.busy()).toBe(false);
    vi.advanceTimersByTime(150);
    store.commitInput('hardware.memory_bandwidth', '1 TB/s');
    expect(store.busy()).toBe(true);
    vi.advanceTimersByTime(199);
    expect(store.busy()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(store.busy()).toBe(false);
    store.commitInput('hardware.memory_bandwidth', '3 TB/s');
    expect(store.busy()).toBe(false);
  });

  it('a drag of one input is one trace, from where the drag began; after a pause the next edit starts anew', () => {
    const rows = () => new Map(store.trace()!.entries.map((e) => [e.id, e]));
    const ms = (v: { ok: boolean; value?: unknown }) => (v.ok ? (v.value as number) * 1e3 : NaN);
    // Latency = 16 GB / BW + 0.33 ms (memory-bound): 3.35 → 2 → 1 TB/s is 5.106 → 8.33 → 16.33 ms.
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    store.commitInput('hardware.memory_bandwidth', '1 TB/s');
    let latency = rows().get('compute.latency')!;
    expect(ms(latency.before)).toBeCloseTo(16 / 3.35 + 0.33, 3);
    expect(ms(latency.after)).toBeCloseTo(16.33, 9);
    expect(store.trace()!.entries[0].id).toBe('hardware.memory_bandwidth');
    // Back where the drag began: nothing has changed since, so the trace is empty.
    store.commitInput('hardware.memory_bandwidth', '3.35 TB/s');
    expect(store.trace()!.entries).toEqual([]);
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    expect(ms(rows().get('compute.latency')!.before)).toBeCloseTo(16 / 3.35 + 0.33, 3);
    // A pause ends the drag: the next edit's old is the value the drag left (8.33 ms at 2 TB/s).
    vi.advanceTimersByTime(200);
    store.commitInput('hardware.memory_bandwidth', '1 TB/s');
    latency = rows().get('compute.latency')!;
    expect(ms(latency.before)).toBeCloseTo(8.33, 9);
    expect(ms(latency.after)).toBeCloseTo(16.33, 9);
  });

  it('an edit of another input within a burst starts its own trace', () => {
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    store.commitInput('hardware.peak_flops', '500 TFLOP/s');
    const trace = store.trace()!;
    expect(trace.edited).toEqual(['hardware.peak_flops']);
    expect(trace.entries.map((e) => e.id)).not.toContain('hardware.memory_bandwidth');
  });

  it('the highlight lasts highlightMs after the last edit of a burst', () => {
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    vi.advanceTimersByTime(600);
    store.commitInput('hardware.memory_bandwidth', '1 TB/s');
    vi.advanceTimersByTime(400);
    expect(store.lit('compute.latency')).toBeDefined();
    vi.advanceTimersByTime(599);
    expect(store.lit('compute.latency')).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(store.lit('compute.latency')).toBeUndefined();
  });

  it('by default the highlight stays until the next change (a lecture talks over it)', () => {
    const lasting = createWorkbenchStore(new LiveGraph(rooflineExample.cells));
    lasting.commitInput('hardware.memory_bandwidth', '2 TB/s');
    vi.advanceTimersByTime(10 * 60_000);
    expect(lasting.lit('compute.latency')).toBeDefined();
    lasting.commitInput('scenario.efficiency', '0.4');
    expect(lasting.lit('compute.t_memory')).toBeUndefined();
    expect(lasting.lit('compute.t_compute')).toBeDefined();
    lasting.dispose();
  });

  it('an edit of one input does not wake the editors of the others', () => {
    let runs = 0;
    const dispose = createRoot((d) => {
      createEffect(() => { store.inputText('scenario.efficiency'); store.inputProblem('scenario.efficiency'); runs++; });
      return d;
    });
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    store.commitInput('hardware.memory_bandwidth', 'not a value');
    expect(runs).toBe(1);
    store.commitInput('scenario.efficiency', '0.4');
    expect(runs).toBe(2);
    expect(store.inputText('scenario.efficiency')).toBe('0.4');
    dispose();
  });
});
