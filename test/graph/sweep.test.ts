import { describe, expect, it } from 'vitest';
import {
  type CellValue, LiveGraph, type Plain, range, setSweeper, signalSweeper, sweep, sweep2d, type Sweeper,
} from '../../src/graph/index.js';
import { calc, num } from './cells.js';

//   x     y        z
//   |\   /         |
//   | \ /          |
//   |  p = x·y     w = z + 1     (w lies outside x's and y's cones)
//   |  |
//   q  |           q = x + 1
//    \ |
//     s            s = p + q
function defs() {
  return [
    num('t.x', 2, { kind: 'number', min: 0 }),
    num('t.y', 3),
    num('t.z', 5),
    calc('t.p', ['t.x', 't.y'], (x, y) => x * y),
    calc('t.q', ['t.x'], (x) => x + 1),
    calc('t.s', ['t.p', 't.q'], (p, q) => p + q),
    calc('t.w', ['t.z'], (z) => z + 1),
  ];
}

const plain = (rows: readonly (readonly CellValue[])[]): (Plain | string)[][] =>
  rows.map((r) => r.map((v) => (v.ok ? v.value : `error: ${v.error.message}`)));

/** The reference: a fresh graph, values set one at a time. */
function oneByOne(input: string, values: readonly Plain[], outputs: readonly string[]): (Plain | string)[][] {
  const g = new LiveGraph(defs());
  return plain(values.map((v) => {
    g.set(input, v);
    return outputs.map((o) => g.get(o));
  }));
}

describe('sweep(input, values, outputs)', () => {
  it('returns one row of outputs per value', () => {
    const g = new LiveGraph(defs());
    const t = sweep(g, 't.x', [1, 2, 3], ['t.p', 't.s', 't.w']);
    expect(t.input).toBe('t.x');
    expect(t.values).toEqual([1, 2, 3]);
    expect(t.outputs).toEqual(['t.p', 't.s', 't.w']);
    expect(plain(t.cells)).toEqual([
      [3, 5, 6], //  p = 1·3, s = 3 + (1 + 1), w = 5 + 1
      [6, 9, 6], //  p = 2·3, s = 6 + 3
      [9, 13, 6], // p = 3·3, s = 9 + 4
    ]);
  });

  it('gives the same table as setting the values one by one', () => {
    const values = [0, 0.5, 7, -1, 10];
    const t = sweep(new LiveGraph(defs()), 't.x', values, ['t.s', 't.q', 't.x']);
    expect(plain(t.cells)).toEqual(oneByOne('t.x', values, ['t.s', 't.q', 't.x']));
  });

  it('puts a refused value in the table as errors, like set would', () => {
    const t = sweep(new LiveGraph(defs()), 't.x', [-1], ['t.s']);
    expect(plain(t.cells)).toEqual([['error: blocked by t.x: t.x must be a number ≥ 0 (got -1)']]);
  });

  it('sweep(input, values) evaluates the downstream cone once per value and nothing outside it', () => {
    const g = new LiveGraph(defs());
    g.snapshot();
    g.resetEvaluationCounts();
    sweep(g, 't.x', [1, 2, 3, 4], ['t.s', 't.w']);
    // x's cone is {p, q, s}: four values, four evaluations each; w is read from cache.
    expect(g.evaluations('t.p')).toBe(4);
    expect(g.evaluations('t.q')).toBe(4);
    expect(g.evaluations('t.s')).toBe(4);
    expect(g.evaluations('t.w')).toBe(0);
  });

  it('leaves the live graph as it was: values, raw inputs, provenance and overrides', () => {
    const g = new LiveGraph(defs());
    g.set('t.y', 10);
    const before = { snap: g.snapshot(), overrides: g.overrides(), prov: g.provenance('t.x'), raw: g.rawInput('t.x') };
    sweep(g, 't.x', [1, -5, 9], ['t.s']);
    sweep(g, 't.y', [1, 2], ['t.s']);
    expect(g.snapshot()).toEqual(before.snap);
    expect(g.overrides()).toEqual(before.overrides);
    expect(g.provenance('t.x')).toBe(before.prov);
    expect(g.rawInput('t.x')).toBe(before.raw);
    expect(g.value('t.s')).toBe(23); // 2·10 + (2 + 1)
  });

  it('restores an input that held a refused value', () => {
    const g = new LiveGraph(defs());
    g.set('t.x', -2);
    sweep(g, 't.x', [1], ['t.s']);
    expect(g.rawInput('t.x')).toBe(-2);
    expect(g.get('t.x').ok).toBe(false);
  });

  it('does not notify subscribers or edit listeners of the transient values', () => {
    const g = new LiveGraph(defs());
    const seen: unknown[] = [];
    g.subscribe('t.s', (v) => seen.push(v.ok && v.value));
    let edits = 0;
    g.onEdit(() => edits++);
    sweep(g, 't.x', [1, 2, 3], ['t.s']);
    expect(seen).toEqual([9]); // only the value at subscription: 2·3 + 3
    expect(edits).toBe(0);
  });

  it('refuses an unknown axis or output (a derived axis is pinned: test/graph/pins.test.ts)', () => {
    const g = new LiveGraph(defs());
    expect(() => sweep(g, 't.nope', [1], ['t.s'])).toThrow('unknown cell t.nope');
    expect(() => sweep(g, 't.x', [1], ['t.nope'])).toThrow('unknown cell t.nope');
  });
});

