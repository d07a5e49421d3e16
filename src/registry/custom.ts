/**
 * Custom entries: a user's own accelerator, model, grid, node, fabric or cluster, given as an
 * object (already parsed). JSON or YAML text is read by custom-text.ts, which holds the YAML
 * parser, so code that only builds entries from objects (the scenario context, the browser's
 * first load) does not carry it.
 *
 * Document format: the catalogue's own field spelling (`peak_tflops`, `memory_capacity_gb`,
 * `memory_bandwidth_gbs` …), so an entry copied from catalog.json and edited is a valid custom
 * entry. It is validated by the same zod schema as the built-in entries and converted by the
 * same code, so the result is the same typed `Device` / `Model` / … . `source` is optional
 * (default {kind: 'user', ref: 'custom entry'}). Several entries can be given at once in the
 * catalogue's layout: `{hardware: [...], models: [...], grids: [...], systems: {nodes, fabrics,
 * clusters}}` (nodes/fabrics/clusters are also accepted at the top level).
 */
import { z } from 'zod';
import type { EntryByKind } from './catalog.js';
import { convertHardware } from './convert-hardware.js';
import { convertGrid } from './convert-infra.js';
import { convertModel } from './convert-model.js';
import { convertCluster, convertFabric, convertNode } from './convert-systems.js';
import { EntryValidationError, formatIssues } from './errors.js';
import { createRegistry, registry as builtinRegistry } from './lookup.js';
import type { Registry } from './lookup.js';
import { strictObject } from './schema-common.js';
import { hardwareSchema } from './schema-hardware.js';
import { gridSchema } from './schema-infra.js';
import { modelSchema } from './schema-model.js';
import { clusterSchema, fabricSchema, nodeSchema } from './schema-systems.js';
import { closestMatches } from './suggest.js';
import type { EntryKind } from './types.js';

export type CustomKind = 'hardware' | 'model' | 'grid' | 'node' | 'fabric' | 'cluster';

/** Text is refused with a pointer to the text reader, rather than a bare "must be an object". */
function requireParsed(kind: string, data: unknown): unknown {
  if (typeof data !== 'string') return data;
  throw new EntryValidationError(kind, [`${kind} must be an object with fields (got text; parseDocumentText in custom-text.ts reads JSON or YAML text)`]);
}

const SCHEMAS = {
  hardware: hardwareSchema,
  model: modelSchema,
  grid: gridSchema,
  node: nodeSchema,
  fabric: fabricSchema,
  cluster: clusterSchema,
} as const;

function validate<K extends CustomKind>(kind: K, data: unknown, prefix: string): z.infer<(typeof SCHEMAS)[K]> {
  const parsed = SCHEMAS[kind].safeParse(data, { reportInput: true });
  if (!parsed.success) throw new EntryValidationError(kind, formatIssues(prefix, parsed.error.issues));
  return parsed.data as z.infer<(typeof SCHEMAS)[K]>;
}

/** A reference to another entry, checked against the registry. */
function reference(reg: Registry, kind: EntryKind, id: string, where: string): void {
  if (reg.has(kind, id)) return;
  const near = closestMatches(id, reg.ids(kind));
  const hint = near.length ? ` (did you mean ${near.join(', ')}?)` : '';
  throw new EntryValidationError(kind, [`${where} refers to unknown ${kind} '${id}'${hint}`]);
}

