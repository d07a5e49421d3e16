/**
 * Tiny constructors for hand-drawn test graphs: `num('t.a', 1)` is a numeric input,
 * `calc('t.b', ['t.a'], (a) => a + 1)` a derived cell whose inputs are named x0, x1, … in the
 * order listed (the graphs here are drawn by id; the engine sees named, typed inputs). Not a
 * test file; shared by them.
 */
import {
  type ComputeResult, derived, type DerivedDef, type Domain, input, type InputDef, type InputRef, number as numInput, optNumber as optNum, type Plain,
} from '../../src/graph/index.js';

export function num(id: string, value: Plain, domain: Domain = { kind: 'number' }, extra: Partial<InputDef> = {}): InputDef {
  return input({ id, label: id, doc: `test input ${id}`, unit: '1', layer: 'A', default: value, domain, ...extra });
}

/**
 * A derived cell over numbers, inputs named x0, x1, … (a cell that tolerates errors sees null
 * for an error input, so its inputs are optional numbers).
 */
export function calc(
  id: string,
  inputs: readonly string[],
  compute: (...values: number[]) => ComputeResult,
  extra: Partial<Pick<DerivedDef, 'tolerateErrors' | 'mayBeInfinite' | 'unit' | 'layer' | 'wall' | 'label'>> = {},
): DerivedDef {
  const names = inputs.map((_, i) => `x${i}`);
  const refs: Record<string, InputRef<number | null>> = {};
  inputs.forEach((x, i) => (refs[names[i]] = extra.tolerateErrors ? optNum(x) : numInput(x)));
  return derived({
    id,
    label: id,
    doc: `test cell ${id}`,
    unit: '1',
    layer: 'E',
    formula: id,
    inputs: refs,
    compute: (args) => compute(...names.map((n) => args[n] as number)),
    ...extra,
  });
}
