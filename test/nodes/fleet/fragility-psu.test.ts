/**
 * Wall 15's power supplies: the count per node comes from the node's catalogue entry when it
 * lists one (DGX H100: 6), else a sourced typical server arrangement, 2 PSUs in 1+1 redundancy,
 * said in a warning; a node needs ⌈n/2⌉ of its n PSUs (N+N) unless fragility.psus_required is set,
 * said too. With a spare left a single PSU failure does not stop the node (first order), so the
 * PSU term of λ_n is 0; with none left each PSU is a series failure point (n/MTTF_psu).
 *
 * Hand values: the Llama 3 root-cause table gives, for a server of 8 GPUs and 8 NICs,
 * λ_n = (8·268 + 8·7)/GPU-hours + (46 + 35 + 63)/node-hours = (275 + 144)/2,654,208 = 419/2,654,208 per hour
 * (GPU-hours = 8 × node-hours); one PSU with no spare adds 1/100,000 h (the §1.5 PSU MTTF).
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import type { FleetSpec } from '../../../src/nodes/context.js';
import { expectClose } from '../../helpers/golden.js';
import { context, H100, LLAMA3_8B } from '../fixtures.js';
import { numberOf, wallsOnlyGraph } from './graph.js';

const HOUR = 3600;
const NODE_HOURS = 2048 * 54 * 24;
const NO_PSU_TERM = 419 / NODE_HOURS; // per hour

/** Wall 15 on one 8-GPU node, workload values as stand-ins. */
function graph(fleet: FleetSpec, values: Record<string, Plain> = {}): LiveGraph {
  return wallsOnlyGraph(context('training', LLAMA3_8B, H100, fleet), { 'workload.params': 8.03e9, 'software.efficiency_effective': 0.5 },
    { 'fragility.checkpoint_time': 60, 'fragility.nics_per_node': 8, 'fragility.gpus_per_node': 8, ...values });
}
const warningsOf = (g: LiveGraph, id: string): string => {
  const v = g.get(id);
  return v.ok ? v.warnings.join(' | ') : `error: ${v.error.message}`;
};

describe('wall 15: power supplies per node', () => {
  it('a node whose catalogue entry lists its PSUs (DGX H100: 6) uses that count, unwarned', () => {
    const g = graph({ num_nodes: 1, gpus_per_node: 8, nics_per_node: 8, psus_per_node: 6, id: 'DGX_H100' });
    expect(numberOf(g, 'fragility.psus_per_node')).toBe(6);
    expect(numberOf(g, 'fragility.psus_per_node_effective')).toBe(6);
    expect(warningsOf(g, 'fragility.psus_per_node_effective')).toBe('');
  });

  it('a node with no PSU count takes 2 PSUs in 1+1 redundancy, says so with its source, and the PSU term is 0', () => {
    const g = graph({ num_nodes: 1, gpus_per_node: 8 });
    expect(g.get('fragility.psus_per_node')).toMatchObject({ ok: true, value: null });
    expect(numberOf(g, 'fragility.psus_per_node_effective')).toBe(2);
    expect(warningsOf(g, 'fragility.psus_per_node_effective')).toMatch(/^no node with a PSU count is named: 2 PSUs in 1\+1 redundancy .*fragility\.psus_per_node/);
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, NO_PSU_TERM, 1e-12, 'λ_n');
    const kempner = graph({ num_nodes: 1, gpus_per_node: 4, id: 'Kempner_H100_4GPU' });
    expect(warningsOf(kempner, 'fragility.psus_per_node_effective')).toMatch(/^Kempner_H100_4GPU lists no PSU count: 2 PSUs/);
  });

  it('the N+N share a node needs is said when fragility.psus_required is unset, and not when it is set', () => {
    const g = graph({ num_nodes: 1, gpus_per_node: 8, psus_per_node: 6 });
    expect(warningsOf(g, 'fragility.node_failure_rate')).toMatch(/needs 3 of its 6 PSUs.*fragility\.psus_required/);
    g.set('fragility.psus_required', 4);
    expect(warningsOf(g, 'fragility.node_failure_rate')).toBe('');
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, NO_PSU_TERM, 1e-12, 'λ_n, 4 + 2');
  });

  it('a count the user sets is used unwarned: one PSU, no spare, adds 1/MTTF_psu', () => {
    const g = graph({ num_nodes: 1, gpus_per_node: 8 }, { 'fragility.psus_per_node': 1 });
    expect(numberOf(g, 'fragility.psus_per_node_effective')).toBe(1);
    expect(warningsOf(g, 'fragility.psus_per_node_effective')).toBe('');
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, NO_PSU_TERM + 1 / 100_000, 1e-12, 'λ_n + PSU');
  });
});

describe('wall 15: the checkpoint time outside training', () => {
  const ops = { ...context('inference', LLAMA3_8B, H100, { num_nodes: 1, gpus_per_node: 8, psus_per_node: 6 }), ops: true };
  const g = () => wallsOnlyGraph(ops, { 'workload.params': 8.03e9, 'capital.duration': 86_400 });

  it('with wall 19 inactive δ is §1.5\'s 60 s, said; a δ set is used unwarned', () => {
    const x = g();
    expect(numberOf(x, 'fragility.checkpoint_time_effective')).toBe(60);
    expect(warningsOf(x, 'fragility.checkpoint_time_effective')).toMatch(/60 s .*fragility\.checkpoint_time/);
    x.set('fragility.checkpoint_time', 30);
    expect(numberOf(x, 'fragility.checkpoint_time_effective')).toBe(30);
    expect(warningsOf(x, 'fragility.checkpoint_time_effective')).toBe('');
  });
});
