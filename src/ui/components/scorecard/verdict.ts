/**
 * The headline verdict, in words that agree with the lenses (physics.md §11.1): a lens that
 * fails or errs is named; warnings are said ("Passes, with 2 warnings"), never covered by "All
 * lenses pass"; a lens that does not apply (SKIPPED) is left out ("All lenses that apply pass").
 */
import type { Scorecard, LensStatus } from '../../../scenario/index.js';

export interface Verdict {
  readonly text: string;
  readonly tone: 'pass' | 'warning' | 'fail' | 'error';
}

const TITLES = { feasibility: 'Feasibility', performance: 'Performance', macro: 'Macro' } as const;

export function verdictOf(card: Scorecard): Verdict {
  const lenses = [card.feasibility, card.performance, card.macro];
  const named = (s: LensStatus) => lenses.filter((l) => l.status === s).map((l) => TITLES[l.name]);
  const errors = named('ERROR');
  const fails = named('FAIL');
  const warnings = named('WARNING');
  if (errors.length) return { text: `${errors.join(' and ')} cannot be computed`, tone: 'error' };
  if (fails.length) return { text: `${fails.join(' and ')} ${fails.length === 1 ? 'fails' : 'fail'}`, tone: 'fail' };
  if (warnings.length) return { text: `Passes, with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`} (${warnings.join(', ')})`, tone: 'warning' };
  return { text: named('SKIPPED').length ? 'All lenses that apply pass' : 'All lenses pass', tone: 'pass' };
}
