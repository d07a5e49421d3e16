/**
 * Field schemas shared by scenarios, plans and workbooks. Every field carries its own error
 * text ("must be an integer ≥ 1 (got 0)"), written to follow a field path, so the formatter
 * in errors.ts only prepends the path ("hardware.accelerators must be …").
 *
 * Objects reject unknown keys at every level (`strictMap`); the message names the key and the
 * allowed ones, and the formatter moves the key into the path
 * ("workload.stray_field is not a known key (allowed: name, batch_size, seq_len)").
 */
import { z } from 'zod';
import { parseQuantity, UnitError } from '../graph/index.js';

/** Render a rejected input for a message: numbers and strings as typed, others by kind. */
export function showInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (typeof input === 'string') return `'${input}'`;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  return `a ${typeof input === 'object' ? 'map' : typeof input}`;
}

/** The error text of a rule: "is required (…)" when absent, else "must be … (got x)". */
export function ruleError(rule: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `is required (${rule})` : `must be ${rule} (got ${showInput(issue.input)})`;
}

interface NumberRule {
  /** exclusive lower bound */
  readonly gt?: number;
  /** inclusive lower bound */
  readonly ge?: number;
  /** inclusive upper bound */
  readonly le?: number;
  readonly int?: boolean;
}

/** The rule in words: "an integer ≥ 1", "a number > 0 and ≤ 1". */
function describeRule(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.gt !== undefined) parts.push(`> ${rule.gt}`);
  if (rule.ge !== undefined) parts.push(`≥ ${rule.ge}`);
  if (rule.le !== undefined) parts.push(`≤ ${rule.le}`);
  return `${rule.int ? 'an integer' : 'a number'}${parts.length ? ' ' + parts.join(' and ') : ''}`;
}

/** A finite number with bounds; the rule doubles as the error text. */
export function num(rule: NumberRule = {}) {
  const error = ruleError(describeRule(rule));
  let schema = z.number({ error });
  if (rule.int) schema = schema.int({ error });
  if (rule.gt !== undefined) schema = schema.gt(rule.gt, { error });
  if (rule.ge !== undefined) schema = schema.gte(rule.ge, { error });
  if (rule.le !== undefined) schema = schema.lte(rule.le, { error });
  return schema;
}

/** An integer ≥ 1 (batch sizes, accelerator counts). */
export const count = () => num({ int: true, ge: 1 });
/** A finite number > 0. */
export const positive = () => num({ gt: 0 });

/** Free text. */
export const text = () => z.string({ error: ruleError('text') });

/** Non-empty text. */
export const nonEmptyText = () => text().min(1, { error: ruleError('non-empty text') });

/** A catalogue id: letters, digits, `_ . -` (ids appear on command lines and in paths). */
export const entryId = () =>
  z.string({ error: ruleError('a catalogue id (text)') })
    .regex(/^[A-Za-z0-9_.-]+$/, { error: ruleError('a catalogue id of letters, digits, _ . -') });

/** One of a fixed list of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: ruleError(`one of ${values.join(', ')}`) });
}

/**
 * A cell id `<scope>.<name>` as the graph validates them (src/graph/validate.ts ID_PATTERN):
 * lower-case snake_case parts joined by dots. Existence is checked when the graph is built.
 */
export const CELL_ID_PATTERN = /^[a-z][a-z0-9_]*\.[a-z0-9_]+(?:\.[a-z0-9_]+)*$/;
export const cellId = () =>
  z.string({ error: ruleError('a cell id such as scenario.batch_size') })
    .regex(CELL_ID_PATTERN, { error: ruleError('a cell id <scope>.<name> such as scenario.batch_size') });

/** Closest of `known` to `key` (same first letters or a small edit), for "did you mean". */
function nearestKey(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase().replace(/[-\s]/g, '_');
  const exact = known.find((c) => c.toLowerCase() === k || c.replace(/_/g, '') === k.replace(/_/g, ''));
  if (exact) return exact;
  return known.find((c) => c.length >= 4 && (k.includes(c) || c.includes(k)) && k.length >= 4);
}

/**
 * An object that rejects unknown keys. With one unknown key the message is
 * "is not a known key (…)" and errors.ts puts the key into the path; with several, the
 * object's path is kept and every key is named.
 */
export function strictMap<S extends z.ZodRawShape>(shape: S, what = 'a map') {
  const known = Object.keys(shape);
  const allowed = `allowed: ${known.join(', ')}`;
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys as string[];
        if (keys.length === 1) {
          const near = nearestKey(keys[0], known);
          return `is not a known key (${near ? `did you mean ${near}? ` : ''}${allowed})`;
        }
        return `has unknown keys ${keys.join(', ')} (${allowed})`;
      }
      return issue.input === undefined
        ? `is required (${what} with keys ${known.join(', ')})`
        : `must be ${what} with keys ${known.join(', ')} (got ${showInput(issue.input)})`;
    },
  });
}

/**
 * A quantity in `unit`: a number (already SI) or a string with a unit ("400 GB/s",
 * "200 Gbit/s"). The string is checked here and converted by the loader with parseQuantity.
 */
export function quantity(unit: string, rule: NumberRule = { gt: 0 }) {
  const words = `${describeRule(rule)} in ${unit}, or text with a unit such as '400 G${unit}'`;
  return z
    .union([z.number(), z.string()], { error: ruleError(words) })
    .superRefine((value, ctx) => {
      const problem = quantityProblem(value, unit, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    });
}

/**
 * A duration: a number in `unit` (days for plan ops.duration_days) or text with a time unit
 * ("14 days", "1d", "2500 h"); > 0. The loader converts text with parseQuantity.
 */
export function duration(unit: string) {
  const rule = `a number of ${unit}s > 0, or text with a unit such as '14 days' or '2500 h'`;
  return z
    .union([z.number(), z.string()], { error: ruleError(rule) })
    .superRefine((value, ctx) => {
      let days: number;
      try {
        days = typeof value === 'number' ? value : parseQuantity(value, unit);
      } catch (e) {
        if (!(e instanceof UnitError)) throw e;
        ctx.addIssue({ code: 'custom', message: `must be ${rule} (got ${showInput(value)}: ${e.message})`, input: value });
        return;
      }
      if (!(Number.isFinite(days) && days > 0)) ctx.addIssue({ code: 'custom', message: `must be ${rule} (got ${showInput(value)})`, input: value });
    });
}

/** Why `value` is not a valid quantity in `unit`, or undefined when it is. */
function quantityProblem(value: number | string, unit: string, rule: NumberRule): string | undefined {
  let si: number;
  try {
    si = typeof value === 'number' ? value : parseQuantity(value, unit);
  } catch (e) {
    if (e instanceof UnitError) return `must be a quantity in ${unit} (got ${showInput(value)}: ${e.message})`;
    throw e;
  }
  const ok = Number.isFinite(si) &&
    (rule.gt === undefined || si > rule.gt) && (rule.ge === undefined || si >= rule.ge) &&
    (rule.le === undefined || si <= rule.le) && (!rule.int || Number.isInteger(si));
  return ok ? undefined : `must be ${describeRule(rule)} ${unit} (got ${showInput(value)})`;
}
