import { describe, expect, it } from 'vitest';
import { amdahlSpeedup } from '../../../src/nodes/common/iron-law.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';

describe('amdahlSpeedup(p, s) = 1/((1 − p) + p/s)', () => {
  it('ref.amdahl', () => {
    const c = goldenCase('ref.amdahl');
    for (const { parallel_fraction: p, speedup: s } of (c.inputs as { cases: { parallel_fraction: number; speedup: number }[] }).cases) {
      expectClose(amdahlSpeedup(p, s), c.expected[`amdahl_speedup[${p},${s}]`], c.tolerance_rel);
    }
  });

  it('refuses a fraction outside [0, 1] and a non-positive speedup', () => {
    expect(() => amdahlSpeedup(1.1, 2)).toThrow(RangeError);
    expect(() => amdahlSpeedup(0.5, 0)).toThrow(RangeError);
  });
});
