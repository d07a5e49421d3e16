/**
 * The compiled sweeper: the swept input's downstream cone, cut to what the outputs read, as a
 * straight-line program over slots in topological order. Cells outside the cone are constant
 * during the sweep: they are read once from the live graph before the loop. The live graph
 * itself is never written, so it needs no restore and its subscribers never run.
 *
 * Semantics are those of `evaluateDerived`, step for step: the first error input (declared
 * order) blocks the cell unless it tolerates errors (then it sees null), compute's result goes
 * through `checkResult` and a throw through `thrownValue`. The one shortcut is `isCleanResult`
 * (a plain finite value, the common case), which `checkResult` itself uses, so a slot then
 * holds the bare value and its `okValue` is only built when the cell is an output.
 */
import type { DerivedDef } from './cell.js';
import { generateCone } from './cone-codegen.js';
import { blockedBy, checkResult, inputValue, isCleanResult, namedArgs, pinnedValue, thrownValue } from './evaluate.js';
import type { LiveGraph } from './live.js';
import type { Sweeper, SweepTable } from './sweep.js';
import { type CellValue, type ErrValue, Failure, okValue, type Plain } from './values.js';

/** A compiled cone: run it once per swept value. */
export interface CompiledCone {
  /** Derived cells evaluated per value, in topological order. */
  readonly steps: readonly string[];
  /** 'generated': straight-line JavaScript; 'interpreted': the loop below (no code generation allowed). */
  readonly kind: 'generated' | 'interpreted';
  /** The output row for one raw value of the swept input. */
  run(raw: Plain): CellValue[];
}

/**
 * Compiles the sweep of `input` for `outputs` against the graph's current values. Values of
 * cells outside the cone are captured now: compile again after other inputs change.
 */
export function compileCone(graph: LiveGraph, input: string, outputs: readonly string[], allowCodegen = true): CompiledCone {
  const topo = graph.topology;
  const needed = new Set<string>(outputs);
  for (const o of outputs) for (const u of topo.upstream(o)) needed.add(u);
  // A pinned cell holds its pin whatever the swept value: it is a constant of the sweep.
  const stepIds = topo.downstream(input).filter((id) => needed.has(id) && !graph.isPinned(id));
  const steps = stepIds.map((id) => topo.def(id) as DerivedDef);

  // Slot 0 is the swept input; then constants as first met; then one slot per step.
  const slotOf = new Map<string, number>([[input, 0]]);
  const vals: Plain[] = [null];
  /** The full value of a slot that is an error or carries warnings (always, for constants). */
  const full: (CellValue | undefined)[] = [undefined];
  const constant = (id: string): number => {
    let k = slotOf.get(id);
    if (k === undefined) {
      const v = graph.get(id);
      k = vals.length;
      slotOf.set(id, k);
      vals.push(v.ok ? v.value : null);
      full.push(v);
    }
    return k;
  };
  const stepSet = new Set(stepIds);
  const argSlots: Int32Array[] = [];
  const resultSlot = new Int32Array(steps.length);
  steps.forEach((def, s) => {
    argSlots.push(Int32Array.from(def.reads, (i) => (stepSet.has(i) ? slotOf.get(i)! : (slotOf.get(i) ?? constant(i)))));
    resultSlot[s] = vals.length;
    slotOf.set(def.id, vals.length);
    vals.push(null);
    full.push(undefined);
  });
  const outSlots = outputs.map((o) => slotOf.get(o) ?? constant(o));
  const bad = new Uint8Array(vals.length);
  for (let k = 0; k < full.length; k++) bad[k] = full[k] !== undefined && !full[k]!.ok ? 1 : 0;
  const axis = topo.def(input);
  // The swept value as its cell holds it: an input's checked value, or a derived axis's pin.
  const first = axis.kind === 'input' ? (raw: Plain) => inputValue(axis, raw) : (raw: Plain) => pinnedValue(axis, raw);
  const generated = allowCodegen ? generateCone({ axis, steps, argSlots, resultSlot, vals, full, outSlots }) : undefined;
  if (generated) return { steps: stepIds, kind: 'generated', run: generated };
  const args = steps.map((d) => new Array<Plain>(d.reads.length));

  const store = (k: number, v: CellValue): void => {
    full[k] = v;
    bad[k] = v.ok ? 0 : 1;
    vals[k] = v.ok ? v.value : null;
  };

  function run(raw: Plain): CellValue[] {
    store(0, first(raw));
    for (let s = 0; s < steps.length; s++) {
      const def = steps[s];
      const ins = argSlots[s];
      const a = args[s];
      const k = resultSlot[s];
      let blocker: ErrValue | undefined;
      for (let i = 0; i < ins.length; i++) {
        const j = ins[i];
        if (bad[j] === 0) a[i] = vals[j];
        else if (def.tolerateErrors) a[i] = null;
        else {
          blocker = full[j] as ErrValue;
          break;
        }
      }
      if (blocker) {
        store(k, blockedBy(def, blocker));
        continue;
      }
      const named = namedArgs(def, a);
      if (named instanceof Failure) {
        store(k, checkResult(def, named));
        continue;
      }
      let out: unknown;
      try {
        out = def.compute(named);
      } catch (e) {
        store(k, thrownValue(def, e));
        continue;
      }
      if (isCleanResult(def, out)) {
        vals[k] = out;
        bad[k] = 0;
        full[k] = undefined;
      } else {
        store(k, checkResult(def, out));
      }
    }
    const row: CellValue[] = new Array(outSlots.length);
    for (let i = 0; i < outSlots.length; i++) {
      const k = outSlots[i];
      row[i] = full[k] ?? okValue(vals[k]);
    }
    return row;
  }
  return { steps: stepIds, kind: 'interpreted', run };
}

/** Sweeps by running the compiled cone once per value (the live graph is only read). */
export const compiledSweeper: Sweeper = {
  sweep(graph, input, values, outputs): SweepTable {
    const cone = compileCone(graph, input, outputs);
    const cells: CellValue[][] = new Array(values.length);
    for (let i = 0; i < values.length; i++) cells[i] = cone.run(values[i]);
    return { input, values, outputs, cells };
  },
};
