/**
 * Display values of the scorecard and the board, as the HTML report and the workbench both show
 * them. They are already in display units (physics.md §11.2: latency in ms, memory in GB,
 * carbon in t): only the number is shaped here — fractions as percentages, money as dollars,
 * +∞ (null) as ∞.
 */
import { formatNumber } from '../graph/index.js';

/** What the unit looks like beside a value ('' when the value carries it, as $ and %). */
export function unitText(unit: string): string {
  if (unit === 'fraction' || unit === 'USD' || unit === '1' || unit === 'count') return '';
  if (unit === '1/s') return '/s';
  if (unit === 't') return 't CO2e';
  return unit;
}

function money(usd: number): string {
  const abs = Math.abs(usd);
  // Cents matter below $1,000; above it they are noise on a TCO. formatNumber groups the
  // whole dollars as toLocaleString('en-US') would, without loading ICU (a CLI start pays it).
  const text = abs >= 1000 ? formatNumber(Math.round(abs), 16) : abs.toFixed(2);
  return `${usd < 0 ? '−' : ''}$${text}`;
}

/**
 * "5.204 ms", "20.41 %", "$31.97", "∞ ms", "Memory". `value` is a display value: null is
 * +∞ and undefined is "no value" (the caller shows the error beside it).
 */
export function formatDisplayValue(value: number | string | boolean | null | undefined, unit: string): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const suffix = unitText(unit);
  if (value === null) return suffix ? `∞ ${suffix}` : '∞';
  if (unit === 'fraction') return `${formatNumber(value * 100, 4)} %`;
  if (unit === 'USD') return money(value);
  const n = formatNumber(value, 4);
  if (!suffix) return n;
  return suffix.startsWith('/') ? `${n}${suffix}` : `${n} ${suffix}`;
}
