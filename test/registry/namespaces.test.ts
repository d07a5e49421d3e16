import { describe, expect, expectTypeOf, it } from 'vitest';
import { Datasets, getHardware, Hardware, Infra, Models, Scenarios, Systems } from '../../src/registry/index.js';
import type { Cluster, Device, Grid, Model } from '../../src/registry/index.js';

describe('mlsysim-style namespaces', () => {
  it('Hardware.Cloud.H100 is the H100 device', () => {
    expect(Hardware.Cloud.H100).toBe(getHardware('H100'));
    expect(Hardware.Cloud.H100.memory_capacity).toBe(8.0e10);
  });

  it('reads the same as mlsysim for every kind', () => {
    expect(Models.Language.Llama3_8B.params).toBe(8.03e9);
    expect(Infra.Grids.Quebec.carbon_intensity_g_per_kwh).toBe(20);
    expect(Systems.Clusters.Frontier_8K.accelerator_count).toBe(8192);
    expect(Scenarios.SmartDoorbell.model).toBe('WakeVision');
    expect(Systems.Fabrics.InfiniBand_NDR.fabric_bandwidth).toBe(5e10);
    expect(Systems.Nodes.DGX_H100.gpus_per_node).toBe(8);
    expect(Infra.Datacenters.Quebec_Hydro.grid).toBe('Quebec');
    expect(Datasets.ImageNet.num_classes).toBe(1000);
  });

  it('groups devices and models by the catalogue category field', () => {
    expect(Object.keys(Hardware)).toEqual(['Cloud', 'Workstation', 'Mobile', 'Edge', 'Tiny']);
    for (const [category, group] of Object.entries(Hardware)) {
      for (const d of Object.values(group)) expect(d.category).toBe(category);
    }
    for (const [category, group] of Object.entries(Models)) {
      for (const m of Object.values(group)) expect(m.category).toBe(category);
    }
    expect(Hardware.Tiny.ESP32_S3.id).toBe('ESP32_S3');
    expect(Models.Vision.ResNet50.id).toBe('ResNet50');
  });

  it('namespaces are read-only', () => {
    expect(Object.isFrozen(Hardware.Cloud)).toBe(true);
    expect(() => {
      (Hardware.Cloud as unknown as Record<string, unknown>).H100 = null;
    }).toThrow(TypeError);
  });

  it('members are typed entries, and a misspelt id is a compile error', () => {
    expectTypeOf(Hardware.Cloud.H100).toEqualTypeOf<Device>();
    expectTypeOf(Models.Language.Llama3_8B).toEqualTypeOf<Model>();
    expectTypeOf(Infra.Grids.Quebec).toEqualTypeOf<Grid>();
    expectTypeOf(Systems.Clusters.Frontier_8K).toEqualTypeOf<Cluster>();
    // @ts-expect-error — 'H10' is not a Cloud hardware id
    expect(Hardware.Cloud.H10).toBeUndefined();
  });
});
