import { describe, expect, it } from 'vitest';
import { type CellDef, type DerivedDef, GraphDefinitionError, LiveGraph, type NamedArgs, topoSort, validateDefinitions } from '../../src/graph/index.js';
import { calc, num } from './cells.js';

/** The error a build throws (fails the test when it does not throw). */
function buildError(defs: readonly CellDef[]): GraphDefinitionError {
  try {
    validateDefinitions(defs);
  } catch (e) {
    if (e instanceof GraphDefinitionError) return e;
    throw e;
  }
  throw new Error('expected a GraphDefinitionError');
}

describe('validateDefinitions: ids', () => {
  it('refuses a duplicate id, naming it', () => {
    const e = buildError([num('t.a', 1), num('t.a', 2)]);
    expect(e.message).toBe('duplicate cell id t.a');
    expect(e.cell).toBe('t.a');
  });

  it('refuses an id that is not scope.snake_case_name', () => {
    for (const id of ['batch', 'T.batch', 't.Batch', 't.batch-size', '.a']) {
      const e = buildError([num(id, 1)]);
      expect(e.cell).toBe(id);
      expect(e.message).toBe(`cell id "${id}" must look like scope.snake_case_name`);
    }
  });

  it('accepts nested names such as feasibility.memory.fits', () => {
    expect(validateDefinitions([num('feasibility.memory.fits', 1)]).map((d) => d.id)).toEqual(['feasibility.memory.fits']);
  });
});

describe('validateDefinitions: inputs', () => {
  it('refuses a cell that reads a missing id, naming the reader and the missing id', () => {
    const e = buildError([num('t.a', 1), calc('t.b', ['t.a', 't.nope'], (a) => a)]);
    expect(e.message).toBe('cell t.b reads t.nope, which does not exist');
    expect(e.cell).toBe('t.b');
  });

  it('refuses a formula that takes positional values instead of one object of named inputs', () => {
    const positional = (a: NamedArgs, b: NamedArgs) => Number(a.x0) + Number(b.x0);
    const defs: CellDef[] = [num('t.a', 1), { ...calc('t.b', ['t.a'], (a) => a), compute: positional as DerivedDef['compute'] }];
    const e = buildError(defs);
    expect(e.message).toBe('cell t.b computes from 2 positional values; a formula takes one object of named inputs');
    expect(e.cell).toBe('t.b');
  });

  it('accepts an input whose default lies outside its domain: the live graph shows it as an error', () => {
    const defs = [num('t.a', 0, { kind: 'number', min: 1 })];
    expect(() => validateDefinitions(defs)).not.toThrow();
    expect(new LiveGraph(defs).get('t.a').ok).toBe(false);
  });
});

describe('validateDefinitions: units', () => {
  it('refuses a unit that does not parse, naming the cell', () => {
    const e = buildError([num('t.a', 1, { kind: 'number' }, { unit: 'furlong/fortnight' })]);
    expect(e.cell).toBe('t.a');
    expect(e.message).toBe('cell t.a has an invalid unit: unknown unit "furlong" in "furlong/fortnight"');
  });

  it('accepts SI units, count words and the non-numeric units enum, bool and text', () => {
    const units = ['B/s', 'FLOP/s', 'tokens/s', 'USD/kWh', 'gCO2e', 'enum', 'bool', 'text', '1'];
    const defs = units.map((unit, i) => num(`t.u${i}`, 1, { kind: 'number' }, { unit }));
    expect(validateDefinitions(defs)).toHaveLength(units.length);
  });
});

describe('validateDefinitions: cycles', () => {
  //   a → b → c
  //   ↑       │      a = c + 1, b = a + 1, c = b + 1
  //   └───────┘
  it('refuses a cycle, naming its path along the data flow: a → b → c → a', () => {
    const defs = [
      num('t.x', 0),
      calc('t.a', ['t.c'], (c) => c + 1),
      calc('t.b', ['t.a'], (a) => a + 1),
      calc('t.c', ['t.b'], (b) => b + 1),
    ];
    const e = buildError(defs);
    // The search starts at t.a and follows inputs a ← c ← b ← a; read forwards: a → b → c → a.
    expect(e.message).toBe('cycle: t.a → t.b → t.c → t.a');
    expect(e.cycle).toEqual(['t.a', 't.b', 't.c', 't.a']);
    expect(e.cell).toBe('t.a');
    expect(() => new LiveGraph(defs)).toThrow('cycle: t.a → t.b → t.c → t.a');
  });

  it('refuses a cell that reads itself', () => {
    const e = buildError([calc('t.a', ['t.a'], (a) => a)]);
    expect(e.message).toBe('cycle: t.a → t.a');
    expect(e.cycle).toEqual(['t.a', 't.a']);
  });

  //   x → p → q → r
  //           ↑   │      the cycle q ⇄ r hangs below an acyclic part
  //           └───┘
  it('finds a cycle that hangs below an acyclic part of the graph', () => {
    const e = buildError([
      num('t.x', 0),
      calc('t.p', ['t.x'], (x) => x),
      calc('t.q', ['t.p', 't.r'], (p, r) => p + r),
      calc('t.r', ['t.q'], (q) => q),
    ]);
    // From t.q: q reads r, r reads q → path q, r, q → reversed: q → r → q.
    expect(e.cycle).toEqual(['t.q', 't.r', 't.q']);
  });
});

describe('topoSort', () => {
  it('returns { sorted } with every cell after its inputs when there is no cycle', () => {
    const r = topoSort([calc('t.c', ['t.b'], (b) => b), calc('t.b', ['t.a'], (a) => a), num('t.a', 1)]);
    expect(r.cycle).toBeUndefined();
    expect(r.sorted.map((d) => d.id)).toEqual(['t.a', 't.b', 't.c']); // a chain has one order
  });

  it('returns { cycle } instead of throwing', () => {
    const r = topoSort([calc('t.a', ['t.b'], (b) => b), calc('t.b', ['t.a'], (a) => a)]);
    expect(r.cycle).toEqual(['t.a', 't.b', 't.a']);
  });

  it('handles a chain thousands of cells deep without overflowing the stack', () => {
    const defs: CellDef[] = [num('t.c0', 0)];
    for (let i = 1; i < 20000; i++) defs.push(calc(`t.c${i}`, [`t.c${i - 1}`], (x) => x + 1));
    expect(topoSort(defs.reverse()).sorted[0].id).toBe('t.c0');
  });
});
