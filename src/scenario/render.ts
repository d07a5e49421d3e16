/**
 * An evaluation rendered three ways, as mlsysim prints it: the flat JSON keys (`scenario`,
 * `f_status`, `p_status`, `m_status`, then `f_*`, `p_*`, `m_*` metrics), the boxed text
 * scorecard with the wall board, and markdown.
 */
import { formatNumber } from '../graph/index.js';
import type { Evaluation } from './evaluate.js';
import type { Lens } from './scorecard.js';

export type FlatValue = string | number | boolean | null;

const PREFIX = { feasibility: 'f', performance: 'p', macro: 'm' } as const;

/** mlsysim's flat keys. Metrics that are errors are left out (their lens says ERROR). */
export function flatResult(e: Evaluation): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = { scenario: e.scenario, mode: e.mode };
  const lenses = [e.card.feasibility, e.card.performance, e.card.macro];
  for (const l of lenses) out[`${PREFIX[l.name]}_status`] = l.status;
  for (const l of lenses) {
    out[`${PREFIX[l.name]}_summary`] = l.summary;
    for (const m of Object.values(l.metrics)) if (m.value !== undefined) out[`${PREFIX[l.name]}_${m.key}`] = m.value;
  }
  out.passed_all = e.card.passed_all;
  if (e.binding_wall !== undefined) out.binding_wall = e.binding_wall;
  if (e.binding_share !== undefined) out.binding_share = e.binding_share;
  return out;
}

export interface LensResult {
  readonly status: string;
  readonly summary: string;
  /** Display units (physics §11.2); null = +∞; metrics that are errors are left out. */
  readonly metrics: Readonly<Record<string, number | null>>;
}

/**
 * The lenses nested as mlsysim's evaluation dict, beside the flat keys:
 * `feasibility|performance|macro.{status, summary, metrics}` (`jq .macro.metrics.tco_usd`).
 */
export function lensResult(e: Evaluation): Record<'feasibility' | 'performance' | 'macro', LensResult> {
  const nested = (l: Lens): LensResult => ({
    status: l.status,
    summary: l.summary,
    metrics: Object.fromEntries(Object.values(l.metrics).filter((m) => m.value !== undefined).map((m) => [m.key, m.value ?? null])),
  });
  return { feasibility: nested(e.card.feasibility), performance: nested(e.card.performance), macro: nested(e.card.macro) };
}

function metricText(v: number | null | undefined, unit: string): string {
  if (v === undefined) return 'error';
  if (v === null) return '∞';
  if (unit === 'USD') return `$${formatNumber(v, 6)}`;
  if (unit === 'fraction') return formatNumber(v, 4);
  return `${formatNumber(v, 5)} ${unit}`;
}

function lensLines(l: Lens): string[] {
  const lines = [`${l.level_name.padEnd(28)} ${l.status.padEnd(8)} ${l.summary}`];
  for (const m of Object.values(l.metrics)) lines.push(`    ${m.key.padEnd(22)} ${m.value === undefined ? `error: ${m.error}` : metricText(m.value, m.unit)}`);
  for (const r of l.reasons) lines.push(`    ! ${r}`);
  return lines;
}

function box(title: string, lines: readonly string[]): string {
  const width = Math.min(100, Math.max(title.length + 4, ...lines.map((x) => x.length)) + 2);
  const bar = '─'.repeat(width);
  const pad = (s: string) => `│ ${s.length > width - 2 ? `${s.slice(0, width - 3)}…` : s.padEnd(width - 2)} │`;
  return [`┌${bar}┐`, pad(title), `├${bar}┤`, ...lines.map(pad), `└${bar}┘`].join('\n');
}

function boardLines(e: Evaluation): string[] {
  return e.walls.map((w) => {
    const h = w.status === 'SKIPPED' ? undefined : w.headline?.value;
    const head = h === undefined ? '' : typeof h === 'number' || h === null ? metricText(h, w.headline!.unit) : String(h);
    const mark = w.binding ? ' ◀ binding' : '';
    const why = w.status !== 'PASS' && w.status !== 'SKIPPED' && w.reason ? ` — ${w.reason}` : '';
    return `${String(w.wall).padStart(2)} ${w.name.padEnd(15)} ${w.status.padEnd(8)} ${head}${mark}${why}`;
  });
}

/** The boxed text scorecard and wall board (mlsysim's `evaluation.scorecard()`). */
export function textScorecard(e: Evaluation): string {
  const c = e.card;
  const lines = [...lensLines(c.feasibility), ...lensLines(c.performance), ...lensLines(c.macro)];
  lines.push('', `passed_all: ${c.passed_all}`);
  if (e.layout) lines.push(`layout (${e.layout.auto ? 'auto' : 'given'}): ${Object.entries(e.layout.values).map(([k, v]) => `${k.replace('communication.', '')}=${String(v)}`).join(', ')}`);
  const out = [box(`MLSys·im scorecard — ${e.scenario} (${e.mode})`, lines), box('22-wall board', boardLines(e))];
  if (e.asserts.length) out.push(box('asserts', e.asserts.map((a) => `${a.passed ? 'PASS' : 'FAIL'} ${a.message}`)));
  return out.join('\n');
}

/** Markdown: a lens table, the wall board and asserts. */
export function markdownScorecard(e: Evaluation): string {
  const c = e.card;
  const out = [`## ${e.scenario} (${e.mode})`, '', '| lens | status | summary |', '|---|---|---|'];
  for (const l of [c.feasibility, c.performance, c.macro]) out.push(`| ${l.level_name} | ${l.status} | ${l.summary} |`);
  out.push('', '| metric | value |', '|---|---|');
  for (const l of [c.feasibility, c.performance, c.macro]) {
    for (const m of Object.values(l.metrics)) out.push(`| ${l.name}.${m.key} | ${m.value === undefined ? `error: ${m.error}` : metricText(m.value, m.unit)} |`);
  }
  out.push('', '| # | wall | status | headline | |', '|---|---|---|---|---|');
  for (const w of e.walls) {
    const h = w.status === 'SKIPPED' ? undefined : w.headline?.value;
    const head = h === undefined ? '' : typeof h === 'number' || h === null ? metricText(h, w.headline!.unit) : String(h);
    out.push(`| ${w.wall} | ${w.name} | ${w.status} | ${head} | ${w.binding ? 'binding' : ''} |`);
  }
  if (e.asserts.length) {
    out.push('', '| assert | result |', '|---|---|');
    for (const a of e.asserts) out.push(`| ${a.metric} | ${a.passed ? 'PASS' : 'FAIL'}: ${a.message} |`);
  }
  return out.join('\n');
}
