/**
 * The compiled sweep's shortcuts, each against hand-derived values and the signal sweeper:
 * a warned cell read only by later steps (no full value is built for it), constants that are
 * errors or of the wrong kind (decided when the cone is generated), a swept choice spelled
 * otherwise than its canonical form, and one generated text reused by graphs whose constants
 * and formulas differ (the factory cache).
 */
import { describe, expect, it } from 'vitest';
import {
  type CellValue, choice, compiledSweeper, derived, fail, type DerivedDef, input, LiveGraph, number, type Plain, signalSweeper, type SweepTable, text, warn,
} from '../../src/graph/index.js';
import { calc, num } from './cells.js';

const plain = (t: SweepTable): unknown[][] => t.cells.map((row) => row.map((c: CellValue) => (c.ok ? [c.value, [...c.warnings]] : [c.error.kind, c.error.root])));

/** Both sweepers, checked equal; the compiled table is returned. */
function both(defs: () => (DerivedDef | ReturnType<typeof num>)[], inputId: string, values: Plain[], outputs: string[]): SweepTable {
  const a = compiledSweeper.sweep(new LiveGraph(defs()), inputId, values, outputs);
  const b = signalSweeper.sweep(new LiveGraph(defs()), inputId, values, outputs);
  expect(plain(a)).toEqual(plain(b));
  return a;
}

describe('compiled sweep shortcuts', () => {
  // x ──► w = warn(2x) (NaN for x = 5) ──► z = w + 1; w is not an output.
  const warnedDefs = () => [
    num('t.x', 1),
    calc('t.w', ['t.x'], (x) => (x === 5 ? warn(Number.NaN, 'five') : warn(2 * x, 'doubled'))),
    calc('t.z', ['t.w'], (w) => w + 1),
  ];

  it('a warned cell read only by later steps passes its value on; its NaN is still an error', () => {
    const t = both(warnedDefs, 't.x', [1, 2.5, 5, 40], ['t.z']);
    // z = 2x + 1 by hand; the warning stays on w (not shown: w is not an output).
    expect(t.cells.map((r) => (r[0].ok ? r[0].value : r[0].error.kind))).toEqual([3, 6, 'upstream', 81]);
    expect(t.cells[0][0]).toMatchObject({ warnings: [] });
    expect(t.cells[2][0]).toMatchObject({ ok: false, error: { root: 't.w', message: 'blocked by t.w: non-finite value (NaN) in t.w' } });
    // As an output, w keeps its warning.
    const withW = both(warnedDefs, 't.x', [1, 3], ['t.w', 't.z']);
    expect(withW.cells[1][0]).toEqual({ ok: true, value: 6, warnings: ['doubled'] });
    expect(withW.cells[1][1]).toMatchObject({ ok: true, value: 7 });
  });

  it('a constant error blocks its readers for every value; a reader that tolerates errors sees null', () => {
    // r = y (fails for y = 3) is a constant of a sweep of x; b = r·x is blocked, tol = x − (r ?? 100).
    const defs = () => [
      num('t.x', 1),
      num('t.y', 3),
      calc('t.r', ['t.y'], (y) => (y === 3 ? fail('unsupported', 'three') : y)),
      calc('t.b', ['t.r', 't.x'], (r, x) => r * x),
      calc('t.tol', ['t.x', 't.r'], (x, r) => x - (r ?? 100), { tolerateErrors: true }),
    ];
    const t = both(defs, 't.x', [1, 2, 7], ['t.b', 't.tol']);
    expect(t.cells.map((r) => r[1])).toMatchObject([{ value: -99 }, { value: -98 }, { value: -93 }]);
    expect(t.cells.every((r) => !r[0].ok && r[0].error.root === 't.r')).toBe(true);
  });

  it('a constant of the wrong kind (a number cell left unset) is refused by name for every value', () => {
    const defs = () => [
      num('t.x', 1),
      num('t.y', 1),
      calc('t.s', ['t.y'], () => null),
      derived({ id: 't.d', label: 't.d', doc: 'x + s', unit: '1', layer: 'E', formula: 'x + s', inputs: { x: number('t.x'), s: number('t.s') }, compute: ({ x, s }) => x + s }),
    ];
    const t = both(defs, 't.x', [1, 2], ['t.d']);
    expect(t.cells.map((r) => r[0])).toMatchObject([0, 1].map(() => ({ ok: false, error: { kind: 'invalid_input', message: 'input s (t.s) must be a number; got unset' } })));
  });

  it('a swept choice spelled otherwise is read in its canonical spelling; an unknown one is refused', () => {
    const defs = () => [
      input({ id: 't.p', label: 't.p', doc: 'precision', unit: 'enum', layer: 'A', default: 'fp16', domain: { kind: 'choice', choices: ['fp16', 'fp32'] } }),
      input({ id: 't.n', label: 't.n', doc: 'name', unit: 'text', layer: 'A', default: 'a', domain: { kind: 'text' } }),
      derived({
        id: 't.bytes', label: 't.bytes', doc: 'bytes per element', unit: 'B', layer: 'E', formula: 'fp16: 2, fp32: 4',
        inputs: { p: choice('t.p', ['fp16', 'fp32'] as const), n: text('t.n') }, compute: ({ p }) => (p === 'fp16' ? 2 : 4),
      }),
    ];
    const t = both(defs, 't.p', ['fp32', ' FP16 ', 'fp8'], ['t.p', 't.bytes']);
    expect(t.cells[0]).toMatchObject([{ value: 'fp32' }, { value: 4 }]);
    expect(t.cells[1]).toMatchObject([{ value: 'fp16' }, { value: 2 }]);
    expect(t.cells[2][0]).toMatchObject({ ok: false, error: { kind: 'invalid_input', root: 't.p' } });
  });

  it('graphs of one shape share generated code but each sweeps with its own constants and formulas', () => {
    // y = k·x + c: the generated text is the same for every k and c.
    const defs = (k: number, c: number) => () => [num('t.x', 1), num('t.c', c), calc('t.y', ['t.x', 't.c'], (x, cc) => k * x + cc)];
    const values = Array.from({ length: 100 }, (_, i) => i);
    for (const [k, c] of [[2, 1], [3, -5], [2, 1], [0.5, 0]]) {
      const t = both(defs(k, c), 't.x', values, ['t.y']);
      expect(t.cells.map((r) => (r[0].ok ? r[0].value : null))).toEqual(values.map((x) => k * x + c));
    }
  });
});
