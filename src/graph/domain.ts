/**
 * Domain checks for input cells. A value outside the domain is refused with a message that
 * names the cell and the allowed range — never clamped (DESIGN.md "The cell").
 */
import type { Domain } from './cell.js';
import type { Plain } from './values.js';

function fmt(n: number): string {
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '−∞';
  return String(n);
}

/** "an integer ≥ 1", "a number in (0, 1]", "one of fp32, fp16". */
export function describeDomain(d: Domain): string {
  switch (d.kind) {
    case 'choice':
      return `one of ${d.choices.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'text':
      return 'a text';
    case 'number': {
      const what = d.integer ? 'an integer' : 'a number';
      const hasMin = d.min !== undefined;
      const hasMax = d.max !== undefined;
      if (hasMin && hasMax) {
        const lo = d.minExclusive ? '(' : '[';
        const hi = d.maxExclusive ? ')' : ']';
        return `${what} in ${lo}${fmt(d.min!)}, ${fmt(d.max!)}${hi}`;
      }
      if (hasMin) return `${what} ${d.minExclusive ? '>' : '≥'} ${fmt(d.min!)}`;
      if (hasMax) return `${what} ${d.maxExclusive ? '<' : '≤'} ${fmt(d.max!)}`;
      return d.allowInfinity ? what : `a finite ${what.replace(/^an? /, '')}`;
    }
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return String(v);
}

/** The refusal message for `value` outside `domain`. */
function refusal(id: string, domain: Domain, value: unknown): string {
  return `${id} must be ${describeDomain(domain)} (got ${show(value)})`;
}

/**
 * Checks `value` against `domain`. Returns undefined when valid, else the refusal message:
 * "scenario.batch_size must be an integer ≥ 1 (got 0)". Strings for a choice domain are
 * matched case-insensitively after trimming (physics.md §1.2); `normalizeChoice` gives the
 * canonical spelling.
 */
export function checkDomain(id: string, domain: Domain, value: unknown): string | undefined {
  // The message is built only when refusing (no closure per call either): this check runs on
  // every input write and every swept value.
  if (value === null || value === undefined) {
    return domain.optional ? undefined : `${id} is required: it must be ${describeDomain(domain)}`;
  }
  switch (domain.kind) {
    case 'choice':
      return typeof value === 'string' && normalizeChoice(domain.choices, value) !== undefined
        ? undefined
        : refusal(id, domain, value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : refusal(id, domain, value);
    case 'text':
      return typeof value === 'string' ? undefined : refusal(id, domain, value);
    case 'number': {
      if (typeof value !== 'number' || Number.isNaN(value)) return refusal(id, domain, value);
      if (!Number.isFinite(value) && !(domain.allowInfinity && value === Infinity)) {
        return refusal(id, domain, value);
      }
      if (domain.integer && Number.isFinite(value) && !Number.isInteger(value)) {
        return refusal(id, domain, value);
      }
      if (domain.min !== undefined) {
        if (domain.minExclusive ? value <= domain.min : value < domain.min) return refusal(id, domain, value);
      }
      if (domain.max !== undefined) {
        if (domain.maxExclusive ? value >= domain.max : value > domain.max) return refusal(id, domain, value);
      }
      return undefined;
    }
  }
}

/** The canonical choice for a case-insensitive, trimmed match, or undefined. */
export function normalizeChoice(choices: readonly string[], value: string): string | undefined {
  const key = value.trim().toLowerCase();
  return choices.find((c) => c.toLowerCase() === key);
}

/** Canonical form of a valid value (choice spelling); other values unchanged. */
export function canonicalValue(domain: Domain, value: Plain): Plain {
  if (domain.kind === 'choice' && typeof value === 'string') {
    return normalizeChoice(domain.choices, value) ?? value;
  }
  return value;
}
