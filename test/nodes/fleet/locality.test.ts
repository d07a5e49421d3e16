import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { averageHops, bisectionFraction, localityWall } from '../../../src/nodes/fleet/locality.js';
import { systemLayer } from '../../../src/nodes/fleet/communication.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context, DGX_H100_128, LLAMA3_8B } from '../fixtures.js';
import { fleetGraph, valueOf } from './graph.js';

const ctx = context('inference', LLAMA3_8B, undefined, DGX_H100_128);
const defs = [...systemLayer(ctx), ...localityWall(ctx)];

describe('wall 10: locality', () => {
  it('ref.topology_bisection_fractions: 64 nodes, B_node = 50 GB/s, o = 1', () => {
    const c = goldenCase('ref.topology_bisection_fractions');
    const i = c.inputs as { num_nodes: number; node_injection_bandwidth_B_per_s: number; oversubscription: number };
    // B_node = n_nic · β_f: one NIC at 50 GB/s
    const g = standaloneGraph(defs, {
      'communication.num_nodes': i.num_nodes, 'communication.nics_per_node': 1,
      'communication.fabric_bandwidth': i.node_injection_bandwidth_B_per_s, 'communication.oversubscription': i.oversubscription,
    });
    for (const [key, want] of Object.entries(c.expected)) {
      const m = /^(locality\.[a-z_]+)\[([a-z_0-9]+)\]$/.exec(key)!;
      g.set('locality.topology', m[2]);
      expectClose(valueOf(g, m[1]), want, c.tolerance_rel, key);
    }
  });

  it('derives ring and torus fractions and hops (§13.29: 4/N, 4/√N, 4/∛N)', () => {
    expect(bisectionFraction('ring', 64)).toBe(4 / 64);
    expect(bisectionFraction('ring', 2)).toBe(1);
    expect(bisectionFraction('torus_2d', 64)).toBe(0.5);
    expectClose(bisectionFraction('torus_3d', 64), 1, 1e-15);
    expectClose(bisectionFraction('torus_3d', 512), 0.5, 1e-15);
    expect(averageHops('ring', 64)).toBe(16);
    expect(averageHops('torus_2d', 64)).toBe(4);
    expect(averageHops('dragonfly', 64)).toBe(3);
  });

  it('is active for two or more nodes; warns when β_b/o < 0.5, never fails', () => {
    const g = fleetGraph(ctx);
    expect(valueOf(g, 'locality.active')).toBe(true);
    expect(valueOf(g, 'locality.status')).toBe('PASS');
    g.set('communication.oversubscription', 2.5);
    expect(valueOf(g, 'locality.status')).toBe('WARN');
    expect(valueOf(g, 'locality.status_reason')).toContain('0.400');
    g.setMany({ 'communication.oversubscription': 1, 'locality.topology': 'ring' }); // 4/128
    expect(valueOf(g, 'locality.status')).toBe('WARN');
    g.set('communication.num_nodes', 1);
    expect(valueOf(g, 'locality.active')).toBe(false);
  });

  it('derates wall 14 all-to-all bandwidth by the topology factor when active', () => {
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, DGX_H100_128), { 'communication.seq_len': 2048, 'locality.topology': 'torus_2d' });
    // β_net = 8·50e9/8 = 50e9; torus_2d at 128 nodes: 4/√128
    expectClose(valueOf(g, 'communication.all_to_all_bandwidth_per_gpu'), 50e9 * (4 / Math.sqrt(128)), 1e-12);
    g.set('communication.num_nodes', 1);
    expect(valueOf(g, 'communication.all_to_all_bandwidth_per_gpu')).toBe(50e9);
  });

  it('a fleet without a fabric figure reports missing_data on the bandwidths only', () => {
    const g = fleetGraph(context('inference', LLAMA3_8B, undefined, { num_nodes: 2, gpus_per_node: 8 }));
    const v = g.get('locality.bisection_bandwidth');
    expect(!v.ok && v.error.kind).toBe('upstream');
    expect(!v.ok && v.error.root).toBe('locality.node_injection_bandwidth');
    expect(valueOf(g, 'locality.status')).toBe('PASS');
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(defs, { 'locality.topology': 'torus_3d' })).toEqual([]);
  });
});
