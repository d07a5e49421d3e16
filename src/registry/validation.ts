/**
 * The shipped validation set: data/validation.json checked against its schema
 * (schema-validation.ts) on first use. `parseValidationSet` checks any other document the same
 * way, so a user's own measurements get the same messages ("cases[3].locator is required").
 */
import raw from './data/validation.json' with { type: 'json' };
import { EntryValidationError, formatIssues } from './errors.js';
import { type ValidationCase, type ValidationSet, validationSetSchema } from './schema-validation.js';

/** Validates a validation-set document; every problem is one line naming its field path. */
export function parseValidationSet(data: unknown): ValidationSet {
  const parsed = validationSetSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new EntryValidationError('validation set', formatIssues('validation', parsed.error.issues));
}

let cached: ValidationSet | undefined;

/** The bundled validation set (parsed once). */
export function validationSet(): ValidationSet {
  cached ??= parseValidationSet(raw);
  return cached;
}

/** The bundled cases, in file order. */
export function validationCases(): readonly ValidationCase[] {
  return validationSet().cases;
}
