/**
 * Asserts (physics.md §11.6): `{metric, min?, max?}` on scorecard metrics, in display units,
 * inclusive bounds; +∞ fails any max and passes any min; an unavailable or error metric fails
 * with the reason.
 */
import { formatNumber } from '../graph/index.js';
import { assertBounds, type AssertSpec } from './metrics.js';
import type { Scorecard } from './scorecard.js';

export interface AssertResult {
  readonly metric: string;
  readonly min?: number;
  readonly max?: number;
  /** Display value; null = +∞; undefined when unavailable. */
  readonly value?: number | null;
  readonly passed: boolean;
  readonly message: string;
}

const six = (v: number) => formatNumber(v, 6).replace(/,/g, '');

export function checkAsserts(specs: readonly AssertSpec[], card: Scorecard): AssertResult[] {
  return specs.map((spec) => {
    const { metric, min, max } = assertBounds(spec);
    const [lensName, key] = metric.split('.') as ['feasibility' | 'performance' | 'macro', string];
    const lens = card[lensName];
    const m = lens.metrics[key];
    const bounds = { metric, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    if (!m) {
      const why = lens.status === 'SKIPPED' ? `${lens.level_name} is skipped: ${lens.summary}` : `this mode does not produce it`;
      return { ...bounds, passed: false, message: `${metric} is not available in this evaluation (${why})` };
    }
    if (m.value === undefined) return { ...bounds, passed: false, message: `${metric} is an error: ${m.error ?? 'unknown'}` };
    const v = m.value;
    if (max !== undefined && (v === null || v > max)) {
      return { ...bounds, value: v, passed: false, message: `${metric} (${v === null ? '∞' : six(v)}) exceeds max (${six(max)})` };
    }
    if (min !== undefined && v !== null && v < min) {
      return { ...bounds, value: v, passed: false, message: `${metric} (${six(v)}) is below min (${six(min)})` };
    }
    return { ...bounds, value: v, passed: true, message: `${metric} (${v === null ? '∞' : six(v)}) within bounds` };
  });
}
