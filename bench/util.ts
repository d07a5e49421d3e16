/**
 * Shared helpers for the benchmarks: medians of repeated timings, and one report line per
 * figure. Machines here are noisy, so every figure is a median, and every target is checked
 * against a baseline measured in the same run as well as its absolute value.
 */
export const QUICK = process.argv.includes('--quick');

/** Scales a repetition count down for `--quick`. */
export const reps = (full: number, quick: number): number => (QUICK ? quick : full);

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** Median time of `fn` in ms over `runs` runs (after `warmup` unmeasured ones). */
export function timeMs(fn: () => unknown, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** Prevents the optimiser from discarding results. */
export let sink: unknown;
export function keep(x: unknown): void {
  sink = x;
}

export const fmtUs = (ms: number): string => `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
export const fmtMs = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
export const fmtX = (r: number): string => `${r.toFixed(r < 10 ? 2 : 1)}×`;

export interface Figure {
  readonly name: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean;
}

export function report(f: Figure): Figure {
  console.log(`  ${f.met ? '✓' : '✗'} ${f.name}`);
  console.log(`      measured ${f.measured} | baseline ${f.baseline} | ratio ${f.ratio} | target ${f.target}`);
  return f;
}

export function heading(title: string): void {
  console.log(`\n${title}`);
}
