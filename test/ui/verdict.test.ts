import { describe, expect, it } from 'vitest';
import type { Lens, LensStatus, Scorecard } from '../../src/scenario/index.js';
import { verdictOf } from '../../src/ui/components/scorecard/verdict.js';

const lens = (name: Lens['name'], status: LensStatus): Lens => ({ name, status, level_name: '', summary: '', metrics: {}, reasons: [] });
const card = (f: LensStatus, p: LensStatus, m: LensStatus): Scorecard => ({
  feasibility: lens('feasibility', f), performance: lens('performance', p), macro: lens('macro', m),
  passed_all: ![f, p, m].some((s) => s === 'FAIL' || s === 'ERROR'),
});

describe('verdictOf(scorecard): the headline agrees with the lenses', () => {
  it('says warnings rather than "All lenses pass" (two WARNINGs)', () => {
    expect(verdictOf(card('WARNING', 'WARNING', 'SKIPPED'))).toEqual({ text: 'Passes, with 2 warnings (Feasibility, Performance)', tone: 'warning' });
    expect(verdictOf(card('PASS', 'WARNING', 'PASS'))).toEqual({ text: 'Passes, with a warning (Performance)', tone: 'warning' });
  });

  it('names the lenses that fail or cannot be computed', () => {
    expect(verdictOf(card('FAIL', 'FAIL', 'PASS'))).toEqual({ text: 'Feasibility and Performance fail', tone: 'fail' });
    expect(verdictOf(card('PASS', 'ERROR', 'FAIL'))).toEqual({ text: 'Performance cannot be computed', tone: 'error' });
  });

  it('passes whole only when every lens passes; a lens that does not apply is left out', () => {
    expect(verdictOf(card('PASS', 'PASS', 'PASS'))).toEqual({ text: 'All lenses pass', tone: 'pass' });
    expect(verdictOf(card('PASS', 'PASS', 'SKIPPED'))).toEqual({ text: 'All lenses that apply pass', tone: 'pass' });
  });
});
