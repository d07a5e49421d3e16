/**
 * Optional catalogue facts in formulas: turn an absent figure into the `missing_data` error
 * physics.md §2.1 asks for, never a silent 0.
 */
import { fail, Failure } from '../../graph/index.js';

/**
 * A required catalogue fact, or the `missing_data` failure "Mixtral_8x7B has no hidden_dim;
 * tensor-parallel message size needs it" (physics.md §0.1).
 */
export function required(v: number | null | undefined, owner: string, field: string, need: string): number | Failure {
  return typeof v === 'number' ? v : fail('missing_data', `${owner} has no ${field}; ${need} needs it`);
}

/** The first failure among `values`, if any (lets a compute function bail out in one line). */
export function firstFailure(...values: readonly (number | Failure)[]): Failure | undefined {
  return values.find((v): v is Failure => v instanceof Failure);
}
