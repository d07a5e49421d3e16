import { describe, expect, it } from 'vitest';
import {
  createRegistry, customHardware, EntryValidationError, findEntry, getGrid, getHardware, getModel, registry,
  resolveCluster, resolveSystem, UnknownEntryError,
} from '../../src/registry/index.js';

function caught(fn: () => unknown): UnknownEntryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UnknownEntryError) return e;
    throw e;
  }
  throw new Error('expected an UnknownEntryError');
}

describe('lookup by id', () => {
  it('is exact and returns the typed entry', () => {
    expect(getHardware('H100').display_name).toBe('NVIDIA H100 SXM5 80GB');
    expect(getModel('Llama3_8B').kind).toBe('model');
    expect(getGrid('Quebec').kind).toBe('grid');
  });

  it('is case-sensitive: h100 is not H100, but the error suggests it', () => {
    const err = caught(() => getHardware('h100'));
    expect(err.suggestions[0]).toBe('H100');
  });

  it("an unknown id throws UnknownEntryError: \"Unknown hardware 'H10'. Did you mean H100, H200…\"", () => {
    const err = caught(() => getHardware('H10'));
    expect(err.kind).toBe('hardware');
    expect(err.id).toBe('H10');
    expect(err.suggestions.slice(0, 2)).toEqual(['H100', 'H200']);
    expect(err.message).toMatch(/^Unknown hardware 'H10'\. Did you mean H100, H200/);
    expect(err).toBeInstanceOf(Error);
  });

  it('suggests within the kind looked up', () => {
    expect(caught(() => getGrid('Qebec')).suggestions).toEqual(['Quebec']);
    expect(caught(() => getModel('Llama3_8')).suggestions[0]).toBe('Llama3_8B');
  });

  it('says when the id belongs to another kind', () => {
    expect(caught(() => getHardware('Llama3_8B')).message).toContain("'Llama3_8B' is a model id, not a hardware id.");
  });

  it("points a legacy mlsysim name at its entry ('NVL72' → GB200_NVL72)", () => {
    expect(caught(() => getHardware('NVL72')).suggestions[0]).toBe('GB200_NVL72');
  });

  it('gives no suggestions for nonsense', () => {
    const err = caught(() => getHardware('qqqqqqqqqq'));
    expect(err.suggestions).toEqual([]);
    expect(err.message).toBe("Unknown hardware 'qqqqqqqqqq'.");
  });

  it('findEntry(id) searches every kind', () => {
    expect(findEntry('Frontier_8K').kind).toBe('cluster');
    expect(findEntry('ImageNet').kind).toBe('dataset');
    expect(caught(() => findEntry('Frontier_8')).suggestions[0]).toBe('Frontier_8K');
  });
});

describe('resolving systems', () => {
  it('resolveCluster returns the cluster with its node, device and fabric', () => {
    const r = resolveCluster('Training_1K_A100');
    expect([r.cluster.id, r.node.id, r.device.id, r.fabric.id]).toEqual(['Training_1K_A100', 'DGX_A100', 'A100', 'InfiniBand_HDR']);
    expect(r.cluster.accelerator_count).toBe(r.cluster.node_count * r.node.gpus_per_node);
  });

  it('resolveSystem accepts a device id or a cluster id', () => {
    const one = resolveSystem('H100');
    expect(one.kind === 'hardware' && one.device.id).toBe('H100');
    const fleet = resolveSystem('Frontier_8K');
    expect(fleet.kind === 'cluster' && fleet.cluster.device.id).toBe('H100');
    expect(caught(() => resolveSystem('Frontier_8')).kind).toBe('system');
  });
});

describe('registries with custom entries', () => {
  const chip = () => customHardware({ id: 'MyChip', peak_tflops: { bf16: 500 }, memory_capacity_gb: 64, memory_bandwidth_gbs: 2000 });

  it('createRegistry(custom) finds custom and built-in entries alike', () => {
    const reg = createRegistry([chip()]);
    expect(reg.lookup('hardware', 'MyChip').memory_capacity).toBe(6.4e10);
    expect(reg.lookup('hardware', 'H100').id).toBe('H100');
    expect(reg.list('hardware').at(-1)?.id).toBe('MyChip');
  });

  it('leaves the built-in registry untouched', () => {
    createRegistry([chip()]);
    expect(registry().has('hardware', 'MyChip')).toBe(false);
  });

  it('refuses a custom id that a built-in entry already uses', () => {
    const dup = customHardware({ id: 'H100', peak_tflops: { fp16: 1 }, memory_capacity_gb: 1, memory_bandwidth_gbs: 1 });
    expect(() => createRegistry([dup])).toThrow(EntryValidationError);
    expect(() => createRegistry([dup])).toThrow(/hardware\.id 'H100' is already used by a built-in entry/);
  });

  it('suggests custom ids too', () => {
    const reg = createRegistry([chip()]);
    expect(caught(() => reg.lookup('hardware', 'MyChp')).suggestions[0]).toBe('MyChip');
  });
});
