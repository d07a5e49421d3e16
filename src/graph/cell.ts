/**
 * Cell definitions: plain data plus, for derived cells, one pure function. A definition
 * knows nothing of signals; `LiveGraph` turns a list of them into a reactive graph.
 */
import type { ArgsOf, InputMap, InputRef } from './inputs.js';
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

/** The argument object the engine hands a formula: input name → its checked value. */
export type NamedArgs = { readonly [name: string]: Plain | undefined };

interface DerivedCommon extends CellCommon {
  /** Display form, e.g. `T = OPs / (Peak × η)`. */
  readonly formula: string;
  /** This cell may hold +∞ (unstable queue waits, unbounded replica counts). */
  readonly mayBeInfinite?: boolean;
  /**
   * This cell reads its inputs even when some are errors (it sees `null` for an error input,
   * so those inputs must be declared with a `?` kind). Used by collectors; rare.
   */
  readonly tolerateErrors?: boolean;
}

/** What an author writes: named, typed inputs and a formula over them (see inputs.ts). */
export interface DerivedSpec<I extends InputMap> extends DerivedCommon {
  readonly inputs: I;
  /**
   * Pure function of the named input values (errors never reach it: they block the cell). The
   * argument object may be refilled for the next call (the compiled sweep keeps one per step):
   * read it, never keep or change it.
   */
  readonly compute: (args: ArgsOf<I>) => ComputeResult;
}

/** A derived cell as the engine holds it: the spec plus its inputs in declared order. */
export interface DerivedDef extends DerivedCommon {
  readonly kind: 'derived';
  /** The named inputs as declared. */
  readonly inputs: InputMap;
  /** The ids this cell reads, in declared order. The engine reads exactly these. */
  readonly reads: readonly string[];
  /** Argument name and descriptor of each id in `reads` (same order). */
  readonly argNames: readonly string[];
  readonly argRefs: readonly InputRef[];
  /** The formula over the checked, named values (method syntax: any spec's formula fits). */
  compute(args: NamedArgs): ComputeResult;
}

export type CellDef = InputDef | DerivedDef;

/** Shorthand constructors that keep definition files compact and typed. */
export function input(def: Omit<InputDef, 'kind'>): InputDef {
  return { kind: 'input', ...def };
}

/** A derived cell from its spec: the declared inputs are indexed once, here. */
export function derived<I extends InputMap>(spec: DerivedSpec<I>): DerivedDef {
  const argNames: string[] = [];
  const argRefs: InputRef[] = [];
  for (const [name, r] of Object.entries(spec.inputs)) {
    if (r === undefined) continue;
    argNames.push(name);
    argRefs.push(r);
  }
  return {
    ...spec,
    kind: 'derived',
    reads: argRefs.map((r) => r.id),
    argNames,
    argRefs,
    // The one place a spec's typed formula is widened to the engine's shape: the engine only
    // calls it with values that passed each descriptor's check (evaluate.ts).
    compute: spec.compute as (args: NamedArgs) => ComputeResult,
  };
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

