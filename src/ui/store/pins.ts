/**
 * Pins in the workbench (spreadsheet-style "any cell as an input"): a description's pins
 * applied to a freshly built graph, and a description with its pins replaced. A pin that no
 * longer names a derived cell of the scenario, or whose text is no value of the cell's kind, is
 * dropped and reported like an override that does not carry over.
 */
import type { LiveGraph, Plain } from '../../graph/index.js';
import { pinValue } from '../../scenario/pins.js';
import type { ScenarioDesc } from './scenario-desc.js';

interface AppliedPins {
  /** The pins set, as raw values of their cells (units converted). */
  readonly kept: Record<string, Plain>;
  /** Ids that are not derived cells of this scenario, or whose value the cell cannot hold. */
  readonly dropped: string[];
}

/** Pins `pins` on `graph` (after its inputs are set). */
export function applyDescPins(graph: LiveGraph, pins: Readonly<Record<string, Plain>>): AppliedPins {
  const kept: Record<string, Plain> = {};
  const dropped: string[] = [];
  for (const [id, v] of Object.entries(pins)) {
    const def = graph.has(id) ? graph.def(id) : undefined;
    if (def?.kind !== 'derived') {
      dropped.push(id);
      continue;
    }
    let raw: Plain;
    try {
      raw = pinValue(def, v, `pins.${id}`);
    } catch {
      dropped.push(id);
      continue;
    }
    if (graph.pin(id, raw).ok) kept[id] = raw;
    else {
      graph.unpin(id);
      dropped.push(id);
    }
  }
  return { kept, dropped };
}

/** `desc` with exactly these pins (no `pins` key when there are none). */
export function withPins(desc: ScenarioDesc, pins: Readonly<Record<string, Plain>>): ScenarioDesc {
  const { pins: _old, ...rest } = desc;
  return Object.keys(pins).length ? { ...rest, pins } : rest;
}

/** The raw value an editor of `id` starts from: an input's raw value, or the pin of a pinned cell. */
export function rawOf(graph: LiveGraph, id: string): Plain {
  return graph.isInput(id) ? graph.rawInput(id) : (graph.pins()[id] ?? null);
}

interface Rebuilt {
  readonly ok: boolean;
  readonly error?: string;
  readonly dropped: readonly string[];
}

/**
 * Pin and unpin as changes of the description, each a rebuild (traced, recorded for undo):
 * `pin` at the cell's value now unless `raw` is given; `unpin` gives the formula back.
 */
export function pinEdits(desc: () => ScenarioDesc, graph: () => LiveGraph, rebuild: (next: ScenarioDesc, cause: string) => Rebuilt) {
  return {
    pin(id: string, raw?: Plain): Rebuilt {
      const g = graph();
      const def = g.has(id) ? g.def(id) : undefined;
      if (def?.kind !== 'derived') return { ok: false, error: `${id} is not a derived cell`, dropped: [] };
      const value = raw ?? g.value(id);
      if (value === undefined) return { ok: false, error: `${def.label} holds an error; give the value to pin it to`, dropped: [] };
      return rebuild(withPins(desc(), { ...desc().pins, [id]: value }), `Pinned ${def.label}`);
    },
    unpin(id: string): Rebuilt {
      const { [id]: _gone, ...rest } = desc().pins ?? {};
      const label = graph().has(id) ? graph().def(id).label : id;
      return rebuild(withPins(desc(), rest), `Unpinned ${label}: its formula again`);
    },
  };
}
