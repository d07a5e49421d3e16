/**
 * What a cell holds. A cell evaluates to a value (a finite number, boolean, enum string,
 * `null` for "unset", or ±∞ where the cell documents it) with optional warnings, or to an
 * error. Errors are values too: they flow downstream as `upstream` errors and never throw.
 *
 * Invariant: no `CellValue` ever carries NaN (the engine converts it to a `numeric` error).
 */

/** A cell's plain value. `null` means "unset" (an optional input with no value). */
export type Scalar = number | boolean | string;
export type Plain = Scalar | null;

/** The error kinds of physics.md §0.1. */
export type ErrorKind =
  | 'invalid_input'
  | 'unsupported'
  | 'missing_data'
  | 'upstream'
  | 'no_solution'
  | 'numeric';

export const ERROR_KINDS: readonly ErrorKind[] = [
  'invalid_input',
  'unsupported',
  'missing_data',
  'upstream',
  'no_solution',
  'numeric',
];

export interface CellError {
  readonly kind: ErrorKind;
  /** Human message. For `upstream` it reads "blocked by <root>: <root message>". */
  readonly message: string;
  /** The cell holding this error. */
  readonly cell: string;
  /** The cell where the error arose (equals `cell` unless kind is `upstream`). */
  readonly root: string;
}

export interface OkValue {
  readonly ok: true;
  readonly value: Plain;
  readonly warnings: readonly string[];
}

export interface ErrValue {
  readonly ok: false;
  readonly error: CellError;
}

export type CellValue = OkValue | ErrValue;

const NO_WARNINGS: readonly string[] = Object.freeze([]);

export function okValue(value: Plain, warnings: readonly string[] = NO_WARNINGS): OkValue {
  return { ok: true, value, warnings };
}

export function errValue(kind: ErrorKind, message: string, cell: string, root: string = cell): ErrValue {
  return { ok: false, error: { kind, message, cell, root } };
}

/**
 * What a `compute` function may return besides a plain value: a value with warnings, or a
 * failure of a given kind. Classes (not object literals) so the engine can tell them from
 * plain values with one `instanceof`.
 */
export class Warned {
  constructor(
    readonly value: Plain,
    readonly warnings: readonly string[],
  ) {}
}

export class Failure {
  constructor(
    readonly kind: Exclude<ErrorKind, 'upstream'>,
    readonly message: string,
  ) {}
}

export type ComputeResult = Plain | Warned | Failure;

/** `return warn(v, 'bf16 peak not listed; …')` from a compute function. */
export function warn(value: Plain, ...warnings: string[]): Warned {
  return new Warned(value, warnings);
}

/** `return fail('unsupported', 'precision fp8 is not supported on A100 …')`. */
export function fail(kind: Exclude<ErrorKind, 'upstream'>, message: string): Failure {
  return new Failure(kind, message);
}

/** The number a value holds, or undefined for errors and non-numbers. */
export function numberOf(v: CellValue): number | undefined {
  return v.ok && typeof v.value === 'number' ? v.value : undefined;
}

/**
 * Whether a cell counts as unchanged in a cause-and-effect trace: the same number (or other
 * value), or errors saying the same. Warnings do not count — a trace lists changed values.
 */
export function sameForTrace(a: CellValue, b: CellValue): boolean {
  if (a.ok && b.ok) return Object.is(a.value, b.value);
  if (!a.ok && !b.ok) return a.error.message === b.error.message;
  return false;
}

/** Two values are the same when kind, value, warnings and error messages all agree. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a.ok !== b.ok) return false;
  if (a.ok && b.ok) {
    if (!Object.is(a.value, b.value)) return false;
    if (a.warnings.length !== b.warnings.length) return false;
    return a.warnings.every((w, i) => w === b.warnings[i]);
  }
  const ea = (a as ErrValue).error;
  const eb = (b as ErrValue).error;
  return ea.kind === eb.kind && ea.message === eb.message && ea.root === eb.root;
}
