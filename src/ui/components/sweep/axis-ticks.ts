/**
 * Tick values and labels for the sweep charts' d3 scales: about `count` ticks, labelled in
 * four significant digits; on a log scale only the ticks d3's own log format would label
 * (1, 2, 5 × 10ⁿ and so on) carry text, so crowded decades stay readable.
 */
import type { ScaleContinuousNumeric } from 'd3-scale';
import { formatNumber } from '../../../graph/index.js';

interface Tick {
  readonly value: number;
  readonly label: string;
}

export function ticksOf(scale: ScaleContinuousNumeric<number, number>, count: number, log: boolean): Tick[] {
  const values = scale.ticks(count);
  if (!log) return values.map((v) => ({ value: v, label: formatNumber(v, 4) }));
  const shown = scale.tickFormat(count);
  return values.map((v) => ({ value: v, label: shown(v) === '' ? '' : formatNumber(v, 4) }));
}

/** Nearest index in `xs` (pixel positions, ascending or descending) to pixel `px`. */
export function nearestIndex(xs: readonly number[], px: number): number {
  let best = 0;
  let bestD = Infinity;
  xs.forEach((x, i) => {
    const d = Math.abs(x - px);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
