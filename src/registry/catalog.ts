/**
 * The bundled catalogue: data/catalog.json converted to SI typed entries and indexed by id.
 * Loading is lazy — the first call to `catalog()` pays for it — so importing the registry costs
 * nothing until an entry is needed. The shipped file is not validated with zod at run time (that
 * was ≈ 25 ms of every CLI start, docs/performance.md #6): test/registry/catalog.test.ts checks
 * that it passes `catalogSchema` unchanged. Any other document — a test's variant, user data —
 * goes through `loadCatalog`, which validates.
 */
import raw from './data/catalog.json' with { type: 'json' };
import { convertHardware } from './convert-hardware.js';
import {
  convertCooling, convertDatacenter, convertGrid, convertRackProfile,
} from './convert-infra.js';
import { convertModel } from './convert-model.js';
import {
  convertCluster, convertConstants, convertDataset, convertFabric, convertNode, convertPod, convertPricing,
  convertRack, convertReliability, convertScenario, convertStorage,
} from './convert-systems.js';
import { EntryValidationError, formatPath } from './errors.js';
import { catalogSchema } from './schema.js';
import type { RawCatalog } from './schema.js';
import { checkReferences } from './references.js';
import type { Cooling, Datacenter, Device, EntryKind, Grid, Model, RackProfile } from './types.js';
import type {
  Cluster, Dataset, Fabric, Node, Pod, Pricing, Rack, ReliabilityConstants, Scenario, StorageConstants,
  UnitNamedConstants,
} from './types-systems.js';
import { WATTS_PER_KW } from './units.js';

/** Any catalogue entry. */
export type Entry =
  | Device | Model | Grid | Cooling | Datacenter | RackProfile | Node | Rack | Fabric | Cluster | Pod
  | Scenario | Dataset;

/** The entry type of each kind. */
export interface EntryByKind {
  hardware: Device; model: Model; grid: Grid; cooling: Cooling; datacenter: Datacenter;
  rack_profile: RackProfile; node: Node; rack: Rack; fabric: Fabric; cluster: Cluster; pod: Pod;
  scenario: Scenario; dataset: Dataset;
}

/** Catalogue-wide defaults, SI where a unit is not in the name. */
export interface CatalogDefaults {
  /** USD/kWh used where a grid has no price (catalog defaults.electricity_usd_per_kwh = 0.12). */
  readonly electricity_price_usd_per_kwh: number;
  /** On-premises electricity price, USD/kWh (0.07). */
  readonly electricity_price_on_prem_usd_per_kwh: number;
  /** Exchange rates, USD per unit of local currency (EUR_USD_2024, CAD_USD_2022). */
  readonly fx_usd_per_unit: Readonly<Record<string, number>>;
  /** Rack power above which air cooling is not enough, W (catalog air_cooling_limit_kw = 30). */
  readonly air_cooling_limit: number;
  readonly tdp_fallback_note: string;
}

export interface Catalog {
  readonly schema_version: string;
  readonly generated: string;
  readonly defaults: CatalogDefaults;
  /** Entries per kind, in catalogue order. */
  readonly entries: { readonly [K in EntryKind]: readonly EntryByKind[K][] };
  /** Exact-id index per kind. */
  readonly index: { readonly [K in EntryKind]: ReadonlyMap<string, EntryByKind[K]> };
  /** Every id in the file → its kind (ids are unique across the whole file). */
  readonly kindOf: ReadonlyMap<string, EntryKind>;
  readonly reliability: ReliabilityConstants;
  readonly switch_fabric: UnitNamedConstants;
  readonly network_energy: UnitNamedConstants;
  readonly storage: StorageConstants;
  readonly pricing: Pricing;
  /** The file's `units` and `conventions` sections, as written. */
  readonly units: Readonly<Record<string, string>>;
  readonly conventions: Readonly<Record<string, unknown>>;
}

/** catalog defaults.electricity_usd_per_kwh: the price used where a grid has none (physics §1.5). */
export const DEFAULT_ELECTRICITY_USD_PER_KWH = 0.12;

function validate(data: unknown): RawCatalog {
  // jitless: zod's compiled fast path costs ~30 ms to build and pays off only on repeated
  // parses; the catalogue is parsed once per process (measured: 36 ms → 15 ms first parse).
  const parsed = catalogSchema.safeParse(data, { reportInput: true, jitless: true });
  if (parsed.success) return parsed.data;
  // Name the entry by id rather than index: "catalog.hardware[H100].tdp_w".
  const problems = parsed.error.issues.map((issue) => {
    const [section, index, ...rest] = issue.path;
    const list = typeof section === 'string' ? (data as Record<string, unknown>)[section] : undefined;
    const item = Array.isArray(list) && typeof index === 'number' ? (list[index] as { id?: unknown }) : undefined;
    if (item && typeof item.id === 'string') {
      return `${formatPath(`catalog.${String(section)}[${item.id}]`, rest)} ${issue.message}`;
    }
    return `${formatPath('catalog', issue.path)} ${issue.message}`;
  });
  throw new EntryValidationError('catalog', problems);
}

