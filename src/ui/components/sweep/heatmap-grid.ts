/**
 * From a two-axis sweep result to a heatmap of one output: the grid of finite values
 * (undefined where the cell is an error or not a finite number), its extent, and the colour
 * scale — a three-stop ramp sampled from viridis (perceptually uniform, readable in grey and
 * with colour-vision deficiencies; van der Walt & Smith 2015), interpolated by d3-scale.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { SweepResult } from '../../store/sweep-runner.js';

interface HeatGrid {
  /** `values[i][j]`: the output at xs[i], ys[j]. */
  readonly values: readonly (readonly (number | undefined)[])[];
  readonly min: number;
  readonly max: number;
  /** Cells without a finite value. */
  readonly gaps: number;
  readonly firstError?: string;
}

/** Viridis at 0, ½ and 1. */
export const HEAT_STOPS = ['#440154', '#21918c', '#fde725'] as const;
/** Colour of a cell without a value. */
export const GAP_COLOUR = '#d0d4d9';

export function heatGrid(result: SweepResult, output: number): HeatGrid {
  let min = Infinity;
  let max = -Infinity;
  let gaps = 0;
  let firstError: string | undefined;
  const values = result.cells.map((col) =>
    col.map((row) => {
      const v = row[output];
      if (v.ok && typeof v.value === 'number' && Number.isFinite(v.value)) {
        min = Math.min(min, v.value);
        max = Math.max(max, v.value);
        return v.value;
      }
      gaps++;
      if (!v.ok && firstError === undefined) firstError = v.error.message;
      return undefined;
    }),
  );
  if (min > max) [min, max] = [0, 1];
  return { values, min, max, gaps, firstError };
}

/** Whether the grid's values can be coloured on a log scale (all > 0). */
export const canLog = (grid: Pick<HeatGrid, 'min'>): boolean => grid.min > 0;

/**
 * Value → colour over the grid's extent, linear or (when asked and all values are > 0) log —
 * the middle colour then sits at the geometric mean. A flat grid is drawn in the middle colour.
 */
export function heatColour(grid: Pick<HeatGrid, 'min' | 'max'>, log = false): (v: number | undefined) => string {
  const { min, max } = grid;
  const scale = log && min > 0
    ? scaleLog<string>().domain([min, Math.sqrt(min * max), max]).range([...HEAT_STOPS]).clamp(true)
    : scaleLinear<string>().domain([min, (min + max) / 2, max]).range([...HEAT_STOPS]).clamp(true);
  return (v) => (v === undefined ? GAP_COLOUR : min === max ? HEAT_STOPS[1] : scale(v));
}

/** About `count` evenly spread indices of an axis of `n` values, first and last included. */
export function labelIndices(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < count; k++) out.add(Math.round((k * (n - 1)) / (count - 1)));
  return [...out];
}

/** The index of the value nearest to `v` (by log distance on a log axis), or undefined outside the range. */
export function nearestValueIndex(values: readonly number[], v: number, log: boolean): number | undefined {
  if (!Number.isFinite(v) || values.length === 0) return undefined;
  const lo = Math.min(values[0], values[values.length - 1]);
  const hi = Math.max(values[0], values[values.length - 1]);
  if (v < lo || v > hi || (log && v <= 0)) return undefined;
  const t = (a: number) => (log ? Math.log(a) : a);
  let best = 0;
  values.forEach((a, i) => {
    if (Math.abs(t(a) - t(v)) < Math.abs(t(values[best]) - t(v))) best = i;
  });
  return best;
}

/**
 * The cells where the design does not fit as runs along y: column i, rows [j0, j1). A big grid
 * hatches these as one SVG path (Heatmap.tsx), so a 1000 × 1000 grid with a region that does
 * not fit costs one element, hatched like a small grid's cells.
 */
export interface UnfitRun {
  readonly i: number;
  readonly j0: number;
  readonly j1: number;
}

export function unfitRuns(feasibility: readonly (readonly { readonly feasible: boolean | undefined }[])[] | undefined): UnfitRun[] {
  const runs: UnfitRun[] = [];
  feasibility?.forEach((col, i) => {
    let start = -1;
    col.forEach((f, j) => {
      const bad = f.feasible === false;
      if (bad && start < 0) start = j;
      if (!bad && start >= 0) {
        runs.push({ i, j0: start, j1: j });
        start = -1;
      }
    });
    if (start >= 0) runs.push({ i, j0: start, j1: col.length });
  });
  return runs;
}
