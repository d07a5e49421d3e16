import { describe, expect, it } from 'vitest';
import { canonicalValue, checkDomain, describeDomain, LiveGraph, normalizeChoice } from '../../src/graph/index.js';
import { calc, num } from './cells.js';

describe('describeDomain', () => {
  it('describes number ranges with their bounds and exclusivity', () => {
    expect(describeDomain({ kind: 'number', min: 1, integer: true })).toBe('an integer ≥ 1');
    expect(describeDomain({ kind: 'number', min: 0, max: 1, minExclusive: true })).toBe('a number in (0, 1]');
    expect(describeDomain({ kind: 'number', min: 0, max: 1, maxExclusive: true })).toBe('a number in [0, 1)');
    expect(describeDomain({ kind: 'number', max: 100, maxExclusive: true })).toBe('a number < 100');
    expect(describeDomain({ kind: 'number', min: 0, minExclusive: true })).toBe('a number > 0');
    expect(describeDomain({ kind: 'number', max: 5 })).toBe('a number ≤ 5');
    expect(describeDomain({ kind: 'number' })).toBe('a finite number');
    expect(describeDomain({ kind: 'number', integer: true })).toBe('a finite integer');
    expect(describeDomain({ kind: 'number', allowInfinity: true })).toBe('a number');
  });

  it('describes choices, booleans and text', () => {
    expect(describeDomain({ kind: 'choice', choices: ['fp32', 'fp16'] })).toBe('one of fp32, fp16');
    expect(describeDomain({ kind: 'boolean' })).toBe('true or false');
    expect(describeDomain({ kind: 'text' })).toBe('a text');
  });
});

describe('checkDomain: numbers', () => {
  const batch = { kind: 'number', min: 1, integer: true } as const;
  const eta = { kind: 'number', min: 0, max: 1, minExclusive: true } as const;

  it('accepts values inside the domain, bounds included unless exclusive', () => {
    expect(checkDomain('scenario.batch_size', batch, 1)).toBeUndefined();
    expect(checkDomain('scenario.batch_size', batch, 1024)).toBeUndefined();
    expect(checkDomain('scenario.eta', eta, 1)).toBeUndefined();
    expect(checkDomain('scenario.eta', eta, 0.5)).toBeUndefined();
  });

  it('refuses a value below the minimum, naming the cell, the allowed range and the value', () => {
    expect(checkDomain('scenario.batch_size', batch, 0)).toBe('scenario.batch_size must be an integer ≥ 1 (got 0)');
    expect(checkDomain('scenario.eta', eta, 0)).toBe('scenario.eta must be a number in (0, 1] (got 0)');
  });

  it('refuses a value above the maximum', () => {
    expect(checkDomain('scenario.eta', eta, 1.5)).toBe('scenario.eta must be a number in (0, 1] (got 1.5)');
    expect(checkDomain('t.p', { kind: 'number', max: 1, maxExclusive: true }, 1)).toBe('t.p must be a number < 1 (got 1)');
  });

  it('refuses a fraction where an integer is required', () => {
    expect(checkDomain('scenario.batch_size', batch, 2.5)).toBe('scenario.batch_size must be an integer ≥ 1 (got 2.5)');
  });

  it('refuses NaN always, and ∞ unless the domain allows +∞', () => {
    expect(checkDomain('t.x', { kind: 'number' }, NaN)).toBe('t.x must be a finite number (got NaN)');
    expect(checkDomain('t.x', { kind: 'number', allowInfinity: true }, NaN)).toBe('t.x must be a number (got NaN)');
    expect(checkDomain('t.x', { kind: 'number' }, Infinity)).toBe('t.x must be a finite number (got Infinity)');
    expect(checkDomain('t.x', { kind: 'number', allowInfinity: true }, Infinity)).toBeUndefined();
    expect(checkDomain('t.x', { kind: 'number', allowInfinity: true }, -Infinity)).toBe('t.x must be a number (got -Infinity)');
    expect(checkDomain('t.x', { kind: 'number', min: 0, allowInfinity: true, integer: true }, Infinity)).toBeUndefined();
  });

  it('refuses a number given as a string', () => {
    expect(checkDomain('t.x', { kind: 'number' }, '4')).toBe('t.x must be a finite number (got "4")');
  });

  it('refuses null unless the domain is optional', () => {
    expect(checkDomain('t.x', batch, null)).toBe('t.x is required: it must be an integer ≥ 1');
    expect(checkDomain('t.x', { ...batch, optional: true }, null)).toBeUndefined();
  });
});

describe('checkDomain: choices, booleans and text', () => {
  const precision = { kind: 'choice', choices: ['fp32', 'bf16', 'fp16'] } as const;

  it('matches a choice case-insensitively after trimming', () => {
    expect(checkDomain('scenario.precision', precision, ' BF16 ')).toBeUndefined();
    expect(normalizeChoice(precision.choices, ' BF16 ')).toBe('bf16');
    expect(canonicalValue(precision, 'FP16')).toBe('fp16');
    expect(canonicalValue({ kind: 'number' }, 3)).toBe(3);
  });

  it('refuses an unknown choice, listing the choices', () => {
    expect(checkDomain('scenario.precision', precision, 'fp4')).toBe(
      'scenario.precision must be one of fp32, bf16, fp16 (got "fp4")',
    );
    expect(normalizeChoice(precision.choices, 'fp4')).toBeUndefined();
  });

  it('accepts only booleans for a boolean domain and only strings for a text domain', () => {
    expect(checkDomain('t.b', { kind: 'boolean' }, false)).toBeUndefined();
    expect(checkDomain('t.b', { kind: 'boolean' }, 1)).toBe('t.b must be true or false (got 1)');
    expect(checkDomain('t.t', { kind: 'text' }, 'hello')).toBeUndefined();
    expect(checkDomain('t.t', { kind: 'text' }, true)).toBe('t.t must be a text (got true)');
  });
});

describe('domain refusal in the live graph', () => {
  //   eta (0, 1]
  //    |
  //   t = 10 / eta
  const defs = [
    num('t.eta', 0.5, { kind: 'number', min: 0, max: 1, minExclusive: true }),
    calc('t.t', ['t.eta'], (eta) => 10 / eta),
  ];

  it('never clamps: a refused value is kept as given and the cell holds an error, not the bound', () => {
    const g = new LiveGraph(defs);
    expect(g.value('t.t')).toBe(20); // 10 / 0.5
    for (const bad of [0, 1.5, -3]) {
      const out = g.set('t.eta', bad);
      expect(out.ok).toBe(false);
      expect(out.message).toBe(`t.eta must be a number in (0, 1] (got ${bad})`);
      expect(g.rawInput('t.eta')).toBe(bad);
      expect(g.value('t.eta')).toBeUndefined();
      expect(g.value('t.t')).toBeUndefined();
    }
  });

  it('a choice input holds the canonical spelling of what was typed', () => {
    const g = new LiveGraph([num('t.p', 'fp32', { kind: 'choice', choices: ['fp32', 'fp16'] })]);
    expect(g.set('t.p', 'FP16').ok).toBe(true);
    expect(g.value('t.p')).toBe('fp16');
    expect(g.rawInput('t.p')).toBe('FP16');
  });
});
