/**
 * A fleet described without a node takes its NICs and PSUs per node from the device's
 * catalogue node (DGX H100: 8 ConnectX-7 400 Gb/s NICs, 6 PSUs; catalog.json
 * systems.nodes[DGX_H100]) and says so; a device without a catalogue node keeps physics.md
 * §8.1's 1 NIC per node and says that too.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';

const plan = (hw: string) => [
  'version: "1.0"', 'name: fleet', 'workload:', '  name: Llama3_8B', '  batch_size: 8',
  'hardware:', `  name: ${hw}`, '  accelerators: 64',
].join('\n');

describe('a fleet without a node', () => {
  it('a plan with accelerators: 64 of H100 gets 8 NICs per node (DGX_H100) and a warning', () => {
    const { scenario, warnings: planWarnings } = loadPlanText(plan('H100'));
    const r = evaluate(scenario);
    expect(r.built.graph.value('communication.gpus_per_node')).toBe(8);
    expect(r.built.graph.value('communication.nics_per_node')).toBe(8);
    const all = [...planWarnings, ...r.warnings];
    expect(all.some((w) => w.includes('DGX_H100') && w.includes('8 NICs'))).toBe(true);
  });

  it('a scenario system {node_count: 8, accelerators_per_node: 8} of H100 gets DGX_H100\'s 8 NICs and 6 PSUs, said', () => {
    const r = evaluate({ model: 'Llama3_8B', hardware: 'H100', system: { node_count: 8, accelerators_per_node: 8 } });
    expect(r.built.graph.value('communication.nics_per_node')).toBe(8);
    expect(r.built.graph.value('fragility.psus_per_node')).toBe(6);
    expect(r.warnings.some((w) => w.includes('DGX_H100') && w.includes('8 NICs'))).toBe(true);
  });

  it('a device with no catalogue node (T4) keeps 1 NIC per node with a warning that says so', () => {
    const r = evaluate({ model: 'Llama3_8B', hardware: 'T4', system: { node_count: 8, accelerators_per_node: 8 } });
    expect(r.built.graph.value('communication.nics_per_node')).toBe(1);
    expect(r.warnings.some((w) => w.includes('T4') && w.includes('no catalogue node') && w.includes('1 NIC'))).toBe(true);
  });

  it('nics_per_node given by the user is kept without a guess', () => {
    const r = evaluate({ model: 'Llama3_8B', hardware: 'H100', system: { node_count: 8, accelerators_per_node: 8, nics_per_node: 4 } });
    expect(r.built.graph.value('communication.nics_per_node')).toBe(4);
    expect(r.warnings.some((w) => w.includes('NIC'))).toBe(false);
  });
});
