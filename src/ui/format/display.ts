/**
 * What the workbench prints for a cell: its value in the display unit, a short form for the
 * cause-and-effect trace, and the text an input's editor starts from (which must parse back
 * with parseInputText to the same value, so no thousands separators).
 */
import { type CellDef, type CellValue, formatInUnit, formatNumber, formatPlain, type Plain } from '../../graph/index.js';

/** "3.35 TB/s", "5.106 ms" (a cell with displayUnit 'ms'), "Memory", "unset". */
export function formatValue(def: CellDef, value: Plain, digits = 4): string {
  if (typeof value === 'number' && def.displayUnit && Number.isFinite(value)) {
    return formatInUnit(value, def.displayUnit, digits);
  }
  return formatPlain(value, def.unit, digits);
}

/** The value, or the error message for a cell that holds an error. */
export function displayValue(def: CellDef, v: CellValue): string {
  return v.ok ? formatValue(def, v.value) : v.error.message;
}

/** A value or a one-word stand-in for an error: the trace shows "3.35 TB/s → error". */
export function shortValue(def: CellDef, v: CellValue): string {
  if (v.ok) return formatValue(def, v.value);
  return v.error.kind === 'upstream' ? 'blocked' : 'error';
}

/** The unit as shown beside a value: '' for dimensionless numbers and non-numbers. */
export function unitLabel(def: CellDef): string {
  if (def.unit === '1' || def.unit === 'enum' || def.unit === 'bool' || def.unit === 'text') return '';
  return def.displayUnit ?? def.unit;
}

/** The text an editor shows for a raw input value: "3.35 TB/s", "0.5", "32". */
export function editorText(def: CellDef, raw: Plain): string {
  // Six digits so re-committing the shown text does not move a typed value noticeably.
  return formatValue(def, raw, 6).replace(/,/g, '');
}

/**
 * The relative change of a numeric cell: "+12.5 %", "−50 %", "×64" (past +1000 %), or '' when
 * either side is not a finite number or the old value is 0.
 */
export function relativeChange(before: CellValue, after: CellValue): string {
  if (!before.ok || !after.ok || typeof before.value !== 'number' || typeof after.value !== 'number') return '';
  const a = before.value;
  const b = after.value;
  if (a === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return '';
  const r = b / a;
  if (r >= 11) return `×${formatNumber(r, 3)}`;
  const pct = (r - 1) * 100;
  const digits = Math.abs(pct) >= 10 ? 0 : 1;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(digits)} %`;
}
