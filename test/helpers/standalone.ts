/**
 * Evaluating a wall on its own, as the golden "formula" cases do: every id the wall reads
 * but does not define becomes a plain input cell holding the value given for it.
 */
import { type CellDef, input, LiveGraph, type Plain } from '../../src/graph/index.js';

/** Ids read by `defs` that no definition in `defs` provides. */
export function openInputs(defs: readonly CellDef[]): string[] {
  const defined = new Set(defs.map((d) => d.id));
  const open = new Set<string>();
  for (const d of defs) if (d.kind === 'derived') for (const i of d.reads) if (!defined.has(i)) open.add(i);
  return [...open];
}

/**
 * A live graph of `defs` plus stand-in inputs for the open ids. `values` sets stand-ins and
 * overrides defined inputs; an open id without a value is an error (the test forgot it).
 */
export function standaloneGraph(defs: readonly CellDef[], values: Readonly<Record<string, Plain>>): LiveGraph {
  const standIns = openInputs(defs).map((id) => {
    if (!(id in values)) throw new Error(`standaloneGraph: no value given for open input ${id}`);
    const v = values[id];
    return input({
      id,
      label: id,
      doc: 'stand-in for a cell of another wall',
      unit: typeof v === 'number' ? '1' : 'enum',
      layer: 'E',
      default: v,
      domain: typeof v === 'number' ? { kind: 'number', allowInfinity: true } : typeof v === 'boolean' ? { kind: 'boolean' } : { kind: 'text', optional: true },
    });
  });
  const g = new LiveGraph([...defs, ...standIns]);
  const own: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(values)) if (g.isInput(k) && defs.some((d) => d.id === k)) own[k] = v;
  const outcomes = g.setMany(own);
  for (const o of outcomes) if (!o.ok) throw new Error(`standaloneGraph: ${o.message}`);
  return g;
}
