/**
 * The compiled cone as generated JavaScript: one local per slot and one call per step, so the
 * JIT sees a straight-line function whose call sites each reach one compute function (and can
 * inline them). Only the common case lives in the generated text — all inputs clean and of
 * their declared kinds, a clean result (`isCleanValue`); a blocked input, a wrong kind, a throw,
 * a warning or a failure goes to `settle` / `settled`,
 * which applies `evaluateDerived`'s rules through the shared functions of evaluate.ts.
 *
 * Returns undefined where code generation is not allowed (a Content-Security-Policy without
 * 'unsafe-eval'); the caller then uses the interpreted cone.
 */
import type { DerivedDef } from './cell.js';
import { blockedBy, checkResult, isCleanValue, runCompute, thrownValue } from './evaluate.js';
import type { InputRef } from './inputs.js';
import { type CellValue, type ErrValue, okValue, type Plain } from './values.js';

/** What the code generator needs: the steps with their argument slots, and the slot layout. */
export interface ConeLayout {
  /** The swept cell's value for a raw value (an input's checked value, or a derived axis's pin). */
  readonly first: (raw: Plain) => CellValue;
  readonly steps: readonly DerivedDef[];
  /** Argument slots of each step (declared order). */
  readonly argSlots: readonly Int32Array[];
  /** Slot of each step's result. */
  readonly resultSlot: Int32Array;
  /** Values of the constant slots (others hold null): plain value, full value. */
  readonly vals: readonly Plain[];
  readonly full: readonly (CellValue | undefined)[];
  readonly outSlots: readonly number[];
}

type Run = (raw: Plain) => CellValue[];
type Factory = (...args: unknown[]) => Run;

const THREW = Symbol('threw');

/** Generates `run(raw)` for the layout, or undefined when `new Function` is refused. */
export function generateCone(L: ConeLayout): Run | undefined {
  const n = L.vals.length;
  const full: (CellValue | undefined)[] = [...L.full];
  const badConst = L.full.map((v) => (v !== undefined && !v.ok ? 1 : 0));
  const computed = new Set<number>([0, ...L.resultSlot]);
  const lines: string[] = ['return function run(raw) {', 'let o, r, e;', 'r = FIRST(raw); F[0] = r; let b0 = r.ok ? 0 : 1; let v0 = r.ok ? r.value : null;'];
  for (let k = 1; k < n; k++) {
    if (computed.has(k)) lines.push(`let v${k} = null, b${k} = 0;`);
    else lines.push(`const v${k} = K[${k}], b${k} = ${badConst[k]};`);
  }
  const choiceLists: (readonly string[])[] = [];
  /** The generated test that slot j holds a value of `r`'s kind (true for value and gate). */
  const kindTest = (r: InputRef, j: number): string => {
    const v = `v${j}`;
    const orNull = r.kind.endsWith('?') ? `${v} === null || ` : '';
    switch (r.kind) {
      case 'number': case 'number?': return `(${orNull}typeof ${v} === 'number')`;
      case 'string': case 'string?': return `(${orNull}typeof ${v} === 'string')`;
      case 'boolean': case 'boolean?': return `(${orNull}typeof ${v} === 'boolean')`;
      case 'choice': case 'choice?':
        choiceLists.push(r.choices!);
        return `(${orNull}CH[${choiceLists.length - 1}].includes(${v}))`;
      default: return '';
    }
  };
  L.steps.forEach((def, s) => {
    const k = L.resultSlot[s];
    const ins = [...L.argSlots[s]];
    const tests = ins.flatMap((j, i) => [`b${j} === 0`, kindTest(def.argRefs[i], j)]).filter((t) => t !== '');
    const clean = tests.length ? tests.join(' && ') : 'true';
    // A gate is read (its error blocks the step) but not passed to the formula.
    const passed = ins.flatMap((j, i) => (def.argRefs[i].kind === 'gate' ? [] : [`${JSON.stringify(def.argNames[i])}: v${j}`]));
    const argObject = `{ ${passed.join(', ')} }`;
    const argList = ins.map((j) => `v${j}`).join(', ');
    lines.push(
      `if (${clean}) {`,
      `  try { o = c${s}.call(d${s}, ${argObject}); } catch (x) { o = THREW; e = x; }`,
      `  if (typeof o === 'number' ? ${def.mayBeInfinite ? 'o === o' : 'o - o === 0'} : isClean(d${s}, o)) { v${k} = o; b${k} = 0; F[${k}] = undefined; }`,
      `  else { r = settled(${s}, o, e); F[${k}] = r; b${k} = r.ok ? 0 : 1; v${k} = r.ok ? r.value : null; }`,
      `} else { r = settle(${s}, [${argList}], [${ins.map((j) => `b${j}`).join(', ')}], [${ins.join(', ')}]); F[${k}] = r; b${k} = r.ok ? 0 : 1; v${k} = r.ok ? r.value : null; }`,
    );
  });
  lines.push(`return [${L.outSlots.map((k) => (computed.has(k) ? `F[${k}] ?? ok(v${k})` : `F[${k}]`)).join(', ')}];`, '};');

  /** A step whose compute ran but did not give a clean value (threw, warned, failed …). */
  const settled = (s: number, out: unknown, err: unknown): CellValue => {
    const def = L.steps[s];
    return out === THREW ? thrownValue(def, err) : checkResult(def, out);
  };
  /**
   * A step the fast path did not run: an error input (it blocks the cell unless the cell
   * tolerates errors, which then sees null) or a value of the wrong kind; evaluateDerived's rules.
   */
  const settle = (s: number, args: Plain[], bad: number[], slots: number[]): CellValue => {
    const def = L.steps[s];
    const blocked = bad.indexOf(1);
    if (blocked >= 0 && !def.tolerateErrors) return blockedBy(def, full[slots[blocked]] as ErrValue);
    return runCompute(def, args.map((a, i) => (bad[i] ? null : a)));
  };
  const isClean = (def: DerivedDef, o: unknown) => isCleanValue(o, def.mayBeInfinite === true);
  const names = ['FIRST', 'K', 'F', 'THREW', 'ok', 'settle', 'settled', 'isClean', 'CH'];
  const values: unknown[] = [L.first, L.vals, full, THREW, okValue, settle, settled, isClean, choiceLists];
  L.steps.forEach((d, s) => {
    names.push(`c${s}`, `d${s}`);
    values.push(d.compute, d);
  });
  let factory: Factory;
  try {
    factory = new Function(...names, lines.join('\n')) as Factory;
  } catch {
    return undefined;
  }
  return factory(...values);
}
