import { describe, expect, it } from 'vitest';
import {
  describeDimension, dimensionOf, parseQuantity, parseUnit, sameDimension, scaleFactor, UnitError,
} from '../../src/graph/index.js';

describe('parseUnit: SI prefixes', () => {
  it('ms is 1e-3 s', () => {
    expect(parseUnit('ms')).toEqual({ scale: 1e-3, dim: { s: 1 } });
  });

  it('GB is 1e9 B and GiB is 2^30 B', () => {
    expect(parseUnit('GB')).toEqual({ scale: 1e9, dim: { B: 1 } });
    expect(parseUnit('GiB')).toEqual({ scale: 1073741824, dim: { B: 1 } }); // 2^30
  });

  it('TFLOP/s is 1e12 FLOP per second', () => {
    expect(parseUnit('TFLOP/s')).toEqual({ scale: 1e12, dim: { FLOP: 1, s: -1 } });
  });

  it('bit is an eighth of a byte, with prefixes: Gbit = 1.25e8 B', () => {
    expect(parseUnit('Gbit').scale).toBe(1.25e8); // 1e9 / 8
    expect(parseUnit('Gb').scale).toBe(1.25e8);
  });

  it('W is J/s and kWh is 3.6e6 J', () => {
    expect(parseUnit('W')).toEqual({ scale: 1, dim: { J: 1, s: -1 } });
    expect(parseUnit('kWh')).toEqual({ scale: 3.6e6, dim: { J: 1 } }); // 1000 W · 3600 s
  });

  it('min, h, day and yr are seconds; yr is 365 days', () => {
    expect(parseUnit('min').scale).toBe(60);
    expect(parseUnit('h').scale).toBe(3600);
    expect(parseUnit('day').scale).toBe(86400);
    expect(parseUnit('yr').scale).toBe(31536000); // 365 · 86400
  });

  it('durations as people write them: 1d, 14 days, 2500 h, 90 minutes, 2 weeks', () => {
    expect(parseQuantity('1d', 's')).toBe(86400);
    expect(parseQuantity('14 days', 'day')).toBe(14);
    expect(parseQuantity('2500 h', 'day')).toBeCloseTo(2500 / 24, 12); // 104.17 days
    expect(parseQuantity('2500 hours', 's')).toBe(9e6);
    expect(parseQuantity('90 minutes', 's')).toBe(5400);
    expect(parseQuantity('2 weeks', 'day')).toBe(14);
    expect(parseQuantity('3 years', 'day')).toBe(1095); // 365-day years (physics.md §1.1)
    expect(parseQuantity('30 sec', 'ms')).toBe(30000);
  });
});

describe('parseUnit: compound units', () => {
  it('divides by the atom after /, and multiplies atoms joined by ·, * or a space', () => {
    expect(parseUnit('B/s').dim).toEqual({ B: 1, s: -1 });
    expect(parseUnit('W·s').dim).toEqual({ J: 1 }); // J/s · s
    expect(parseUnit('J*s').dim).toEqual({ J: 1, s: 1 });
    expect(parseUnit('FLOP B').dim).toEqual({ FLOP: 1, B: 1 });
    expect(parseUnit('FLOP/B').dim).toEqual({ FLOP: 1, B: -1 });
  });

  it('takes powers as ^n or as superscripts, including negative ones', () => {
    expect(parseUnit('s^2').dim).toEqual({ s: 2 });
    expect(parseUnit('s²').dim).toEqual({ s: 2 });
    expect(parseUnit('s⁻¹').dim).toEqual({ s: -1 });
    expect(parseUnit('B·s⁻¹').dim).toEqual({ B: 1, s: -1 });
    expect(parseUnit('ms^2').scale).toBeCloseTo(1e-6, 20);
  });

  it('treats count words and "1" as dimensionless, and % as 0.01', () => {
    expect(parseUnit('tokens/s')).toEqual({ scale: 1, dim: { s: -1 } });
    expect(parseUnit('1/s')).toEqual({ scale: 1, dim: { s: -1 } });
    expect(parseUnit('1')).toEqual({ scale: 1, dim: {} });
    expect(parseUnit('%')).toEqual({ scale: 0.01, dim: {} });
  });

  it('carries the scale of a divided unit: g/kWh is 1/3.6e6 g/J', () => {
    const u = parseUnit('g/kWh');
    expect(u.dim).toEqual({ g: 1, J: -1 });
    expect(u.scale).toBeCloseTo(1 / 3.6e6, 20);
  });

  it('drops dimensions that cancel: B/B is dimensionless', () => {
    expect(parseUnit('B/B').dim).toEqual({});
  });

  it('throws a UnitError naming an unknown atom', () => {
    expect(() => parseUnit('furlong/s')).toThrow(UnitError);
    expect(() => parseUnit('furlong/s')).toThrow('unknown unit "furlong" in "furlong/s"');
    expect(() => parseUnit('kUSD')).toThrow('unknown unit "kUSD"'); // USD takes no prefix
  });
});

