import { describe, expect, it } from 'vitest';
import {
  blockedBy, checkResult, errValue, evaluateDerived, fail, LiveGraph, okValue, runCompute, warn,
} from '../../src/graph/index.js';
import { calc, num } from './cells.js';

/** The error message a cell holds (fails when it holds a value). */
function messageOf(g: LiveGraph, id: string): string {
  const v = g.get(id);
  if (v.ok) throw new Error(`${id} holds ${String(v.value)}, not an error`);
  return v.error.message;
}

describe('checkResult: what compute returns becomes a checked value', () => {
  const cell = calc('t.x', [], () => 0);
  const infinite = calc('t.q', [], () => 0, { mayBeInfinite: true });

  it('a finite number, string, boolean or null is a value', () => {
    expect(checkResult(cell, 3)).toEqual(okValue(3));
    expect(checkResult(cell, 'fp16')).toEqual(okValue('fp16'));
    expect(checkResult(cell, true)).toEqual(okValue(true));
    expect(checkResult(cell, null)).toEqual(okValue(null));
  });

  it('warn(value, …) is a value carrying its warnings', () => {
    expect(checkResult(cell, warn(2, 'bf16 peak used for fp16'))).toEqual({
      ok: true, value: 2, warnings: ['bf16 peak used for fp16'],
    });
  });

  it('fail(kind, message) is an error of that kind with that message, rooted at the cell', () => {
    expect(checkResult(cell, fail('unsupported', 'fp4 is not supported on A100'))).toEqual(
      errValue('unsupported', 'fp4 is not supported on A100', 't.x'),
    );
  });

  it('NaN is never a value: it becomes a numeric error', () => {
    expect(checkResult(cell, NaN)).toEqual(errValue('numeric', 'non-finite value (NaN) in t.x', 't.x'));
    expect(checkResult(infinite, NaN).ok).toBe(false);
    expect(checkResult(cell, warn(NaN, 'w')).ok).toBe(false);
  });

  it('±∞ is an error unless the cell documents it with mayBeInfinite', () => {
    expect(checkResult(cell, Infinity)).toEqual(errValue('numeric', 'non-finite value (+∞) in t.x', 't.x'));
    expect(checkResult(cell, -Infinity)).toEqual(errValue('numeric', 'non-finite value (−∞) in t.x', 't.x'));
    expect(checkResult(infinite, Infinity)).toEqual(okValue(Infinity));
    expect(checkResult(infinite, -Infinity)).toEqual(okValue(-Infinity));
  });

  it('anything that is not a value (undefined, objects) is a numeric error', () => {
    expect(checkResult(cell, undefined)).toEqual(errValue('numeric', 't.x computed nothing, not a value', 't.x'));
    const obj = checkResult(cell, { a: 1 });
    expect(obj.ok).toBe(false);
    expect(!obj.ok && obj.error.kind).toBe('numeric');
  });
});

describe('runCompute: no exception escapes a cell', () => {
  it('a throwing compute becomes a numeric error quoting the exception', () => {
    const boom = calc('t.x', [], () => {
      throw new Error('boom');
    });
    expect(runCompute(boom, [])).toEqual(errValue('numeric', 't.x failed: boom', 't.x'));
  });
});

describe('evaluateDerived: errors flow downstream', () => {
  it('the first error input in declared order blocks the cell, naming the root', () => {
    const sum = calc('t.s', ['t.a', 't.b'], (a, b) => a + b);
    const ea = errValue('invalid_input', 'a is bad', 't.a');
    const eb = errValue('invalid_input', 'b is bad', 't.b');
    expect(evaluateDerived(sum, [okValue(1), eb])).toEqual(errValue('upstream', 'blocked by t.b: b is bad', 't.s', 't.b'));
    expect(evaluateDerived(sum, [ea, eb])).toEqual(errValue('upstream', 'blocked by t.a: a is bad', 't.s', 't.a'));
  });

  it('blockedBy keeps the root and its message through several hops', () => {
    const mid = calc('t.m', ['t.a'], (a) => a);
    const end = calc('t.e', ['t.m'], (m) => m);
    const first = blockedBy(mid, errValue('no_solution', 'no batch fits', 't.a'));
    if (first.ok) throw new Error('expected an error');
    expect(blockedBy(end, first)).toEqual(errValue('upstream', 'blocked by t.a: no batch fits', 't.e', 't.a'));
  });

  it('a cell that tolerates errors sees null for an error input and still computes', () => {
    const count = calc('t.n', ['t.a', 't.b'], (a, b) => [a, b].filter((v) => v !== null).length, { tolerateErrors: true });
    expect(evaluateDerived(count, [okValue(5), errValue('missing_data', 'no TDP', 't.b')])).toEqual(okValue(1));
  });
});

