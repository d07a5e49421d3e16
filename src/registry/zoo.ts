/**
 * The zoo: the entries of one kind as a table — filtered by category, sorted, one short summary
 * row each. Plain data (columns; cells holding a display string and the raw SI value) so the CLI
 * (`mlsysim zoo`) and the UI render the same thing.
 *
 * Order: devices by dense peak FLOP/s at their default precision, descending; models by
 * parameter count, descending (unknown last); grids by carbon intensity, ascending; clusters by
 * accelerator count, descending; other kinds in catalogue order. Ties keep catalogue order.
 */
import { DEFAULT_ELECTRICITY_USD_PER_KWH } from './catalog.js';
import type { Entry } from './catalog.js';
import { UnknownEntryError } from './errors.js';
import { registry } from './lookup.js';
import type { Registry } from './lookup.js';
import { closestMatches } from './suggest.js';
import type { Device, EntryKind, Grid, Model } from './types.js';
import type { Cluster, Dataset, Fabric, Node, Scenario } from './types-systems.js';
import { formatCount, formatPlain, formatSI } from './zoo-format.js';

export type ZooKind = 'hardware' | 'model' | 'grid' | 'node' | 'fabric' | 'cluster' | 'scenario' | 'dataset';

export interface ZooColumn {
  readonly key: string;
  readonly label: string;
  /** SI unit of the raw values, when numeric. */
  readonly unit?: string;
}

export interface ZooCell {
  /** What a table shows ("989 TFLOP/s", "—" when absent). */
  readonly display: string;
  /** The raw value: a number in SI units, a string, or undefined when absent. */
  readonly value: number | string | undefined;
}

export interface ZooRow {
  readonly id: string;
  readonly display_name: string;
  readonly category?: string;
  readonly cells: Readonly<Record<string, ZooCell>>;
}

export interface ZooTable {
  readonly kind: ZooKind;
  /** The category filter applied, if any (as the catalogue spells it). */
  readonly category?: string;
  readonly columns: readonly ZooColumn[];
  readonly rows: readonly ZooRow[];
}

export interface ZooOptions {
  /** Keep only this category (case-insensitive: 'cloud' = 'Cloud'). */
  readonly category?: string;
  /** Registry to list (defaults to the built-in catalogue). */
  readonly registry?: Registry;
}

const num = (value: number | undefined, display: string): ZooCell => ({ value, display });
const str = (value: string | undefined): ZooCell => ({ value, display: value ?? '—' });

/** Dense peak FLOP/s at the device's default precision (the zoo's sort key). */
export function defaultPeakFlops(d: Device): number {
  return d.peak_flops_table[d.default_precision] ?? 0;
}

interface KindSpec<T> {
  readonly entryKind: EntryKind;
  readonly columns: readonly ZooColumn[];
  readonly category?: (e: T) => string | undefined;
  readonly cells: (e: T) => Record<string, ZooCell>;
  readonly sortKey?: (e: T) => number;
}

