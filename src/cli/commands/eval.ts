/** `mlsysim eval MODEL HARDWARE [flags]` and `mlsysim eval PLAN.yaml [--set …]`: the scorecard and the 22-wall board. */
import type { Command } from 'commander';
import { cellReport, evaluate, type Evaluation, flatResult, markdownScorecard, textScorecard } from '../../scenario/index.js';
import { lensResult } from '../../scenario/render.js';
import type { LiveGraph } from '../../graph/index.js';
import {
  act, type Answer, type CliState, formatOf, onlyFormats, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import type { ExitCode } from '../errors.js';
import { err, out, type OutputFormat, printError, warn } from '../output.js';
import { resolveSource } from '../source.js';
import type { BuiltScenario } from '../../scenario/index.js';
import { packageVersion } from '../version.js';

/** Why the exit code is 2 or 3, on stderr (after the result on stdout). */
function exitNotes(e: Evaluation): void {
  if (e.exit_code === 2) err(`infeasible: ${e.card.feasibility.summary}${e.card.feasibility.reasons.length ? ` (${e.card.feasibility.reasons.join('; ')})` : ''}`);
  if (e.exit_code === 3) for (const a of e.asserts.filter((x) => !x.passed)) err(`assert failed: ${a.message}`);
}

/**
 * `eval --output html`: the self-contained report page (src/scenario/report-html.ts, loaded
 * only for it). As in text mode, warnings and why the exit code is not 0 go to stderr, and bad
 * input prints no page.
 */
async function printReport(e: Evaluation & { readonly built: BuiltScenario }, warnings: readonly string[]): Promise<ExitCode> {
  warn('html', warnings);
  if (e.exit_code === 1) {
    printError('html', { title: 'Invalid input', reason: e.input_error ?? 'bad input' });
    return 1;
  }
  const { reportHtml } = await import('../../scenario/report-html.js');
  out(reportHtml(e, e.built, { warnings, version: packageVersion() }));
  exitNotes(e);
  return e.exit_code;
}

/** The eval JSON: mlsysim's flat keys, the board, asserts, layout, warnings (and every cell with --all). */
function evalJson(e: Evaluation, graph: LiveGraph, warnings: readonly string[], all: boolean): Record<string, unknown> {
  return {
    ...(e.exit_code === 1 ? { status: 'error', title: 'Invalid input', reason: e.input_error ?? 'bad input' } : {}),
    ...flatResult(e),
    ...lensResult(e),
    walls: e.walls,
    asserts: e.asserts,
    ...(e.layout ? { layout: e.layout } : {}),
    warnings,
    ...(all ? { cells: cellReport(graph) } : {}),
  };
}

/** `eval --output json` (and the mcp tool eval): the evaluation's JSON and exit code. */
export function evalAnswer(resolve: ResolveSource, opts: { readonly all?: boolean }): Answer {
  const src = resolve('eval');
  const e = evaluate(src.scenario, src.options);
  return { json: evalJson(e, e.built.graph, [...src.warnings, ...e.warnings], opts.all === true), code: e.exit_code };
}

/** Prints an evaluation as text or markdown and returns its exit code. */
function printEvaluation(format: Exclude<OutputFormat, 'json'>, e: Evaluation, warnings: readonly string[]): ExitCode {
  warn(format, warnings);
  if (e.exit_code === 1) {
    printError(format, { title: 'Invalid input', reason: e.input_error ?? 'bad input' });
    return 1;
  }
  out(format === 'markdown' ? markdownScorecard(e) : textScorecard(e));
  exitNotes(e);
  return e.exit_code;
}

export function registerEval(program: Command, state: CliState): void {
  const cmd = program
    .command('eval')
    .summary('evaluate a scenario: the scorecard (feasibility, performance, macro) and the 22-wall board')
    .description('Evaluate MODEL on HARDWARE (flag mode: inference on one device, context 2048), or a plan/scenario file.\n' +
      'MODEL may be a catalogue id, a custom model file or a Hugging Face config.json; HARDWARE a catalogue id or a device file.\n' +
      'Exit codes: 0 ok, 1 bad input, 2 infeasible (feasibility fails), 3 an assert is violated.')
    .argument('<model-or-plan>', 'catalogue model id, model file, or PLAN.yaml')
    .argument('[hardware]', 'catalogue hardware id or device file (omit with a plan)')
    .option('--all', 'JSON: also every cell id → {value, unit} in SI units (errors as {error, kind})');
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim eval Llama3_8B H100 --batch-size 32
  $ mlsysim eval Llama3_8B H100 --precision fp8 --set hardware.memory_bandwidth=4TB/s
  $ mlsysim eval Llama3_70B H100 --mode serving --seq-len 8192
  $ mlsysim eval examples/example_cluster.yaml --set communication.tp=8
  $ mlsysim --output json eval Llama3_8B H100 --all
  $ mlsysim eval Llama3_8B H100 --output html > report.html`);
  cmd.action(act(state, (first: string, second: string | undefined, opts: ScenarioFlags & { all?: boolean }, self: Command) => {
    const format = formatOf(self);
    onlyFormats(format, ['text', 'json', 'markdown', 'html'], 'eval');
    const resolve: ResolveSource = (command, mode) => resolveSource(second === undefined ? [first] : [first, second], opts, command, mode);
    if (format === 'json') return printAnswer(evalAnswer(resolve, opts));
    const src = resolve('eval');
    const e = evaluate(src.scenario, src.options);
    if (format === 'html') return printReport(e, [...src.warnings, ...e.warnings]);
    return printEvaluation(format, e, [...src.warnings, ...e.warnings]);
  }));
}
