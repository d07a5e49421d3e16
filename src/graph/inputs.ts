/**
 * Named, typed inputs of a derived cell. A cell declares what it reads as an object of
 * descriptors, and its formula receives an object with the same keys, typed:
 *
 * ```ts
 * derived({ id: 'compute.mfu', …,
 *   inputs: { flops: number('compute.flops_per_step'), t: number('compute.latency'), peak: number('hardware.peak_flops') },
 *   compute: ({ flops, t, peak }) => flops / t / peak })
 * ```
 *
 * The engine checks every value against its descriptor when it arrives: a value of the wrong
 * kind is an error value naming the input (never a silent cast), so a formula can trust its
 * types. Two inputs of the same unit cannot be swapped unnoticed, because each is named where
 * it is read.
 */
import type { Plain } from './values.js';

/** What a descriptor accepts. `?` kinds also accept null (an unset optional value). */
export type InputKind =
  | 'number' | 'number?'
  | 'string' | 'string?'
  | 'boolean' | 'boolean?'
  | 'choice' | 'choice?'
  /** Any plain value (collectors that read cells of several kinds). */
  | 'value'
  /** Read only so that its error blocks this cell; the formula never sees its value. */
  | 'gate';

/** One declared input: the cell id it reads and the kind of value the formula expects. */
export interface InputRef<T extends Plain = Plain> {
  readonly id: string;
  readonly kind: InputKind;
  /** The allowed strings of a `choice` input. */
  readonly choices?: readonly string[];
  /** Type-level only: the value type the formula receives (never set at run time). */
  readonly __value?: T;
}

/** A gate reads a cell only to carry its error through. */
export interface GateRef extends InputRef<never> {
  readonly kind: 'gate';
}

/** The inputs of a cell: argument name → descriptor. */
export type InputMap = { readonly [name: string]: InputRef | undefined };

type ValueOf<R> = R extends InputRef<infer T> ? T : undefined;

/**
 * The argument object a formula receives for `I`: one key per input (gates left out), typed by
 * its descriptor. An input spread in only under a condition is optional (possibly undefined).
 */
export type ArgsOf<I extends InputMap> = {
  readonly [K in keyof I as I[K] extends GateRef ? never : K]: ValueOf<I[K]>;
};

const ref = <T extends Plain>(id: string, kind: InputKind, choices?: readonly string[]): InputRef<T> =>
  choices ? { id, kind, choices } : { id, kind };

// Descriptor names are words, not the old casts (`num(v)`), so a reader can tell a declared
// input from a cast at a glance.

/** A number (finite, or ±∞ where the producing cell allows it). */
export const number = (id: string): InputRef<number> => ref(id, 'number');
/** A number, or null when the (optional) cell is unset. */
export const optNumber = (id: string): InputRef<number | null> => ref(id, 'number?');
/** A string (text or an enum value read as text). */
export const text = (id: string): InputRef<string> => ref(id, 'string');
export const optText = (id: string): InputRef<string | null> => ref(id, 'string?');
/** true or false. */
export const flag = (id: string): InputRef<boolean> => ref(id, 'boolean');
export const optFlag = (id: string): InputRef<boolean | null> => ref(id, 'boolean?');
/** One of `choices` (an enum cell). */
export const choice = <const C extends readonly string[]>(id: string, choices: C): InputRef<C[number]> =>
  ref(id, 'choice', choices);
export const optChoice = <const C extends readonly string[]>(id: string, choices: C): InputRef<C[number] | null> =>
  ref(id, 'choice?', choices);
/** Any plain value, unchecked (for collectors that read cells of several kinds). */
export const value = (id: string): InputRef<Plain> => ref(id, 'value');
/** Read only so that an error there blocks this cell (its value is not passed to the formula). */
export const gate = (id: string): GateRef => ({ id, kind: 'gate' }) as GateRef;

/** Whether `v` is a value of `r`'s kind. */
export function acceptsValue(r: InputRef, v: Plain): boolean {
  switch (r.kind) {
    case 'number': return typeof v === 'number';
    case 'number?': return v === null || typeof v === 'number';
    case 'string': return typeof v === 'string';
    case 'string?': return v === null || typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'boolean?': return v === null || typeof v === 'boolean';
    case 'choice': return typeof v === 'string' && r.choices!.includes(v);
    case 'choice?': return v === null || (typeof v === 'string' && r.choices!.includes(v));
    case 'value':
    case 'gate': return true;
  }
}

/** "a number", "one of inference, serving, training" — what an input expects, for messages. */
export function describeKind(r: InputRef): string {
  const orUnset = r.kind.endsWith('?') ? ' (or unset)' : '';
  switch (r.kind) {
    case 'number': case 'number?': return `a number${orUnset}`;
    case 'string': case 'string?': return `text${orUnset}`;
    case 'boolean': case 'boolean?': return `true or false${orUnset}`;
    case 'choice': case 'choice?': return `one of ${r.choices!.join(', ')}${orUnset}`;
    default: return 'a value';
  }
}

/** "unset", "the text 'fp16'", "the number 3" — what arrived, for messages. */
export function describeValue(v: Plain): string {
  if (v === null) return 'unset';
  if (typeof v === 'string') return `the text '${v}'`;
  return `the ${typeof v} ${String(v)}`;
}
