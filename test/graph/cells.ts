/**
 * Tiny constructors for hand-drawn test graphs: `num('t.a', 1)` is a numeric input,
 * `calc('t.b', ['t.a'], (a) => a + 1)` a derived cell. Not a test file; shared by them.
 */
import {
  type ComputeResult, derived, type DerivedDef, type Domain, input, type InputDef, type Plain,
} from '../../src/graph/index.js';

export function num(id: string, value: Plain, domain: Domain = { kind: 'number' }, extra: Partial<InputDef> = {}): InputDef {
  return input({ id, label: id, doc: `test input ${id}`, unit: '1', layer: 'A', default: value, domain, ...extra });
}

/** A derived cell whose compute sees numbers (the tests only wire numeric cells into it). */
export function calc(
  id: string,
  inputs: readonly string[],
  compute: (...values: number[]) => ComputeResult,
  extra: Partial<DerivedDef> = {},
): DerivedDef {
  return derived({
    id,
    label: id,
    doc: `test cell ${id}`,
    unit: '1',
    layer: 'E',
    formula: id,
    inputs,
    compute: (...values: Plain[]) => compute(...(values as number[])),
    ...extra,
  });
}
