/**
 * The compiled cone as generated JavaScript: one local per slot and one call per step, so the
 * JIT sees a straight-line function whose call sites each reach one compute function (and can
 * inline them). Only the common case lives in the generated text — all inputs clean and of
 * their declared kinds, a clean result (`isCleanValue`); a blocked input, a wrong kind, a throw,
 * a warning or a failure goes to `settle` / `settled`,
 * which applies `evaluateDerived`'s rules through the shared functions of evaluate.ts.
 *
 * The generated code allocates nothing of its own per step on the common path: each step's
 * argument object is made once per cone and refilled, constants' checks are decided when the
 * text is generated, and a warned value that is not an output keeps only its value. One text is
 * compiled once (`programFor`); a cone's values come in its state, so sweeping again reuses the
 * optimised program instead of having the JIT re-optimise a fresh closure every time.
 *
 * Returns undefined where code generation is not allowed (a Content-Security-Policy without
 * 'unsafe-eval'); the caller then uses the interpreted cone.
 */
import type { CellDef, DerivedDef } from './cell.js';
import { canonicalValue, checkDomain } from './domain.js';
import { blockedBy, checkResult, inputValue, isCleanValue, pinnedValue, runCompute, thrownValue } from './evaluate.js';
import { acceptsValue, type InputRef } from './inputs.js';
import { type CellValue, type ErrValue, okValue, type Plain, Warned } from './values.js';