describe('sweep2d(x, xs, y, ys, outputs)', () => {
  it('returns a grid with cells[i][j] the outputs at (xs[i], ys[j])', () => {
    const g = new LiveGraph(defs());
    const grid = sweep2d(g, 't.x', [1, 2], 't.y', [10, 20], ['t.s']);
    // s = x·y + x + 1
    expect(grid.cells.map((row) => plain(row).map((c) => c[0]))).toEqual([
      [12, 22], // x = 1: 10 + 2, 20 + 2
      [23, 43], // x = 2: 20 + 3, 40 + 3
    ]);
    expect([grid.x, grid.y, grid.xs, grid.ys]).toEqual(['t.x', 't.y', [1, 2], [10, 20]]);
  });

  it('gives the same grid as setting each pair one by one', () => {
    const xs = [0, 3];
    const ys = [-1, 0.5, 4];
    const grid = sweep2d(new LiveGraph(defs()), 't.x', xs, 't.y', ys, ['t.p', 't.s']);
    const ref = new LiveGraph(defs());
    const expected = xs.map((x) => ys.map((y) => {
      ref.setMany({ 't.x': x, 't.y': y });
      return [ref.value('t.p'), ref.value('t.s')];
    }));
    expect(grid.cells.map((row) => plain(row))).toEqual(expected);
  });

  it('leaves both inputs as they were and recomputes only their downstream cones', () => {
    const g = new LiveGraph(defs());
    const snap = g.snapshot();
    g.resetEvaluationCounts();
    sweep2d(g, 't.x', [1, 2], 't.y', [10, 20, 30], ['t.s', 't.w']);
    expect(g.evaluations('t.p')).toBe(6); // 2 × 3 grid points
    expect(g.evaluations('t.s')).toBe(6);
    expect(g.evaluations('t.q')).toBe(2); // q reads only x: once per x
    expect(g.evaluations('t.w')).toBe(0);
    expect(g.snapshot()).toEqual(snap);
    expect(g.overrides()).toEqual({});
  });

  it('refuses the same input on both axes', () => {
    expect(() => sweep2d(new LiveGraph(defs()), 't.x', [1], 't.x', [2], ['t.s'])).toThrow(
      'the two sweep axes must be different inputs',
    );
  });
});

describe('setSweeper', () => {
  it('swaps the implementation behind sweep() and returns the previous one', () => {
    const calls: string[] = [];
    const spy: Sweeper = {
      sweep(graph, input, values, outputs) {
        calls.push(input);
        return signalSweeper.sweep(graph, input, values, outputs);
      },
    };
    const prev = setSweeper(spy);
    try {
      const t = sweep(new LiveGraph(defs()), 't.x', [1], ['t.q']);
      expect(plain(t.cells)).toEqual([[2]]); // 1 + 1
      expect(calls).toEqual(['t.x']);
    } finally {
      expect(setSweeper(prev)).toBe(spy);
    }
  });
});

describe('range(start, stop, n, scale)', () => {
  it('spaces n points evenly from start to stop inclusive', () => {
    expect(range(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(range(10, 4, 4)).toEqual([10, 8, 6, 4]);
    expect(range(7, 9, 1)).toEqual([7]);
  });

  it('spaces n points geometrically on a log scale, with exact ends', () => {
    const r = range(1, 1000, 4, 'log'); // ratio 1000^(1/3) = 10
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(10, 10);
    expect(r[2]).toBeCloseTo(100, 10);
    expect(r[3]).toBe(1000);
  });

  it('refuses a bad count, non-finite bounds and non-positive log bounds', () => {
    expect(() => range(0, 1, 0)).toThrow('number of points must be an integer ≥ 1 (got 0)');
    expect(() => range(0, 1, 2.5)).toThrow('number of points must be an integer ≥ 1 (got 2.5)');
    expect(() => range(0, Infinity, 3)).toThrow('range bounds must be finite numbers');
    expect(() => range(0, 10, 3, 'log')).toThrow('a log range needs bounds > 0 (got 0, 10)');
  });
});
