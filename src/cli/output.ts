/**
 * Writers: stdout carries only the result (text, JSON, markdown, CSV or HTML); warnings and errors
 * go to stderr, except in JSON mode, where an error is printed to stdout as
 * {"status":"error","title":…,"reason":…}.
 */
import type { ErrorReport } from './errors.js';

export const FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** Multi-line messages ("3 problems:\n  a\n  b") → one line ("3 problems: a; b"). */
export function oneLine(text: string): string {
  return text.trim().replace(/:\s*\n\s*/, ': ').replace(/\s*\n\s*/g, '; ');
}

/** Streams whose reader has gone away (EPIPE): later writes to them are dropped. */
const closed = { stdout: false, stderr: false };
let guarded = false;

/**
 * `mlsysim sweep --help | head -3`: once the reader closes the pipe, a write fails with EPIPE,
 * emitted as an 'error' event that would end the process with a stack trace. Instead the
 * stream is marked closed, later output to it is dropped, and the command ends with its normal
 * exit code (what it would have been with the whole output read). Another write error (rare:
 * a full disk behind a redirect) is one line on the other stream and exit code 1.
 */
export function guardBrokenPipes(): void {
  if (guarded) return;
  guarded = true;
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (e: NodeJS.ErrnoException) => {
      closed[name] = true;
      if (e.code === 'EPIPE') return;
      const other = name === 'stdout' ? 'stderr' : 'stdout';
      if (!closed[other]) process[other].write(`error: cannot write to ${name}: ${oneLine(e.message)}\n`);
      process.exitCode = 1;
    });
  }
}

/** Raw text to stdout (commander's help and version go through here too). */
export function writeOut(text: string): void {
  if (!closed.stdout) process.stdout.write(text);
}

/** Raw text to stderr. */
export function writeErr(text: string): void {
  if (!closed.stderr) process.stderr.write(text);
}

export function out(text: string): void {
  writeOut(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(text: string): void {
  writeErr(text.endsWith('\n') ? text : `${text}\n`);
}

/** JSON with +∞/NaN as null (JSON.stringify already does this) and two-space indentation. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Prints an error where the format wants it. */
export function printError(format: OutputFormat, r: ErrorReport): void {
  if (format === 'json') out(json({ status: 'error', title: r.title, reason: r.reason }));
  else err(`error: ${r.reason}`);
}

/** Warnings on stderr (JSON output carries them inline instead). */
export function warn(format: OutputFormat, warnings: readonly string[]): void {
  if (format === 'json') return;
  for (const w of warnings) err(`warning: ${w}`);
}

export type TableCell = string | number | boolean | null | undefined;

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

const show = (c: TableCell): string => (c === undefined || c === null ? '' : String(c));

/** An aligned plain-text table; numbers right-aligned. */
function textTable(t: Table): string {
  const cells = [t.headers.map(show), ...t.rows.map((r) => r.map(show))];
  const widths = t.headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = t.headers.map((_, i) => t.rows.length > 0 && t.rows.every((r) => typeof r[i] === 'number' || r[i] === undefined));
  const line = (r: readonly string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function markdownTable(t: Table): string {
  const esc = (c: TableCell) => show(c).replace(/\|/g, '\\|');
  return [`| ${t.headers.map(esc).join(' | ')} |`, `|${t.headers.map(() => '---').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** RFC 4180 CSV with a header row. */
function csvTable(t: Table): string {
  const esc = (c: TableCell) => {
    const s = show(c);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [t.headers.map(esc).join(','), ...t.rows.map((r) => r.map(esc).join(','))].join('\n');
}

/** A table in the text, markdown or CSV format. */
export function renderTable(format: Exclude<OutputFormat, 'json'>, t: Table): string {
  return format === 'csv' ? csvTable(t) : format === 'markdown' ? markdownTable(t) : textTable(t);
}

/** A progress reporter for long runs: stderr, text mode only, and only on a terminal. */
export function progress(format: OutputFormat, label: string): ((done: number, total: number) => void) | undefined {
  if (format !== 'text' || !process.stderr.isTTY) return undefined;
  return (done, total) => {
    writeErr(`\r${label}: ${done}/${total}${done >= total ? '\n' : ''}`);
  };
}
