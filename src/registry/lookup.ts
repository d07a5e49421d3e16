/**
 * Exact lookup by id, with "Did you mean …?" on a miss.
 *
 * A `Registry` is the bundled catalogue, optionally overlaid with custom entries (custom.ts);
 * `registry()` is the plain catalogue. Lookup is exact and case-sensitive — ids appear in plans
 * and saved workbooks, so `h100` must not silently mean `H100` — but the error suggests it.
 */
import { catalog } from './catalog.js';
import type { Entry, EntryByKind } from './catalog.js';
import { EntryValidationError, UnknownEntryError } from './errors.js';
import { closestMatches } from './suggest.js';
import type { Device, EntryKind } from './types.js';
import type { Cluster, ResolvedCluster } from './types-systems.js';

export const ENTRY_KINDS: readonly EntryKind[] = [
  'hardware', 'model', 'grid', 'cooling', 'datacenter', 'rack_profile', 'node', 'rack', 'fabric', 'cluster',
  'pod', 'scenario', 'dataset',
];

/** What a scenario's `system` names: one device, or a cluster with its parts. */
export type ResolvedSystem =
  | { readonly kind: 'hardware'; readonly device: Device }
  | { readonly kind: 'cluster'; readonly cluster: ResolvedCluster };

export class Registry {
  /** Custom entries per kind (checked against built-in ids on insert). */
  private readonly custom = new Map<EntryKind, Map<string, Entry>>();

  /** Add custom entries; an id already used anywhere (built-in or custom) is refused. */
  add(...entries: readonly Entry[]): this {
    for (const e of entries) {
      const taken = this.kindOf(e.id);
      if (taken) {
        throw new EntryValidationError(e.kind, [
          `${e.kind}.id '${e.id}' is already used by a ${taken === 'custom' ? 'custom' : 'built-in'} entry; choose another id`,
        ]);
      }
      let bucket = this.custom.get(e.kind);
      if (!bucket) this.custom.set(e.kind, (bucket = new Map()));
      bucket.set(e.id, e);
    }
    return this;
  }

  private kindOf(id: string): EntryKind | 'custom' | undefined {
    for (const bucket of this.custom.values()) if (bucket.has(id)) return 'custom';
    return catalog().kindOf.get(id);
  }

  /** The entry of `kind` with exactly this id, or undefined. */
  get<K extends EntryKind>(kind: K, id: string): EntryByKind[K] | undefined {
    const own = this.custom.get(kind)?.get(id) as EntryByKind[K] | undefined;
    return own ?? (catalog().index[kind] as ReadonlyMap<string, EntryByKind[K]>).get(id);
  }

  has(kind: EntryKind, id: string): boolean {
    return this.get(kind, id) !== undefined;
  }

  /** Every entry of a kind: built-ins in catalogue order, then custom entries. */
  list<K extends EntryKind>(kind: K): readonly EntryByKind[K][] {
    const own = [...(this.custom.get(kind)?.values() ?? [])] as EntryByKind[K][];
    return [...(catalog().entries[kind] as readonly EntryByKind[K][]), ...own];
  }

  ids(kind: EntryKind): string[] {
    return this.list(kind).map((e) => e.id);
  }

  /** The entry of `kind` with exactly this id; throws UnknownEntryError with suggestions. */
  lookup<K extends EntryKind>(kind: K, id: string): EntryByKind[K] {
    const hit = this.get(kind, id);
    if (hit) return hit;
    throw this.unknown(kind, id, this.ids(kind));
  }

  /** An entry of any kind by id (ids are unique across the catalogue). */
  find(id: string): Entry {
    for (const kind of ENTRY_KINDS) {
      const hit = this.get(kind, id);
      if (hit) return hit;
    }
    throw this.unknown('entry', id, ENTRY_KINDS.flatMap((k) => this.ids(k)));
  }

  /** A scenario `system`: a device id or a cluster id. */
  resolveSystem(id: string): ResolvedSystem {
    const device = this.get('hardware', id);
    if (device) return { kind: 'hardware', device };
    const cluster = this.get('cluster', id);
    if (cluster) return { kind: 'cluster', cluster: this.resolveCluster(cluster) };
    throw this.unknown('system', id, [...this.ids('hardware'), ...this.ids('cluster')]);
  }

  /** A cluster with its node, device and fabric looked up. */
  resolveCluster(cluster: string | Cluster): ResolvedCluster {
    const c = typeof cluster === 'string' ? this.lookup('cluster', cluster) : cluster;
    const node = this.lookup('node', c.node);
    return { cluster: c, node, device: this.lookup('hardware', node.accelerator), fabric: this.lookup('fabric', c.fabric) };
  }

  private unknown(kind: string, id: string, candidates: readonly string[]): UnknownEntryError {
    const suggestions = closestMatches(id, candidates);
    // A legacy mlsysim name ("Hardware.NVL72") points at its entry first.
    const aliased = this.byAlias(kind, id);
    if (aliased && !suggestions.includes(aliased)) suggestions.unshift(aliased);
    let hint = '';
    const other = this.kindOf(id);
    if (other && other !== 'custom' && kind !== 'entry') hint = `'${id}' is a ${other} id, not a ${kind} id.`;
    return new UnknownEntryError(kind, id, suggestions.slice(0, 3), hint);
  }

  private byAlias(kind: string, id: string): string | undefined {
    const want = id.toLowerCase();
    const kinds: EntryKind[] = kind === 'hardware' || kind === 'model' || kind === 'scenario' ? [kind] : [];
    for (const k of kinds) {
      for (const e of this.list(k)) {
        const aliases = 'legacy_aliases' in e ? e.legacy_aliases : [];
        if (aliases.some((a) => a.toLowerCase() === want || a.toLowerCase().endsWith('.' + want))) return e.id;
      }
    }
    return undefined;
  }
}

let shared: Registry | undefined;

/** The built-in catalogue as a registry (no custom entries). */
export function registry(): Registry {
  shared ??= new Registry();
  return shared;
}

/** A new registry: the built-in catalogue plus these custom entries. */
export function createRegistry(custom: readonly Entry[] = []): Registry {
  return new Registry().add(...custom);
}

/** Built-in lookups by kind; each throws UnknownEntryError with suggestions. */
export const getHardware = (id: string) => registry().lookup('hardware', id);
export const getModel = (id: string) => registry().lookup('model', id);
export const getGrid = (id: string) => registry().lookup('grid', id);
export const getNode = (id: string) => registry().lookup('node', id);
export const getFabric = (id: string) => registry().lookup('fabric', id);
export const getCluster = (id: string) => registry().lookup('cluster', id);
export const getScenario = (id: string) => registry().lookup('scenario', id);
export const getDataset = (id: string) => registry().lookup('dataset', id);
export const lookup = <K extends EntryKind>(kind: K, id: string) => registry().lookup(kind, id);
export const findEntry = (id: string) => registry().find(id);
export const resolveSystem = (id: string) => registry().resolveSystem(id);
export const resolveCluster = (cluster: string | Cluster) => registry().resolveCluster(cluster);
