/**
 * Log-axis ticks: whole powers of ten (every other one when the axis spans many decades,
 * so labels such as "100 TFLOP/s" do not collide), labelled with the graph's formatters.
 */
import { formatNumber, formatQuantity } from '../../../graph/index.js';

/** Powers of ten in [lo, hi]; at most `maxTicks` (thinned by whole decades). */
export function decadeTicks(lo: number, hi: number, maxTicks = 7): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const count = last - first + 1;
  const step = Math.max(1, Math.ceil(count / maxTicks));
  const out: number[] = [];
  // Anchor thinning on the last decade so the top of the axis keeps its label.
  for (let e = last; e >= first; e -= step) out.unshift(Number(`1e${e}`));
  return out;
}

/** "0.1", "1", "1,000" (FLOP/B, the unit is in the axis title). */
export function intensityTickLabel(v: number): string {
  return formatNumber(v, 3);
}

/** "100 TFLOP/s", "1 PFLOP/s". */
export function flopsTickLabel(v: number): string {
  return formatQuantity(v, 'FLOP/s', 3);
}
