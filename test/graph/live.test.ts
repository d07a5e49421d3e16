import { describe, expect, it } from 'vitest';
import { type CellValue, LiveGraph } from '../../src/graph/index.js';
import { calc, num } from './cells.js';

/** Evaluation counts of the given cells, for compact assertions. */
function counts(g: LiveGraph, ids: readonly string[]): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, g.evaluations(id)]));
}

/** Reads every cell, then zeroes the counters: the graph is fresh and nothing is counted. */
function settle(g: LiveGraph): void {
  g.snapshot();
  g.resetEvaluationCounts();
}

describe('reading cells', () => {
  //   a
  //   |
  //   b = a + 1
  it('get(id) evaluates lazily: nothing runs until a cell is read', () => {
    const g = new LiveGraph([num('t.a', 1), calc('t.b', ['t.a'], (a) => a + 1)]);
    expect(g.evaluations('t.b')).toBe(0);
    expect(g.get('t.b')).toEqual({ ok: true, value: 2, warnings: [] }); // 1 + 1
    expect(g.evaluations('t.b')).toBe(1);
    g.get('t.b');
    expect(g.evaluations('t.b')).toBe(1); // cached
  });

  it('value(id) gives the plain value, or undefined for an error', () => {
    const g = new LiveGraph([num('t.a', 1, { kind: 'number', min: 0 }), calc('t.b', ['t.a'], (a) => a + 1)]);
    expect(g.value('t.b')).toBe(2);
    g.set('t.a', -1);
    expect(g.value('t.a')).toBeUndefined();
    expect(g.value('t.b')).toBeUndefined();
  });

  it('snapshot() lists every cell in topological order', () => {
    // Definitions given out of order: b before its input a.
    const g = new LiveGraph([calc('t.b', ['t.a'], (a) => a * 3), num('t.a', 2)]);
    const snap = g.snapshot();
    expect([...snap.keys()]).toEqual(['t.a', 't.b']);
    expect(snap.get('t.b')).toEqual({ ok: true, value: 6, warnings: [] }); // 2 · 3
  });

  it('get(id) of an unknown cell throws naming it', () => {
    const g = new LiveGraph([num('t.a', 1)]);
    expect(() => g.get('t.nope')).toThrow('unknown cell t.nope');
    expect(g.has('t.nope')).toBe(false);
    expect(g.has('t.a')).toBe(true);
    expect(g.isInput('t.a')).toBe(true);
    expect(g.def('t.a').id).toBe('t.a');
  });
});

