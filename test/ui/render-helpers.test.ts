/**
 * The small store helpers behind the drag performance work: the coalescer (URL and workbook
 * write-back during a drag), per-key signals (typed text, problems) and structural sharing
 * (evaluation, roofline reading). Expected values are stated by hand from each contract.
 */
import { createEffect, createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from '../../src/ui/store/coalesce.js';
import { createKeyedSignals } from '../../src/ui/store/keyed-signals.js';
import { share } from '../../src/ui/store/share.js';

describe('createCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first job at once, then the last job of a burst once the burst pauses', () => {
    const c = createCoalescer(200);
    const ran: number[] = [];
    c.run(() => ran.push(1));
    expect(ran).toEqual([1]);
    // Four more jobs 16 ms apart (a drag, one per frame): none runs while they keep coming.
    for (const n of [2, 3, 4, 5]) {
      vi.advanceTimersByTime(16);
      c.run(() => ran.push(n));
    }
    vi.advanceTimersByTime(199);
    expect(ran).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([1, 5]);
    // After the pause the next job runs at once again.
    vi.advanceTimersByTime(500);
    c.run(() => ran.push(6));
    expect(ran).toEqual([1, 5, 6]);
  });

  it('flush runs the waiting job now (once); dispose drops it', () => {
    const c = createCoalescer(200);
    const ran: string[] = [];
    c.run(() => ran.push('a'));
    c.run(() => ran.push('b'));
    c.flush();
    expect(ran).toEqual(['a', 'b']);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['a', 'b']);
    c.run(() => ran.push('c'));
    c.run(() => ran.push('d'));
    c.dispose();
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['a', 'b', 'c']);
  });
});

describe('createKeyedSignals', () => {
  it('wakes only the readers of the key that changed, and only when its value changes', () => {
    const s = createKeyedSignals<string>();
    const runs = { a: 0, b: 0 };
    const dispose = createRoot((d) => {
      createEffect(() => { s.get('a'); runs.a++; });
      createEffect(() => { s.get('b'); runs.b++; });
      return d;
    });
    expect(runs).toEqual({ a: 1, b: 1 });
    s.set('a', 'x');
    expect(runs).toEqual({ a: 2, b: 1 });
    s.set('a', 'x');
    expect(runs).toEqual({ a: 2, b: 1 });
    s.set('b', undefined);
    expect(runs).toEqual({ a: 2, b: 1 });
    dispose();
  });

  it('keeps values set before any read; has and clear see every key', () => {
    const s = createKeyedSignals<number>();
    s.set('p', 1);
    s.set('q', 2);
    expect(s.get('p')).toBe(1);
    expect(s.has('q')).toBe(true);
    s.clear();
    expect([s.get('p'), s.get('q'), s.has('p'), s.has('q')]).toEqual([undefined, undefined, false, false]);
  });
});

describe('share', () => {
  it('returns the previous object when the new one is equal throughout', () => {
    const prev = { a: 1, b: [1, 2, { c: 'x' }], d: { e: null, f: undefined, g: Number.NaN } };
    const next = { a: 1, b: [1, 2, { c: 'x' }], d: { e: null, f: undefined, g: Number.NaN } };
    expect(share(prev, next)).toBe(prev);
  });

  it('keeps the unchanged parts of a changed object and takes the changed ones', () => {
    const prev = { walls: [{ wall: 1, status: 'PASS' }, { wall: 2, status: 'PASS' }], share: 0.5 };
    const next = { walls: [{ wall: 1, status: 'PASS' }, { wall: 2, status: 'FAIL' }], share: 0.5 };
    const out = share(prev, next);
    expect(out).not.toBe(prev);
    expect(out).toEqual(next);
    expect(out.walls[0]).toBe(prev.walls[0]);
    expect(out.walls[1]).toBe(next.walls[1]);
  });

  it('shares at every depth: an unchanged grandchild keeps its object under a changed child', () => {
    const prev = { lens: { status: 'PASS', metrics: { latency: { value: 5 }, mfu: { value: 0.3 } } }, n: 1 };
    const next = { lens: { status: 'PASS', metrics: { latency: { value: 6 }, mfu: { value: 0.3 } } }, n: 1 };
    const out = share(prev, next);
    expect(out).toEqual(next);
    expect(out.lens).not.toBe(prev.lens);
    expect(out.lens.metrics.mfu).toBe(prev.lens.metrics.mfu);
    expect(out.lens.metrics.latency).toBe(next.lens.metrics.latency);
  });

  it('treats added or removed keys and array items as changes', () => {
    const prev: Record<string, unknown> = { a: 1, list: [1, 2] };
    expect(share(prev, { a: 1, list: [1, 2], b: 2 })).not.toBe(prev);
    expect(share(prev, { a: 1 })).not.toBe(prev);
    const out = share(prev, { a: 1, list: [1, 2, 3] });
    expect(out).toEqual({ a: 1, list: [1, 2, 3] });
    expect(out.list).not.toBe(prev.list);
  });

  it('compares class instances and maps by identity only', () => {
    const m = new Map([['k', 1]]);
    const prev = { when: new Date(0), map: m };
    const next = { when: new Date(0), map: m };
    const out = share(prev, next);
    expect(out.when).toBe(next.when);
    expect(out.map).toBe(m);
    expect(share(undefined, next)).toBe(next);
  });
});
