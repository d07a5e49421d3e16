/**
 * Small helpers for compute functions: cast the plain values the engine hands over (it has
 * already checked them against their domains) and turn an absent catalogue fact into the
 * `missing_data` error physics.md §2.1 asks for.
 */
import { fail, Failure, type Plain } from '../../graph/index.js';

export const num = (v: Plain): number => v as number;
export const str = (v: Plain): string => v as string;
export const bool = (v: Plain): boolean => v as boolean;
/** The number, or null for an unset optional input. */
export const numOrNull = (v: Plain): number | null => (typeof v === 'number' ? v : null);

/**
 * A required catalogue fact, or the `missing_data` failure "Mixtral_8x7B has no hidden_dim;
 * tensor-parallel message size needs it" (physics.md §0.1).
 */
export function required(v: Plain, owner: string, field: string, need: string): number | Failure {
  return typeof v === 'number' ? v : fail('missing_data', `${owner} has no ${field}; ${need} needs it`);
}

/** The first failure among `values`, if any (lets a compute function bail out in one line). */
export function firstFailure(...values: readonly (number | Failure)[]): Failure | undefined {
  return values.find((v): v is Failure => v instanceof Failure);
}
