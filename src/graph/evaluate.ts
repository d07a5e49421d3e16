/**
 * Evaluating one derived cell from its input values: error propagation, compute, and the
 * checks that keep NaN and undeclared infinities out of the graph (physics.md §0.1).
 * Shared by the live graph and any other evaluator (sweeps, compiled paths).
 */
import type { DerivedDef } from './cell.js';
import { type CellValue, type Plain, errValue, Failure, okValue, Warned } from './values.js';

/** Turns what `compute` returned into a checked cell value. */
export function checkResult(def: DerivedDef, out: unknown): CellValue {
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

/** Calls `compute`, catching anything it throws (no exception escapes a cell). */
export function runCompute(def: DerivedDef, args: Plain[]): CellValue {
  try {
    return checkResult(def, def.compute(...args));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return errValue('numeric', `${def.id} failed: ${why}`, def.id);
  }
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
