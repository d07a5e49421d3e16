/**
 * Evaluating a wall on its own, as the golden "formula" cases do: every id the wall reads
 * but does not define becomes a plain input cell holding the value given for it.
 */
import { type CellDef, type Domain, input, LiveGraph, type Plain } from '../../src/graph/index.js';

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
    return input({ id, label: id, doc: 'stand-in for a cell of another wall', layer: 'E', default: v, ...standInShape(defs, id, v) });
  });
  const g = new LiveGraph([...defs, ...standIns]);
  const own: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(values)) if (g.isInput(k) && defs.some((d) => d.id === k)) own[k] = v;
  const outcomes = g.setMany(own);
  for (const o of outcomes) if (!o.ok) throw new Error(`standaloneGraph: ${o.message}`);
  return g;
}

/** A stand-in's unit and domain: the kind its readers declare (null: an unset optional value). */
function standInShape(defs: readonly CellDef[], id: string, v: Plain): { unit: string; domain: Domain } {
  const ref = defs.flatMap((d) => (d.kind === 'derived' ? d.argRefs.filter((r) => r.id === id) : []))
    .find((r) => r.kind !== 'value' && r.kind !== 'gate');
  const optional = v === null;
  const kind = ref?.kind.replace('?', '') ?? (typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string');
  if (kind === 'number') return { unit: '1', domain: { kind: 'number', allowInfinity: true, optional } };
  if (kind === 'boolean') return { unit: 'bool', domain: { kind: 'boolean', optional } };
  if (kind === 'choice' && ref?.choices) return { unit: 'enum', domain: { kind: 'choice', choices: ref.choices, optional } };
  return { unit: 'enum', domain: { kind: 'text', optional: true } };
}
