/**
 * Text for the HTML report (report-html.ts): escaping, and cell values shaped as the
 * workbench card shows them, in their display unit or with an SI prefix. Scorecard and board
 * values go through display-value.ts, which the workbench uses too.
 */
import { type CellValue, formatInUnit, formatPlain, type LiveGraph } from '../graph/index.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function esc(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A cell's value as the workbench card shows it: its display unit when it has one, else SI with a prefix. */
export function cellText(graph: LiveGraph, id: string, v: CellValue = graph.get(id)): string {
  if (!v.ok) return `error: ${v.error.message}`;
  const def = graph.def(id);
  if (typeof v.value === 'number' && Number.isFinite(v.value) && def.displayUnit) return formatInUnit(v.value, def.displayUnit);
  return formatPlain(v.value, def.unit === '1' ? '' : def.unit);
}
