/**
 * The trace of a rebuild. A picker switch (model, hardware, system, region, mode, ops days),
 * the undo of one, or an opened workbook builds a new graph, often with other cells than the
 * old one: the two evaluations are compared by cell id. A cell in both whose value differs is
 * a change (old → new, with its step along the new graph's paths: a cell none of whose inputs
 * changed is where the change entered, step 0); a cell only in the new graph appeared, one only
 * in the old graph was removed. Both are listed by id, not lit: they have no "before" to show.
 */
import { type CellChange, type CellValue, type LiveGraph, sameForTrace } from '../../graph/index.js';
import { buildTrace, nextTraceSeq, type Trace } from './trace.js';

export interface EvaluationDiff {
  /** Cells in both evaluations whose value differs, in the new graph's topological order. */
  readonly changed: readonly CellChange[];
  /** Cells only in the new evaluation, in its topological order. */
  readonly appeared: readonly string[];
  /** Cells only in the old evaluation, in its order. */
  readonly removed: readonly string[];
}

/** Compares two evaluations by cell id; `after` in topological order (LiveGraph.snapshot gives it). */
export function diffEvaluations(before: ReadonlyMap<string, CellValue>, after: ReadonlyMap<string, CellValue>): EvaluationDiff {
  const changed: CellChange[] = [];
  const appeared: string[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (was === undefined) appeared.push(id);
    else if (!sameForTrace(was, now)) changed.push({ id, before: was, after: now });
  }
  const removed = [...before.keys()].filter((id) => !after.has(id));
  return { changed, appeared, removed };
}

/** The trace of replacing the graph that gave `before` by `graph`, caused by `cause` ("Grid region: US_Avg → Quebec"). */
export function rebuildTrace(before: ReadonlyMap<string, CellValue>, graph: LiveGraph, cause: string): Trace {
  const diff = diffEvaluations(before, graph.snapshot());
  const trace = buildTrace(nextTraceSeq(), [], diff.changed, graph.topology);
  return { ...trace, cause, appeared: diff.appeared, removed: diff.removed };
}
