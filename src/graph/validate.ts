/**
 * Build-time validation of cell definitions: unique ids, well-formed ids, every declared
 * input exists and its declared kind fits the cell it reads, no cycles (the error names the
 * cycle path), units parse. Returns the topological order on success.
 */
import type { CellDef } from './cell.js';
import type { InputKind } from './inputs.js';
import { NON_NUMERIC_UNITS, parseUnit, UnitError } from './units.js';

export class GraphDefinitionError extends Error {
  override name = 'GraphDefinitionError';
  constructor(
    message: string,
    /** The offending cell id. */
    readonly cell: string,
    /** For cycles: the path, first id repeated at the end. */
    readonly cycle?: readonly string[],
  ) {
    super(message);
  }
}

const ID_PATTERN = /^[a-z][a-z0-9_]*\.[a-z0-9_]+(?:\.[a-z0-9_]+)*$/;

/** Result of a topological sort: the order, or the first cycle found. */
export interface SortResult {
  readonly sorted: readonly CellDef[];
  readonly cycle?: readonly string[];
}

/** Depth-first topological sort; reports a cycle as `a → b → c → a`. */
export function topoSort(defs: readonly CellDef[]): SortResult {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const sorted: CellDef[] = [];
  const path: string[] = [];
  for (const root of defs) {
    if (state.has(root.id)) continue;
    // Iterative DFS (graphs may be thousands deep in property tests).
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 1);
    path.push(root.id);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const def = byId.get(top.id)!;
      const inputs = def.kind === 'derived' ? def.reads : [];
      if (top.next < inputs.length) {
        const child = inputs[top.next++];
        const s = state.get(child);
        if (s === 1) {
          const from = path.indexOf(child);
          // path runs reader → input; a cycle reads naturally along data flow, so reverse it.
          const cyc = [...path.slice(from), child].reverse();
          return { sorted, cycle: cyc };
        }
        if (s === undefined && byId.has(child)) {
          state.set(child, 1);
          path.push(child);
          stack.push({ id: child, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        sorted.push(def);
        path.pop();
        stack.pop();
      }
    }
  }
  return { sorted };
}

/** Validates definitions; throws GraphDefinitionError naming the offending id. */
export function validateDefinitions(defs: readonly CellDef[]): readonly CellDef[] {
  const seen = new Set<string>();
  for (const d of defs) {
    if (!ID_PATTERN.test(d.id)) {
      throw new GraphDefinitionError(`cell id "${d.id}" must look like scope.snake_case_name`, d.id);
    }
    if (seen.has(d.id)) throw new GraphDefinitionError(`duplicate cell id ${d.id}`, d.id);
    seen.add(d.id);
    if (!NON_NUMERIC_UNITS.has(d.unit)) {
      try {
        parseUnit(d.unit);
      } catch (e) {
        const why = e instanceof UnitError ? e.message : String(e);
        throw new GraphDefinitionError(`cell ${d.id} has an invalid unit: ${why}`, d.id);
      }
    }
  }
  for (const d of defs) {
    if (d.kind === 'derived') {
      for (const i of d.reads) {
        if (!seen.has(i)) throw new GraphDefinitionError(`cell ${d.id} reads ${i}, which does not exist`, d.id);
      }
      if (d.compute.length > 1) {
        throw new GraphDefinitionError(`cell ${d.id} computes from ${d.compute.length} positional values; a formula takes one object of named inputs`, d.id);
      }
    }
    // An input default outside its domain is not a definition error: catalogue data may
    // leave a field absent, and the live graph shows that input as an error cell.
  }
  checkInputKinds(defs);
  const { sorted, cycle } = topoSort(defs);
  if (cycle) {
    throw new GraphDefinitionError(`cycle: ${cycle.join(' → ')}`, cycle[0], cycle);
  }
  return sorted;
}

/** The descriptor kinds that can hold a value of a cell with this unit or domain. */
function kindsFor(def: CellDef): { readonly kinds: ReadonlySet<InputKind>; readonly what: string } {
  if (def.kind === 'input') {
    const d = def.domain;
    const base: InputKind[] =
      // Free text may be read as a choice: a value outside the list is then an error naming the input.
      d.kind === 'number' ? ['number'] : d.kind === 'boolean' ? ['boolean'] : ['choice', 'string'];
    const kinds = d.optional ? base.map((k) => `${k}?` as InputKind) : [...base, ...base.map((k) => `${k}?` as InputKind)];
    return { kinds: new Set(kinds), what: `${d.optional ? 'an optional' : 'a'} ${d.kind} input` };
  }
  // Derived cells may hold null (an optional result), so only the `?`-free kind is not required.
  const base: InputKind[] = def.unit === 'bool' ? ['boolean'] : def.unit === 'enum' || def.unit === 'text' ? ['choice', 'string'] : ['number'];
  return { kinds: new Set([...base, ...base.map((k) => `${k}?` as InputKind)]), what: `a cell of unit ${def.unit}` };
}

/**
 * Each declared input's kind must fit the cell it reads (a number descriptor on an enum cell,
 * or a required number on an optional input, is a definition error, caught before any value
 * flows). `value` and `gate` read anything.
 */
function checkInputKinds(defs: readonly CellDef[]): void {
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const d of defs) {
    if (d.kind !== 'derived') continue;
    d.argRefs.forEach((r, i) => {
      if (r.kind === 'value' || r.kind === 'gate') return;
      const source = byId.get(r.id)!;
      const { kinds, what } = kindsFor(source);
      if (!kinds.has(r.kind)) {
        throw new GraphDefinitionError(`cell ${d.id}: input ${d.argNames[i]} expects ${r.kind} but ${r.id} is ${what}`, d.id);
      }
      if (r.choices && source.kind === 'input' && source.domain.kind === 'choice') {
        const missing = source.domain.choices.filter((c) => !r.choices!.includes(c));
        if (missing.length) {
          throw new GraphDefinitionError(`cell ${d.id}: input ${d.argNames[i]} lists choices without ${missing.join(', ')}, which ${r.id} allows`, d.id);
        }
      }
    });
  }
}
