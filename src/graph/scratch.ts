/**
 * Scratch evaluation: analyses (sweeps, sensitivity, goal seek, search) change inputs on the
 * live graph and put them back afterwards, so nothing persists and only the affected cones
 * recompute. Cheaper than copying the graph, and equivalent for reads.
 */
import type { LiveGraph } from './live.js';
import type { Plain } from './values.js';

/** Runs `fn` with `inputs` free to change, then restores their raw values and provenance. */
export function withScratchInputs<T>(graph: LiveGraph, inputs: readonly string[], fn: () => T): T {
  const saved = inputs.map((id) => ({ id, raw: graph.rawInput(id), prov: graph.provenance(id) }));
  // One batch around the whole run: subscribers see only the restored state, never the
  // scratch values (reads inside a batch still recompute what is stale).
  return graph.batch(() => {
    try {
      return fn();
    } finally {
      for (const s of saved) graph.restoreInput(s.id, s.raw, s.prov);
    }
  });
}

/** Writes scratch values (inside `withScratchInputs`) as one batch. */
export function writeScratch(graph: LiveGraph, values: Readonly<Record<string, Plain>>): void {
  graph.batch(() => {
    for (const [id, v] of Object.entries(values)) graph.restoreInput(id, v, 'user');
  });
}
