/**
 * The compare view as CSV (RFC 4180), with full names: a header of `section, quantity, cell,
 * unit`, each scenario's whole name, then `Δ vs <name>` and `Δ% vs <name>` for every scenario
 * after the first; one row per lens status, metric, wall and chosen cell. Numbers as JavaScript
 * writes them (exact, in the row's unit), +∞ as `inf`, no value empty; statuses as words.
 */
import type { CompareColumn, CompareRow } from './compare.js';

type Field = string | number | boolean | null | undefined;

/** A status row (lens or wall verdicts), as the table shows it. */
export interface CsvStatusRow {
  readonly label: string;
  /** `feasibility`, or the wall number. */
  readonly key: string;
  readonly statuses: readonly (string | undefined)[];
}

export interface CsvSection {
  /** "Scorecard", "Wall board", "Cells". */
  readonly name: string;
  readonly status?: readonly CsvStatusRow[];
  readonly rows?: readonly CompareRow[];
}

/** One field, quoted when it holds a comma, quote or line break (RFC 4180 §2). */
function field(c: Field): string {
  const s = c === undefined ? '' : c === null ? 'inf' : String(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function compareCsv(columns: readonly CompareColumn[], sections: readonly CsvSection[]): string {
  const first = columns[0]?.name ?? '';
  const rest = columns.slice(1);
  const head: Field[] = ['section', 'quantity', 'cell', 'unit', ...columns.map((c) => c.name), ...rest.flatMap((c) => [`Δ ${c.name} vs ${first}`, `Δ% ${c.name} vs ${first}`])];
  const lines: Field[][] = [head];
  for (const s of sections) {
    for (const st of s.status ?? []) lines.push([s.name, st.label, st.key, '', ...st.statuses, ...rest.flatMap(() => ['', ''])]);
    for (const r of s.rows ?? []) {
      lines.push([s.name, r.label, r.cell, r.unit, ...r.values, ...rest.flatMap((_, k) => [r.delta[k + 1], r.relative[k + 1]])]);
    }
  }
  return lines.map((l) => l.map(field).join(',')).join('\n') + '\n';
}
