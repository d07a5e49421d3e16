/**
 * Roofline geometry in data space (physics.md §3.1): the attainable rate at intensity AI is
 * min(peak·η, AI·BW·η_bw); the two meet at the ridge R = peak·η/(BW·η_bw). The axes are log
 * axes in whole decades. Pixels are the renderer's business (the workbench chart's d3 scales,
 * the HTML report's SVG string); these functions only speak FLOP/B and FLOP/s.
 */

/** One device's roof, efficiencies already applied. */
export interface Roof {
  /** Compute ceiling peak·η, FLOP/s. */
  readonly ceiling_flops_per_s: number;
  /** Memory slope BW·η_bw, B/s (attainable FLOP/s per FLOP/B of intensity). */
  readonly slope_bytes_per_s: number;
}

/** A point in data space: x in FLOP/B, y in FLOP/s. */
export interface RooflinePoint {
  readonly intensity: number;
  readonly flops_per_s: number;
}

/** R = peak·η/(BW·η_bw), FLOP/B: below it a step is memory-bound. */
export function ridgeIntensity(roof: Roof): number {
  return roof.ceiling_flops_per_s / roof.slope_bytes_per_s;
}

/** min(peak·η, AI·BW·η_bw), FLOP/s. */
export function attainable(roof: Roof, intensity: number): number {
  return Math.min(roof.ceiling_flops_per_s, intensity * roof.slope_bytes_per_s);
}

/**
 * The roof over [lo, hi] as a polyline: the slope, the ridge (when it falls inside the
 * range) and the ceiling. Two points when the whole range is on one side of the ridge.
 */
export function rooflinePolyline(roof: Roof, [lo, hi]: readonly [number, number]): RooflinePoint[] {
  const at = (x: number): RooflinePoint => ({ intensity: x, flops_per_s: attainable(roof, x) });
  const ridge = ridgeIntensity(roof);
  return ridge > lo && ridge < hi ? [at(lo), at(ridge), at(hi)] : [at(lo), at(hi)];
}

export interface ChartDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

const decadeBelow = (v: number): number => 10 ** Math.floor(Math.log10(v));
const decadeAbove = (v: number): number => 10 ** Math.ceil(Math.log10(v));

/**
 * Whole decades that show every ridge and point with a decade of margin in x (so the slope
 * and the ceiling both read as lines), and from the lowest slope start or point to a
 * ceiling with head-room in y. Non-positive or non-finite values are ignored (log axes).
 */
export function chartDomain(roofs: readonly Roof[], points: readonly RooflinePoint[]): ChartDomain {
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  const xs = [...roofs.map(ridgeIntensity), ...points.map((p) => p.intensity)].filter(ok);
  const xLo = xs.length ? decadeBelow(Math.min(...xs)) / 10 : 0.1;
  const xHi = xs.length ? decadeAbove(Math.max(...xs)) * 10 : 1e4;
  const ys = [
    ...roofs.flatMap((r) => [r.ceiling_flops_per_s, attainable(r, xLo)]),
    ...points.map((p) => p.flops_per_s),
  ].filter(ok);
  const yLo = ys.length ? decadeBelow(Math.min(...ys)) : 1e9;
  const yHi = ys.length ? decadeAbove(Math.max(...ys) * 2) : 1e15;
  return { x: [xLo, xHi], y: [yLo, yHi] };
}

/** Powers of ten in [lo, hi]; at most `maxTicks` (thinned by whole decades, keeping the top one). */
export function decadeTicks(lo: number, hi: number, maxTicks = 7): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const step = Math.max(1, Math.ceil((last - first + 1) / maxTicks));
  const out: number[] = [];
  // Anchor thinning on the last decade so the top of the axis keeps its label.
  for (let e = last; e >= first; e -= step) out.unshift(Number(`1e${e}`));
  return out;
}
