/**
 * An evaluation as one self-contained HTML page (`mlsysim eval … --output html`, the
 * workbench's "Export report"): the scenario, the 3-lens scorecard, the 22-wall board, the
 * roofline with the operating point (inline SVG) and why the binding wall binds. Inline CSS,
 * no script, no external reference; a Content-Security-Policy forbids loading anything, so
 * the file opens the same with the network off. Every text is escaped.
 */
import { formatNumber } from '../graph/index.js';
import type { BuiltScenario } from './build.js';
import type { Evaluation } from './evaluate.js';
import { bindingCauses } from './report-causes.js';
import { formatDisplayValue } from './display-value.js';
import { cellText, esc } from './report-format.js';
import { REPORT_CSS } from './report-style.js';
import { rooflineSvg } from './report-svg.js';
import { legendEntries, readRoofline } from './roofline/index.js';
import type { Lens, LensStatus } from './scorecard.js';
import type { BoardStatus } from './board.js';

export interface ReportOptions {
  /** Notes to list (default: the evaluation's own warnings; the CLI adds those of its flags). */
  readonly warnings?: readonly string[];
  /** The package version, printed in the footer. */
  readonly version?: string;
}

const LENS_TITLES = { feasibility: 'Feasibility', performance: 'Performance', macro: 'Macro' } as const;

function badge(status: LensStatus | BoardStatus): string {
  const word = status === 'WARN' ? 'WARNING' : status;
  return `<span class="badge tone-${word.toLowerCase()}">${esc(word)}</span>`;
}

