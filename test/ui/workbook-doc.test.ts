import { describe, expect, it } from 'vitest';
import { buildScenario, type Scenario, type Workbook, workbookSchema } from '../../src/scenario/index.js';
import {
  addScenario, createScenarioStore, deleteScenario, fromScenario, newWorkbook, renameScenario, sweepSpecs, toScenarioDocument,
  toScenario, withChoice, withScenarioDoc, withSweeps,
} from '../../src/ui/store/index.js';

const T = '2025-01-01T00:00:00.000Z';
const SWEEP = { x: { cell: 'scenario.batch_size', start: 1, stop: 8, points: 4, scale: 'log' as const }, outputs: ['performance.latency'] };

/** A document using every field the controls do not edit. */
const RICH: Scenario = {
  name: 'Fleet run', description: 'two nodes', model: 'Llama3_8B', hardware: 'H100',
  system: { node_count: 2, accelerators_per_node: 8 }, region: 'Quebec', mode: 'training', ops: {}, layout: 'auto',
  overrides: { 'scenario.batch_size': 64 }, asserts: [{ metric: 'performance.latency', max: 5000 }], sweeps: [SWEEP],
};

describe('ScenarioDesc ↔ Scenario document', () => {
  it('a document goes to the store and back unchanged (name, fleet map, ops {}, layout, asserts, sweeps)', () => {
    expect(toScenarioDocument(fromScenario(RICH))).toEqual(RICH);
    const plain: Scenario = { model: 'Llama3_8B', hardware: 'H100', system: 'DGX_H100', ops: { duration_days: 14 } };
    expect(toScenarioDocument(fromScenario(plain))).toEqual(plain);
    expect(fromScenario(plain)).toEqual({ model: 'Llama3_8B', hardware: 'H100', system: 'DGX_H100', opsDays: 14, overrides: {} });
  });

  it('±∞ overrides are stored as text, which builds back to ∞', () => {
    const doc = toScenarioDocument({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.target_latency': Infinity } });
    expect(doc.overrides).toEqual({ 'scenario.target_latency': 'Infinity' });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(buildScenario(doc).graph.rawInput('scenario.target_latency')).toBe(Infinity);
  });

  it('setting a layout cell turns layout auto into given (the schema refuses both)', () => {
    const doc = toScenarioDocument({ ...fromScenario(RICH), overrides: { 'communication.tp': 2 } });
    expect(doc.layout).toBe('given');
  });

  it('withChoice: a catalogue system replaces the fleet map; a new model drops the old name; ops days replace ops {}', () => {
    const d = fromScenario(RICH);
    expect(toScenario(withChoice(d, { system: 'DGX_H100' })).system).toBe('DGX_H100');
    expect(toScenario(withChoice(d, { system: undefined })).system).toBeUndefined();
    expect(toScenario(withChoice(d, { model: 'Llama3_70B' })).name).toBeUndefined();
    expect(toScenario(withChoice(d, { region: 'Poland' })).name).toBe('Fleet run');
    expect(toScenario(withChoice(d, { opsDays: 3 })).ops).toEqual({ duration_days: 3 });
    expect(toScenario(withChoice(d, { opsDays: undefined })).ops).toBeUndefined();
  });
});

const wb0 = (): Workbook => newWorkbook({ model: 'Llama3_8B', hardware: 'H100' }, { name: 'W', scenarioName: 'A', id: 'w', now: new Date(T) });
const valid = (wb: Workbook) => expect(workbookSchema.safeParse(wb).success).toBe(true);

describe('workbook document edits', () => {
  it('addScenario copies the document and its sweeps under fresh ids; names count up', () => {
    let wb = withSweeps(wb0(), 'scenario-1', [SWEEP]);
    const a = addScenario(wb, 'scenario-1');
    const b = addScenario(a.workbook, 'scenario-1');
    wb = b.workbook;
    valid(wb);
    expect(wb.scenarios.map((s) => [s.id, s.name])).toEqual([['scenario-1', 'A'], ['scenario-3', 'A (copy 2)'], ['scenario-2', 'A (copy)']]);
    expect(wb.sweeps.map((s) => [s.id, s.scenario_id])).toEqual([
      ['scenario-1-sweep-1', 'scenario-1'], ['scenario-2-sweep-1', 'scenario-2'], ['scenario-3-sweep-1', 'scenario-3'],
    ]);
    expect(sweepSpecs(wb, 'scenario-3')).toEqual([SWEEP]);
  });

  it('withSweeps keeps ids by position and returns the same object when nothing changed', () => {
    const one = withSweeps(wb0(), 'scenario-1', [SWEEP]);
    expect(withSweeps(one, 'scenario-1', [{ ...SWEEP }])).toBe(one);
    const two = withSweeps(one, 'scenario-1', [{ ...SWEEP, outputs: ['performance.throughput'] }, SWEEP]);
    expect(two.sweeps.map((s) => s.id)).toEqual(['scenario-1-sweep-1', 'scenario-1-sweep-2']);
    expect(withScenarioDoc(one, 'scenario-1', { hardware: 'H100', model: 'Llama3_8B' })).toBe(one);
  });

  it('deleteScenario moves the active scenario to its neighbour and drops its sweeps; the last one stays', () => {
    const { workbook } = addScenario(withSweeps(wb0(), 'scenario-1', [SWEEP]), 'scenario-1');
    const gone = deleteScenario(workbook, 'scenario-1');
    valid(gone);
    expect(gone.active_scenario_id).toBe('scenario-2');
    expect(gone.sweeps.map((s) => s.scenario_id)).toEqual(['scenario-2']);
    expect(() => deleteScenario(gone, 'scenario-2')).toThrow(/at least one scenario/);
    expect(() => renameScenario(gone, 'scenario-2', 'x'.repeat(201))).toThrow(/a scenario name can have at most 200 characters/);
  });
});

describe('ScenarioStore.load(desc)', () => {
  it('replaces the whole description, overrides included, and starts undo afresh', () => {
    const s = createScenarioStore();
    s.setInput('scenario.batch_size', 4);
    expect(s.canUndo()).toBe(true);
    const r = s.load(fromScenario({ model: 'Llama3_8B', hardware: 'H100', region: 'Quebec', overrides: { 'hardware.memory_bandwidth': '2 TB/s' } }));
    expect(r.ok).toBe(true);
    expect(s.desc().overrides).toEqual({ 'hardware.memory_bandwidth': 2e12 });
    expect(s.desc().region).toBe('Quebec');
    expect(s.built().graph.value('scenario.batch_size')).toBe(1);
    expect(s.canUndo()).toBe(false);
    s.dispose();
  });

  it('a description that cannot be built leaves the current scenario and its undo steps', () => {
    const s = createScenarioStore();
    s.setInput('scenario.batch_size', 4);
    expect(s.load({ model: 'NoSuchModel', hardware: 'H100', overrides: {} }).ok).toBe(false);
    expect(s.built().graph.value('scenario.batch_size')).toBe(4);
    expect(s.canUndo()).toBe(true);
    s.dispose();
  });
});
