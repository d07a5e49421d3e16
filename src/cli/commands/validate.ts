/**
 * `mlsysim validate [--category C] [--split tune|holdout]`: the shipped validation set
 * (published measurements of real runs) run through the same physics as `eval`; per case the
 * measured and predicted values, the signed error and the bottleneck class, then the median
 * |error| per category, per split and overall. It reports; it is not an assert (exit 0).
 */
import { type Command, Option } from 'commander';
import { formatNumber } from '../../graph/index.js';
import { VALIDATION_CATEGORIES, VALIDATION_SPLITS, type ValidationCategory, type ValidationSplit, validationCases } from '../../registry/index.js';
import { type BottleneckSummary, type CaseResult, type GroupSummary, runValidation, type ValidationReport } from '../../scenario/index.js';
import { act, type Answer, type CliState, formatOf, printAnswer } from '../command.js';
import { type OutputFormat, out, renderTable, warn } from '../output.js';

/** A signed relative error as a percentage ("+12.3 %", "−4.0 %"). */
export function percent(error: number | undefined): string {
  if (error === undefined) return '—';
  const p = (error * 100).toFixed(1);
  return error > 0 ? `+${p} %` : error < 0 ? `−${p.replace('-', '')} %` : '0.0 %';
}

function value(v: number | undefined, unit: string): string {
  return v === undefined ? 'not evaluated' : `${formatNumber(v, 4)} ${unit}`;
}

function caseRows(results: readonly CaseResult[], format: Exclude<OutputFormat, 'json'>): (string | number)[][] {
  return results.map((r) => [r.id, r.category, r.split ?? '—',
    format === 'csv' ? r.measured : value(r.measured, r.unit),
    format === 'csv' ? r.predicted ?? '' : value(r.predicted, r.unit),
    format === 'csv' ? r.error ?? '' : percent(r.error),
    r.status === 'ok' ? r.bottleneck : '—', r.expected_bottleneck ?? '—']);
}

/** "right in 8 of 9 cases that state one (88.9 %)", or why the share is not measured. */
export function bottleneckLine(summary: BottleneckSummary): string {
  if (summary.share === undefined) {
    return summary.stated ? `none of the ${summary.stated} cases that state one was evaluated` : 'no selected case states an expected bottleneck class';
  }
  const wrong = summary.wrong.length ? `; wrong: ${summary.wrong.join(', ')}` : '';
  return `right in ${summary.right} of ${summary.evaluated} cases that state one (${(summary.share * 100).toFixed(1)} %)${wrong}`;
}

function median(g: GroupSummary | undefined): string {
  return g?.median_abs_error === undefined ? '—' : `${(g.median_abs_error * 100).toFixed(1)} %`;
}

function summaryRows(report: ValidationReport): string[][] {
  const s = report.summary;
  const rows: string[][] = [];
  for (const cat of VALIDATION_CATEGORIES) {
    const g = s.categories[cat];
    if (!g) continue;
    const m = cat === 'identity' ? `max ${s.identity.max_abs_error === undefined ? '—' : `${(s.identity.max_abs_error * 100).toFixed(1)} %`}` : median(g);
    rows.push([cat, String(g.n), String(g.evaluated), m]);
  }
  for (const split of VALIDATION_SPLITS) {
    const g = s.splits[split];
    if (g) rows.push([`split: ${split}`, String(g.n), String(g.evaluated), median(g)]);
  }
  rows.push(['overall (non-identity)', String(s.overall.n), String(s.overall.evaluated), median(s.overall)]);
  return rows;
}

/** Why the cases that were not evaluated were not, one line each. */
function notEvaluated(results: readonly CaseResult[]): string[] {
  return results.filter((r) => r.status !== 'ok').map((r) => `${r.id}: ${r.reason ?? 'not evaluated'}`);
}

export interface ValidateFilters {
  readonly category?: ValidationCategory;
  readonly split?: ValidationSplit;
}

/** The JSON answer (`--output json`, and the same verb for agents): the filters, every case, the summary. */
export function validateAnswer(filters: ValidateFilters, report: ValidationReport = runValidation(validationCases(), filters)): Answer {
  return {
    json: { filters: { category: filters.category ?? null, split: filters.split ?? null }, cases: report.results, summary: report.summary },
    code: 0,
  };
}

export function registerValidate(program: Command, state: CliState): void {
  const cmd = program
    .command('validate')
    .summary('run the shipped validation set (published measurements) through the engine: measured, predicted, error')
    .description('Every case of the validation set — a published measurement of a real run (training MFU and step time,\n' +
      'inference throughput and first-token latency, energy, carbon, interruptions, cost), with its source and\n' +
      'locator — is built as a scenario and evaluated like `eval`. Per case: measured, predicted, the signed\n' +
      'error (predicted − measured)/measured and the bottleneck class of the binding wall (with the class the\n' +
      'source states, where it states one); then the median |error| per category, per split (tune/holdout)\n' +
      'and overall, and the share of stated classes predicted right. Identity cases are exact arithmetic, kept\n' +
      'apart. It reports and exits 0.')
    .addOption(new Option('--category <category>', 'only the cases of one category').choices([...VALIDATION_CATEGORIES]))
    .addOption(new Option('--split <split>', 'only the measured cases of one split').choices([...VALIDATION_SPLITS]));
  cmd.addHelpText('after', `
Examples:
  $ mlsysim validate
  $ mlsysim validate --category inference --output markdown
  $ mlsysim validate --split holdout --output json`);
  cmd.action(act(state, (opts: ValidateFilters, self: Command) => {
    const format = formatOf(self);
    const report = runValidation(validationCases(), { category: opts.category, split: opts.split });
    if (format === 'json') return printAnswer(validateAnswer(opts, report));
    warn(format, report.results.flatMap((r) => r.warnings.map((w) => `${r.id}: ${w}`)));
    const headers = ['case', 'category', 'split', 'measured', 'predicted', 'error', 'bottleneck', 'expected'];
    const table = renderTable(format, { headers, rows: caseRows(report.results, format) });
    if (format === 'csv') {
      out(table);
      return 0;
    }
    const medians = renderTable(format, { headers: ['group', 'cases', 'evaluated', 'median |error|'], rows: summaryRows(report) });
    const missing = notEvaluated(report.results);
    if (format === 'markdown') {
      const notes = missing.length ? `\n\nNot evaluated:\n\n${missing.map((m) => `* ${m}`).join('\n')}` : '';
      out(`## Validation: predicted vs published\n\n${table}\n\n### Median |error|\n\n${medians}\n\nBottleneck class: ${bottleneckLine(report.summary.bottleneck_class)}.${notes}`);
    } else {
      const notes = missing.length ? `\n\nnot evaluated:\n${missing.map((m) => `  ${m}`).join('\n')}` : '';
      out(`validation: ${report.results.length} cases\n\n${table}\n\n${medians}\n\nbottleneck class: ${bottleneckLine(report.summary.bottleneck_class)}${notes}`);
    }
    return 0;
  }));
}