describe('error propagation in the live graph', () => {
  //   batch (integer ≥ 1)   bytes
  //         \              /
  //          per = bytes / batch
  //              |
  //          twice = 2 · per
  //              |
  //          size = twice > 10 ? "big" : "small"
  const defs = [
    num('t.batch', 4, { kind: 'number', min: 1, integer: true }),
    num('t.bytes', 8),
    calc('t.per', ['t.bytes', 't.batch'], (bytes, batch) => bytes / batch),
    calc('t.twice', ['t.per'], (per) => 2 * per),
    calc('t.size', ['t.twice'], (t) => (t > 10 ? 'big' : 'small'), { unit: 'enum' }),
  ];

  it('an invalid input holds an error with a human message, and every cell downstream is "blocked by" it', () => {
    const g = new LiveGraph(defs);
    expect(g.value('t.size')).toBe('small'); // 2 · 8/4 = 4 ≤ 10
    g.set('t.batch', 0);
    const why = 't.batch must be an integer ≥ 1 (got 0)';
    expect(messageOf(g, 't.batch')).toBe(why);
    for (const id of ['t.per', 't.twice', 't.size']) {
      expect(messageOf(g, id)).toBe(`blocked by t.batch: ${why}`);
      const v = g.get(id);
      expect(!v.ok && v.error).toMatchObject({ kind: 'upstream', cell: id, root: 't.batch' });
    }
    expect(g.value('t.bytes')).toBe(8); // a sibling input is untouched
  });

  it('fixing the input clears the errors downstream', () => {
    const g = new LiveGraph(defs);
    g.set('t.batch', 0);
    g.set('t.batch', 1);
    expect(g.value('t.twice')).toBe(16); // 2 · 8/1
    expect(g.value('t.size')).toBe('big');
  });

  //   a → r = fail when a > 100 → s = r + 1
  it('an uncomputable cell holds its own error, and its dependents name it as the root', () => {
    const g = new LiveGraph([
      num('t.a', 1),
      calc('t.r', ['t.a'], (a) => (a > 100 ? fail('unsupported', 'fp4 is not supported on A100') : a)),
      calc('t.s', ['t.r'], (r) => r + 1),
    ]);
    g.set('t.a', 101);
    expect(g.get('t.r')).toEqual(errValue('unsupported', 'fp4 is not supported on A100', 't.r'));
    expect(messageOf(g, 't.s')).toBe('blocked by t.r: fp4 is not supported on A100');
  });

  //   x → ratio = 1 / x → y = ratio · 0
  it('NaN never appears as a value: 0/0 and ∞·0 become numeric errors', () => {
    const g = new LiveGraph([
      num('t.x', 0),
      calc('t.zero_over_zero', ['t.x'], (x) => x / x),
      calc('t.ratio', ['t.x'], (x) => 1 / x, { mayBeInfinite: true }),
      calc('t.y', ['t.ratio'], (r) => r * 0),
    ]);
    expect(messageOf(g, 't.zero_over_zero')).toBe('non-finite value (NaN) in t.zero_over_zero');
    expect(g.value('t.ratio')).toBe(Infinity); // 1/0, documented by mayBeInfinite
    expect(messageOf(g, 't.y')).toBe('non-finite value (NaN) in t.y'); // ∞ · 0
    for (const v of g.snapshot().values()) if (v.ok && typeof v.value === 'number') expect(Number.isNaN(v.value)).toBe(false);
  });

  it('±∞ appears only in a cell that documents it', () => {
    const g = new LiveGraph([num('t.x', 0), calc('t.inv', ['t.x'], (x) => -1 / x)]);
    expect(messageOf(g, 't.inv')).toBe('non-finite value (−∞) in t.inv');
  });

  it('a throwing compute becomes an error in the cell, not an exception from get()', () => {
    const g = new LiveGraph([
      num('t.x', 1),
      calc('t.bad', ['t.x'], () => {
        throw new RangeError('index out of range');
      }),
    ]);
    expect(() => g.get('t.bad')).not.toThrow();
    expect(messageOf(g, 't.bad')).toBe('t.bad failed: index out of range');
  });

  it('a warning travels with the value and does not block dependents', () => {
    const g = new LiveGraph([
      num('t.x', 3),
      calc('t.w', ['t.x'], (x) => warn(x * 2, 'bf16 peak used for fp16')),
      calc('t.z', ['t.w'], (w) => w + 1),
    ]);
    expect(g.get('t.w')).toEqual({ ok: true, value: 6, warnings: ['bf16 peak used for fp16'] }); // 3 · 2
    expect(g.get('t.z')).toEqual({ ok: true, value: 7, warnings: [] }); // 6 + 1
  });
});
