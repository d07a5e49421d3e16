import { describe, expect, it } from 'vitest';
import { formatDisplayValue, statusLabel, toneOf, unitText } from '../../src/ui/components/status/index.js';
import { bindingText, headlineText, tileDescription } from '../../src/ui/components/wall-board/index.js';
import type { WallRow } from '../../src/scenario/index.js';

describe('toneOf(status): one palette for lenses and walls', () => {
  it('maps the lens statuses and the board statuses to the same five tones', () => {
    expect(['PASS', 'WARNING', 'FAIL', 'ERROR', 'SKIPPED'].map((s) => toneOf(s as 'PASS'))).toEqual(['pass', 'warning', 'fail', 'error', 'skipped']);
    expect(toneOf('WARN')).toBe('warning');
  });

  it('spells the board WARN as WARNING, as the lens does', () => {
    expect(statusLabel('WARN')).toBe('WARNING');
    expect(statusLabel('FAIL')).toBe('FAIL');
  });
});

describe('formatDisplayValue(value, unit): display units of physics.md §11.2', () => {
  it('keeps the display unit and shows four significant digits', () => {
    expect(formatDisplayValue(5.2041598, 'ms')).toBe('5.204 ms');
    expect(formatDisplayValue(16.328566, 'GB')).toBe('16.33 GB');
    expect(formatDisplayValue(3496.45, 'GB/s')).toBe('3496 GB/s');
  });

  it('shows fractions as percentages, money in dollars, rates per second, carbon in t CO2e', () => {
    expect(formatDisplayValue(0.2041070816, 'fraction')).toBe('20.41 %');
    expect(formatDisplayValue(31.9653, 'USD')).toBe('$31.97');
    expect(formatDisplayValue(1234567.8, 'USD')).toBe('$1,234,568');
    expect(formatDisplayValue(192.15, '1/s')).toBe('192.2/s');
    expect(formatDisplayValue(0.0022318, 't')).toBe('0.002232 t CO2e');
    expect(formatDisplayValue(20, 'count')).toBe('20');
  });

  it('writes +∞ (null) as ∞, no value as —, and passes text through', () => {
    expect(formatDisplayValue(null, 'ms')).toBe('∞ ms');
    expect(formatDisplayValue(null, 'fraction')).toBe('∞');
    expect(formatDisplayValue(undefined, 'ms')).toBe('—');
    expect(formatDisplayValue('memory_bandwidth', 'cell')).toBe('memory_bandwidth');
    expect(formatDisplayValue(true, 'bool')).toBe('yes');
  });

  it('unitText(unit) is empty where the value carries its unit', () => {
    expect(['fraction', 'USD', '1', 'count'].map(unitText)).toEqual(['', '', '', '']);
    expect(unitText('t')).toBe('t CO2e');
  });
});

describe('tile text: what a board tile says', () => {
  const row: WallRow = {
    wall: 2, name: 'Memory', status: 'PASS', reason: '', lens: 'feasibility', binding: true,
    headline: { cell: 'memory.memory_utilization', value: 0.2041070816, unit: 'fraction' },
  };

  it('headlineText(row) formats the headline, or — without one', () => {
    expect(headlineText(row)).toBe('20.41 %');
    expect(headlineText({ ...row, headline: undefined })).toBe('—');
  });

  it('bindingText(share) gives the share of the headline time', () => {
    expect(bindingText(0.9365891882)).toBe('binding · 93.66 % of time');
    expect(bindingText(undefined)).toBe('binding');
  });

  it('tileDescription(row, share) names the wall, status, headline, binding mark and reason', () => {
    expect(tileDescription(row, 0.9365891882)).toBe('Wall 2 Memory: PASS, 20.41 %, binding · 93.66 % of time');
    expect(tileDescription({ ...row, status: 'FAIL', binding: false, reason: 'U > 1' }, undefined)).toBe('Wall 2 Memory: FAIL, 20.41 %. U > 1');
  });
});