describe('recomputation after an edit', () => {
  //     a
  //    / \
  //   b   c        b = a + 1, c = 2a
  //    \ /
  //     d          d = b + c
  it('a diamond recomputes each cell once, and the join sees both new sides', () => {
    const g = new LiveGraph([
      num('t.a', 1),
      calc('t.b', ['t.a'], (a) => a + 1),
      calc('t.c', ['t.a'], (a) => 2 * a),
      calc('t.d', ['t.b', 't.c'], (b, c) => b + c),
    ]);
    expect(g.value('t.d')).toBe(4); // (1 + 1) + 2·1
    g.resetEvaluationCounts();
    g.set('t.a', 3);
    expect(g.value('t.d')).toBe(10); // (3 + 1) + 2·3
    expect(counts(g, ['t.b', 't.c', 't.d'])).toEqual({ 't.b': 1, 't.c': 1, 't.d': 1 });
  });

  //     a
  //    / \
  //   b   c        b = 10a, c = a + 1
  //   |   |
  //   |   d        d = c²
  //    \ /
  //     e          e = b + d
  it('a jagged diamond recomputes each cell once despite the uneven path lengths', () => {
    const g = new LiveGraph([
      num('t.a', 2),
      calc('t.b', ['t.a'], (a) => 10 * a),
      calc('t.c', ['t.a'], (a) => a + 1),
      calc('t.d', ['t.c'], (c) => c * c),
      calc('t.e', ['t.b', 't.d'], (b, d) => b + d),
    ]);
    expect(g.value('t.e')).toBe(29); // 10·2 + (2 + 1)² = 20 + 9
    g.resetEvaluationCounts();
    g.set('t.a', 3);
    expect(g.value('t.e')).toBe(46); // 10·3 + (3 + 1)² = 30 + 16
    expect(counts(g, ['t.b', 't.c', 't.d', 't.e'])).toEqual({ 't.b': 1, 't.c': 1, 't.d': 1, 't.e': 1 });
  });

  //   a → b → c → d → e      each = previous + 1
  it('a chain recomputes each link once', () => {
    const g = new LiveGraph([
      num('t.a', 0),
      calc('t.b', ['t.a'], (x) => x + 1),
      calc('t.c', ['t.b'], (x) => x + 1),
      calc('t.d', ['t.c'], (x) => x + 1),
      calc('t.e', ['t.d'], (x) => x + 1),
    ]);
    expect(g.value('t.e')).toBe(4); // 0 + 4
    g.resetEvaluationCounts();
    g.set('t.a', 10);
    expect(g.value('t.e')).toBe(14); // 10 + 4
    expect(counts(g, ['t.b', 't.c', 't.d', 't.e'])).toEqual({ 't.b': 1, 't.c': 1, 't.d': 1, 't.e': 1 });
  });

  //            a                    z
  //   ┌──┬──┬──┼──┬──┬──┬──┬──┐     |
  //   f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 y     fi = i·a, y = z + 1
  it('a wide fan-out recomputes every reader once and leaves an unrelated cell alone', () => {
    const readers = Array.from({ length: 10 }, (_, i) => calc(`t.f${i + 1}`, ['t.a'], (a) => (i + 1) * a));
    const g = new LiveGraph([num('t.a', 1), num('t.z', 5), ...readers, calc('t.y', ['t.z'], (z) => z + 1)]);
    settle(g);
    g.set('t.a', 2);
    const values = readers.map((r) => g.value(r.id));
    expect(values).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]); // i · 2
    expect(g.value('t.y')).toBe(6); // 5 + 1, cached
    for (const r of readers) expect(g.evaluations(r.id)).toBe(1);
    expect(g.evaluations('t.y')).toBe(0);
  });

  it('setting an input to the value it already holds still recomputes exactly its downstream cone', () => {
    const g = new LiveGraph([num('t.a', 1), num('t.z', 1), calc('t.b', ['t.a'], (a) => a), calc('t.y', ['t.z'], (z) => z)]);
    settle(g);
    g.set('t.a', 1);
    g.snapshot();
    expect(counts(g, ['t.b', 't.y'])).toEqual({ 't.b': 1, 't.y': 0 });
  });
});

describe('setMany and batch', () => {
  //   x   y
  //    \ /
  //     s          s = x + y
  it('setMany(values) recomputes a shared dependent once for the whole batch', () => {
    const g = new LiveGraph([num('t.x', 1), num('t.y', 2), calc('t.s', ['t.x', 't.y'], (x, y) => x + y)]);
    settle(g);
    const outs = g.setMany({ 't.x': 10, 't.y': 20 });
    expect(outs).toEqual([{ id: 't.x', ok: true }, { id: 't.y', ok: true }]);
    expect(g.value('t.s')).toBe(30); // 10 + 20
    expect(g.evaluations('t.s')).toBe(1);
  });

  it('batch(fn) defers subscribers to the end, so they see one combined change', () => {
    const g = new LiveGraph([num('t.x', 1), num('t.y', 2), calc('t.s', ['t.x', 't.y'], (x, y) => x + y)]);
    const seen: number[] = [];
    const stop = g.subscribe('t.s', (v) => seen.push(v.ok ? (v.value as number) : -1));
    g.resetEvaluationCounts();
    g.batch(() => {
      g.set('t.x', 5);
      g.set('t.y', 6);
    });
    expect(seen).toEqual([3, 11]); // 1 + 2 at subscription, then 5 + 6 once
    expect(g.evaluations('t.s')).toBe(1);
    stop();
  });

  it('setMany refuses an unknown id before changing anything', () => {
    const g = new LiveGraph([num('t.x', 1)]);
    expect(() => g.setMany({ 't.x': 2, 't.nope': 3 })).toThrow('unknown cell t.nope');
    expect(g.value('t.x')).toBe(1);
  });
});

