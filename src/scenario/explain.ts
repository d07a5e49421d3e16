/**
 * Why a cell has its value — what `mlsysim explain` prints and the workbench's math peek
 * shows: the value (formatted and SI), unit, formula, doc, source, whether it is an input (and
 * where its value came from) or a pinned cell, its warnings or error, and the cells it is
 * computed from with their values. Pure: a graph and a cell id in, plain data out.
 */
import { formatPlain, type LiveGraph, type Plain } from '../graph/index.js';

export interface Explained {
  readonly id: string;
  readonly kind: 'input' | 'derived';
  readonly value?: Plain;
  readonly display?: string;
  readonly unit: string;
  readonly formula?: string;
  readonly doc: string;
  readonly source?: { readonly kind: string; readonly ref: string; readonly url?: string | null };
  readonly provenance?: string;
  readonly warnings?: readonly string[];
  readonly error?: { readonly kind: string; readonly message: string };
  /** The cells it is computed from (absent for inputs; ids only beyond `depth`). */
  readonly inputs?: readonly (Explained | string)[];
}

/** `id` explained, with the cells it reads expanded to `depth` levels (0 = the cell alone). */
export function explainCell(g: LiveGraph, id: string, depth: number): Explained {
  const def = g.def(id);
  const v = g.get(id);
  const unit = def.unit;
  const base = {
    id, kind: def.kind, unit, doc: def.doc,
    ...(def.kind === 'derived' ? { formula: def.formula } : {}),
    ...(def.source ? { source: def.source } : {}),
    ...(def.kind === 'input' ? { provenance: g.provenance(id) } : {}),
  };
  const value = v.ok
    ? { value: v.value === Infinity ? null : v.value, display: formatPlain(v.value, unit === '1' ? '' : unit), ...(v.warnings.length ? { warnings: v.warnings } : {}) }
    : { error: { kind: v.error.kind, message: v.error.message } };
  const inputs = def.kind === 'derived' ? def.reads.map((i) => (depth > 0 ? explainCell(g, i, depth - 1) : i)) : undefined;
  return { ...base, ...value, ...(inputs ? { inputs } : {}) };
}

/** One input of a formula as the peek lists it: the name the formula gives it, and its cell. */
export interface PeekInput {
  /** The argument name in the cell's definition (`flops`, `peak`, `eta`). */
  readonly name: string;
  readonly cell: Explained;
}

/** The math peek of a cell: its explanation one level deep, each input under its argument name. */
export interface CellPeek extends Explained {
  readonly label: string;
  /** A derived cell whose formula is set aside (its value was given, spreadsheet-style). */
  readonly pinned: boolean;
  readonly named: readonly PeekInput[];
}

/** The peek of `id`: what `explain --depth 1` says, with the formula's argument names. */
export function peekCell(g: LiveGraph, id: string): CellPeek {
  const def = g.def(id);
  const explained = explainCell(g, id, 1);
  const names = def.kind === 'derived' ? def.argNames : [];
  const named = (explained.inputs ?? []).map((cell, k) => ({ name: names[k] ?? '', cell: typeof cell === 'string' ? explainCell(g, cell, 0) : cell }));
  return { ...explained, label: def.label, pinned: def.kind === 'derived' && g.isPinned(id), named };
}
