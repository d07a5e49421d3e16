/**
 * Named, typed inputs (src/graph/inputs.ts): a formula receives an object keyed by the names
 * its cell declares, each value checked against its descriptor on arrival; descriptors are
 * checked against the cells they read when a graph is built.
 *
 *   t.n (number) ──┐
 *   t.e (choice) ──┼─► t.out = n · (e = 'double' ? 2 : 1)      t.g is read only as a gate
 *   t.g (number) ──┘
 */
import { describe, expect, it } from 'vitest';
import {
  choice, compileCone, derived, gate, GraphDefinitionError, input, type InputRef, LiveGraph, number, optNumber, validateDefinitions,
} from '../../src/graph/index.js';

const n = input({ id: 't.n', label: 'n', doc: 'a number', unit: '1', layer: 'A', default: 3, domain: { kind: 'number' } });
const e = input({ id: 't.e', label: 'e', doc: 'an enum', unit: 'enum', layer: 'A', default: 'single', domain: { kind: 'choice', choices: ['single', 'double'] } });
const g = input({ id: 't.g', label: 'g', doc: 'a gate', unit: '1', layer: 'A', default: 1, domain: { kind: 'number', min: 0 } });
const opt = input({ id: 't.opt', label: 'opt', doc: 'optional', unit: '1', layer: 'A', default: null, domain: { kind: 'number', optional: true } });
const out = derived({
  id: 't.out', label: 'out', doc: 'n, doubled on request', unit: '1', layer: 'E', formula: 'n · k',
  inputs: { count: number('t.n'), mode: choice('t.e', ['single', 'double']), valid: gate('t.g') },
  compute: (args) => {
    // The gate is not passed to the formula.
    if ('valid' in args) return -1;
    return args.count * (args.mode === 'double' ? 2 : 1);
  },
});

describe('a cell with named inputs', () => {
  it('receives its inputs by name, typed, and never sees a gate', () => {
    const graph = new LiveGraph([n, e, g, out]);
    expect(graph.value('t.out')).toBe(3);
    graph.set('t.e', 'double');
    expect(graph.value('t.out')).toBe(6);
  });

  it('is blocked by an error in a gate input, naming the gate cell as the root', () => {
    const graph = new LiveGraph([n, e, g, out]);
    graph.set('t.g', -1);
    const v = graph.get('t.out');
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error.kind).toBe('upstream');
    expect(!v.ok && v.error.root).toBe('t.g');
  });

  it('reads exactly the declared ids, in declared order', () => {
    expect(out.reads).toEqual(['t.n', 't.e', 't.g']);
    expect(out.argNames).toEqual(['count', 'mode', 'valid']);
  });

  it('turns a value of the wrong kind into an invalid_input error naming the input (live and compiled alike)', () => {
    const producer = derived({ id: 't.s', label: 's', doc: 'text that a number reader will get', unit: '1', layer: 'E', formula: 's',
      inputs: { count: number('t.n') }, compute: ({ count }) => (count > 5 ? 'oops' : count) });
    const reader = derived({ id: 't.r', label: 'r', doc: 'reads a number', unit: '1', layer: 'E', formula: 'r',
      inputs: { s: number('t.s') }, compute: ({ s }) => s + 1 });
    const graph = new LiveGraph([n, producer, reader]);
    expect(graph.value('t.r')).toBe(4);
    graph.set('t.n', 9);
    const live = graph.get('t.r');
    expect(live).toEqual({ ok: false, error: { kind: 'invalid_input', message: "input s (t.s) must be a number; got the text 'oops'", cell: 't.r', root: 't.r' } });
    graph.set('t.n', 1);
    for (const codegen of [true, false]) {
      const cone = compileCone(graph, 't.n', ['t.r'], codegen);
      expect(cone.run(9)[0]).toEqual(live);
      expect(cone.run(2)[0]).toEqual({ ok: true, value: 3, warnings: [] });
    }
  });
});

describe('validateDefinitions: descriptor kinds against the cells they read', () => {
  const reader = (ref: InputRef) =>
    derived({ id: 't.x', label: 'x', doc: 'reader', unit: '1', layer: 'E', formula: 'x', inputs: { v: ref }, compute: () => 1 });

  it('refuses a required number read from an optional input (it can be unset)', () => {
    expect(() => validateDefinitions([opt, reader(number('t.opt'))])).toThrow(
      new GraphDefinitionError('cell t.x: input v expects number but t.opt is an optional number input', 't.x'));
    expect(() => validateDefinitions([opt, reader(optNumber('t.opt'))])).not.toThrow();
  });

  it('refuses a number read from an enum', () => {
    expect(() => validateDefinitions([e, reader(number('t.e'))])).toThrow(/input v expects number but t\.e is a choice input/);
  });

  it('refuses a choice list that leaves out a choice the input allows', () => {
    const narrow = derived({ id: 't.x', label: 'x', doc: 'reader', unit: '1', layer: 'E', formula: 'x',
      inputs: { m: choice('t.e', ['single']) }, compute: () => 1 });
    expect(() => validateDefinitions([e, narrow])).toThrow(/lists choices without double, which t\.e allows/);
  });
});
