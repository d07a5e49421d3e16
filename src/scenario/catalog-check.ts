/**
 * Catalogue checks for the ids a scenario or plan names. A miss becomes a ScenarioInputError
 * that names the field and repeats the registry's suggestions:
 * "workload.name: Unknown model 'Llama3_8'. Did you mean Llama3_8B?".
 */
import { closestMatches, registry, UnknownEntryError } from '../registry/index.js';
import type { EntryKind, Registry } from '../registry/index.js';
import { ScenarioInputError } from './errors.js';

const SHORT_LIST = 15;

/** Throws ScenarioInputError at `path` unless `id` names an entry of `kind`. */
export function requireEntry(kind: EntryKind, id: string, path: string, reg: Registry = registry()): void {
  try {
    reg.lookup(kind, id);
  } catch (e) {
    if (!(e instanceof UnknownEntryError)) throw e;
    // With nothing close, a short list (grids, fabrics) is shown whole.
    const ids = reg.ids(kind);
    const known = !e.suggestions.length && ids.length <= SHORT_LIST ? ` Known: ${ids.join(', ')}.` : '';
    throw new ScenarioInputError([{ path, message: `${path}: ${e.message}${known}` }], { suggestions: e.suggestions });
  }
}

/** A scenario `system` id: a cluster or a node. */
export function requireSystem(id: string, path: string, reg: Registry = registry()): 'cluster' | 'node' {
  if (reg.has('cluster', id)) return 'cluster';
  if (reg.has('node', id)) return 'node';
  const suggestions = closestMatches(id, [...reg.ids('cluster'), ...reg.ids('node')]);
  const did = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
  throw new ScenarioInputError(
    [{ path, message: `${path}: Unknown system (cluster or node) '${id}'.${did}` }], { suggestions },
  );
}

/** The first catalogue node built around `deviceId` (DGX_H100 for H100), if any. */
export function nodeFor(deviceId: string, reg: Registry = registry()): { id: string; gpus_per_node: number } | undefined {
  return reg.list('node').find((n) => n.accelerator === deviceId);
}
