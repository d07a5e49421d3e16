/**
 * What the workbench prints for a cell: its value in the display unit, a short form for the
 * cause-and-effect trace, and the text an input's editor starts from (which must parse back
 * with parseInputText to the same value, so no thousands separators).
 */
import { type CellDef, type CellValue, formatInUnit, formatPlain, type Plain } from '../../graph/index.js';

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