/** What the code generator needs: the steps with their argument slots, and the slot layout. */
export interface ConeLayout {
  /** The swept cell: an input (its checked value) or a pinned derived cell (its pin). */
  readonly axis: CellDef;
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

/** What one generated text compiles to: the argument objects' maker and the step program. */
interface Program {
  readonly makeArgs: (K: readonly Plain[]) => (Record<string, Plain> | null)[];
  readonly run: (raw: Plain, S: ConeState) => CellValue[];
}

/** One cone's values, passed to its program on each call (the program itself holds none). */
interface ConeState {
  readonly axis: CellDef;
  readonly K: readonly Plain[];
  readonly F: (CellValue | undefined)[];
  readonly A: readonly (Record<string, Plain> | null)[];
  readonly C: readonly DerivedDef['compute'][];
  readonly D: readonly DerivedDef[];
  readonly CH: readonly (readonly string[])[];
}

const THREW = Symbol('threw');

/** The generated bad flag of a constant slot (1 for an error value). */
const badOf = (v: CellValue | undefined): string => (v !== undefined && !v.ok ? '1' : '0');

const isClean = (def: DerivedDef, o: unknown): boolean => isCleanValue(o, def.mayBeInfinite === true);

// The helpers the program calls are module functions taking the cone's state, not closures made
// per cone: a call site that met another closure each sweep would throw the optimised code away.

/** The swept cell's value for a raw value: an input's checked value, or a derived axis's pin. */
function first(S: ConeState, raw: Plain): CellValue {
  return S.axis.kind === 'input' ? inputValue(S.axis, raw) : pinnedValue(S.axis, raw);
}

/** True when `first` would be exactly `okValue(raw)` without warnings (the slot then holds raw). */
function firstIsRaw(S: ConeState, raw: Plain): boolean {
  const axis = S.axis;
  return axis.kind === 'input' && checkDomain(axis.id, axis.domain, raw) === undefined && canonicalValue(axis.domain, raw) === raw;
}

/** A step whose compute ran but did not give a clean value (threw, warned, failed …). */
function settled(S: ConeState, s: number, out: unknown, err: unknown): CellValue {
  const def = S.D[s];
  return out === THREW ? thrownValue(def, err) : checkResult(def, out);
}

/**
 * A step the fast path did not run: an error input (it blocks the cell unless the cell
 * tolerates errors, which then sees null) or a value of the wrong kind; evaluateDerived's rules.
 */
function settle(S: ConeState, s: number, args: Plain[], bad: number[], slots: number[]): CellValue {
  const def = S.D[s];
  const blocked = bad.indexOf(1);
  if (blocked >= 0 && !def.tolerateErrors) return blockedBy(def, S.F[slots[blocked]] as ErrValue);
  return runCompute(def, args.map((a, i) => (bad[i] ? null : a)));
}

/**
 * Programs by generated text. The text names only slots and steps; every value (constants,
 * compute functions, definitions, argument objects) comes in the cone's state. So a sweep of
 * the same cone again (another value list, another graph of the same shape) runs the same
 * function object, whose type feedback and optimised code carry over: the JIT does not
 * re-optimise the program for each sweep (with a closure per sweep it did, at 0.1–0.5 s of
 * compile time each for the 45-step scorecard cone).
 */
const programs = new Map<string, Program>();
const MAX_PROGRAMS = 32;

function programFor(body: string): Program {
  let p = programs.get(body);
  if (p === undefined) {
    const make = new Function('THREW', 'W', 'ok', 'isClean', 'first', 'firstIsRaw', 'settle', 'settled', body) as (...a: unknown[]) => Program;
    p = make(THREW, Warned, okValue, isClean, first, firstIsRaw, settle, settled);
    if (programs.size >= MAX_PROGRAMS) programs.delete(programs.keys().next().value!);
    programs.set(body, p);
  }
  return p;
}

/** Generates `run(raw)` for the layout, or undefined when `new Function` is refused. */
export function generateCone(L: ConeLayout): Run | undefined {
  const n = L.vals.length;
  const full: (CellValue | undefined)[] = [...L.full];
  const computed = new Set<number>([0, ...L.resultSlot]);
  const isOutput = new Set<number>(L.outSlots);
  const argObjects: string[] = [];
  const locals: string[] = [];
  const lines: string[] = ['let o, r, e;', 'let v0 = raw, b0 = 0;', 'if (firstIsRaw(S, raw)) F[0] = undefined; else { r = first(S, raw); F[0] = r; b0 = r.ok ? 0 : 1; v0 = r.ok ? r.value : null; }'];
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
    const general = `r = settle(S, ${s}, [${ins.map((j) => `v${j}`).join(', ')}], [${ins.map((j) => (computed.has(j) ? `b${j}` : badOf(full[j]))).join(', ')}], [${ins.join(', ')}]); F[${k}] = r; b${k} = r.ok ? 0 : 1; v${k} = r.ok ? r.value : null;`;
    if (constantFails) {
      argObjects.push('null');
      lines.push(general);
      return;
    }
    // The step's argument object is made once per cone and refilled before each call: constant
    // arguments are set here, the others before each call (a gate is read — its error blocks the
    // step — but not passed to the formula). A number field starts as a double, so it holds
    // numbers unboxed; the other fields start null.
    const passed = ins.flatMap((j, i) => (def.argRefs[i].kind === 'gate' ? [] : [{ name: JSON.stringify(def.argNames[i]), slot: j, kind: def.argRefs[i].kind }]));
    const initial = (a: (typeof passed)[number]) => (!computed.has(a.slot) ? `K[${a.slot}]` : a.kind === 'number' ? '0.5' : 'null');
    argObjects.push(`{ ${passed.map((a) => `${a.name}: ${initial(a)}`).join(', ')} }`);
    locals.push(`const A${s} = A[${s}], c${s} = C[${s}], d${s} = D[${s}];`);
    const fill = passed.filter((a) => computed.has(a.slot)).map((a) => `A${s}[${a.name}] = v${a.slot};`);
    lines.push(
      `if (${clean}) {`,
      `  ${fill.join(' ')}`,
      `  try { o = c${s}.call(d${s}, A${s}); } catch (x) { o = THREW; e = x; }`,
      `  if (typeof o === 'number' ? ${def.mayBeInfinite ? 'o === o' : 'o - o === 0'} : isClean(d${s}, o)) { v${k} = o; b${k} = 0; F[${k}] = undefined; }`,
      // A warned value read only by later steps: its warnings are never shown, so no full value
      // is built for it (checkResult's test of the value itself still applies).
      ...(isOutput.has(k) ? [] : [`  else if (o instanceof W && isClean(d${s}, o.value)) { v${k} = o.value; b${k} = 0; F[${k}] = undefined; }`]),
      `  else { r = settled(S, ${s}, o, e); F[${k}] = r; b${k} = r.ok ? 0 : 1; v${k} = r.ok ? r.value : null; }`,
      `} else { ${general} }`,
    );
  });
  lines.push(`return [${L.outSlots.map((k) => (computed.has(k) ? `F[${k}] ?? ok(v${k})` : `F[${k}]`)).join(', ')}];`);
  const body = [
    `const makeArgs = function (K) { return [${argObjects.join(', ')}]; };`,
    'const run = function run(raw, S) {',
    'const K = S.K, F = S.F, A = S.A, C = S.C, D = S.D, CH = S.CH;',
    ...locals,
    ...lines,
    '};',
    'return { makeArgs, run };',
  ].join('\n');

  let program: Program;
  try {
    program = programFor(body);
  } catch {
    return undefined;
  }
  const state: ConeState = {
    axis: L.axis, K: L.vals, F: full, A: program.makeArgs(L.vals), C: L.steps.map((d) => d.compute), D: L.steps, CH: choiceLists,
  };
  const run = program.run;
  return (raw) => run(raw, state);
}
