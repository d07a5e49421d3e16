/**
 * Evaluating one derived cell from its input values: error propagation, compute, and the
 * checks that keep NaN and undeclared infinities out of the graph (physics.md §0.1).
 * Shared by the live graph and any other evaluator (sweeps, compiled paths).
 */
import type { DerivedDef, InputDef, NamedArgs } from './cell.js';
import { canonicalValue, checkDomain } from './domain.js';
import { acceptsValue, describeKind, describeValue } from './inputs.js';
import { type CellValue, type Plain, errValue, fail, Failure, okValue, Warned } from './values.js';

/** An input's cell value for a raw value: the canonical value, or `invalid_input` naming the domain. */
export function inputValue(def: InputDef, raw: Plain): CellValue {
  const why = checkDomain(def.id, def.domain, raw);
  return why ? errValue('invalid_input', why, def.id) : okValue(canonicalValue(def.domain, raw));
}

/**
 * True when `checkResult(def, out)` is exactly `okValue(out)` without warnings: a plain value
 * that is no NaN and no undeclared infinity. Compiled evaluators take this fast path and keep
 * the plain value; everything else goes through `checkResult`, so the two cannot disagree.
 */
export function isCleanResult(def: DerivedDef, out: unknown): out is Plain {
  return isCleanValue(out, def.mayBeInfinite === true);
}

/** `isCleanResult` for a cell that may (or may not) hold ±∞. */
export function isCleanValue(out: unknown, mayBeInfinite: boolean): out is Plain {
  if (typeof out === 'number') return out - out === 0 || (out === out && mayBeInfinite);
  return out === null || typeof out === 'string' || typeof out === 'boolean';
}

/** Turns what `compute` returned into a checked cell value. */
export function checkResult(def: DerivedDef, out: unknown): CellValue {
  if (isCleanResult(def, out)) return okValue(out);
  let value: unknown = out;
  let warnings: readonly string[] | undefined;
  if (out instanceof Failure) return errValue(out.kind, out.message, def.id);
  if (out instanceof Warned) {
    value = out.value;
    warnings = out.warnings;
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return errValue('numeric', `non-finite value (NaN) in ${def.id}`, def.id);
    if (!Number.isFinite(value) && !def.mayBeInfinite) {
      return errValue('numeric', `non-finite value (${value > 0 ? '+' : '−'}∞) in ${def.id}`, def.id);
    }
    return okValue(value, warnings);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return okValue(value as Plain, warnings);
  }
  return errValue('numeric', `${def.id} computed ${value === undefined ? 'nothing' : `a ${typeof value}`}, not a value`, def.id);
}

/**
 * The named argument object for `values` (the declared inputs' values, in `def.reads` order),
 * or the `invalid_input` failure naming the first input whose value is not of its declared
 * kind — never a silent cast.
 */
export function namedArgs(def: DerivedDef, values: readonly Plain[]): NamedArgs | Failure {
  const args: Record<string, Plain> = {};
  const refs = def.argRefs;
  for (let i = 0; i < refs.length; i++) {
    const v = values[i];
    if (!acceptsValue(refs[i], v)) return wrongKind(def, i, v);
    if (refs[i].kind !== 'gate') args[def.argNames[i]] = v;
  }
  return args;
}

/** The failure for input `i` of `def` holding `v`, not a value of its declared kind. */
export function wrongKind(def: DerivedDef, i: number, v: Plain): Failure {
  const r = def.argRefs[i];
  return fail('invalid_input', `input ${def.argNames[i]} (${r.id}) must be ${describeKind(r)}; got ${describeValue(v)}`);
}

/** Calls `compute` with the named arguments, catching anything it throws (no exception escapes a cell). */
export function runCompute(def: DerivedDef, values: readonly Plain[]): CellValue {
  const args = namedArgs(def, values);
  if (args instanceof Failure) return checkResult(def, args);
  try {
    return checkResult(def, def.compute(args));
  } catch (e) {
    return thrownValue(def, e);
  }
}

/** The `numeric` error for a compute function that threw `e`. */
export function thrownValue(def: DerivedDef, e: unknown): CellValue {
  const why = e instanceof Error ? e.message : String(e);
  return errValue('numeric', `${def.id} failed: ${why}`, def.id);
}

/** An `upstream` error for `def` blocked by `blocker`, repeating the root message. */
export function blockedBy(def: DerivedDef, blocker: CellValue & { ok: false }): CellValue {
  const e = blocker.error;
  const rootMessage = e.kind === 'upstream' ? e.message.replace(/^blocked by [^:]+: /, '') : e.message;
  return errValue('upstream', `blocked by ${e.root}: ${rootMessage}`, def.id, e.root);
}

/**
 * Evaluates `def` given its input values in declared order. The first error input blocks
 * the cell unless the definition tolerates errors (then it sees null for that input).
 */
export function evaluateDerived(def: DerivedDef, inputs: readonly CellValue[]): CellValue {
  const args: Plain[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const v = inputs[i];
    if (!v.ok) {
      if (!def.tolerateErrors) return blockedBy(def, v);
      args[i] = null;
    } else {
      args[i] = v.value;
    }
  }
  return runCompute(def, args);
}

/**
 * The value a derived cell holds while pinned (spreadsheet-style: its formula set aside): the
 * raw value if it is of the cell's kind (a number for a dimensioned cell, finite unless the
 * cell may be infinite; true/false for bool; text for enum/text), with a warning saying so;
 * else an `invalid_input` error naming the cell.
 */
export function pinnedValue(def: DerivedDef, raw: Plain): CellValue {
  const kind = def.unit === 'bool' ? 'boolean' : def.unit === 'enum' || def.unit === 'text' ? 'string' : 'number';
  const ok = typeof raw === kind && (kind !== 'number' || (raw === raw && (Number.isFinite(raw) || def.mayBeInfinite === true)));
  if (!ok) {
    const what = kind === 'number' ? `a finite number in ${def.unit}` : kind === 'boolean' ? 'true or false' : 'text';
    return errValue('invalid_input', `${def.id} can only be pinned to ${what} (got ${String(raw)})`, def.id);
  }
  return okValue(raw, [`pinned to ${String(raw)}: its formula (${def.formula}) is set aside until it is unpinned`]);
}