describe('set with a domain check', () => {
  const defs = [
    num('t.batch', 8, { kind: 'number', min: 1, integer: true }),
    calc('t.half', ['t.batch'], (b) => b / 2),
  ];

  it('set(id, value) accepts a value in the domain and marks the input as a user edit', () => {
    const g = new LiveGraph(defs);
    expect(g.provenance('t.batch')).toBe('default');
    expect(g.set('t.batch', 4)).toEqual({ id: 't.batch', ok: true });
    expect(g.value('t.half')).toBe(2); // 4 / 2
    expect(g.provenance('t.batch')).toBe('user');
  });

  it('set(id, value) refuses a value outside the domain with a message, keeps it as given and blocks dependents', () => {
    const g = new LiveGraph(defs);
    const out = g.set('t.batch', 0);
    expect(out).toEqual({ id: 't.batch', ok: false, message: 't.batch must be an integer ≥ 1 (got 0)' });
    expect(g.rawInput('t.batch')).toBe(0); // never clamped to 1
    const v = g.get('t.batch');
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error.kind).toBe('invalid_input');
    const half = g.get('t.half');
    expect(!half.ok && half.error.message).toBe('blocked by t.batch: t.batch must be an integer ≥ 1 (got 0)');
  });

  it('set(id) of a derived or unknown cell throws naming it', () => {
    const g = new LiveGraph(defs);
    expect(() => g.set('t.half', 1)).toThrow('t.half is a derived cell and cannot be set');
    expect(() => g.set('t.nope', 1)).toThrow('unknown cell t.nope');
  });
});

describe('reset', () => {
  const defs = [
    num('t.a', 1),
    num('t.b', 2, { kind: 'number' }, { provenance: 'catalogue' }),
    calc('t.s', ['t.a', 't.b'], (a, b) => a + b),
  ];

  it('reset(id) puts one input back to its default and provenance', () => {
    const g = new LiveGraph(defs);
    g.setMany({ 't.a': 10, 't.b': 20 });
    g.reset('t.b');
    expect(g.value('t.s')).toBe(12); // 10 + 2
    expect(g.provenance('t.b')).toBe('catalogue');
    expect(g.provenance('t.a')).toBe('user');
  });

  it('reset() puts every input back', () => {
    const g = new LiveGraph(defs);
    g.setMany({ 't.a': 10, 't.b': 20 });
    g.reset();
    expect(g.value('t.s')).toBe(3); // 1 + 2
    expect(g.overrides()).toEqual({});
    expect(g.provenance('t.a')).toBe('default');
  });
});

describe('subscribe and onEdit', () => {
  //   a   b
  //    \ /
  //     m          m = min(a, 10)
  const defs = [num('t.a', 1), num('t.b', 0), calc('t.m', ['t.a'], (a) => Math.min(a, 10))];

  it('subscribe(id, fn) calls fn now and after each change, until unsubscribed', () => {
    const g = new LiveGraph(defs);
    const seen: CellValue[] = [];
    const stop = g.subscribe('t.m', (v) => seen.push(v));
    g.set('t.a', 4);
    stop();
    g.set('t.a', 5);
    expect(seen.map((v) => v.ok && v.value)).toEqual([1, 4]);
  });

  it('subscribe(id, fn) does not call fn when a recompute gives the same value', () => {
    const g = new LiveGraph(defs);
    g.set('t.a', 20);
    const seen: unknown[] = [];
    g.subscribe('t.m', (v) => seen.push(v.ok && v.value));
    g.set('t.a', 30); // min(30, 10) = 10 = min(20, 10)
    expect(seen).toEqual([10]);
  });

  it('subscribe(id, fn) is not re-triggered by cells that fn itself reads', () => {
    const g = new LiveGraph(defs);
    let calls = 0;
    g.subscribe('t.m', () => {
      calls++;
      g.get('t.b');
    });
    g.set('t.b', 7);
    expect(calls).toBe(1);
  });

  it('onEdit(fn) reports the inputs touched by set, setMany, reset and edit', () => {
    const g = new LiveGraph(defs);
    const seen: (readonly string[])[] = [];
    const stop = g.onEdit((ids) => seen.push(ids));
    g.set('t.a', 2);
    g.setMany({ 't.a': 3, 't.b': 4 });
    g.reset('t.b');
    g.edit({ 't.a': 5 });
    stop();
    g.set('t.a', 6);
    expect(seen).toEqual([['t.a'], ['t.a', 't.b'], ['t.b'], ['t.a']]);
  });
});

