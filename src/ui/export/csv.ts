/**
 * A sweep as CSV, in exactly the form `mlsysim sweep … --output csv` prints
 * (src/cli/commands/sweep.ts): RFC 4180, a header row of cell ids with the unit in
 * parentheses (none for pure numbers), one row per point — x (and y) then the outputs —
 * numbers as JavaScript writes them, +∞ as `inf`, an error cell empty; then `feasible`.
 */
import type { CellValue } from '../../graph/index.js';
import type { SweepResult } from '../store/sweep-runner.js';

type Field = string | number | boolean | null | undefined;

/** One field, quoted when it holds a comma, quote or line break (RFC 4180 §2). */
function csvField(c: Field): string {
  const s = c === undefined || c === null ? '' : String(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of fields as CSV text, one line per row, ending with a newline. */
function csvText(rows: readonly (readonly Field[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

const header = (id: string, unit: string): string => (unit === '1' ? id : `${id} (${unit})`);
const valueField = (v: CellValue): Field => (v.ok ? (v.value === Infinity ? 'inf' : v.value) : undefined);

/**
 * The sweep's table: x (and y) first, then every output, row by row (x outer, y inner), and —
 * when the scenario has feasibility cells — `feasible` (true, false, or empty when it could not be
 * computed), as the CLI writes it.
 */
export function sweepCsv(result: SweepResult): string {
  const { x, y, outputs } = result.plan;
  const fits = result.feasibility;
  const head = [header(x.cell, x.unit), ...(y ? [header(y.cell, y.unit)] : []), ...outputs.map((o) => header(o.cell, o.unit)), ...(fits ? ['feasible'] : [])];
  const rows: Field[][] = [head];
  x.values.forEach((xv, i) => {
    const ys = y ? y.values : [undefined];
    ys.forEach((yv, j) => rows.push([xv, ...(yv === undefined ? [] : [yv]), ...result.cells[i][j].map(valueField), ...(fits ? [fits[i][j].feasible] : [])]));
  });
  return csvText(rows);
}
