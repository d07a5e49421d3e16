/**
 * Scratch evaluation: analyses (sweeps, sensitivity, goal seek, search) change inputs on the
 * live graph and put them back afterwards, so nothing persists and only the affected cones
 * recompute. Cheaper than copying the graph, and equivalent for reads.
 */
import type { LiveGraph } from './live.js';
import type { Plain } from './values.js';

/**
 * Runs `fn` with `inputs` free to change, then restores their raw values and provenance. A
 * derived cell among them (a sweep over a derived axis) is pinned for the run and its pin state
 * restored afterwards.
 */
export function withScratchInputs<T>(graph: LiveGraph, inputs: readonly string[], fn: () => T): T {
  const savedInputs = inputs.filter((id) => graph.isInput(id)).map((id) => ({ id, raw: graph.rawInput(id), prov: graph.provenance(id) }));
  const pins = graph.pins();
  const derived = inputs.filter((id) => !graph.isInput(id));
  // One batch around the whole run: subscribers see only the restored state, never the
  // scratch values (reads inside a batch still recompute what is stale).
  return graph.batch(() => {
    // Pinned at its own current value (an error value stays an error: nothing stands in for it)
    // until the run writes its first scratch value.
    for (const id of derived) if (!(id in pins)) graph.restorePin(id, graph.value(id));
    try {
      return fn();
    } finally {
      for (const s of savedInputs) graph.restoreInput(s.id, s.raw, s.prov);
      for (const id of derived) graph.restorePin(id, pins[id]);
    }
  });
}

/** Writes scratch values (inside `withScratchInputs`) as one batch. */
export function writeScratch(graph: LiveGraph, values: Readonly<Record<string, Plain>>): void {
  graph.batch(() => {
    for (const [id, v] of Object.entries(values)) graph.restoreInput(id, v, 'user');
  });
}