const SPECS: { readonly [K in ZooKind]: KindSpec<never> } = {
  hardware: {
    entryKind: 'hardware',
    columns: [
      { key: 'precision', label: 'Default precision' }, { key: 'peak', label: 'Peak (dense)', unit: 'FLOP/s' },
      { key: 'memory', label: 'Memory', unit: 'B' }, { key: 'bandwidth', label: 'Bandwidth', unit: 'B/s' },
      { key: 'tdp', label: 'TDP', unit: 'W' }, { key: 'year', label: 'Year' },
    ],
    category: (d: Device) => d.category,
    cells: (d: Device) => ({
      precision: str(d.default_precision),
      peak: num(defaultPeakFlops(d), formatSI(defaultPeakFlops(d), 'FLOP/s')),
      memory: num(d.memory_capacity, formatSI(d.memory_capacity, 'B')),
      bandwidth: num(d.memory_bandwidth, formatSI(d.memory_bandwidth, 'B/s')),
      tdp: num(d.tdp, formatSI(d.tdp, 'W')),
      year: num(d.release_year, d.release_year === undefined ? '—' : String(d.release_year)),
    }),
    sortKey: (d: Device) => -defaultPeakFlops(d),
  },
  model: {
    entryKind: 'model',
    columns: [
      { key: 'family', label: 'Family' }, { key: 'params', label: 'Params' },
      { key: 'active_params', label: 'Active params' }, { key: 'layers', label: 'Layers' },
      { key: 'context', label: 'Context', unit: 'tokens' },
      { key: 'flops', label: 'FLOPs / inference', unit: 'FLOP' }, { key: 'basis', label: 'Per' },
    ],
    category: (m: Model) => m.category,
    cells: (m: Model) => ({
      family: str(m.family),
      params: num(m.params, formatCount(m.params)),
      active_params: num(m.active_params, formatCount(m.active_params)),
      layers: num(m.layers, formatPlain(m.layers)),
      context: num(m.max_context_tokens, formatCount(m.max_context_tokens)),
      flops: num(m.flops_per_inference, formatSI(m.flops_per_inference, m.flops_basis === 'mac' ? 'MAC' : 'FLOP')),
      basis: str(m.flops_per_inference_basis),
    }),
    sortKey: (m: Model) => -(m.params ?? -1),
  },
  grid: {
    entryKind: 'grid',
    columns: [
      { key: 'carbon', label: 'Carbon intensity', unit: 'g/kWh' }, { key: 'pue', label: 'PUE' },
      { key: 'wue', label: 'WUE', unit: 'L/kWh' }, { key: 'price', label: 'Electricity', unit: 'USD/kWh' },
      { key: 'source', label: 'Primary source' }, { key: 'renewable', label: 'Renewable', unit: '%' },
    ],
    cells: (g: Grid) => ({
      carbon: num(g.carbon_intensity_g_per_kwh, formatPlain(g.carbon_intensity_g_per_kwh, 'g/kWh')),
      pue: num(g.pue, formatPlain(g.pue)),
      wue: num(g.wue_l_per_kwh, formatPlain(g.wue_l_per_kwh, 'L/kWh')),
      price: g.electricity_price_usd_per_kwh === undefined
        ? num(undefined, `${DEFAULT_ELECTRICITY_USD_PER_KWH} USD/kWh (default)`)
        : num(g.electricity_price_usd_per_kwh, formatPlain(g.electricity_price_usd_per_kwh, 'USD/kWh')),
      source: str(g.primary_source),
      renewable: num(g.renewable_pct, g.renewable_pct === undefined ? '—' : `${g.renewable_pct} %`),
    }),
    sortKey: (g: Grid) => g.carbon_intensity_g_per_kwh,
  },
  node: {
    entryKind: 'node',
    columns: [
      { key: 'accelerator', label: 'Accelerator' }, { key: 'gpus', label: 'Per node' },
      { key: 'intra', label: 'Intra-node / dir.', unit: 'B/s' }, { key: 'nics', label: 'NICs' },
      { key: 'nic', label: 'NIC', unit: 'B/s' },
    ],
    cells: (n: Node) => ({
      accelerator: str(n.accelerator),
      gpus: num(n.gpus_per_node, String(n.gpus_per_node)),
      intra: num(n.intra_node_bandwidth, formatSI(n.intra_node_bandwidth, 'B/s')),
      nics: num(n.nics_per_node, formatPlain(n.nics_per_node)),
      nic: num(n.nic_bandwidth, formatSI(n.nic_bandwidth, 'B/s')),
    }),
  },
  fabric: {
    entryKind: 'fabric',
    columns: [
      { key: 'family', label: 'Family' }, { key: 'bandwidth', label: 'Port / dir.', unit: 'B/s' },
      { key: 'latency', label: 'Latency', unit: 's' }, { key: 'year', label: 'Year' },
    ],
    category: (f: Fabric) => f.family,
    cells: (f: Fabric) => ({
      family: str(f.family),
      bandwidth: num(f.fabric_bandwidth, formatSI(f.fabric_bandwidth, 'B/s')),
      latency: num(f.fabric_latency, formatSI(f.fabric_latency, 's')),
      year: num(f.year_available, f.year_available === undefined ? '—' : String(f.year_available)),
    }),
  },
  cluster: {
    entryKind: 'cluster',
    columns: [
      { key: 'accelerators', label: 'Accelerators' }, { key: 'node', label: 'Node' },
      { key: 'nodes', label: 'Nodes' }, { key: 'fabric', label: 'Fabric' },
    ],
    cells: (c: Cluster) => ({
      accelerators: num(c.accelerator_count, formatCount(c.accelerator_count)),
      node: str(c.node),
      nodes: num(c.node_count, formatCount(c.node_count)),
      fabric: str(c.fabric),
    }),
    sortKey: (c: Cluster) => -c.accelerator_count,
  },
  scenario: {
    entryKind: 'scenario',
    columns: [
      { key: 'model', label: 'Model' }, { key: 'system', label: 'System' },
      { key: 'sla', label: 'SLA', unit: 's' }, { key: 'power', label: 'Power budget', unit: 'W' },
      { key: 'expected', label: 'Expected outcome' },
    ],
    category: (s: Scenario) => s.tier,
    cells: (s: Scenario) => ({
      model: str(s.model),
      system: str(s.system),
      sla: num(s.sla_latency, formatSI(s.sla_latency, 's')),
      power: num(s.power_budget, formatSI(s.power_budget, 'W')),
      expected: str(s.expected_outcome),
    }),
  },
  dataset: {
    entryKind: 'dataset',
    columns: [{ key: 'examples', label: 'Training examples' }, { key: 'classes', label: 'Classes' }],
    category: (d: Dataset) => d.category,
    cells: (d: Dataset) => ({
      examples: num(d.training_examples, formatCount(d.training_examples)),
      classes: num(d.num_classes, formatPlain(d.num_classes)),
    }),
  },
};