describe('parseQuantity(text, targetUnit)', () => {
  it('"400 GB/s" is 4e11 B/s', () => {
    expect(parseQuantity('400 GB/s', 'B/s')).toBe(4e11);
  });

  it('"200 Gbit/s" is 2.5e10 B/s', () => {
    expect(parseQuantity('200 Gbit/s', 'B/s')).toBe(2.5e10); // 200e9 / 8
    expect(parseQuantity('200 Gb/s', 'B/s')).toBe(2.5e10);
  });

  it('"80 GiB" is 85899345920 B', () => {
    expect(parseQuantity('80 GiB', 'B')).toBe(85899345920); // 80 · 2^30
  });

  it('"1 kWh" is 3.6e6 J', () => {
    expect(parseQuantity('1 kWh', 'J')).toBe(3.6e6);
  });

  it('"989 TFLOP/s" is 9.89e14 FLOP/s and "10 ms" is 0.01 s', () => {
    expect(parseQuantity('989 TFLOP/s', 'FLOP/s')).toBe(9.89e14);
    expect(parseQuantity('10 ms', 's')).toBeCloseTo(0.01, 15);
  });

  it('needs no space between number and unit, and reads exponents', () => {
    expect(parseQuantity('4TB/s', 'B/s')).toBe(4e12);
    expect(parseQuantity('1.5e3 MB', 'B')).toBe(1.5e9);
    expect(parseQuantity('2.5 h', 's')).toBe(9000); // 2.5 · 3600
  });

  it('converts into a non-SI target unit too: "1 s" is 1000 ms', () => {
    expect(parseQuantity('1 s', 'ms')).toBeCloseTo(1000, 9);
  });

  it('takes a bare number as already in the target unit', () => {
    expect(parseQuantity('32', 'B')).toBe(32);
    expect(parseQuantity('-0.5', '1')).toBe(-0.5);
  });

  it('reads inf, infinity and ∞ with a sign', () => {
    expect(parseQuantity('inf', 's')).toBe(Infinity);
    expect(parseQuantity('-Infinity', 's')).toBe(-Infinity);
    expect(parseQuantity('∞ s', 's')).toBe(Infinity);
  });

  it('refuses a unit of another dimension, naming both units', () => {
    expect(() => parseQuantity('400 GB', 'B/s')).toThrow(
      '"400 GB" has unit GB (B), but B/s (s^-1·B) is needed',
    );
  });

  it('refuses text that does not start with a number', () => {
    expect(() => parseQuantity('fast', 'B/s')).toThrow('"fast" is not a number with a unit');
  });
});

describe('dimensions', () => {
  it('dimensionOf gives the dimension of a unit, or undefined for enum, bool and text', () => {
    expect(dimensionOf('B/s')).toEqual({ B: 1, s: -1 });
    expect(dimensionOf('enum')).toBeUndefined();
    expect(dimensionOf('bool')).toBeUndefined();
    expect(dimensionOf('text')).toBeUndefined();
  });

  it('sameDimension compares exponents, treating missing ones as 0', () => {
    expect(sameDimension(parseUnit('W').dim, parseUnit('J/s').dim)).toBe(true);
    expect(sameDimension({ B: 1, s: 0 }, { B: 1 })).toBe(true);
    expect(sameDimension({ B: 1 }, { B: 1, s: -1 })).toBe(false);
  });

  it('describeDimension names the base units with exponents', () => {
    expect(describeDimension({ B: 1, s: -1 })).toBe('s^-1·B');
    expect(describeDimension({})).toBe('dimensionless');
  });

  it('scaleFactor multiplies each base scale raised to its exponent', () => {
    // B/s with bytes ×4 and seconds ×2: 4 / 2 = 2
    expect(scaleFactor({ B: 1, s: -1 }, { B: 4, s: 2 })).toBe(2);
    // J/s² with J ×16, s ×2: 16 / 4 = 4
    expect(scaleFactor({ J: 1, s: -2 }, { J: 16, s: 2 })).toBe(4);
    expect(scaleFactor({}, { B: 4 })).toBe(1);
  });
});