const list = (items: readonly string[], cls = ''): string =>
  items.length ? `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';

function scenarioSection(e: Evaluation, built: BuiltScenario, warnings: readonly string[]): string {
  const { ctx, graph } = built;
  const name = (x: { id: string; display_name?: string }) => (x.display_name && x.display_name !== x.id ? `${x.display_name} (${x.id})` : x.id);
  const fleet = ctx.fleet;
  const count = fleet.num_nodes * fleet.gpus_per_node;
  const rows: [string, string][] = [
    ['Model', name(ctx.model)],
    ['Hardware', name(ctx.device)],
    ['System', count > 1 ? `${fleet.id ? `${fleet.id}: ` : ''}${fleet.num_nodes} × ${fleet.gpus_per_node} = ${count} accelerators` : 'one accelerator'],
    ['Mode', e.mode],
    ['Grid region', ctx.grid.id],
    ['Operations', ctx.ops ? 'yes (Macro lens on)' : 'none (Macro lens skipped)'],
  ];
  if (e.layout) rows.push([`Layout (${e.layout.auto ? 'auto' : 'given'})`, Object.entries(e.layout.values).map(([k, v]) => `${k.replace('communication.', '')}=${String(v)}`).join(', ')]);
  const set = graph.topology.inputIds.filter((id) => graph.provenance(id) === 'user').sort();
  const inputs = set.length
    ? `<h3>Inputs set for this scenario</h3><table class="cells"><thead><tr><th scope="col">cell</th><th scope="col">value</th></tr></thead><tbody>${
      set.map((id) => `<tr><td><code>${esc(id)}</code></td><td>${esc(cellText(graph, id))}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">Every input at its catalogue value or default.</p>';
  const notes = warnings.length ? `<h3>Notes</h3>${list(warnings, 'warnings')}` : '';
  return `<section id="scenario" aria-labelledby="h-scenario"><h2 id="h-scenario">Scenario</h2><dl class="facts">${
    rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>${inputs}${notes}</section>`;
}

function lensCard(l: Lens): string {
  const metrics = Object.values(l.metrics).map((m) =>
    `<tr><th scope="row">${esc(m.key)}</th><td>${m.value === undefined ? `<span class="err">error: ${esc(m.error ?? '')}</span>` : esc(formatDisplayValue(m.value, m.unit))}</td></tr>`).join('');
  return `<article class="lens tone-${l.status.toLowerCase()}" data-lens="${l.name}" data-status="${esc(l.status)}">` +
    `<h3>${LENS_TITLES[l.name]} ${badge(l.status)}</h3><p class="level">${esc(l.level_name)}</p><p class="summary">${esc(l.summary)}</p>` +
    `${list(l.reasons, 'reasons')}${metrics ? `<table class="metrics"><tbody>${metrics}</tbody></table>` : ''}</article>`;
}

function scorecardSection(e: Evaluation): string {
  const c = e.card;
  const asserts = e.asserts.length
    ? `<h3>Asserts</h3><ul class="asserts">${e.asserts.map((a) => `<li class="tone-${a.passed ? 'pass' : 'fail'}">${a.passed ? '✓ passed' : '✗ failed'}: ${esc(a.message)}</li>`).join('')}</ul>`
    : '';
  return `<section id="scorecard" aria-labelledby="h-scorecard"><h2 id="h-scorecard">Scorecard</h2>` +
    `${e.input_error ? `<p class="err">Bad input: ${esc(e.input_error)}</p>` : ''}` +
    `<div class="lenses">${[c.feasibility, c.performance, c.macro].map(lensCard).join('')}</div>${asserts}</section>`;
}

function boardSection(e: Evaluation): string {
  const rows = e.walls.map((w) => {
    const head = w.status === 'SKIPPED' || !w.headline ? '' : formatDisplayValue(w.headline.value, w.headline.unit);
    const mark = w.binding ? ` <strong class="binding">binding${e.binding_share !== undefined ? ` · ${esc(formatNumber(e.binding_share * 100, 4))} % of time` : ''}</strong>` : '';
    return `<tr data-wall="${w.wall}" data-status="${w.status}"${w.binding ? ' class="is-binding"' : ''}><td>${w.wall}</td><td>${esc(w.name)}${mark}</td>` +
      `<td>${esc(w.lens ?? '—')}</td><td>${badge(w.status)}</td><td class="num">${esc(head)}</td><td>${esc(w.reason)}</td></tr>`;
  }).join('\n');
  return `<section id="walls" aria-labelledby="h-walls"><h2 id="h-walls">22-wall board</h2><table class="board"><thead><tr>` +
    '<th scope="col">#</th><th scope="col">wall</th><th scope="col">lens</th><th scope="col">status</th><th scope="col">headline</th><th scope="col">why</th>' +
    `</tr></thead><tbody>\n${rows}\n</tbody></table></section>`;
}

function rooflineSection(built: BuiltScenario): string {
  const read = readRoofline(built.graph);
  const head = '<section id="roofline" aria-labelledby="h-roofline"><h2 id="h-roofline">Roofline</h2>';
  if (!read.ok) return `${head}<p class="muted">No roofline for this scenario: ${esc(read.message)}</p></section>`;
  const r = read.reading;
  const device = built.ctx.device.display_name ?? built.ctx.device.id;
  // The workbench legend's lines; a printed page has no swatches, so the dashed roof is named.
  const legend = legendEntries(r, device).map((e) => (e.kind === 'effective' ? `dashed: ${e.text}` : e.text));
  if (!r.point) legend.push(`no operating point: ${r.point_error ?? ''}`);
  return `${head}<figure>${rooflineSvg(r, device)}<figcaption>${list(legend)}</figcaption></figure></section>`;
}

function causesSection(e: Evaluation, built: BuiltScenario): string {
  const c = bindingCauses(e, built.graph);
  const head = (title: string) => `<section id="binding" aria-labelledby="h-binding"><h2 id="h-binding">${esc(title)}</h2>`;
  if ('none' in c) return `${head('Binding wall')}<p>${esc(c.none)}</p></section>`;
  const share = c.share !== undefined ? `, ${formatNumber(c.share * 100, 4)} % of the headline time` : '';
  const status = `<p>Status ${badge(c.status)} ${c.reason ? esc(c.reason) : 'no limit is crossed: the wall binds because its part of the time is the largest, not because it fails.'}</p>`;
  const cell = `<p>${c.part ? 'Its part of the time' : 'The time it dominates'}: <code>${esc(c.cell.id)}</code> = <strong>${esc(c.cell.text)}</strong>${c.cell.formula ? ` <span class="formula">${esc(c.cell.formula)}</span>` : ''}</p>`;
  const inputs = c.inputs.length
    ? `<h3>Computed from</h3><table class="cells"><tbody>${c.inputs.map((i) => `<tr><td><code>${esc(i.id)}</code></td><td>${esc(i.label)}</td><td>${esc(i.text)}</td><td class="formula">${esc(i.formula ?? 'input')}</td></tr>`).join('')}</tbody></table>`
    : '';
  const drivers = c.drivers.length
    ? `<h3>What moves it most</h3><p class="muted">Elasticity: the % change of <code>${esc(c.cell.id)}</code> for 1 % more of the input.</p><ol class="drivers">${
      c.drivers.map((d) => `<li data-driver="${esc(d.id)}"><code>${esc(d.id)}</code> ${esc(d.label)} = ${esc(d.text)} — elasticity <strong>${esc(formatNumber(d.elasticity, 3))}</strong></li>`).join('')}</ol>`
    : `<p class="muted">${esc(c.driversNote ?? '')}</p>`;
  return `${head(`Binding wall: ${c.wall} ${c.name}${share}`)}${status}${cell}${inputs}${drivers}</section>`;
}

/** The report for an evaluation of `built` (its graph as it stands now). */
export function reportHtml(e: Evaluation, built: BuiltScenario, options: ReportOptions = {}): string {
  const warnings = options.warnings ?? e.warnings;
  const title = `MLSys·im report — ${e.scenario}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><p class="brand">MLSys·im report</p><h1 data-scenario-name>${esc(e.scenario)}</h1><p>${esc(e.mode)} · ${e.card.passed_all ? 'no lens fails' : 'a lens fails or is an error'}</p></header>`,
    '<main>',
    scenarioSection(e, built, warnings),
    scorecardSection(e),
    boardSection(e),
    rooflineSection(built),
    causesSection(e, built),
    '</main>',
    `<footer>Computed by mlsysim${options.version ? ` ${esc(options.version)}` : ''} from first principles, not measured. Scorecard metrics in display units (latency ms, memory GB, carbon t CO2e); cells with SI prefixes.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
