/**
 * Whether a design fits, point by point (for sweeps and heatmaps): the cells whose truth decides
 * the Feasibility lens in the graph's mode (physics.md §11.1; nodes/analysis FEASIBILITY_CELLS),
 * and one verdict from their values. An infeasible design is a value, not an error (§0.1 rule 3):
 * its latencies are still computed, so a chart must say which points would not run.
 */
import type { CellValue, LiveGraph } from '../graph/index.js';
import { FEASIBILITY_CELLS } from '../nodes/analysis/index.js';

/** The feasibility cells of `graph`'s mode that it has (memory.feasible for inference …). */
export function feasibilityCells(graph: LiveGraph): string[] {
  const mode = graph.has('scenario.mode') ? graph.value('scenario.mode') : undefined;
  const cells = mode === 'training' || mode === 'serving' || mode === 'inference' ? FEASIBILITY_CELLS[mode] : FEASIBILITY_CELLS.inference;
  return cells.filter((id) => graph.has(id));
}

export interface Feasibility {
  /** true: every check holds; false: one is false; undefined: a check could not be computed. */
  readonly feasible: boolean | undefined;
  /** The first check that failed ("memory.feasible is false") or its error message. */
  readonly reason?: string;
}

/** One verdict from the values of `feasibilityCells` (in the same order). */
export function feasibilityOf(ids: readonly string[], values: readonly CellValue[]): Feasibility {
  let unknown: string | undefined;
  for (let k = 0; k < ids.length; k++) {
    const v = values[k];
    if (!v.ok) unknown ??= v.error.message;
    else if (v.value === false) return { feasible: false, reason: `${ids[k]} is false` };
  }
  return unknown === undefined ? { feasible: true } : { feasible: undefined, reason: unknown };
}
