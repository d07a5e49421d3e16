/**
 * "The largest batch within an ITL target" for the scenario on screen: the CLI's
 * `seek … --target ITL=T --vary scenario.batch_size=1:4096 --goal at_most` — goal seek within
 * feasibility (physics.md wall 22.2 require_feasible; graph/goal-seek.ts) on the scenario built
 * from the workbench's document, so a batch whose KV cache does not fit is never the answer, and
 * when fitting is what bounds it the answer says so.
 *
 * The ITL is the time between tokens of the mode: serving.itl when serving, the decode step
 * compute.latency in inference (one token per sequence per step). Training has no ITL.
 */
import { formatNumber, formatPlain, goalSeek, parseQuantity } from '../../../graph/index.js';
import { buildScenario } from '../../../scenario/index.js';
import { scenarioFits } from '../../../scenario/seek-scenario.js';
import { type ScenarioDesc, toScenarioDocument } from '../../store/index.js';

/** The ITL cell of a mode, or undefined (training). */
export function itlCell(mode: string): string | undefined {
  return mode === 'serving' ? 'serving.itl' : mode === 'inference' ? 'compute.latency' : undefined;
}

/** The batch range searched (sequences); the answer says when it reaches the end. */
export const BATCH_RANGE = { lo: 1, hi: 4096 } as const;

export type BatchAnswer =
  | { readonly ok: false; readonly problem: string }
  | {
      readonly ok: true;
      /** The target in seconds, and how it was read ("50 ms"; a bare number is read in ms, said). */
      readonly target: number;
      readonly targetText: string;
      readonly cell: string;
      readonly solution?: number;
      /** "ITL 19.99 ms at 161 sequences". */
      readonly achieved?: string;
      /** Why not one more: the target, the edge of what fits, the end of the range; or why none. */
      readonly reason: string;
      readonly none: boolean;
      readonly notes: readonly string[];
    };

const ms = (s: number): string => formatPlain(s, 's');

/** Reads the target: a time with its unit ("50 ms", "0.05 s"), or a bare number in ms. */
function readTarget(text: string): { value: number; shown: string; note?: string } | { problem: string } {
  const t = text.trim();
  if (!t) return { problem: 'ITL target: type a time, e.g. 50 ms' };
  let value: number;
  try {
    value = parseQuantity(t, 's');
  } catch (e) {
    return { problem: `ITL target: ${e instanceof Error ? e.message : String(e)}` };
  }
  const bare = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t);
  if (bare) value /= 1000;
  if (!(value > 0) || !Number.isFinite(value)) return { problem: `ITL target must be a time > 0 (got '${t}')` };
  return { value, shown: ms(value), ...(bare ? { note: `${t} read as ${ms(value)} (a bare number is in ms)` } : {}) };
}

export function batchWithinItl(desc: ScenarioDesc, text: string): BatchAnswer {
  const target = readTarget(text);
  if ('problem' in target) return { ok: false, problem: target.problem };
  let graph;
  try {
    graph = buildScenario(toScenarioDocument(desc)).graph;
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message : String(e) };
  }
  const cell = itlCell(String(graph.value('scenario.mode')));
  if (!cell || !graph.has(cell) || !graph.has('scenario.batch_size')) return { ok: false, problem: 'this scenario has no time between tokens (inference or serving of a language model)' };
  const r = goalSeek(graph, { input: 'scenario.batch_size', output: cell, target: target.value, ...BATCH_RANGE, goal: 'at_most', feasible: scenarioFits });
  const base = { ok: true as const, target: target.value, targetText: target.shown, cell, notes: target.note ? [target.note] : [] };
  if (!r.ok) {
    const why = r.infeasible
      ? `no batch in ${BATCH_RANGE.lo} … ${BATCH_RANGE.hi} fits`
      : `no batch that fits gives an ITL ≤ ${target.shown}${r.closest ? `; the closest is ${ms(r.closest.y)} at batch ${formatNumber(r.closest.x, 12)}` : ''}`;
    return { ...base, reason: why, none: true };
  }
  const reason = r.limitedBy === 'feasibility'
    ? 'memory — the next batch would meet the target but does not fit'
    : r.solution === BATCH_RANGE.hi
      ? `the end of the searched range (${BATCH_RANGE.hi} sequences) is reached`
      : `the ITL target ${target.shown}`;
  return { ...base, solution: r.solution, achieved: `ITL ${ms(r.achieved)}`, reason, none: false };
}
