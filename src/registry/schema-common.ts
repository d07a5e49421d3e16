/**
 * Building blocks of the catalogue schemas. Every field schema carries its own error text
 * ("must be a number > 0 (got -1)"), so a message names the rule, and `formatIssues`
 * (errors.ts) only prefixes the field path ("hardware.memory_bandwidth_gbs").
 *
 * Validation rules are catalog.md "Validation": every number is finite and > 0, or null;
 * `wue_l_per_kwh` may be 0; `lat`/`lon` are signed.
 */
import { z } from 'zod';
import { closestMatches } from './suggest.js';

/** Render a rejected input for a message: numbers and strings as typed, others by kind. */
function showInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (typeof input === 'string') return `'${input}'`;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  return `a ${typeof input}`;
}

/** The error text for a rule: "is required (…)" when absent, else "must be … (got x)". */
function ruleError(rule: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `is required (${rule})` : `must be ${rule} (got ${showInput(issue.input)})`;
}

interface NumberRule {
  /** exclusive lower bound */
  gt?: number;
  /** inclusive lower bound */
  ge?: number;
  /** inclusive upper bound */
  le?: number;
  int?: boolean;
}

const numberCache = new Map<string, z.ZodNumber>();

/**
 * A finite number with bounds; the description doubles as the error text. Schemas are
 * immutable, so one instance per rule is shared (building hundreds of identical schemas was a
 * measurable part of the CLI's cold start).
 */
export function num(rule: NumberRule = { gt: 0 }): z.ZodNumber {
  const parts: string[] = [];
  if (rule.gt !== undefined) parts.push(`> ${rule.gt}`);
  if (rule.ge !== undefined) parts.push(`≥ ${rule.ge}`);
  if (rule.le !== undefined) parts.push(`≤ ${rule.le}`);
  const text = `${rule.int ? 'an integer' : 'a number'}${parts.length ? ' ' + parts.join(' and ') : ''}`;
  const cached = numberCache.get(text);
  if (cached) return cached;
  const error = ruleError(text);
  let schema = z.number({ error });
  if (rule.int) schema = schema.int({ error });
  if (rule.gt !== undefined) schema = schema.gt(rule.gt, { error });
  if (rule.ge !== undefined) schema = schema.gte(rule.ge, { error });
  if (rule.le !== undefined) schema = schema.lte(rule.le, { error });
  numberCache.set(text, schema);
  return schema;
}

const POSITIVE = num({ gt: 0 });
const COUNT = num({ gt: 0, int: true });
const POSITIVE_OR_NULL = POSITIVE.nullish();
const COUNT_OR_NULL = COUNT.nullish();
const TEXT = z.string({ error: ruleError('text') });

/** A positive finite number (the catalogue's default rule). */
export const positive = () => POSITIVE;
/** A positive integer (counts: layers, heads, experts…). */
export const count = () => COUNT;
/** A positive number or null (absent). */
export const positiveOrNull = () => POSITIVE_OR_NULL;
/** A positive integer or null (absent). */
export const countOrNull = () => COUNT_OR_NULL;
/** Free text. */
export const text = () => TEXT;

/** One of a fixed list of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: ruleError(`one of ${values.join(', ')}`) });
}

const TEXT_LIST = z.array(TEXT, { error: ruleError('a list of text') });
/** A list of text items. */
export const textList = () => TEXT_LIST;

/**
 * An object that rejects unknown fields, naming them and the closest known field, so a typo
 * such as `memory_bandwith_gbs` is caught rather than silently ignored.
 */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys as string[];
        const hints = keys
          .map((k) => closestMatches(k, known, 1)[0])
          .filter((k): k is string => k !== undefined);
        const hint = hints.length ? ` (did you mean ${hints.map((h) => `'${h}'`).join(', ')}?)` : '';
        return `has unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}${hint}`;
      }
      return `must be an object with fields (got ${showInput(issue.input)})`;
    },
  });
}

/** The allowed `source.kind` values (catalog.json conventions.source_kinds) plus 'user'. */
const SOURCE_KINDS = ['datasheet', 'paper', 'model-card', 'agency', 'estimate', 'user'] as const;

/** Provenance every entry carries (catalog.md "Fields every entry has"). */
export const sourceSchema = strictObject({
  kind: oneOf(SOURCE_KINDS),
  ref: text(),
  url: text().nullish(),
  checked_against: textList().optional(),
  project_verified: text().optional(),
  basis: text().optional(),
  mlsysim_provenance_ref: text().optional(),
});

/** A recorded change from mlsysim (catalog.md "Corrections"). */
const correctionSchema = strictObject({
  field: text(),
  from: z.unknown(),
  to: z.unknown(),
  reason: text(),
});

/** The provenance fields shared by every entry; `source` is optional for custom entries. */
export const provenanceShape = {
  source: sourceSchema.optional(),
  verified: text().nullish(),
  notes: textList().optional(),
  corrections: z.array(correctionSchema).optional(),
  legacy_aliases: textList().optional(),
};

/** An entry id: non-empty, no whitespace (ids appear on command lines and in paths). */
export const idSchema = z
  .string({ error: ruleError('a non-empty id without spaces') })
  .regex(/^[A-Za-z0-9_.\-]+$/, { error: ruleError('a non-empty id of letters, digits, _ . -') });
