/**
 * Tick values and labels for the sweep charts' d3 scales: about `count` ticks, labelled in
 * four significant digits; on a log scale only the ticks d3's own log format would label
 * (1, 2, 5 × 10ⁿ and so on) carry text, so crowded decades stay readable.
 */
import type { ScaleContinuousNumeric } from 'd3-scale';
import { formatNumber } from '../../../graph/index.js';
import type { DisplayUnit } from './display-units.js';

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

/**
 * Ticks chosen and labelled in a display unit (round numbers of TB/s, not of B/s), placed on the
 * SI scale: each tick's `value` is SI, its label the number in the display unit.
 */
export function displayTicks(scale: ScaleContinuousNumeric<number, number>, count: number, log: boolean, du: DisplayUnit): Tick[] {
  if (du.scale === 1) return ticksOf(scale, count, log);
  const shown = scale.copy().domain(scale.domain().map((v) => v / du.scale));
  return ticksOf(shown, count, log).map((t) => ({ value: t.value * du.scale, label: t.label }));
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
