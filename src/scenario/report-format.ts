/**
 * Text for the HTML report (report-html.ts): escaping, and values shaped as the workbench
 * shows them — display values of the scorecard and the board (physics.md §11.2, already in
 * display units: fractions as percentages, money as dollars, +∞ as ∞) and cell values in
 * their display unit or with an SI prefix.
 */
import { type CellValue, formatInUnit, formatNumber, formatPlain, type LiveGraph } from '../graph/index.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function esc(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** What the unit looks like beside a display value ('' when the value carries it, as $ and %). */
function unitText(unit: string): string {
  if (unit === 'fraction' || unit === 'USD' || unit === '1' || unit === 'count') return '';
  if (unit === '1/s') return '/s';
  if (unit === 't') return 't CO2e';
  return unit;
}

function money(usd: number): string {
  const abs = Math.abs(usd);
  // Cents matter below $1,000; above it they are noise on a TCO.
  const text = abs >= 1000 ? formatNumber(Math.round(abs), 16) : abs.toFixed(2);
  return `${usd < 0 ? '−' : ''}$${text}`;
}

/**
 * A scorecard or board value: "5.204 ms", "20.41 %", "$31.97", "∞ ms", "Memory"; "—" when
 * there is no value (the caller shows the error beside it).
 */
export function displayValue(value: number | string | boolean | null | undefined, unit: string): string {
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

/** A cell's value as the workbench card shows it: its display unit when it has one, else SI with a prefix. */
export function cellText(graph: LiveGraph, id: string, v: CellValue = graph.get(id)): string {
  if (!v.ok) return `error: ${v.error.message}`;
  const def = graph.def(id);
  if (typeof v.value === 'number' && Number.isFinite(v.value) && def.displayUnit) return formatInUnit(v.value, def.displayUnit);
  return formatPlain(v.value, def.unit === '1' ? '' : def.unit);
}