/** The categories present for a kind, in catalogue order (empty if the kind has none). */
export function zooCategories(kind: ZooKind, reg: Registry = registry()): string[] {
  const spec = SPECS[kind] as KindSpec<Entry>;
  const seen = new Set<string>();
  if (spec.category) for (const e of reg.list(spec.entryKind)) {
    const c = spec.category(e);
    if (c !== undefined) seen.add(c);
  }
  return [...seen];
}

/** The zoo table of one kind. An unknown category throws UnknownEntryError with suggestions. */
export function zoo(kind: ZooKind, options: ZooOptions = {}): ZooTable {
  const reg = options.registry ?? registry();
  const spec = SPECS[kind] as KindSpec<Entry>;
  let entries = reg.list(spec.entryKind) as readonly Entry[];
  let category: string | undefined;
  if (options.category !== undefined) {
    const known = zooCategories(kind, reg);
    category = known.find((c) => c.toLowerCase() === options.category!.toLowerCase());
    if (category === undefined) {
      throw new UnknownEntryError('category', options.category, closestMatches(options.category, known),
        known.length ? `Categories of ${kind}: ${known.join(', ')}.` : `${kind} entries have no categories.`);
    }
    entries = entries.filter((e) => spec.category!(e) === category);
  }
  const sortKey = spec.sortKey;
  const ordered = sortKey
    ? entries.map((e, i) => ({ e, i, k: sortKey(e) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.e)
    : entries;
  const rows = ordered.map((e): ZooRow => {
    const cat = spec.category?.(e);
    return { id: e.id, display_name: e.display_name, ...(cat !== undefined ? { category: cat } : {}), cells: spec.cells(e) };
  });
  return { kind, ...(category !== undefined ? { category } : {}), columns: spec.columns, rows };
}
