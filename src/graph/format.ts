/**
 * Display formatting: SI values → short strings with SI prefixes ("3.35 TB/s", "5.2 ms",
 * "989 TFLOP/s"). Formatting only; values stay SI in the graph.
 */
import { parseUnit } from './units.js';
import type { CellValue, Plain } from './values.js';

const UP: readonly [number, string][] = [
  [1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'],
];
const DOWN: readonly [number, string][] = [
  [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'],
];
/** Units whose leading atom takes an SI prefix when displayed. */
const PREFIXABLE = /^(B|FLOP|W|J|s|g|L|Hz)(\/|$)/;

/**
 * An integer below 1e15 with en-US digit grouping ("-1,234,567"), as `toLocaleString('en-US')`
 * prints it, without loading ICU's number formatter (≈ 15 ms on the first call, which a CLI
 * cold start pays).
 */
function grouped(n: number): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** A number with `digits` significant digits, trailing zeros dropped. */
export function formatNumber(n: number, digits = 4): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '−∞';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const exponential = (): string => n.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  if (abs >= 1e21 || abs < 1e-6) return exponential();
  if (Number.isInteger(n) && abs < 1e15) return grouped(n);
  const s = n.toPrecision(digits);
  if (!s.includes('e')) return s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  // More integer digits than `digits` (12345.6 at 4): show the rounded integer, as for
  // integers, rather than toPrecision's "1.235e+4".
  return abs < 1e15 ? grouped(Math.round(n)) : exponential();
}

/** "3.35 TB/s" for (3.35e12, "B/s"); "12.5 ms" for (0.0125, "s"); "0.5" for (0.5, "1"). */
export function formatQuantity(value: number, unit: string, digits = 4): string {
  if (!Number.isFinite(value)) return `${formatNumber(value)}${unit && unit !== '1' ? ` ${unit}` : ''}`;
  if (unit === '1' || unit === '') return formatNumber(value, digits);
  if (unit === 'USD') return `$${formatNumber(value, Math.max(digits, Math.abs(value) >= 1 ? 6 : digits))}`;
  if (!PREFIXABLE.test(unit) || value === 0) return `${formatNumber(value, digits)} ${unit}`;
  // Pick the prefix from the value as it will be shown: 999999 B rounds to 1.000e6 at four
  // digits, so it reads "1 MB", not "1000 kB".
  const abs = Math.abs(Number(value.toPrecision(digits)));
  // Seconds get no large prefixes (ks is unusual); large times read better as h or days.
  if (unit === 's' && abs >= 3600) {
    return abs >= 86400 * 2 ? `${formatNumber(value / 86400, digits)} days` : `${formatNumber(value / 3600, digits)} h`;
  }
  if (abs >= 1e3 && unit !== 's') {
    for (const [f, p] of UP) if (abs >= f) return `${formatNumber(value / f, digits)} ${p}${unit}`;
  }
  if (abs < 1) {
    for (const [f, p] of DOWN) if (abs >= f) return `${formatNumber(value / f, digits)} ${p}${unit}`;
  }
  return `${formatNumber(value, digits)} ${unit}`;
}

export function formatPlain(value: Plain, unit: string, digits = 4): string {
  if (value === null) return 'unset';
  if (typeof value === 'number') return formatQuantity(value, unit, digits);
  return String(value);
}

/** A cell value for display: the value with its unit, or the error message. */
export function formatCellValue(v: CellValue, unit: string, digits = 4): string {
  return v.ok ? formatPlain(v.value, unit, digits) : `error: ${v.error.message}`;
}

/** A value in a chosen display unit of the same dimension: (1.0167e-4, "g/kWh") → "366 g/kWh". */
export function formatInUnit(value: number, displayUnit: string, digits = 4): string {
  return `${formatNumber(value / parseUnit(displayUnit).scale, digits)} ${displayUnit}`;
}
