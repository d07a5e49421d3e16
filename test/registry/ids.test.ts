import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_IDS, COOLING_IDS, DATACENTER_IDS, DATASET_IDS, FABRIC_IDS, GRID_IDS, HARDWARE_IDS_BY_CATEGORY,
  MODEL_IDS_BY_CATEGORY, NODE_IDS, POD_IDS, RACK_IDS, RACK_PROFILE_IDS, SCENARIO_IDS,
} from '../../src/registry/ids.js';

interface Item { id: string; category?: string }
const raw = JSON.parse(readFileSync(new URL('../../src/registry/data/catalog.json', import.meta.url), 'utf8')) as Record<
  string, Item[]
> & { systems: Record<string, Item[]> };

function byCategory(items: Item[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of items) (out[i.category!] ??= []).push(i.id);
  return out;
}
const ids = (items: Item[]) => items.map((i) => i.id);

describe('ids.ts (the literal ids behind the namespaces)', () => {
  it('groups hardware and models exactly as the catalogue categories do', () => {
    expect(HARDWARE_IDS_BY_CATEGORY).toEqual(byCategory(raw.hardware));
    expect(MODEL_IDS_BY_CATEGORY).toEqual(byCategory(raw.models));
  });

  it('lists every other section in catalogue order', () => {
    expect(GRID_IDS).toEqual(ids(raw.grids));
    expect(COOLING_IDS).toEqual(ids(raw.facility_cooling));
    expect(DATACENTER_IDS).toEqual(ids(raw.datacenters));
    expect(RACK_PROFILE_IDS).toEqual(ids(raw.rack_power_profiles));
    expect(NODE_IDS).toEqual(ids(raw.systems.nodes));
    expect(RACK_IDS).toEqual(ids(raw.systems.racks));
    expect(FABRIC_IDS).toEqual(ids(raw.systems.fabrics));
    expect(CLUSTER_IDS).toEqual(ids(raw.systems.clusters));
    expect(POD_IDS).toEqual(ids(raw.systems.pods));
    expect(SCENARIO_IDS).toEqual(ids(raw.scenarios));
    expect(DATASET_IDS).toEqual(ids(raw.datasets));
  });
});