describe('overrides as plain JSON', () => {
  const defs = [
    num('t.a', 1),
    num('t.limit', 100, { kind: 'number', min: 0, allowInfinity: true }),
    num('t.mode', 'fast', { kind: 'choice', choices: ['fast', 'slow'] }),
    calc('t.s', ['t.a', 't.limit'], (a, l) => Math.min(a, l)),
  ];

  it('overrides() lists only the inputs that differ from their defaults', () => {
    const g = new LiveGraph(defs);
    expect(g.overrides()).toEqual({});
    g.setMany({ 't.a': 5, 't.mode': 'fast' });
    expect(g.overrides()).toEqual({ 't.a': 5 });
  });

  it('overrides survive JSON.stringify → JSON.parse → importOverrides into a new graph', () => {
    const g = new LiveGraph(defs);
    g.setMany({ 't.a': 7, 't.limit': Infinity, 't.mode': 'slow' });
    const copy = new LiveGraph(defs);
    const outs = copy.importOverrides(JSON.parse(JSON.stringify(g.overrides())));
    expect(outs.every((o) => o.ok)).toBe(true);
    expect(copy.overrides()).toEqual(g.overrides());
    expect(copy.value('t.limit')).toBe(Infinity);
    expect(copy.value('t.s')).toBe(7); // min(7, ∞)
    expect(copy.value('t.mode')).toBe('slow');
  });

  it('importOverrides reports unknown and derived ids instead of throwing', () => {
    const g = new LiveGraph(defs);
    const outs = g.importOverrides({ 't.a': 2, 't.nope': 1, 't.s': 3 });
    expect(outs).toEqual([
      { id: 't.a', ok: true },
      { id: 't.nope', ok: false, message: 'unknown input cell t.nope' },
      { id: 't.s', ok: false, message: 't.s is a derived cell and cannot be set' },
    ]);
    expect(g.value('t.a')).toBe(2);
  });
});

describe('edit() cause-and-effect trace', () => {
  //     a
  //    / \
  //   b   m          b = a + 1, m = min(a, 10)
  //   |
  //   c              c = 2b
  const defs = [
    num('t.a', 20),
    calc('t.c', ['t.b'], (b) => 2 * b),
    calc('t.b', ['t.a'], (a) => a + 1),
    calc('t.m', ['t.a'], (a) => Math.min(a, 10)),
  ];

  it('edit(values) returns the changed cells in topological order with before and after', () => {
    const g = new LiveGraph(defs);
    const { outcomes, changed } = g.edit({ 't.a': 30 });
    expect(outcomes).toEqual([{ id: 't.a', ok: true }]);
    // m stays min(·, 10) = 10, so it is not in the trace.
    expect(changed.map((c) => [c.id, c.before.ok && c.before.value, c.after.ok && c.after.value])).toEqual([
      ['t.a', 20, 30],
      ['t.b', 21, 31], // a + 1
      ['t.c', 42, 62], // 2(a + 1)
    ]);
  });

  it('edit(values) traces a cell turning into an error', () => {
    const g = new LiveGraph([num('t.a', 1, { kind: 'number', min: 0 }), calc('t.b', ['t.a'], (a) => a + 1)]);
    const { outcomes, changed } = g.edit({ 't.a': -1 });
    expect(outcomes[0].ok).toBe(false);
    expect(changed.map((c) => c.id)).toEqual(['t.a', 't.b']);
    const after = changed[1].after;
    expect(!after.ok && after.error.message).toBe('blocked by t.a: t.a must be a number ≥ 0 (got -1)');
  });
});
