import { describe, expect, it } from 'vitest';
import { formatDisplayValue, unitText } from '../../src/scenario/display-value.js';

// Display values are already in display units (physics.md §11.2): latency in ms, memory in GB,
// carbon in t, fractions and money as numbers. Expected strings are four significant digits,
// written out by hand.
describe('formatDisplayValue(value, unit): display units of physics.md §11.2, for the report and the workbench', () => {
  it('keeps four significant digits and puts the unit after a space', () => {
    expect(formatDisplayValue(5.2041598, 'ms')).toBe('5.204 ms');
    expect(formatDisplayValue(16.328566, 'GB')).toBe('16.33 GB');
    expect(formatDisplayValue(3496.45, 'GB/s')).toBe('3496 GB/s');
    expect(formatDisplayValue(20, 'count')).toBe('20');
  });

  it('shows a fraction as a percentage, a rate as /s and carbon as t CO2e', () => {
    expect(formatDisplayValue(0.2041070816, 'fraction')).toBe('20.41 %');
    expect(formatDisplayValue(192.15, '1/s')).toBe('192.2/s');
    expect(formatDisplayValue(0.0022318, 't')).toBe('0.002232 t CO2e');
  });

  it('shows money with cents below $1,000 and whole grouped dollars above', () => {
    expect(formatDisplayValue(31.9653, 'USD')).toBe('$31.97');
    expect(formatDisplayValue(1234567.8, 'USD')).toBe('$1,234,568');
    expect(formatDisplayValue(-999.994, 'USD')).toBe('−$999.99');
  });

  it('shows +∞ (null) as ∞ with its unit, and no value as a dash', () => {
    expect(formatDisplayValue(null, 'ms')).toBe('∞ ms');
    expect(formatDisplayValue(null, 'USD')).toBe('∞');
    expect(formatDisplayValue(undefined, 'GB')).toBe('—');
    expect(formatDisplayValue(false, 'bool')).toBe('no');
    expect(formatDisplayValue(true, 'bool')).toBe('yes');
    expect(formatDisplayValue('memory_bandwidth', 'cell')).toBe('memory_bandwidth');
  });

  it('unitText(unit) is empty where the value carries its unit', () => {
    expect(['fraction', 'USD', '1', 'count'].map(unitText)).toEqual(['', '', '', '']);
    expect(unitText('1/s')).toBe('/s');
    expect(unitText('t')).toBe('t CO2e');
  });
});
