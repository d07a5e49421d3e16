/**
 * Every change is a traced change: a picker switch rebuilds the graph, and the trace is the
 * difference of the two evaluations by cell id (store/rebuild-trace.ts), headed by its cause;
 * undo and redo are traced the same way; the trace replays step by step (store/replay.ts).
 */
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { type CellValue, okValue, errValue } from '../../src/graph/index.js';
import { diffEvaluations } from '../../src/ui/store/rebuild-trace.js';
import { changeSize, orderTrace } from '../../src/ui/store/trace-order.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

/** g/kWh → the engine's SI g/J (1 kWh = 3.6 MJ). */
const perKwh = (g: number) => g / 3.6e6;
const num = (v: CellValue | undefined) => (v?.ok && typeof v.value === 'number' ? v.value : NaN);

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function store(): ScenarioStore {
  return createRoot((d) => {
    const s = createScenarioStore();
    dispose = () => {
      s.dispose();
      d();
    };
    return s;
  });
}

describe('diffEvaluations(before, after)', () => {
  it('lists cells in both whose value differs, and the cells only in one side as appeared / removed', () => {
    const before = new Map<string, CellValue>([
      ['a', okValue(1)], ['b', okValue(2)], ['gone', okValue(3)], ['e', errValue('invalid_input', 'bad', 'e')],
    ]);
    const after = new Map<string, CellValue>([
      ['a', okValue(1)], ['b', okValue(4)], ['e', errValue('invalid_input', 'bad', 'e')], ['new', okValue(5)],
    ]);
    const d = diffEvaluations(before, after);
    expect(d.changed.map((c) => [c.id, num(c.before), num(c.after)])).toEqual([['b', 2, 4]]);
    expect(d.appeared).toEqual(['new']);
    expect(d.removed).toEqual(['gone']);
  });
});

