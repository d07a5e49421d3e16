import { describe, expect, it } from 'vitest';
import { statusLabel, toneOf } from '../../src/ui/components/status/index.js';
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
