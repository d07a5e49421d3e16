import { describe, expect, it } from 'vitest';
import { type Domain, type InputDef, parseInputText } from '../../src/graph/index.js';
import { num } from './cells.js';

const field = (unit: string, domain: Domain = { kind: 'number' }): InputDef => num('t.f', 1, domain, { unit });

describe('parseInputText: numbers with units', () => {
  it('converts a quantity with a unit into the cell\'s SI unit', () => {
    expect(parseInputText(field('B/s'), '4TB/s')).toEqual({ ok: true, value: 4e12 });
    expect(parseInputText(field('B/s'), '200 Gbit/s')).toEqual({ ok: true, value: 2.5e10 });
    expect(parseInputText(field('B'), ' 80 GiB ')).toEqual({ ok: true, value: 85899345920 });
    expect(parseInputText(field('J'), '1 kWh')).toEqual({ ok: true, value: 3.6e6 });
  });

  it('takes a bare number as already SI', () => {
    expect(parseInputText(field('B'), '32')).toEqual({ ok: true, value: 32 });
  });

  it('reads "inf" as +∞ (the domain decides later whether it is allowed)', () => {
    expect(parseInputText(field('s'), 'inf')).toEqual({ ok: true, value: Infinity });
  });

  it('refuses a unit of the wrong dimension, naming the cell', () => {
    const r = parseInputText(field('B/s'), '80 GB');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('t.f: "80 GB" has unit GB (B), but B/s (s^-1·B) is needed');
  });

  it('refuses text that is not a number', () => {
    expect(parseInputText(field('B'), 'lots')).toEqual({ ok: false, message: 't.f: "lots" is not a number with a unit' });
  });

  it('reads "unset" as null only for an optional input', () => {
    expect(parseInputText(field('B', { kind: 'number', optional: true }), 'unset')).toEqual({ ok: true, value: null });
    expect(parseInputText(field('B', { kind: 'number', optional: true }), 'None')).toEqual({ ok: true, value: null });
    expect(parseInputText(field('B'), 'unset').ok).toBe(false);
  });
});

describe('parseInputText: booleans, choices and text', () => {
  const flag = field('bool', { kind: 'boolean' });
  const precision = field('enum', { kind: 'choice', choices: ['fp32', 'bf16'] });

  it('reads true/yes/on/1 and false/no/off/0 as booleans', () => {
    for (const t of ['true', 'YES', 'on', '1']) expect(parseInputText(flag, t)).toEqual({ ok: true, value: true });
    for (const t of ['false', 'No', 'off', '0']) expect(parseInputText(flag, t)).toEqual({ ok: true, value: false });
    expect(parseInputText(flag, 'maybe')).toEqual({ ok: false, message: 't.f must be true or false (got "maybe")' });
  });

  it('matches a choice case-insensitively and returns its canonical spelling', () => {
    expect(parseInputText(precision, ' BF16 ')).toEqual({ ok: true, value: 'bf16' });
    expect(parseInputText(precision, 'fp8')).toEqual({ ok: false, message: 't.f must be one of fp32, bf16 (got "fp8")' });
  });

  it('keeps text exactly as typed', () => {
    expect(parseInputText(field('text', { kind: 'text' }), '  my note ')).toEqual({ ok: true, value: '  my note ' });
  });
});