function build<K extends CustomKind>(kind: K, data: unknown, reg: Registry, prefix: string): EntryByKind[K] {
  switch (kind) {
    case 'hardware':
      return convertHardware(validate('hardware', data, prefix)) as EntryByKind[K];
    case 'model':
      return convertModel(validate('model', data, prefix)) as EntryByKind[K];
    case 'grid':
      return convertGrid(validate('grid', data, prefix)) as EntryByKind[K];
    case 'fabric':
      return convertFabric(validate('fabric', data, prefix)) as EntryByKind[K];
    case 'node': {
      const raw = validate('node', data, prefix);
      reference(reg, 'hardware', raw.accelerator, `${prefix}.accelerator`);
      return convertNode(raw) as EntryByKind[K];
    }
    case 'cluster': {
      const raw = validate('cluster', data, prefix);
      reference(reg, 'node', raw.node, `${prefix}.node`);
      reference(reg, 'fabric', raw.fabric, `${prefix}.fabric`);
      const perNode = reg.lookup('node', raw.node).gpus_per_node;
      const expected = raw.node_count * perNode;
      if (raw.accelerator_count !== undefined && raw.accelerator_count !== expected) {
        throw new EntryValidationError('cluster', [
          `${prefix}.accelerator_count must equal node_count × accelerators_per_node = ` +
            `${raw.node_count} × ${perNode} = ${expected} (got ${raw.accelerator_count})`,
        ]);
      }
      return convertCluster(raw, expected) as EntryByKind[K];
    }
    default:
      throw new Error(`unreachable: ${String(kind)}`);
  }
}

export interface CustomEntryOptions {
  /** Registry that references (node → accelerator, cluster → node/fabric) resolve in. */
  readonly registry?: Registry;
}

/**
 * One custom entry of `kind` from an object (parsed JSON/YAML, or built in code). Throws
 * EntryValidationError whose `problems` each name the field ("hardware.memory_bandwidth_gbs
 * must be a number > 0 (got -1)"); text is refused (parseDocumentText in custom-text.ts reads it).
 */
export function parseCustomEntry<K extends CustomKind>(
  kind: K,
  data: unknown,
  options: CustomEntryOptions = {},
): EntryByKind[K] {
  return build(kind, requireParsed(kind, data), options.registry ?? builtinRegistry(), kind);
}

export const customHardware = (data: unknown, options?: CustomEntryOptions) => parseCustomEntry('hardware', data, options);
export const customModel = (data: unknown, options?: CustomEntryOptions) => parseCustomEntry('model', data, options);
export const customGrid = (data: unknown, options?: CustomEntryOptions) => parseCustomEntry('grid', data, options);
export const customCluster = (data: unknown, options?: CustomEntryOptions) => parseCustomEntry('cluster', data, options);

const list = z.array(z.unknown(), { error: 'must be a list of entries' }).optional();
const documentSchema = strictObject({
  hardware: list,
  models: list,
  grids: list,
  nodes: list,
  fabrics: list,
  clusters: list,
  systems: strictObject({ nodes: list, fabrics: list, clusters: list }).optional(),
});

/**
 * A document (object) of several custom entries in the catalogue's layout → a registry holding
 * the built-in catalogue plus them. Entries are added in dependency order (devices before
 * nodes, nodes and fabrics before clusters) so a custom cluster can use a custom node.
 */
export function loadCustomEntries(data: unknown): Registry {
  const doc = requireParsed('custom entries', data);
  const parsed = documentSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) throw new EntryValidationError('custom entries', formatIssues('document', parsed.error.issues));
  const d = parsed.data;
  const reg = createRegistry();
  const sections: [CustomKind, string, readonly unknown[] | undefined][] = [
    ['hardware', 'hardware', d.hardware],
    ['model', 'models', d.models],
    ['grid', 'grids', d.grids],
    ['node', 'nodes', [...(d.nodes ?? []), ...(d.systems?.nodes ?? [])]],
    ['fabric', 'fabrics', [...(d.fabrics ?? []), ...(d.systems?.fabrics ?? [])]],
    ['cluster', 'clusters', [...(d.clusters ?? []), ...(d.systems?.clusters ?? [])]],
  ];
  for (const [kind, section, items] of sections) {
    (items ?? []).forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      const prefix = `${section}[${typeof id === 'string' ? id : i}]`;
      reg.add(build(kind, item, reg, prefix));
    });
  }
  return reg;
}
