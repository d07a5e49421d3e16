/**
 * The cause-and-effect trace of one edit: the cells whose value changed, each with its step
 * along the path from the edited input (0 for the input, 1 for the cells that read it, …),
 * so the page can light them up as a ripple rather than all at once.
 *
 * A drag is one gesture: while edits of one input come in a burst (store/burst.ts), the trace
 * shows each cell's change since the drag began (`sinceBurstStart`), not since the last frame —
 * "batch 1 → 37: latency ×37", not "batch 36 → 37: +2.7 %".
 */
import { type CellChange, sameForTrace, type Topology } from '../../graph/index.js';

export interface TraceEntry extends CellChange {
  /** Longest chain of changed cells from an edited input to this one (0 = edited input). */
  readonly step: number;
}

export interface Trace {
  /** Increases with every edit, so two identical edits are still two traces. */
  readonly seq: number;
  /** The inputs the user edited (none for a rebuild: a picker switch, an opened workbook). */
  readonly edited: readonly string[];
  /** Changed cells in topological order (the edited inputs first). */
  readonly entries: readonly TraceEntry[];
  /** What caused the change, in words ("Grid region: US_Avg → Quebec", "Undo: …"), when not a plain edit. */
  readonly cause?: string;
  /** After a rebuild: cells of the new graph that the old one did not have (rebuild-trace.ts). */
  readonly appeared?: readonly string[];
  /** After a rebuild: cells of the old graph that the new one does not have. */
  readonly removed?: readonly string[];
}

let lastSeq = 0;
/** The next trace number: shared by every workbench store, so a rebuild's trace follows the last edit's. */
export function nextTraceSeq(): number {
  return ++lastSeq;
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

/**
 * The changes of a burst so far: for every cell changed by the previous edits of the burst
 * (`previous`, itself relative to the burst's start) or by this one (`changed`), its value
 * before the burst against its value now, in topological order. A cell dragged back to where
 * it started drops out; if it moves again, its `before` is that start value once more.
 */
export function sinceBurstStart(previous: Trace, changed: readonly CellChange[], topology: Topology): CellChange[] {
  const since = new Map<string, CellChange>();
  for (const e of previous.entries) since.set(e.id, { id: e.id, before: e.before, after: e.after });
  for (const c of changed) {
    const start = since.get(c.id);
    since.set(c.id, { id: c.id, before: start ? start.before : c.before, after: c.after });
  }
  return [...since.values()]
    .filter((c) => !sameForTrace(c.before, c.after))
    .sort((a, b) => topology.rankOf(a.id) - topology.rankOf(b.id));
}
