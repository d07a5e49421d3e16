/**
 * The workbench's inverse questions — "the longest context that fits" and "how many GPUs do I
 * need" — asked of the current scenario through the library function the CLI's
 * `seek --vary context|devices` runs (src/scenario/seek-scenario.ts), so the page and the CLI
 * give the same answer. The scenario is the one the workbench shows: its document with the
 * user's overrides and pins (toScenarioDocument).
 *
 * The answer is applied as an edit the workbench traces: a context length is an edit of
 * `scenario.context_len` (and of `communication.seq_len` when the scenario sets it, as seek
 * does); a device count is a change of the system, rebuilt like a picker switch.
 */
import { formatNumber } from '../../../graph/index.js';
import type { ScenarioQuestion, ScenarioSeekResult } from '../../../scenario/seek-scenario.js';
import { fleetText, type ScenarioDesc } from '../../store/index.js';

export { fleetText };

export interface QuestionInfo {
  readonly question: ScenarioQuestion;
  readonly title: string;
  /** The answer's unit, plural. */
  readonly unit: string;
}

export const QUESTIONS: readonly QuestionInfo[] = [
  { question: 'context', title: 'Longest context that fits', unit: 'tokens' },
  { question: 'devices', title: 'GPUs needed', unit: 'devices' },
];

/** "487 822 tokens", "1 device". */
export function amountText(n: number, q: ScenarioQuestion): string {
  const unit = q === 'context' ? (n === 1 ? 'token' : 'tokens') : n === 1 ? 'device' : 'devices';
  return `${formatNumber(n, 12)} ${unit}`;
}

/** What the answer says, in words: the answer, why it is the edge, and whether nothing meets it. */
export interface AnswerWords {
  /** "487 822 tokens", or undefined when nothing in the range is acceptable. */
  readonly answer?: string;
  /** Why not one step further (the binding reason), or why nothing works. */
  readonly reason: string;
  /** "layout (auto): tp=2, pp=1" when the answer splits the model. */
  readonly layout?: string;
  /** Nothing in the range fits (or meets the target). */
  readonly none: boolean;
}

const short = (id: string): string => id.replace('communication.', '');

export function answerWords(r: ScenarioSeekResult): AnswerWords {
  const q = r.question;
  const l = r.built?.layout;
  const layout = l ? `layout ${l.auto ? '(auto)' : '(given)'}: ${Object.entries(l.values).map(([k, v]) => `${short(k)}=${String(v)}`).join(', ')}` : undefined;
  if (r.solution === undefined) {
    const what = r.infeasible ? 'Nothing in the range fits' : 'Nothing in the range meets the target';
    return { none: true, reason: `${what} (${amountText(r.lo, q)} to ${amountText(r.hi, q)}): ${r.none?.reason ?? 'no point could be evaluated'}` };
  }
  const reason = r.next
    ? `at ${amountText(r.next.x, q)}: ${r.next.reason}`
    : `the end of the searched range (${amountText(q === 'context' ? r.hi : r.lo, q)}) is reached`;
  return { answer: amountText(r.solution, q), reason, none: false, ...(layout ? { layout } : {}) };
}

/** How to apply an answer to the workbench. */
export type ApplyPlan =
  /** Edits of input cells, in order (each traced and undoable). */
  | { readonly kind: 'inputs'; readonly edits: readonly (readonly [string, number])[] }
  /** A change of the system: `choose` (undoable) when the picker holds no catalogue system. */
  | { readonly kind: 'choose'; readonly patch: Pick<ScenarioDesc, 'mode' | 'extras'> }
  /** The picker holds a catalogue system: the description is replaced (traced; undo starts afresh). */
  | { readonly kind: 'load'; readonly desc: ScenarioDesc; readonly cause: string }
  /** Nothing to apply, and why. */
  | { readonly kind: 'none'; readonly why: string };

/**
 * How the answer `r` (asked of `desc`, whose scenario had `current` devices) becomes an edit.
 * A context answer also moves communication.seq_len when the scenario sets it, as seek does.
 */
export function applyPlan(desc: ScenarioDesc, r: ScenarioSeekResult, current: number): ApplyPlan {
  const x = r.solution;
  if (x === undefined || !r.built) return { kind: 'none', why: 'there is no answer to apply' };
  if (r.question === 'context') {
    const seq = 'communication.seq_len' in desc.overrides;
    return { kind: 'inputs', edits: [['scenario.context_len', x], ...(seq ? [['communication.seq_len', x] as const] : [])] };
  }
  if (x === current) return { kind: 'none', why: `the scenario already has ${amountText(x, 'devices')}` };
  const sys = r.built.scenario.system;
  if (typeof sys !== 'object') return { kind: 'none', why: 'the answer is not a fleet the workbench can describe' };
  const mode = r.built.ctx.mode;
  // The name described the old choice (withChoice drops it on a change of system).
  const { name: _name, ...rest } = desc.extras ?? {};
  const extras = { ...rest, fleet: sys };
  if (!desc.system) return { kind: 'choose', patch: { mode, extras } };
  const device = r.built.ctx.device.id;
  const { system: _system, ...others } = desc;
  return {
    kind: 'load',
    desc: { ...others, mode, extras },
    cause: `GPUs needed: System ${desc.system} → ${fleetText(sys, device)}`,
  };
}
