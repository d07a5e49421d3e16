/**
 * The compiled cone as generated JavaScript: one local per slot and one call per step, so the
 * JIT sees a straight-line function whose call sites each reach one compute function (and can
 * inline them). Only the common case lives in the generated text — all inputs clean and of
 * their declared kinds, a clean result (`isCleanValue`); a blocked input, a wrong kind, a throw,
 * a warning or a failure goes to `settle` / `settled`,
 * which applies `evaluateDerived`'s rules through the shared functions of evaluate.ts.
 *
 * Nothing is allocated per step on the common path: each step's argument object is made once
 * per cone and refilled, constants' checks are decided when the text is generated, a warned
 * value that is not an output keeps only its value, and the factory is reused for the same text.
 *
 * Returns undefined where code generation is not allowed (a Content-Security-Policy without
 * 'unsafe-eval'); the caller then uses the interpreted cone.
 */
import type { DerivedDef } from './cell.js';
import { blockedBy, checkResult, isCleanValue, runCompute, thrownValue } from './evaluate.js';
import { acceptsValue, type InputRef } from './inputs.js';
import { type CellValue, type ErrValue, okValue, type Plain, Warned } from './values.js';

/** What the code generator needs: the steps with their argument slots, and the slot layout. */
export interface ConeLayout {
  /** The swept cell's value for a raw value (an input's checked value, or a derived axis's pin). */
  readonly first: (raw: Plain) => CellValue;
  /** True when `first(raw)` is exactly `okValue(raw)` without warnings (the slot then holds raw). */
  readonly firstIsRaw: (raw: Plain) => boolean;
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

/** The generated bad flag of a constant slot (1 for an error value). */
const badOf = (v: CellValue | undefined): string => (v !== undefined && !v.ok ? '1' : '0');

/**
 * Factories by generated text. A sweep of the same cone again (another value list, another
 * graph of the same shape) reuses its factory, so the JIT's type feedback and optimised code
 * carry over instead of being rebuilt per call. The text names only slots and steps; every
 * value (constants, compute functions, definitions) is a factory argument.
 */
const factories = new Map<string, Factory>();
const MAX_FACTORIES = 32;

function factoryFor(names: readonly string[], body: string): Factory {
  const key = `${names.join(',')}\n${body}`;
  let f = factories.get(key);
  if (f === undefined) {
    f = new Function(...names, body) as Factory;
    if (factories.size >= MAX_FACTORIES) factories.delete(factories.keys().next().value!);
    factories.set(key, f);
  }
  return f;
}

/** Generates `run(raw)` for the layout, or undefined when `new Function` is refused. */
export function generateCone(L: ConeLayout): Run | undefined {
  const n = L.vals.length;
  const full: (CellValue | undefined)[] = [...L.full];
  const computed = new Set<number>([0, ...L.resultSlot]);
  const isOutput = new Set<number>(L.outSlots);
  const prologue: string[] = [];
  const lines: string[] = ['return function run(raw) {', 'let o, r, e;', 'let v0 = raw, b0 = 0;', 'if (RAW(raw)) F[0] = undefined; else { r = FIRST(raw); F[0] = r; b0 = r.ok ? 0 : 1; v0 = r.ok ? r.value : null; }'];
  for (let k = 1; k < n; k++) {
    if (computed.has(k)) lines.push(`let v${k} = null, b${k} = 0;`);
    else lines.push(`const v${k} = K[${k}];`);
  }
  const choiceLists: (readonly string[])[] = [];
  /** The generated test that slot j holds a value of `r`'s kind ('' for value and gate). */
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
    // A constant input is clean and of its kind for the whole sweep, or never: the test is
    // settled here, and a step with a constant that fails it always takes the general path.
    const constantFails = ins.some((j, i) => !computed.has(j) && (full[j] === undefined || !full[j]!.ok || !acceptsValue(def.argRefs[i], L.vals[j])));
    const tests = ins.flatMap((j, i) => (computed.has(j) ? [`b${j} === 0`, kindTest(def.argRefs[i], j)] : [])).filter((t) => t !== '');
    const clean = constantFails ? 'false' : tests.length ? tests.join(' && ') : 'true';
    const general = `r = settle(${s}, [${ins.map((j) => `v${j}`).join(', ')}], [${ins.map((j) => (computed.has(j) ? `b${j}` : badOf(full[j]))).join(', ')}], [${ins.join(', ')}]); F[${k}] = r; b${k} = r.ok ? 0 : 1; v${k} = r.ok ? r.value : null;`;
    if (constantFails) {
      lines.push(general);
      return;
    }
    // The step's argument object is made once per cone and refilled before each call: constant
    // arguments are set here, the others before each call (a gate is read — its error blocks the
    // step — but not passed to the formula). A number field starts as a double, so it holds
    // numbers unboxed; the other fields start null.
    const passed = ins.flatMap((j, i) => (def.argRefs[i].kind === 'gate' ? [] : [{ name: JSON.stringify(def.argNames[i]), slot: j, kind: def.argRefs[i].kind }]));
    const initial = (a: (typeof passed)[number]) => (!computed.has(a.slot) ? `K[${a.slot}]` : a.kind === 'number' ? '0.5' : 'null');
    prologue.push(`const A${s} = { ${passed.map((a) => `${a.name}: ${initial(a)}`).join(', ')} };`);
    const fill = passed.filter((a) => computed.has(a.slot)).map((a) => `A${s}[${a.name}] = v${a.slot};`);
    lines.push(
      `if (${clean}) {`,
      `  ${fill.join(' ')}`,
      `  try { o = c${s}.call(d${s}, A${s}); } catch (x) { o = THREW; e = x; }`,
      `  if (typeof o === 'number' ? ${def.mayBeInfinite ? 'o === o' : 'o - o === 0'} : isClean(d${s}, o)) { v${k} = o; b${k} = 0; F[${k}] = undefined; }`,
      // A warned value read only by later steps: its warnings are never shown, so no full value
      // is built for it (checkResult's test of the value itself still applies).
      ...(isOutput.has(k) ? [] : [`  else if (o instanceof W && isClean(d${s}, o.value)) { v${k} = o.value; b${k} = 0; F[${k}] = undefined; }`]),
      `  else { r = settled(${s}, o, e); F[${k}] = r; b${k} = r.ok ? 0 : 1; v${k} = r.ok ? r.value : null; }`,
      `} else { ${general} }`,
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
  const names = ['FIRST', 'RAW', 'K', 'F', 'THREW', 'W', 'ok', 'settle', 'settled', 'isClean', 'CH'];
  const values: unknown[] = [L.first, L.firstIsRaw, L.vals, full, THREW, Warned, okValue, settle, settled, isClean, choiceLists];
  L.steps.forEach((d, s) => {
    names.push(`c${s}`, `d${s}`);
    values.push(d.compute, d);
  });
  let factory: Factory;
  try {
    factory = factoryFor(names, [...prologue, ...lines].join('\n'));
  } catch {
    return undefined;
  }
  return factory(...values);
}
