/**
 * Typed namespaces mirroring mlsysim's, so code reads the same and editors autocomplete:
 * `Hardware.Cloud.H100`, `Models.Language.Llama3_8B`, `Infra.Grids.Quebec`,
 * `Systems.Clusters.Frontier_8K`, `Scenarios.SmartDoorbell`. Hardware and models are grouped by
 * the catalogue's own `category` field.
 *
 * Members are lazy getters over the registry: importing the namespaces does not load the
 * catalogue; reading `Hardware.Cloud.H100` does (once).
 */
import type { EntryByKind } from './catalog.js';
import {
  CLUSTER_IDS, COOLING_IDS, DATACENTER_IDS, DATASET_IDS, FABRIC_IDS, GRID_IDS, HARDWARE_IDS_BY_CATEGORY,
  MODEL_IDS_BY_CATEGORY, NODE_IDS, POD_IDS, RACK_IDS, RACK_PROFILE_IDS, SCENARIO_IDS,
} from './ids.js';
import { registry } from './lookup.js';
import type { EntryKind } from './types.js';

/** An object with one read-only member per id. */
type Members<Ids extends readonly string[], T> = { readonly [Id in Ids[number]]: T };

function members<K extends EntryKind, const Ids extends readonly string[]>(
  kind: K,
  ids: Ids,
): Members<Ids, EntryByKind[K]> {
  const out = {};
  for (const id of ids) {
    Object.defineProperty(out, id, { enumerable: true, get: () => registry().lookup(kind, id) });
  }
  return Object.freeze(out) as Members<Ids, EntryByKind[K]>;
}

function grouped<K extends EntryKind, const G extends Readonly<Record<string, readonly string[]>>>(
  kind: K,
  groups: G,
): { readonly [C in keyof G]: Members<G[C], EntryByKind[K]> } {
  const out: Record<string, unknown> = {};
  for (const [category, ids] of Object.entries(groups)) out[category] = members(kind, ids);
  return Object.freeze(out) as { readonly [C in keyof G]: Members<G[C], EntryByKind[K]> };
}

/** Accelerators by category: Cloud, Workstation, Mobile, Edge, Tiny. */
export const Hardware = grouped('hardware', HARDWARE_IDS_BY_CATEGORY);

/** Models by category: Language, StateSpace, Vision, GenerativeVision, Tiny, Recommendation, Embodied. */
export const Models = grouped('model', MODEL_IDS_BY_CATEGORY);

/** Where systems run: grids, cooling tiers, datacentre presets, rack power profiles. */
export const Infra = Object.freeze({
  Grids: members('grid', GRID_IDS),
  Cooling: members('cooling', COOLING_IDS),
  Datacenters: members('datacenter', DATACENTER_IDS),
  RackProfiles: members('rack_profile', RACK_PROFILE_IDS),
});

/** How systems are built: nodes, racks, fabrics, clusters, pods. */
export const Systems = Object.freeze({
  Nodes: members('node', NODE_IDS),
  Racks: members('rack', RACK_IDS),
  Fabrics: members('fabric', FABRIC_IDS),
  Clusters: members('cluster', CLUSTER_IDS),
  Pods: members('pod', POD_IDS),
});

/** mlsysim's teaching scenarios. */
export const Scenarios = members('scenario', SCENARIO_IDS);

/** Reference datasets. */
export const Datasets = members('dataset', DATASET_IDS);
