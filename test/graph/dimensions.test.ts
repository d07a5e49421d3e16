import { describe, expect, it } from 'vitest';
import { type CellDef, checkDimensions, DEFAULT_SCALES, fail } from '../../src/graph/index.js';
import { calc, num } from './cells.js';

//   flops [FLOP]   peak [FLOP/s]   eff [1]     power [W]
//        \            |            /             |
//         latency = flops / (peak · eff)  [s]    |
//                         \                     /
//                          energy = power · latency  [J]
function consistent(): CellDef[] {
  return [
    num('t.flops', 2e12, { kind: 'number', min: 0 }, { unit: 'FLOP' }),
    num('t.peak', 1e15, { kind: 'number', min: 0 }, { unit: 'FLOP/s' }),
    num('t.eff', 0.5, { kind: 'number', min: 0, max: 1 }),
    num('t.power', 700, { kind: 'number', min: 0 }, { unit: 'W' }),
    calc('t.latency', ['t.flops', 't.peak', 't.eff'], (f, p, e) => f / (p * e), { unit: 's' }),
    calc('t.energy', ['t.power', 't.latency'], (w, t) => w * t, { unit: 'J' }),
  ];
}

describe('checkDimensions(defs)', () => {
  it('passes a graph whose formulas are dimensionally consistent', () => {
    // Rescaled: flops ×8, peak ×8/2 = ×4 → latency ×8/4 = ×2 = s; power ×16/2 = ×8 → energy ×8·2 = ×16 = J.
    expect(checkDimensions(consistent())).toEqual([]);
  });

  it('catches a formula with a hidden unit constant (a peak written as 1e15 inside it)', () => {
    const defs = [...consistent(), calc('t.latency_hidden', ['t.flops'], (f) => f / 1e15, { unit: 's' })];
    // flops ×8 and the constant does not scale, so the "seconds" scale by 8, not 2.
    expect(checkDimensions(defs)).toEqual([{ id: 't.latency_hidden', message: 't.latency_hidden [s] scaled by 8, expected 2' }]);
  });

  it('catches a hidden additive constant (a fixed 1 ms overhead)', () => {
    const defs = [...consistent(), calc('t.total', ['t.latency'], (t) => t + 0.001, { unit: 's' })];
    expect(checkDimensions(defs).map((v) => v.id)).toEqual(['t.total']);
  });

  it('catches an enum that flips under rescaling (a threshold with a hidden unit)', () => {
    // flops = 2e12 → "small"; rescaled 1.6e13 > 1e13 → "big".
    const defs = [...consistent(), calc('t.size', ['t.flops'], (f) => (f > 1e13 ? 'big' : 'small'), { unit: 'enum' })];
    expect(checkDimensions(defs)).toEqual([{ id: 't.size', message: 't.size changed from small to big under rescaling' }]);
  });

  it('catches a cell that is a value at one scale and an error at the other', () => {
    // latency = 2e12 / (1e15 · 0.5) = 0.004 s; rescaled 0.008 s crosses the hidden 5 ms limit.
    const limited = calc('t.limited', ['t.latency'], (t) => (t > 0.005 ? fail('no_solution', 'over budget') : t), { unit: 's' });
    const defs = [...consistent(), limited];
    expect(checkDimensions(defs)).toEqual([{ id: 't.limited', message: 't.limited is a value before rescaling and an error after' }]);
  });

  it('applies overrides to both copies before comparing', () => {
    const defs = [...consistent(), calc('t.total', ['t.latency'], (t) => t + 0.001, { unit: 's' })];
    // With flops = 0 the latency is 0 at both scales, but t.total is 0.001 at both: ×1, not ×2.
    expect(checkDimensions(defs, { 't.flops': 0 }).map((v) => v.id)).toEqual(['t.total']);
    expect(checkDimensions(consistent(), { 't.flops': 1e9, 't.power': 300 })).toEqual([]);
  });

  it('accepts custom scales, and its default scales are exact powers of two', () => {
    expect(checkDimensions(consistent(), {}, { s: 3, FLOP: 5, J: 7 })).toEqual([]);
    for (const f of Object.values(DEFAULT_SCALES)) expect(Math.log2(f) % 1).toBe(0);
  });
});
