/**
 * Cell definitions: plain data plus, for derived cells, one pure function. A definition
 * knows nothing of signals; `LiveGraph` turns a list of them into a reactive graph.
 */
import type { ComputeResult, Plain } from './values.js';

/** Layers of the progressive-lowering stack (DESIGN.md). */
export type Layer = 'A' | 'B' | 'C' | 'D' | 'E';

/** Where an input's current value came from (physics.md §0.1). */
export type Provenance = 'default' | 'catalogue' | 'user';

/** Where a constant or catalogue figure is documented. */
export interface SourceRef {
  readonly kind: string;
  readonly ref: string;
  readonly url?: string | null;
}

/** The valid values of an input cell. */
export type Domain =
  | {
      readonly kind: 'number';
      readonly min?: number;
      readonly max?: number;
      /** true: the bound itself is excluded (0 < η). */
      readonly minExclusive?: boolean;
      readonly maxExclusive?: boolean;
      readonly integer?: boolean;
      /** +∞ is accepted (e.g. "no limit"). NaN never is. */
      readonly allowInfinity?: boolean;
      /** null ("unset") is accepted. */
      readonly optional?: boolean;
    }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly optional?: boolean }
  | { readonly kind: 'boolean'; readonly optional?: boolean }
  | { readonly kind: 'text'; readonly optional?: boolean };

interface CellCommon {
  /** `<scope>.<snake_case name>`; public and stable. */
  readonly id: string;
  readonly label: string;
  /** One sentence: what it means. */
  readonly doc: string;
  /** SI unit string ("B/s", "FLOP", "1"), or "enum" / "bool" / "text" for non-numbers. */
  readonly unit: string;
  /**
   * Preferred display unit of the same dimension ("g/kWh" for a g/J cell, "ms" for s).
   * Formatting only; the value stays SI.
   */
  readonly displayUnit?: string;
  readonly layer: Layer;
  /** Wall number 1–22, or undefined for layer cells outside the walls. */
  readonly wall?: number;
  readonly source?: SourceRef;
}

export interface InputDef extends CellCommon {
  readonly kind: 'input';
  /** Display formula for inputs is their name; kept for a uniform shape. */
  readonly formula?: string;
  readonly default: Plain;
  readonly domain: Domain;
  /** Provenance of `default` (catalogue figures say 'catalogue'). */
  readonly provenance?: Provenance;
}

export interface DerivedDef extends CellCommon {
  readonly kind: 'derived';
  /** Display form, e.g. `T = OPs / (Peak × η)`. */
  readonly formula: string;
  /** The ids this cell reads. The engine reads exactly these, in this order. */
  readonly inputs: readonly string[];
  /** Pure function of the input values (errors never reach it: they block the cell). */
  readonly compute: (...values: Plain[]) => ComputeResult;
  /** This cell may hold +∞ (unstable queue waits, unbounded replica counts). */
  readonly mayBeInfinite?: boolean;
  /**
   * This cell reads its inputs even when some are errors or unset (it sees `null` for an
   * error input). Used by collectors such as scorecard rows; rare.
   */
  readonly tolerateErrors?: boolean;
}

export type CellDef = InputDef | DerivedDef;

/** Shorthand constructors that keep definition files compact and typed. */
export function input(def: Omit<InputDef, 'kind'>): InputDef {
  return { kind: 'input', ...def };
}

export function derived(def: Omit<DerivedDef, 'kind'>): DerivedDef {
  return { kind: 'derived', ...def };
}

/** The part of an id after the scope: `scenario.batch_size` → `batch_size`. */
export function cellName(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(dot + 1);
}

/** The scope of an id: `scenario.batch_size` → `scenario`. */
export function cellScope(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? '' : id.slice(0, dot);
}
