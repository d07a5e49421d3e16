/**
 * The cause-and-effect trace of one edit: the cells whose value changed, each with its step
 * along the path from the edited input (0 for the input, 1 for the cells that read it, …),
 * so the page can light them up as a ripple rather than all at once.
 */
import type { CellChange, Topology } from '../../graph/index.js';

export interface TraceEntry extends CellChange {
  /** Longest chain of changed cells from an edited input to this one (0 = edited input). */
  readonly step: number;
}

export interface Trace {
  /** Increases with every edit, so two identical edits are still two traces. */
  readonly seq: number;
  /** The inputs the user edited. */
  readonly edited: readonly string[];
  /** Changed cells in topological order (the edited inputs first). */
  readonly entries: readonly TraceEntry[];
}

export function buildTrace(seq: number, edited: readonly string[], changed: readonly CellChange[], topology: Topology): Trace {
  const step = new Map<string, number>();
  const entries = changed.map((c) => {
    // Topological order: every changed input of `c` already has its step.
    let s = 0;
    for (const i of topology.inputsOf(c.id)) {
      const before = step.get(i);
      if (before !== undefined) s = Math.max(s, before + 1);
    }
    step.set(c.id, s);
    return { ...c, step: s };
  });
  return { seq, edited, entries };
}