/** Built-in entries must carry a source (custom entries may omit it; catalog.md). */
function missingSources(c: RawCatalog): string[] {
  const sections: [string, readonly { id: string; source?: unknown }[]][] = [
    ['hardware', c.hardware], ['models', c.models], ['grids', c.grids], ['facility_cooling', c.facility_cooling],
    ['datacenters', c.datacenters], ['rack_power_profiles', c.rack_power_profiles], ['nodes', c.systems.nodes],
    ['racks', c.systems.racks], ['fabrics', c.systems.fabrics], ['clusters', c.systems.clusters],
    ['pods', c.systems.pods], ['scenarios', c.scenarios], ['datasets', c.datasets],
  ];
  return sections.flatMap(([name, list]) =>
    list.filter((e) => e.source === undefined).map((e) => `catalog.${name}[${e.id}].source is required for a built-in entry`),
  );
}

function indexBy<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((e) => [e.id, e]));
}

/** Validate, convert and index a catalogue document (a test's variant, or any other data). */
export function loadCatalog(data: unknown): Catalog {
  return convertCatalog(validate(data));
}

/** Convert and index a catalogue that already has the schema's shape; the cross-entry checks still run. */
function convertCatalog(c: RawCatalog): Catalog {
  const s = c.systems;
  const nodes = s.nodes.map(convertNode);
  const nodeIndex = indexBy(nodes);
  const hardware = c.hardware.map(convertHardware);
  const clusters = s.clusters.map((r) => convertCluster(r, r.accelerator_count ?? 0));
  const clusterIds = new Set(s.clusters.map((r) => r.id));
  const entries = {
    hardware,
    model: c.models.map(convertModel),
    grid: c.grids.map(convertGrid),
    cooling: c.facility_cooling.map(convertCooling),
    datacenter: c.datacenters.map(convertDatacenter),
    rack_profile: c.rack_power_profiles.map(convertRackProfile),
    node: nodes,
    rack: s.racks.map(convertRack),
    fabric: s.fabrics.map(convertFabric),
    cluster: clusters,
    pod: s.pods.map(convertPod),
    scenario: c.scenarios.map((r) => convertScenario(r, clusterIds.has(r.system) ? 'cluster' : 'hardware')),
    dataset: c.datasets.map(convertDataset),
  };
  const index = Object.fromEntries(
    Object.entries(entries).map(([kind, list]) => [kind, indexBy(list as readonly { id: string }[])]),
  ) as unknown as Catalog['index'];
  const kindOf = new Map<string, EntryKind>();
  const duplicates: string[] = [];
  for (const [kind, list] of Object.entries(entries) as [EntryKind, readonly { id: string }[]][]) {
    for (const e of list) {
      const seen = kindOf.get(e.id);
      if (seen) duplicates.push(`catalog: id '${e.id}' is used by both ${seen} and ${kind}`);
      else kindOf.set(e.id, kind);
    }
  }
  const problems = [...missingSources(c), ...duplicates, ...checkReferences(index, nodeIndex)];
  if (problems.length) throw new EntryValidationError('catalog', problems);
  return {
    schema_version: c.schema_version,
    generated: c.generated,
    defaults: {
      electricity_price_usd_per_kwh: c.defaults.electricity_usd_per_kwh,
      electricity_price_on_prem_usd_per_kwh: c.defaults.electricity_usd_per_kwh_on_prem,
      fx_usd_per_unit: c.defaults.fx_usd_per_unit,
      air_cooling_limit: c.air_cooling_limit_kw * WATTS_PER_KW,
      tdp_fallback_note: c.defaults.tdp_fallback_note,
    },
    entries,
    index,
    kindOf,
    reliability: convertReliability(s.reliability),
    switch_fabric: convertConstants(s.switch_fabric_constants),
    network_energy: convertConstants(s.network_energy),
    storage: convertStorage(s.storage),
    pricing: convertPricing(c.pricing),
    units: c.units,
    conventions: c.conventions,
  };
}

let loaded: Catalog | undefined;

/** The bundled catalogue, loaded on first use (its schema conformance is a registry test). */
export function catalog(): Catalog {
  // The JSON's inferred literal type is narrower than the schema's (records with index
  // signatures), hence the cast through unknown; the shape itself is tested against the schema.
  loaded ??= convertCatalog(raw as unknown as RawCatalog);
  return loaded;
}
