/**
 * Setting and reading a test graph: a live graph of `defs` with `values` set (a refused value
 * throws, so no test runs on an edit the graph rejected), and a cell's value (an error cell
 * throws with its id, kind and message, so a failing test says why).
 */
import { type CellDef, LiveGraph, type Plain } from '../../src/graph/index.js';

export function graphWith(defs: readonly CellDef[], values: Readonly<Record<string, Plain>> = {}): LiveGraph {
  const g = new LiveGraph(defs);
  for (const o of g.setMany(values)) if (!o.ok) throw new Error(o.message);
  return g;
}

export function valueOf(g: LiveGraph, id: string): Plain {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.kind}: ${v.error.message}`);
  return v.value;
}

export function numberOf(g: LiveGraph, id: string): number {
  const v = valueOf(g, id);
  if (typeof v !== 'number') throw new Error(`${id} is ${JSON.stringify(v)}, not a number`);
  return v;
}
