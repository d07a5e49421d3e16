/** `mlsysim sensitivity (PLAN.yaml | MODEL HARDWARE) [--metric CELL]`: ranked elasticities (wall 21). */
import type { Command } from 'commander';
import { formatNumber, sensitivity } from '../../graph/index.js';
import { buildScenario, headlineCell } from '../../scenario/index.js';
import { numberFlag, requireCell } from '../args.js';
import {
  act, type Answer, type CliState, formatOf, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { CliError } from '../errors.js';
import { out, renderTable, warn } from '../output.js';
import { resolveSource } from '../source.js';

interface SensitivityFlags extends ScenarioFlags {
  readonly metric?: string;
  readonly perturbation?: string;
}

/** Builds the scenario and ranks the elasticities of the metric (the mode's headline time by default). */
function runSensitivity(resolve: ResolveSource, opts: SensitivityFlags) {
  const src = resolve('sensitivity');
  const built = buildScenario(src.scenario, src.options);
  const metric = opts.metric ?? headlineCell(built.ctx.mode);
  requireCell(built.graph, metric, '--metric');
  const h = numberFlag('--perturbation', opts.perturbation, { min: 0, minExclusive: true });
  if (h !== undefined && h > 0.5) throw new CliError('Bad flag value', `--perturbation must be in (0, 0.5] (got '${opts.perturbation}')`);
  const r = sensitivity(built.graph, metric, h !== undefined ? { perturbation: h } : {});
  if (r.error) throw new CliError('Cannot compute sensitivity', `sensitivity: ${metric} is not a finite number (${r.error.message})`);
  return { name: built.name, graph: built.graph, metric, r, warnings: [...src.warnings, ...built.warnings] };
}

/** `sensitivity --output json` (and the mcp tool sensitivity): every elasticity and the binding constraint. */
export function sensitivityAnswer(resolve: ResolveSource, opts: SensitivityFlags): Answer {
  const { name, r } = runSensitivity(resolve, opts);
  return { json: { scenario: name, ...r, binding_constraint: r.binding ?? null }, code: 0 };
}

export function registerSensitivity(program: Command, state: CliState): void {
  const cmd = program
    .command('sensitivity')
    .summary('elasticities of a metric to every input it depends on, and the binding constraint')
    .description('Wall 21: E = (x/f)·∂f/∂x for every input upstream of the metric, ranked by |E|. The largest is the\n' +
      'binding constraint. --metric defaults to the mode\'s headline time (compute.latency, serving.itl or\n' +
      'communication.step_latency). Inputs without an elasticity (choices, errors) are listed last (not in csv).')
    .argument('<args...>', 'PLAN.yaml, or MODEL HARDWARE')
    .option('--metric <cell>', 'output cell id')
    .option('--perturbation <h>', 'relative step h in (0, 0.5] (default 0.01)');
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim sensitivity Llama3_8B H100
  $ mlsysim sensitivity Llama3_8B H100 --metric memory.memory_footprint --output csv
  $ mlsysim sensitivity examples/example_cluster.yaml --output json`);
  cmd.action(act(state, (args: string[], opts: SensitivityFlags, self: Command) => {
    const format = formatOf(self);
    const resolve: ResolveSource = (command, mode) => resolveSource(args, opts, command, mode);
    if (format === 'json') return printAnswer(sensitivityAnswer(resolve, opts));
    const { name, graph, metric, r, warnings } = runSensitivity(resolve, opts);
    warn(format, warnings);
    const ranked = r.entries.filter((e) => e.value !== undefined);
    const rest = format === 'csv' ? [] : r.entries.filter((e) => e.value === undefined);
    const rows = [
      ...ranked.map((e, i) => [i + 1, e.input, format === 'csv' ? e.value : formatNumber(e.value!, 4), e.method ?? '']),
      ...rest.map((e) => ['', e.input, e.note ?? 'n/a', e.method ?? '']),
    ];
    const table = renderTable(format, { headers: ['rank', 'input', 'elasticity', 'method'], rows });
    if (format === 'csv') {
      out(table);
      return 0;
    }
    const head = [`sensitivity of ${metric} — ${name}`, `baseline: ${r.baseline !== undefined ? formatNumber(r.baseline, 6) : '—'} ${graph.def(metric).unit}`,
      `binding constraint: ${r.binding ?? 'none'}`];
    out(format === 'markdown' ? `## ${head[0]}\n\n* ${head[1]}\n* ${head[2]}\n\n${table}` : `${head.join('\n')}\n\n${table}`);
    return 0;
  }));
}
