/**
 * Sweeps: evaluate output cells across values of an input. The result equals setting the
 * values one by one; the live graph is left as it was; only the swept input's downstream
 * cone recomputes (outputs outside it are read from cache).
 *
 * `Sweeper` is the seam for a faster implementation behind the same API: `setSweeper` swaps
 * it in. The default (`autoSweeper`) uses the signal path for short lists and the compiled
 * cone (compiled-sweep.ts, same values to the last bit) from `COMPILE_THRESHOLD` values on.
 */
import { compiledSweeper } from './compiled-sweep.js';
import type { LiveGraph } from './live.js';
import { withScratchInputs } from './scratch.js';
import type { CellValue, Plain } from './values.js';

/** One-axis sweep: `cells[i][j]` is output `j` at `values[i]`. */
export interface SweepTable {
  readonly input: string;
  readonly values: readonly Plain[];
  readonly outputs: readonly string[];
  readonly cells: readonly (readonly CellValue[])[];
}

/** Two-axis sweep of outputs: `cells[i][j][k]` is output `k` at (`xs[i]`, `ys[j]`). */
export interface SweepGrid {
  readonly x: string;
  readonly xs: readonly Plain[];
  readonly y: string;
  readonly ys: readonly Plain[];
  readonly outputs: readonly string[];
  readonly cells: readonly (readonly (readonly CellValue[])[])[];
}

export interface Sweeper {
  sweep(graph: LiveGraph, input: string, values: readonly Plain[], outputs: readonly string[]): SweepTable;
}

/** Axes may be inputs or derived cells (a derived axis is pinned to each value, spreadsheet-style). */
function checkIds(graph: LiveGraph, inputs: readonly string[], outputs: readonly string[]): void {
  for (const id of inputs) if (!graph.has(id)) throw new Error(`unknown cell ${id}`);
  for (const id of outputs) if (!graph.has(id)) throw new Error(`unknown cell ${id}`);
}

/** The signal-based sweeper: set, read, repeat. */
export const signalSweeper: Sweeper = {
  sweep(graph, input, values, outputs) {
    const cells = withScratchInputs(graph, [input], () =>
      values.map((v) => {
        graph.restoreInput(input, v, 'user');
        return outputs.map((o) => graph.get(o));
      }),
    );
    return { input, values, outputs, cells };
  },
};

/** From this many values on, `autoSweeper` runs the compiled cone instead of the signals. */
export const COMPILE_THRESHOLD = 64;

/**
 * Signals for short sweeps (they also count evaluations on the live graph), the compiled cone
 * for long ones (compiling costs about as much as a few signal points; it then runs faster).
 */
export const autoSweeper: Sweeper = {
  sweep(graph, input, values, outputs) {
    return (values.length >= COMPILE_THRESHOLD ? compiledSweeper : signalSweeper).sweep(graph, input, values, outputs);
  },
};

let active: Sweeper = autoSweeper;

/** Replaces the sweep implementation (returns the previous one). */
export function setSweeper(s: Sweeper): Sweeper {
  const prev = active;
  active = s;
  return prev;
}

/** `sweep(graph, input, values, outputs)` — one row of outputs per value. */
export function sweep(graph: LiveGraph, input: string, values: readonly Plain[], outputs: readonly string[]): SweepTable {
  checkIds(graph, [input], outputs);
  return active.sweep(graph, input, values, outputs);
}

/** Two-axis sweep: for each x, a one-axis sweep over y. */
export function sweep2d(
  graph: LiveGraph,
  x: string,
  xs: readonly Plain[],
  y: string,
  ys: readonly Plain[],
  outputs: readonly string[],
): SweepGrid {
  checkIds(graph, [x, y], outputs);
  if (x === y) throw new Error('the two sweep axes must be different inputs');
  const cells = withScratchInputs(graph, [x], () =>
    xs.map((xv) => {
      graph.restoreInput(x, xv, 'user');
      return active.sweep(graph, y, ys, outputs).cells;
    }),
  );
  return { x, xs, y, ys, outputs, cells };
}

/** `n` values from `start` to `stop` inclusive, evenly spaced (linear) or geometric (log). */
export function range(start: number, stop: number, n: number, scale: 'linear' | 'log' = 'linear'): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`number of points must be an integer ≥ 1 (got ${n})`);
  if (!Number.isFinite(start) || !Number.isFinite(stop)) throw new Error('range bounds must be finite numbers');
  if (n === 1) return [start];
  if (scale === 'log') {
    if (start <= 0 || stop <= 0) throw new Error(`a log range needs bounds > 0 (got ${start}, ${stop})`);
    const a = Math.log(start);
    const b = Math.log(stop);
    return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : i === 0 ? start : Math.exp(a + ((b - a) * i) / (n - 1))));
  }
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : start + ((stop - start) * i) / (n - 1)));
}