describe('a picker switch is traced', () => {
  it('region US_Avg → Quebec: the grid cells change old → new from the catalogue, headed by the switch', () => {
    const s = store();
    s.choose({ region: 'Quebec' });
    const t = s.workbench().trace()!;
    expect(t.cause).toBe('Grid region: US_Avg → Quebec');
    const entry = (id: string) => t.entries.find((e) => e.id === id);
    // Catalogue grids: US_Avg 366 g/kWh (U.S. EIA 2023), Quebec 20 g/kWh (Hydro-Québec); PUE 1.12 → 1.06.
    const carbon = entry('infra.carbon_intensity')!;
    expect(num(carbon.before)).toBeCloseTo(perKwh(366), 15);
    expect(num(carbon.after)).toBeCloseTo(perKwh(20), 15);
    expect(carbon.step).toBe(0);
    expect(num(entry('infra.pue')!.before)).toBe(1.12);
    expect(num(entry('infra.pue')!.after)).toBe(1.06);
    // The same cells exist in both graphs: nothing appeared or was removed.
    expect(t.appeared).toEqual([]);
    expect(t.removed).toEqual([]);
    // The switch changed no model or device figure.
    expect(entry('workload.params')).toBeUndefined();
    expect(entry('hardware.memory_bandwidth')).toBeUndefined();
    // The changed cells are lit until the next change.
    expect(s.workbench().lit('infra.carbon_intensity')?.step).toBe(0);
  });

  it('a fleet written as a map (the inverse panel\'s "GPUs needed") heads its trace with the system change', () => {
    const s = store();
    s.choose({ mode: 'inference', extras: { fleet: { node_count: 1, accelerators_per_node: 2 } } });
    const t = s.workbench().trace()!;
    expect(t.cause).toBe('System: one device → 2 × H100');
  });

  it('undo and redo of the switch are traced back and forth', () => {
    const s = store();
    s.choose({ region: 'Quebec' });
    s.undo();
    let t = s.workbench().trace()!;
    expect(t.cause).toBe('Undo: Grid region: Quebec → US_Avg');
    let carbon = t.entries.find((e) => e.id === 'infra.carbon_intensity')!;
    expect(num(carbon.before)).toBeCloseTo(perKwh(20), 15);
    expect(num(carbon.after)).toBeCloseTo(perKwh(366), 15);
    s.redo();
    t = s.workbench().trace()!;
    expect(t.cause).toBe('Redo: Grid region: US_Avg → Quebec');
    carbon = t.entries.find((e) => e.id === 'infra.carbon_intensity')!;
    expect(num(carbon.after)).toBeCloseTo(perKwh(20), 15);
  });

  it('the undo of a hand edit is traced with its cause', () => {
    const s = store();
    s.workbench().commitInput('scenario.batch_size', '4');
    s.undo();
    const t = s.workbench().trace()!;
    expect(t.cause).toBe('Undo: Batch size');
    const batch = t.entries.find((e) => e.id === 'scenario.batch_size')!;
    expect([num(batch.before), num(batch.after)]).toEqual([4, 1]);
  });

  it('a mode switch lists the cells that appeared and were removed, and traces only the cells in both', () => {
    const s = store();
    const before = new Set(s.built().graph.topology.ids);
    s.choose({ mode: 'training' });
    const after = new Set(s.built().graph.topology.ids);
    const t = s.workbench().trace()!;
    expect(t.cause).toBe('Mode: inference → training');
    expect(t.appeared).toEqual([...after].filter((id) => !before.has(id)));
    expect(t.removed).toEqual([...before].filter((id) => !after.has(id)));
    expect(t.appeared!.length + t.removed!.length).toBeGreaterThan(0);
    expect(t.entries.every((e) => before.has(e.id) && after.has(e.id))).toBe(true);
  });

  it('replays the trace step by step, upstream to downstream, then shows it whole', () => {
    const s = store();
    s.choose({ region: 'Quebec' });
    const wb = s.workbench();
    const t = wb.trace()!;
    const last = Math.max(...t.entries.map((e) => e.step));
    expect(wb.replay.lastStep()).toBe(last);
    expect(last).toBeGreaterThan(0);
    wb.replay.next();
    expect(wb.replay.step()).toBe(0);
    const downstream = t.entries.find((e) => e.step === last)!;
    expect(wb.lit('infra.carbon_intensity')).toBeDefined();
    expect(wb.lit(downstream.id)).toBeUndefined();
    for (let i = 0; i < last; i++) wb.replay.next();
    expect(wb.replay.step()).toBe(last);
    expect(wb.lit(downstream.id)).toBeDefined();
    wb.replay.next();
    expect(wb.replay.step()).toBeUndefined();
    expect(t.entries.every((e) => wb.lit(e.id) !== undefined)).toBe(true);
  });
});

describe('the trace panel order', () => {
  const change = (id: string, a: number | boolean, b: number | boolean, step = 1) => ({ id, before: okValue(a), after: okValue(b), step });

  it('changeSize is |ln(new / old)|; a verdict, a sign change or a change from 0 is the largest', () => {
    expect(changeSize(change('x', 2, 4))).toBeCloseTo(Math.LN2, 6);
    expect(changeSize(change('x', 4, 2))).toBeCloseTo(Math.LN2, 6);
    expect(changeSize(change('x', 0, 1))).toBe(Infinity);
    expect(changeSize(change('x', -1, 1))).toBe(Infinity);
    expect(changeSize(change('x', true, false))).toBe(Infinity);
  });

  it('groups by wall, the largest change first, within and among groups', () => {
    const defs: Record<string, { id: string; wall?: number }> = {
      'compute.a': { id: 'compute.a', wall: 1 }, 'compute.b': { id: 'compute.b', wall: 1 },
      'memory.c': { id: 'memory.c', wall: 2 }, 'infra.d': { id: 'infra.d' },
    };
    const entries = [change('infra.d', 1, 1.1, 0), change('compute.a', 1, 1.5), change('compute.b', 1, 3), change('memory.c', 1, 2)];
    const rows = orderTrace(entries, (id) => defs[id] as never);
    // Sizes: d ln 1.1 = 0.095, a ln 1.5 = 0.405, b ln 3 = 1.099, c ln 2 = 0.693.
    expect(rows.map((r) => [r.entry.id, r.group])).toEqual([
      ['compute.b', '1 · Compute'], ['compute.a', undefined], ['memory.c', '2 · Memory'], ['infra.d', 'Grid'],
    ]);
  });
});
