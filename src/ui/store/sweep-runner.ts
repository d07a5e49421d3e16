/**
 * The chunked sweep runner: evaluates a resolved sweep on the live graph of the current
 * scenario a chunk at a time, yielding to the page between chunks, so a sweep of any size
 * keeps the page responsive, reports progress and can be cancelled.
 *
 * Each chunk is one call of the engine's `sweep` / `sweep2d` (src/graph/sweep.ts) on the live
 * graph, so every value is exactly the graph's (the engine's sweepers match a set-and-read to
 * the last bit) and the swept inputs are restored after every chunk: between chunks — and
 * after a cancel — the graph holds the user's values, never scratch ones.
 */
import { type CellValue, type LiveGraph, type Plain, sweep, sweep2d } from '../../graph/index.js';
import { type Feasibility, feasibilityOf } from '../../scenario/feasible.js';
import type { SweepPlan } from './sweep-plan.js';

export interface SweepResult {
  readonly plan: SweepPlan;
  /** `cells[i][j][k]`: output k at xs[i] and ys[j] (j is always 0 for a one-axis sweep). */
  readonly cells: readonly (readonly (readonly CellValue[])[])[];
  /** The swept inputs' raw values on the graph when the sweep ran (the chart marks them). */
  readonly current: { readonly x: Plain; readonly y?: Plain };
  /** `feasibility[i][j]`: whether the design at xs[i], ys[j] fits (the plan's checks); absent when there were none. */
  readonly feasibility?: readonly (readonly Feasibility[])[];
}

type RunOutcome =
  | { readonly status: 'done'; readonly result: SweepResult }
  | { readonly status: 'cancelled'; readonly done: number };

export interface RunOptions {
  /** Work per chunk before yielding, in ms (a frame is ~16 ms; default 12). */
  readonly budgetMs?: number;
  /** Called after every chunk with the fraction done (reaches exactly 1 on success). */
  readonly onProgress?: (fraction: number) => void;
  /** Checked between chunks; true stops the run (the graph already holds its own values). */
  readonly cancelled?: () => boolean;
  /** How to give the page a turn (default: a macrotask via MessageChannel). */
  readonly yieldToPage?: () => Promise<void>;
  readonly now?: () => number;
}

/** Chunk sizes, in points: start small, then aim each chunk at the time budget. */
const FIRST_CHUNK = 8;
const MAX_CHUNK = 4096;

/** A macrotask: lets the browser paint and handle input (setTimeout(0) is clamped to 4 ms). */
function yieldMacrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** One rectangle of the grid: rows [i0, i1) of xs, columns [j0, j1) of ys. */
interface Chunk {
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
}

/** The next chunk of about `size` points after (i, j), row by row. */
function nextChunk(i: number, j: number, nx: number, ny: number, size: number): Chunk {
  if (j === 0 && size >= ny) {
    const rows = Math.max(1, Math.floor(size / ny));
    return { i0: i, i1: Math.min(nx, i + rows), j0: 0, j1: ny };
  }
  return { i0: i, i1: i + 1, j0: j, j1: Math.min(ny, j + size) };
}

/** Evaluates one chunk on the live graph: `out[i - i0][j - j0][k]` (the outputs, then the plan's checks). */
function evaluateChunk(graph: LiveGraph, plan: SweepPlan, c: Chunk): CellValue[][][] {
  const ids = [...plan.outputs.map((o) => o.cell), ...(plan.checks ?? [])];
  const xs = plan.x.values.slice(c.i0, c.i1);
  if (!plan.y) return sweep(graph, plan.x.cell, xs, ids).cells.map((row) => [[...row]]);
  const ys = plan.y.values.slice(c.j0, c.j1);
  return sweep2d(graph, plan.x.cell, xs, plan.y.cell, ys, ids).cells.map((col) => col.map((row) => [...row]));
}

/** Runs `plan` on `graph` chunk by chunk; resolves when done or cancelled. */
export async function runSweep(graph: LiveGraph, plan: SweepPlan, options: RunOptions = {}): Promise<RunOutcome> {
  const budget = options.budgetMs ?? 12;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToPage ?? yieldMacrotask;
  const nx = plan.x.values.length;
  const ny = plan.y ? plan.y.values.length : 1;
  const total = nx * ny;
  // An input's raw value; a derived axis's value now (pinned or computed), which the sweep sets aside for the run.
  const valueNow = (id: string): Plain => (graph.isInput(id) ? graph.rawInput(id) : (graph.value(id) ?? null));
  const current = { x: valueNow(plan.x.cell), y: plan.y ? valueNow(plan.y.cell) : undefined };
  const cells: CellValue[][][] = Array.from({ length: nx }, () => new Array<CellValue[]>(ny));
  const checks = plan.checks ?? [];
  const nOut = plan.outputs.length;
  const feasibility: Feasibility[][] = Array.from({ length: nx }, () => new Array<Feasibility>(ny));
  let done = 0;
  let size = FIRST_CHUNK;
  let i = 0;
  let j = 0;
  while (i < nx) {
    if (options.cancelled?.()) return { status: 'cancelled', done };
    const c = nextChunk(i, j, nx, ny, size);
    const t0 = now();
    const part = evaluateChunk(graph, plan, c);
    const ms = now() - t0;
    part.forEach((col, di) => col.forEach((row, dj) => {
      cells[c.i0 + di][c.j0 + dj] = checks.length ? row.slice(0, nOut) : row;
      feasibility[c.i0 + di][c.j0 + dj] = feasibilityOf(checks, row.slice(nOut));
    }));
    const n = (c.i1 - c.i0) * (c.j1 - c.j0);
    done += n;
    // Aim the next chunk at the budget (at most 4× growth per step, so one slow point
    // does not produce a huge chunk from a timer's coarse reading).
    size = Math.max(1, Math.min(MAX_CHUNK, ms > 0 ? Math.floor(Math.min(4 * n, (n * budget) / ms)) : 4 * n));
    if (c.j1 === ny) {
      i = c.i1;
      j = 0;
    } else {
      j = c.j1;
    }
    options.onProgress?.(done / total);
    if (i < nx) await pause();
  }
  return { status: 'done', result: { plan, cells, current, ...(checks.length ? { feasibility } : {}) } };
}
