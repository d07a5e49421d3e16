import { describe, expect, it } from 'vitest';
import {
  errValue, formatCellValue, formatInUnit, formatNumber, formatPlain, formatQuantity, okValue,
} from '../../src/graph/index.js';

describe('formatNumber(n, digits)', () => {
  it('shows four significant digits by default, dropping trailing zeros', () => {
    expect(formatNumber(3.14159)).toBe('3.142');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(0.001234567)).toBe('0.001235');
  });

  it('shows integers whole, with thousands separators', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(-42)).toBe('-42');
  });

  it('rounds a fraction with more integer digits than asked for to an integer, like integers', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(9999.7)).toBe('10,000'); // rounds up past four digits
  });

  it('uses exponents for very small and very large magnitudes, without trailing zeros', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(2.5e21)).toBe('2.5e+21');
    expect(formatNumber(3e16)).toBe('3e+16');
  });

  it('honours the digits argument', () => {
    expect(formatNumber(3.14159, 2)).toBe('3.1');
    expect(formatNumber(3.14159, 6)).toBe('3.14159');
  });

  it('writes ∞ and −∞ as symbols', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});

describe('formatQuantity(value, unit)', () => {
  it('picks an SI prefix: 3.35e12 B/s is "3.35 TB/s"', () => {
    expect(formatQuantity(3.35e12, 'B/s')).toBe('3.35 TB/s');
    expect(formatQuantity(9.89e14, 'FLOP/s')).toBe('989 TFLOP/s');
    expect(formatQuantity(8e10, 'B')).toBe('80 GB');
    expect(formatQuantity(700, 'W')).toBe('700 W');
    expect(formatQuantity(0, 'B')).toBe('0 B');
  });

  it('uses milli and micro for small values: 0.0125 s is "12.5 ms"', () => {
    expect(formatQuantity(0.0125, 's')).toBe('12.5 ms');
    expect(formatQuantity(2.5e-6, 's')).toBe('2.5 µs');
    expect(formatQuantity(-0.002, 's')).toBe('-2 ms');
  });

  it('chooses the prefix after rounding: 999999 B is "1 MB", not "1000 kB"', () => {
    expect(formatQuantity(999999, 'B')).toBe('1 MB'); // 999999 → 1.000e6 at 4 digits
    expect(formatQuantity(0.9999999, 's')).toBe('1 s'); // not "1000 ms"
  });

  it('shows long times in hours or days instead of kiloseconds', () => {
    expect(formatQuantity(7200, 's')).toBe('2 h');
    expect(formatQuantity(100000, 's')).toBe('27.78 h'); // 100000 / 3600 = 27.777…
    expect(formatQuantity(259200, 's')).toBe('3 days'); // 3 · 86400
    expect(formatQuantity(3599.99, 's')).toBe('1 h'); // rounds to 3600 s
  });

  it('leaves dimensionless values and non-prefixable units alone', () => {
    expect(formatQuantity(0.5, '1')).toBe('0.5');
    expect(formatQuantity(12.5, 'tokens/s')).toBe('12.5 tokens/s');
  });

  it('shows money in dollars with up to six digits', () => {
    expect(formatQuantity(1234.5, 'USD')).toBe('$1234.5');
    expect(formatQuantity(2000000, 'USD')).toBe('$2,000,000');
    expect(formatQuantity(1234567.5, 'USD')).toBe('$1,234,568');
    expect(formatQuantity(0.125, 'USD')).toBe('$0.125');
  });

  it('shows ∞ with its unit', () => {
    expect(formatQuantity(Infinity, 's')).toBe('∞ s');
    expect(formatQuantity(Infinity, '1')).toBe('∞');
  });
});

describe('formatPlain and formatCellValue', () => {
  it('formatPlain shows null as "unset" and booleans and strings as they are', () => {
    expect(formatPlain(null, 'B')).toBe('unset');
    expect(formatPlain(true, 'bool')).toBe('true');
    expect(formatPlain('fp16', 'enum')).toBe('fp16');
    expect(formatPlain(2e9, 'B')).toBe('2 GB');
  });

  it('formatCellValue shows a value with its unit, or the error message', () => {
    expect(formatCellValue(okValue(0.0125), 's')).toBe('12.5 ms');
    expect(formatCellValue(errValue('invalid_input', 'batch size must be ≥ 1', 't.b'), '1')).toBe(
      'error: batch size must be ≥ 1',
    );
  });
});

describe('formatInUnit(value, displayUnit)', () => {
  it('shows an SI value in a chosen unit of the same dimension', () => {
    // 1.0167e-4 g/J · 3.6e6 J/kWh = 366.01 g/kWh
    expect(formatInUnit(1.0167e-4, 'g/kWh')).toBe('366 g/kWh');
    expect(formatInUnit(0.0125, 'ms')).toBe('12.5 ms');
    expect(formatInUnit(8.5899345920e10, 'GiB')).toBe('80 GiB'); // 80 · 2^30 B
  });
});
