/**
 * Display strings for zoo rows: decimal SI prefixes (physics §1.1: kB = 1e3 B, TFLOP = 1e12
 * FLOP), three significant digits. The registry keeps its own tiny formatter because it must
 * not import the graph engine (DESIGN.md: registry ← {nodes, scenario}).
 */

const PREFIXES: readonly [number, string][] = [
  [1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''],
  [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'],
];

/** Three significant digits without trailing zeros: 3.35, 989, 0.12. */
function sig3(x: number): string {
  if (x === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(digits, 12))));
}

/** 9.89e14, 'FLOP/s' → "989 TFLOP/s"; 8e10, 'B' → "80 GB"; undefined → "—". */
export function formatSI(value: number | undefined, unit: string): string {
  if (value === undefined) return '—';
  if (value === 0) return `0 ${unit}`;
  const abs = Math.abs(value);
  for (const [scale, prefix] of PREFIXES) {
    // Round first so 999.6 G shows as 1 T rather than "1000 G".
    if (Number(sig3(abs / scale)) >= 1) return `${sig3(value / scale)} ${prefix}${unit}`;
  }
  return `${value.toExponential(2)} ${unit}`;
}

/** Counts with short scale words: 8.03e9 → "8.03 B", 3.5e6 → "3.5 M", 25000 → "25 K". */
export function formatCount(value: number | undefined): string {
  if (value === undefined) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${sig3(value / 1e12)} T`;
  if (abs >= 1e9) return `${sig3(value / 1e9)} B`;
  if (abs >= 1e6) return `${sig3(value / 1e6)} M`;
  if (abs >= 1e4) return `${sig3(value / 1e3)} K`;
  return String(value);
}

/** Plain number (three significant digits) with an optional unit word. */
export function formatPlain(value: number | undefined, unit = ''): string {
  if (value === undefined) return '—';
  return unit ? `${sig3(value)} ${unit}` : sig3(value);
}
