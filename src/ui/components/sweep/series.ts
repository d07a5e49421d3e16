/**
 * From a one-axis sweep result to what the line chart draws: one series per output (the
 * finite numeric points; errors and +∞ leave gaps and are counted), grouped by unit, the
 * unit groups paired into charts — the first unit on the left axis, a second unit on a right
 * axis, and any further units on further charts — so no axis mixes two units.
 */
import type { CellValue } from '../../../graph/index.js';
import type { SweepResult } from '../../store/sweep-runner.js';

interface SeriesPoint {
  /** Index of the point in the sweep. */
  readonly i: number;
  readonly x: number;
  readonly y: number;
}

export interface Series {
  readonly cell: string;
  readonly label: string;
  readonly unit: string;
  /** The unit the output is shown in, when its cell declares one (ms for s on a metric of §11.2 …). */
  readonly displayUnit?: string;
  /** Colour slot (stable across charts: the output's index). */
  readonly slot: number;
  readonly points: readonly SeriesPoint[];
  /** Points that are errors or not finite numbers (drawn as gaps). */
  readonly gaps: number;
  /** The first error's message, to say why there are gaps. */
  readonly firstError?: string;
}

interface UnitGroup {
  readonly unit: string;
  readonly series: readonly Series[];
}

export interface ChartSpec {
  readonly left: UnitGroup;
  readonly right?: UnitGroup;
}

const finiteNumber = (v: CellValue): number | undefined => (v.ok && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : undefined);

/** One series per output of a one-axis sweep. */
export function seriesOf(result: SweepResult): Series[] {
  const { x, outputs } = result.plan;
  return outputs.map((o, k) => {
    const points: SeriesPoint[] = [];
    let firstError: string | undefined;
    x.values.forEach((xv, i) => {
      const v = result.cells[i][0][k];
      const y = finiteNumber(v);
      if (y !== undefined) points.push({ i, x: xv, y });
      else if (!v.ok && firstError === undefined) firstError = v.error.message;
    });
    return { cell: o.cell, label: o.label, unit: o.unit, ...(o.displayUnit ? { displayUnit: o.displayUnit } : {}), slot: k, points, gaps: x.values.length - points.length, firstError };
  });
}

/** Series grouped by unit (first-seen order), the groups paired into charts. */
export function chartsOf(series: readonly Series[]): ChartSpec[] {
  const groups: { unit: string; series: Series[] }[] = [];
  for (const s of series) {
    const g = groups.find((x) => x.unit === s.unit);
    if (g) g.series.push(s);
    else groups.push({ unit: s.unit, series: [s] });
  }
  const charts: ChartSpec[] = [];
  for (let k = 0; k < groups.length; k += 2) charts.push({ left: groups[k], right: groups[k + 1] });
  return charts;
}

/** The y extent of a unit group's points; a flat or empty group gets a unit-wide band. */
export function extentOf(group: UnitGroup): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of group.series) {
    for (const p of s.points) {
      lo = Math.min(lo, p.y);
      hi = Math.max(hi, p.y);
    }
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
  return [lo, hi];
}

/** Ten colours that stay apart for common colour-vision deficiencies (Tableau 10). */
const SERIES_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export const colourOf = (slot: number): string => SERIES_COLOURS[slot % SERIES_COLOURS.length];

/** An axis title: "ms", or nothing for a pure number. */
export const unitText = (unit: string): string => (unit === '1' ? '' : unit);
