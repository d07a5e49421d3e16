import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { systemLayer } from '../../../src/nodes/fleet/communication.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context, DGX_H100_128, LLAMA3_8B, ONE_DEVICE } from '../fixtures.js';
import { valueOf } from './graph.js';

describe('layer D: the system (fleet shape)', () => {
  it('takes its defaults from the fleet: 128 nodes × 8 GPUs = 1024, 8 NICs at 50 GB/s → 50 GB/s per GPU', () => {
    const defs = systemLayer(context('training', LLAMA3_8B, undefined, DGX_H100_128));
    const g = standaloneGraph(defs, {});
    expect(valueOf(g, 'communication.num_devices')).toBe(1024);
    expect(valueOf(g, 'communication.net_bandwidth_per_gpu')).toBe(50e9);
    expect(g.provenance('communication.num_nodes')).toBe('catalogue');
    g.set('communication.oversubscription', 2);
    expect(valueOf(g, 'communication.net_bandwidth_per_gpu')).toBe(25e9); // n_nic·β_f/(g·o)
  });

  it('one device: 1 × 1, one NIC, no fabric figure, α_f 5 µs from §1.5', () => {
    const g = standaloneGraph(systemLayer(context('inference', LLAMA3_8B, undefined, ONE_DEVICE)), {});
    expect(valueOf(g, 'communication.num_devices')).toBe(1);
    expect(valueOf(g, 'communication.nics_per_node')).toBe(1);
    expect(valueOf(g, 'communication.fabric_bandwidth')).toBe(null);
    expect(valueOf(g, 'communication.net_bandwidth_per_gpu')).toBe(null);
    expect(valueOf(g, 'communication.fabric_latency')).toBe(5e-6);
    expect(g.provenance('communication.num_nodes')).toBe('default');
  });

  it('exists in every mode and refuses a fractional node count', () => {
    for (const mode of ['inference', 'serving', 'training'] as const) {
      expect(systemLayer(context(mode)).map((d) => d.id)).toContain('communication.num_nodes');
    }
    const g = standaloneGraph(systemLayer(context('training')), {});
    expect(g.set('communication.num_nodes', 1.5).message).toContain('communication.num_nodes must be an integer ≥ 1');
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(systemLayer(context('training', LLAMA3_8B, undefined, DGX_H100_128)))).toEqual([]);
  });
});
