/**
 * Wall 8 (Ingestion): demand from the mode's throughput against the storage and host paths.
 *
 *   sample_rate ?? N·compute.throughput ─┐
 *   bytes_per_sample ?? 4·S ─────────────┴► ingest_demand ─┐
 *   N_n·node storage (or filesystem), N·host_link ─► ingest_supply ─┴► ingest_utilization ─► status
 *   node_storage_bandwidth (the node's storage NICs) ?? hardware.storage_bandwidth ─► node storage (shared with wall 19)
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { ingestionCells } from '../../../src/nodes/data/ingestion.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context, RESNET50 } from '../fixtures.js';
import { inferenceDefs, inferenceGraph, numberAt } from '../infra/wall-graphs.js';

/** Stand-ins for the cells wall 8 reads, with the case's figures. */
function caseGraph(inputs: Record<string, unknown>) {
  return standaloneGraph(ingestionCells(context('inference')), {
    // demand = sample_rate · bytes: 100 samples/s · 1e9 B = 1e11 B/s (ref.data_wall_h100_stall)
    'ingestion.sample_rate': 100, 'ingestion.bytes_per_sample': (inputs.ingest_demand_B_per_s as number) / 100,
    'capital.num_devices': inputs.devices as number, 'capital.num_nodes': (inputs.nodes as number | undefined) ?? 1,
    'hardware.storage_bandwidth': inputs.storage_bandwidth_B_per_s as number | null,
    'hardware.host_link_bandwidth': inputs.host_link_bandwidth_B_per_s as number | null,
    'compute.throughput': 1, 'scenario.context_len': 2048,
  });
}

describe('wall 8 golden cases', () => {
  it('ref.data_wall_h100_stall', () => {
    const c = goldenCase('ref.data_wall_h100_stall');
    const g = caseGraph(c.inputs);
    for (const [k, want] of Object.entries(c.expected)) {
      const id = k === 'wall_8_status' ? 'ingestion.status' : k;
      expectClose(g.value(id), want, c.tolerance_rel, k);
    }
  });

  it('ref.data_wall_unknown_path: no supply path is missing_data', () => {
    const c = goldenCase('ref.data_wall_unknown_path');
    const g = caseGraph(c.inputs);
    const v = g.get('ingestion.ingest_supply');
    expect(!v.ok && v.error.kind).toBe(c.expected['ingestion.ingest_supply']);
  });
});

describe('wall 8 wiring', () => {
  it('LM default demand: B/latency·4·S on one H100 (§12.1, B = 1)', () => {
    const g = inferenceGraph({ ...context('inference'), device: { ...context('inference').device, storage_bandwidth: 7e9 } });
    // 1/5.20416 ms = 192.154 sequences/s × 4·2048 B = 1.57413e6 B/s; supply min(7e9, 64e9) = 7e9.
    expectClose(numberAt(g, 'ingestion.ingest_demand'), (1 / 5.20416e-3) * 8192, 1e-5);
    expect(g.value('ingestion.ingest_bottleneck')).toBe('storage');
    expect(g.value('ingestion.active')).toBe(true);
    expect(g.value('ingestion.status')).toBe('PASS');
  });

  it('a filesystem bandwidth replaces the per-node storage path', () => {
    // 4 devices on 2 nodes: storage 2 × 7e9 (per node) against the host links 4 × 64e9.
    const g = caseGraph({ ingest_demand_B_per_s: 1e9, devices: 4, nodes: 2, storage_bandwidth_B_per_s: 7e9, host_link_bandwidth_B_per_s: 64e9 });
    expectClose(g.value('ingestion.ingest_supply'), 14e9, 1e-15);
    g.set('ingestion.filesystem_bandwidth', 1.2e9);
    expectClose(g.value('ingestion.ingest_utilization'), 1e9 / 1.2e9, 1e-12);
    expect(g.value('ingestion.status')).toBe('WARN');
  });

  it('a non-LM has no default bytes per sample: the wall is inactive', () => {
    const g = inferenceGraph(context('inference', RESNET50));
    expect(g.value('ingestion.active')).toBe(false);
    const v = g.get('ingestion.ingest_demand');
    expect(!v.ok && v.error.kind).toBe('missing_data');
  });

  it('training reads wall 14 samples_per_second and seq_len', () => {
    const g = standaloneGraph(ingestionCells(context('training')), {
      'communication.samples_per_second': 102.337, 'communication.seq_len_effective': 8192, 'capital.num_devices': 1024,
      'capital.num_nodes': 128, 'hardware.storage_bandwidth': 7e9, 'hardware.host_link_bandwidth': 64e9,
    });
    // 102.337 sequences/s · 4·8192 B = 3.35338e6 B/s
    expectClose(g.value('ingestion.ingest_demand'), 102.337 * 32768, 1e-12);
  });

  it('storage is one scope per node, shared with wall 19: a named DGX H100 node gives 100 GB/s per node (2 storage NICs × 400 Gb/s)', () => {
    const node = { id: 'DGX_H100', gpus_per_node: 8, storage_bandwidth: 100e9 };
    const ctx = { ...context('training'), fleet: { num_nodes: 128, gpus_per_node: 8, node } };
    const g = standaloneGraph(ingestionCells(ctx), {
      'communication.samples_per_second': 102.337, 'communication.seq_len_effective': 8192, 'capital.num_devices': 1024,
      'capital.num_nodes': 128, 'hardware.storage_bandwidth': 7e9, 'hardware.host_link_bandwidth': 64e9,
    });
    expect(g.value('ingestion.node_storage_bandwidth_effective')).toBe(100e9);
    // min(128 × 100 GB/s storage, 1024 × 64 GB/s host links) = 12.8 TB/s from storage.
    expectClose(g.value('ingestion.ingest_supply'), 128 * 100e9, 1e-15);
    expect(g.value('ingestion.ingest_bottleneck')).toBe('storage');
    // Without the node, the device entry's local storage counts once per node.
    g.set('ingestion.node_storage_bandwidth', null);
    expectClose(g.value('ingestion.ingest_supply'), 128 * 7e9, 1e-15);
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(inferenceDefs({ ...context('inference'), device: { ...context('inference').device, storage_bandwidth: 7e9 } }))).toEqual([]);
  });
});
