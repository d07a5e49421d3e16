/**
 * Grid search over input cells: every combination of the given values is evaluated on
 * scratch values, constraints filter, an objective ranks, and the top k (and, for two
 * objectives, the Pareto front) are reported with how many were tried and feasible.
 */
import type { LiveGraph } from './live.js';
import { withScratchInputs, writeScratch } from './scratch.js';
import type { CellValue, Plain } from './values.js';

export interface Objective {
  readonly cell: string;
  readonly sense: 'min' | 'max';
}

/** A cell bound: numeric min/max (inclusive) or an exact value (booleans, enums). */
export interface Constraint {
  readonly cell: string;
  readonly min?: number;
  readonly max?: number;
  readonly equals?: Plain;
}

export interface SearchAxis {
  readonly input: string;
  readonly values: readonly Plain[];
}

export interface SearchOptions {
  readonly axes: readonly SearchAxis[];
  readonly objective: Objective;
  /** A second objective: the result then carries the Pareto front of the two. */
  readonly secondObjective?: Objective;
  readonly constraints?: readonly Constraint[];
  /** Extra acceptance test, run after constraints (e.g. a derived feasibility rule). */
  readonly accept?: (graph: LiveGraph) => boolean;
  /** Skip a combination before evaluating it (e.g. TP·PP must divide N). */
  readonly prefilter?: (values: Readonly<Record<string, Plain>>) => boolean;
  readonly topK?: number;
  /** Cells to report for each kept candidate. */
  readonly report?: readonly string[];
  /** Called every `progressEvery` combinations with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

export interface Candidate {
  readonly values: Readonly<Record<string, Plain>>;
  readonly objective: number;
  readonly objective2?: number;
  readonly report: Readonly<Record<string, CellValue>>;
}

export interface SearchResult {
  readonly best?: Candidate;
  readonly top: readonly Candidate[];
  /** Non-dominated candidates under the two objectives (only with secondObjective). */
  readonly pareto?: readonly Candidate[];
  /** Combinations in the grid. */
  readonly total: number;
  /** Combinations evaluated (the prefilter may skip some). */
  readonly tried: number;
  /** Evaluated combinations meeting every constraint with a numeric objective. */
  readonly feasible: number;
}

function meets(v: CellValue, c: Constraint): boolean {
  if (!v.ok) return false;
  if (c.equals !== undefined) return Object.is(v.value, c.equals);
  if (typeof v.value !== 'number') return false;
  return (c.min === undefined || v.value >= c.min) && (c.max === undefined || v.value <= c.max);
}

function numeric(v: CellValue): number | undefined {
  return v.ok && typeof v.value === 'number' && !Number.isNaN(v.value) ? v.value : undefined;
}

/** a is better than b under the objective. */
function better(a: number, b: number, sense: 'min' | 'max'): boolean {
  return sense === 'min' ? a < b : a > b;
}

export function gridSearch(graph: LiveGraph, o: SearchOptions): SearchResult {
  const ids = o.axes.map((a) => a.input);
  for (const id of ids) if (!graph.isInput(id)) throw new Error(`${id} is not an input cell`);
  const total = o.axes.reduce((n, a) => n * a.values.length, 1);
  const every = o.progressEvery ?? 1000;
  const kept: Candidate[] = [];
  let tried = 0;
  let done = 0;
  withScratchInputs(graph, ids, () => {
    const idx = new Array<number>(o.axes.length).fill(0);
    for (let n = 0; n < total; n++) {
      const values: Record<string, Plain> = {};
      o.axes.forEach((a, i) => (values[a.input] = a.values[idx[i]]));
      // Odometer increment over the axes (the last axis varies fastest).
      for (let i = o.axes.length - 1; i >= 0; i--) {
        if (++idx[i] < o.axes[i].values.length) break;
        idx[i] = 0;
      }
      done++;
      if (o.onProgress && done % every === 0) o.onProgress(done, total);
      if (o.prefilter && !o.prefilter(values)) continue;
      tried++;
      writeScratch(graph, values);
      if (o.constraints && !o.constraints.every((c) => meets(graph.get(c.cell), c))) continue;
      if (o.accept && !o.accept(graph)) continue;
      const f1 = numeric(graph.get(o.objective.cell));
      if (f1 === undefined) continue;
      const f2 = o.secondObjective ? numeric(graph.get(o.secondObjective.cell)) : undefined;
      if (o.secondObjective && f2 === undefined) continue;
      const report: Record<string, CellValue> = {};
      for (const r of o.report ?? []) report[r] = graph.get(r);
      kept.push({ values, objective: f1, objective2: f2, report });
    }
  });
  if (o.onProgress && done % every !== 0) o.onProgress(done, total);
  // Stable sort: ties keep enumeration order, so callers control tie-breaks by axis order.
  const ranked = [...kept].sort((a, b) => (better(a.objective, b.objective, o.objective.sense) ? -1 : better(b.objective, a.objective, o.objective.sense) ? 1 : 0));
  const top = ranked.slice(0, o.topK ?? 10);
  const pareto = o.secondObjective ? paretoFront(kept, o.objective.sense, o.secondObjective.sense) : undefined;
  return { best: ranked[0], top, pareto, total, tried, feasible: kept.length };
}

/** Candidates no other candidate dominates (at least as good in both, better in one). */
export function paretoFront(cands: readonly Candidate[], sense1: 'min' | 'max', sense2: 'min' | 'max'): Candidate[] {
  const asGood = (a: number, b: number, s: 'min' | 'max') => (s === 'min' ? a <= b : a >= b);
  return cands.filter(
    (c) =>
      !cands.some(
        (d) =>
          d !== c &&
          asGood(d.objective, c.objective, sense1) &&
          asGood(d.objective2!, c.objective2!, sense2) &&
          (better(d.objective, c.objective, sense1) || better(d.objective2!, c.objective2!, sense2)),
      ),
  );
}
