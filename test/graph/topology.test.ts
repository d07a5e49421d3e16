import { describe, expect, it } from 'vitest';
import { LiveGraph, type Topology } from '../../src/graph/index.js';
import { calc, num } from './cells.js';

//   a (A)    b (B)
//   |  \    /
//   |   \  /
//   |    c  (D, wall 3)      c = a + b
//   |    |
//   d    e  (E, walls 1, 3)  d = 2a, e = c + 1
//    \  /
//     f (E)                  f = d + e
//
// Given to the engine in reverse, so the order has to be worked out.
function sample(): Topology {
  return new LiveGraph([
    calc('t.f', ['t.d', 't.e'], (d, e) => d + e),
    calc('t.e', ['t.c'], (c) => c + 1, { wall: 3 }),
    calc('t.d', ['t.a'], (a) => 2 * a, { wall: 1 }),
    calc('t.c', ['t.a', 't.b'], (a, b) => a + b, { layer: 'D', wall: 3 }),
    num('t.b', 2, { kind: 'number' }, { layer: 'B' }),
    num('t.a', 1),
  ]).topology;
}

/** True when `ids` appear in increasing topological rank. */
function inTopologicalOrder(t: Topology, ids: readonly string[]): boolean {
  return ids.every((id, i) => i === 0 || t.rankOf(ids[i - 1]) < t.rankOf(id));
}

describe('topological order', () => {
  it('order lists every cell after all the cells it reads', () => {
    const t = sample();
    expect(t.ids).toHaveLength(6);
    for (const id of t.ids) for (const i of t.inputsOf(id)) expect(t.rankOf(i)).toBeLessThan(t.rankOf(id));
  });

  it('inputIds lists the input cells only', () => {
    expect(new Set(sample().inputIds)).toEqual(new Set(['t.a', 't.b']));
  });

  it('rankOf(id) is -1 for an unknown cell and def(id) throws for it', () => {
    const t = sample();
    expect(t.rankOf('t.nope')).toBe(-1);
    expect(() => t.def('t.nope')).toThrow('unknown cell t.nope');
    expect(t.has('t.a')).toBe(true);
    expect(t.has('t.nope')).toBe(false);
  });
});

describe('direct neighbours', () => {
  it('inputsOf(id) gives the declared inputs in declared order, and nothing for an input', () => {
    const t = sample();
    expect(t.inputsOf('t.c')).toEqual(['t.a', 't.b']);
    expect(t.inputsOf('t.f')).toEqual(['t.d', 't.e']);
    expect(t.inputsOf('t.a')).toEqual([]);
  });

  it('dependentsOf(id) gives the direct readers in topological order', () => {
    const t = sample();
    const readers = t.dependentsOf('t.a');
    expect(new Set(readers)).toEqual(new Set(['t.c', 't.d']));
    expect(inTopologicalOrder(t, readers)).toBe(true);
    expect(t.dependentsOf('t.f')).toEqual([]);
    expect(() => t.dependentsOf('t.nope')).toThrow('unknown cell t.nope');
  });

  //   x
  //   ‖        s = x · x (reads x twice)
  //   s
  it('dependentsOf(id) lists a reader once even when it reads the cell twice', () => {
    const t = new LiveGraph([num('t.x', 3), calc('t.s', ['t.x', 't.x'], (a, b) => a * b)]).topology;
    expect(t.dependentsOf('t.x')).toEqual(['t.s']);
    expect(t.downstream('t.x')).toEqual(['t.s']);
  });
});

describe('cones', () => {
  it('downstream(id) is every cell that depends on id, excluding id, in topological order', () => {
    const t = sample();
    const down = t.downstream('t.a');
    expect(new Set(down)).toEqual(new Set(['t.c', 't.d', 't.e', 't.f']));
    expect(inTopologicalOrder(t, down)).toBe(true);
    expect(t.downstream('t.b')).toEqual(['t.c', 't.e', 't.f']); // b → c → e → f, a chain
    expect(t.downstream('t.f')).toEqual([]);
  });

  it('upstream(id) is every cell id depends on, excluding id, in topological order', () => {
    const t = sample();
    expect(new Set(t.upstream('t.f'))).toEqual(new Set(['t.a', 't.b', 't.c', 't.d', 't.e']));
    expect(inTopologicalOrder(t, t.upstream('t.f'))).toBe(true);
    expect(new Set(t.upstream('t.e'))).toEqual(new Set(['t.a', 't.b', 't.c']));
    expect(t.upstream('t.d')).toEqual(['t.a']);
    expect(t.upstream('t.a')).toEqual([]);
  });

  it('upstreamInputs(id) is the input cells that decide its value', () => {
    const t = sample();
    expect(new Set(t.upstreamInputs('t.f'))).toEqual(new Set(['t.a', 't.b']));
    expect(t.upstreamInputs('t.d')).toEqual(['t.a']);
  });

  it('a cone of an unknown cell throws naming it', () => {
    expect(() => sample().downstream('t.nope')).toThrow('unknown cell t.nope');
    expect(() => sample().upstream('t.nope')).toThrow('unknown cell t.nope');
  });
});

describe('groupings', () => {
  it('byLayer() groups cells by layer, each group in topological order', () => {
    const t = sample();
    const layers = t.byLayer();
    expect([...layers.keys()].sort()).toEqual(['A', 'B', 'D', 'E']);
    expect(layers.get('A')).toEqual(['t.a']);
    expect(layers.get('B')).toEqual(['t.b']);
    expect(layers.get('D')).toEqual(['t.c']);
    expect(new Set(layers.get('E'))).toEqual(new Set(['t.d', 't.e', 't.f']));
    expect(inTopologicalOrder(t, layers.get('E')!)).toBe(true);
  });

  it('byWall() groups cells by wall number, with 0 for cells outside the walls', () => {
    const walls = sample().byWall();
    expect(new Set(walls.get(0))).toEqual(new Set(['t.a', 't.b', 't.f']));
    expect(walls.get(1)).toEqual(['t.d']);
    expect(new Set(walls.get(3))).toEqual(new Set(['t.c', 't.e']));
    expect(walls.size).toBe(3);
  });
});
