/**
 * Pinning a derived cell (spreadsheet-style "any cell as a sweep axis"): the formula is set
 * aside, the cell holds the pinned value with a warning, and downstream cells follow it.
 *
 *   t.a ──► t.b = 2a ──► t.c = b + 1
 *               ▲ pinned here, t.a no longer reaches t.b or t.c
 */
import { describe, expect, it } from 'vitest';
import { compileCone, LiveGraph, range, sweep } from '../../src/graph/index.js';
import { calc, num } from './cells.js';

const build = () => new LiveGraph([num('t.a', 3), calc('t.b', ['t.a'], (a) => 2 * a), calc('t.c', ['t.b'], (b) => b + 1)]);

describe('LiveGraph.pin(derived, value)', () => {
  it('holds the pinned value with a warning, and cells downstream follow it', () => {
    const g = build();
    expect(g.value('t.c')).toBe(7);
    expect(g.pin('t.b', 10)).toEqual({ id: 't.b', ok: true });
    expect(g.value('t.b')).toBe(10);
    expect(g.value('t.c')).toBe(11);
    const v = g.get('t.b');
    expect(v.ok && v.warnings[0]).toMatch(/^pinned to 10: its formula \(t\.b\) is set aside/);
    expect(g.isPinned('t.b')).toBe(true);
    expect(g.pins()).toEqual({ 't.b': 10 });
  });

  it('cuts the cone: an edit upstream of a pinned cell recomputes neither it nor its dependents', () => {
    const g = build();
    g.pin('t.b', 10);
    g.value('t.c');
    g.resetEvaluationCounts();
    g.set('t.a', 5);
    expect(g.value('t.c')).toBe(11);
    expect(g.evaluations('t.b')).toBe(0);
    expect(g.evaluations('t.c')).toBe(0);
  });

  it('is edited like an input while pinned (set, edit with its trace) and unpin restores the formula', () => {
    const g = build();
    g.pin('t.b', 10);
    const r = g.edit({ 't.b': 20 });
    expect(r.changed.map((c) => c.id)).toEqual(['t.b', 't.c']);
    expect(g.value('t.c')).toBe(21);
    g.unpin('t.b');
    expect(g.value('t.b')).toBe(6);
    expect(g.value('t.c')).toBe(7);
    expect(() => g.set('t.b', 1)).toThrow(/derived cell and cannot be set \(pin it/);
  });

  it('holds a value of the wrong kind as an invalid_input error naming the cell, never coerced', () => {
    const g = build();
    const out = g.pin('t.b', 'ten');
    expect(out.ok).toBe(false);
    expect(out.message).toBe('t.b can only be pinned to a finite number in 1 (got ten)');
    expect(g.get('t.c').ok).toBe(false);
  });
});

describe('sweep over a derived axis', () => {
  it('equals pinning the values one by one, on the signal and compiled paths, and leaves the graph unpinned', () => {
    const g = build();
    const xs = range(1, 100, 100);
    const table = sweep(g, 't.b', xs, ['t.c']);
    expect(table.cells.map((row) => row[0].ok && row[0].value)).toEqual(xs.map((x) => x + 1));
    const short = sweep(g, 't.b', [4, 5], ['t.c']);
    expect(short.cells.map((row) => row[0].ok && row[0].value)).toEqual([5, 6]);
    expect(g.isPinned('t.b')).toBe(false);
    expect(g.value('t.c')).toBe(7);
    for (const codegen of [true, false]) expect(compileCone(g, 't.b', ['t.c'], codegen).run(9)[0]).toEqual({ ok: true, value: 10, warnings: [] });
  });
});
