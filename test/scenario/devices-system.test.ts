/** N devices of one kind as a system (devices-system.ts), and the library's gpus/tp fields. */
import { describe, expect, it } from 'vitest';
import { ScenarioInputError, SystemEvaluator } from '../../src/scenario/index.js';
import { systemOfDevices } from '../../src/scenario/devices-system.js';

describe('systemOfDevices', () => {
  it('whole DGX_H100 nodes of 8, a partial node below 8, none for one device', () => {
    expect(systemOfDevices('H100', 16, true)).toEqual({ ok: true, system: { node_count: 2, accelerators_per_node: 8, node: 'DGX_H100' } });
    expect(systemOfDevices('H100', 2, true)).toEqual({ ok: true, system: { node_count: 1, accelerators_per_node: 2, node: 'DGX_H100' } });
    expect(systemOfDevices('H100', 1, true)).toEqual({ ok: true });
  });

  it('refuses a count that is not a whole number of nodes, never rounds it', () => {
    const r = systemOfDevices('H100', 12, true);
    expect(r).toEqual({ ok: false, problem: '12 is not a whole number of DGX_H100 nodes (8 H100 each); use a multiple of 8' });
  });

  it('a device without a catalogue node is one node of N, said', () => {
    const r = systemOfDevices('TPUv5p', 4, true);
    expect(r.ok && r.system).toEqual({ node_count: 1, accelerators_per_node: 4 });
    expect(r.ok && r.warning).toContain('no catalogue node is built from TPUv5p');
  });
});

describe('SystemEvaluator gpus and tp (the CLI\'s --gpus and --tp)', () => {
  const pinned = { 'scenario.bandwidth_efficiency': 1, 'scenario.layer_tax': 10e-6 };

  it('Llama3_70B on 8 H100 at TP 8: the hand-derived ITL of test/fixtures/parallel', () => {
    const r = SystemEvaluator.evaluate({
      model: 'Llama3_70B', hardware: 'H100', gpus: 8, tp: 8, mode: 'serving', precision: 'fp16', efficiency: 0.5, overrides: pinned,
    });
    expect(r.value('serving.itl')).toBeCloseTo(7.233891826e-3, 11);
    expect(r.value('communication.replicas')).toBe(1);
  });

  it('gpus with a system, or a count that is not whole nodes, is bad input naming gpus', () => {
    expect(() => SystemEvaluator.evaluate({ model: 'Llama3_70B', hardware: 'H100', gpus: 8, system: 'DGX_H100' })).toThrow(ScenarioInputError);
    expect(() => SystemEvaluator.evaluate({ model: 'Llama3_70B', hardware: 'H100', gpus: 12 })).toThrow(/gpus.*12 is not a whole number/);
  });
});
