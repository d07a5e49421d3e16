/**
 * `mlsysim seek (PLAN.yaml | MODEL HARDWARE) --target CELL=VALUE --vary CELL=LO:HI`: goal seek
 * (wall 22) within feasibility — a point whose scenario does not fit never meets the goal.
 * `--vary context` and `--vary devices` answer "the longest context that fits" and "the fewest
 * devices" (src/scenario/seek-scenario.ts), with or without a --target.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { formatPlain, goalSeek, type SeekGoal } from '../../graph/index.js';
import { buildScenario } from '../../scenario/index.js';
import { type ScenarioQuestion, type ScenarioSeekResult, scenarioFits, seekScenario } from '../../scenario/seek-scenario.js';
import { inputBound, parseVary, quantity, requireCell, requireNumericInput, splitAssignment } from '../args.js';
import {
  act, type Answer, type CliState, formatOf, onlyFormats, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { CliError, type ExitCode } from '../errors.js';
import { out, warn } from '../output.js';
import { resolveSource } from '../source.js';

interface SeekFlags extends ScenarioFlags {
  readonly target?: string;
  readonly vary?: string;
  readonly goal?: SeekGoal;
}

/** `--vary context[=LO:HI]` or `--vary devices[=LO:HI]`: the question and its range, else undefined. */
function questionOf(vary: string | undefined): { question: ScenarioQuestion; lo?: number; hi?: number } | undefined {
  const m = vary?.trim().match(/^(context|devices)(?:=(.*))?$/);
  if (!m) return undefined;
  const question = m[1] as ScenarioQuestion;
  if (m[2] === undefined) return { question };
  const parts = m[2].split(':').map((p) => p.trim());
  const ints = parts.map(Number);
  if (parts.length !== 2 || !ints.every((v) => Number.isInteger(v) && v >= 1) || ints[0] > ints[1]) {
    throw new CliError('Bad flag value', `--vary ${question}=LO:HI takes whole numbers 1 ≤ LO ≤ HI (${question === 'context' ? 'tokens' : 'devices'}); got '${vary}'`);
  }
  return { question, lo: ints[0], hi: ints[1] };
}

const QUESTION_TEXT: Record<ScenarioQuestion, string> = { context: 'the longest context that fits', devices: 'the fewest devices that fit' };

/** The context / device-count question: its answer, JSON and exit code (2 when nothing in the range fits). */
function runQuestion(resolve: ResolveSource, opts: SeekFlags, q: NonNullable<ReturnType<typeof questionOf>>) {
  const src = resolve('seek');
  let target: { cell: string; goal: 'at_most' | 'at_least'; value: number; text: string } | undefined;
  if (opts.target) {
    const [cell, valueText] = splitAssignment('--target', opts.target, 'CELL=VALUE, e.g. serving.itl=50ms');
    if (opts.goal !== 'at_most' && opts.goal !== 'at_least') {
      throw new CliError('Bad arguments', `--vary ${q.question} with --target needs --goal at_most or at_least (the target is a limit the answer must meet)`);
    }
    const probe = buildScenario(src.scenario, src.options).graph;
    requireCell(probe, cell, '--target');
    target = { cell, goal: opts.goal, value: quantity('--target', valueText, probe.def(cell).unit), text: valueText.trim() };
  }
  let r: ScenarioSeekResult;
  try {
    r = seekScenario(src.scenario, src.options, { question: q.question, ...(q.lo ? { lo: q.lo } : {}), ...(q.hi ? { hi: q.hi } : {}), ...(target ? { target } : {}) });
  } catch (e) {
    if (e instanceof RangeError) throw new CliError('Bad flag value', `seek: ${e.message}`);
    throw e;
  }
  const what = `${QUESTION_TEXT[q.question]}${target ? ` with ${target.cell} ${target.goal} ${target.text}` : ''}`;
  const code: ExitCode = r.infeasible ? 2 : 0;
  const layout = r.built?.layout;
  const json = {
    scenario: r.name, question: q.question, lo: r.lo, hi: r.hi, ...(target ? { target: { cell: target.cell, goal: target.goal, value: target.value } } : {}),
    status: r.solution !== undefined ? 'ok' : r.infeasible ? 'infeasible' : 'no_solution',
    ...(r.solution !== undefined ? { solution: r.solution } : {}),
    ...(layout ? { layout: layout.values } : {}),
    ...(r.next ? { next: r.next } : {}), ...(r.none ? { reason: r.none.reason } : {}),
    reached_range_end: r.solution !== undefined && r.next === undefined,
    evaluations: r.evaluations, warnings: [...src.warnings, ...r.warnings],
  };
  return { r, what, code, json, name: r.name, warnings: json.warnings };
}

/** Checks --target and --vary, builds the scenario and seeks. */
function runSeek(resolve: ResolveSource, opts: SeekFlags) {
  if (!opts.target || !opts.vary) throw new CliError('Bad arguments', 'seek needs --target CELL=VALUE and --vary CELL=LO:HI (or --vary context / --vary devices)');
  const [outCell, valueText] = splitAssignment('--target', opts.target, 'CELL=VALUE, e.g. compute.latency=10ms');
  const vary = parseVary(opts.vary);
  const src = resolve('seek');
  const built = buildScenario(src.scenario, src.options);
  const g = built.graph;
  requireCell(g, outCell, '--target');
  const def = requireNumericInput(g, vary.cell, '--vary');
  const target = quantity('--target', valueText, g.def(outCell).unit);
  const bounds: string[] = [];
  const lo = inputBound('--vary', 'LO', vary.lo, def, g.rawInput(vary.cell), bounds);
  const hi = inputBound('--vary', 'HI', vary.hi, def, g.rawInput(vary.cell), bounds);
  if (def.domain.kind === 'number' && def.domain.integer && !(Number.isInteger(lo) && Number.isInteger(hi))) {
    bounds.push(`--vary ${vary.cell} takes integers: the range [${lo}, ${hi}] is searched as [${Math.ceil(lo)}, ${Math.floor(hi)}]`);
  }
  const goal = opts.goal ?? 'equal';
  // Wall 22.2 require_feasible: a point whose scenario does not fit never meets the goal.
  const r = goalSeek(g, { input: vary.cell, output: outCell, target, lo, hi, goal, scale: vary.scale, feasible: scenarioFits });
  if (!r.ok && r.kind === 'invalid_input') throw new CliError('Bad flag value', `seek: ${r.message}`);
  const base = { scenario: built.name, input: vary.cell, output: outCell, goal, target, lo, hi };
  const code: ExitCode = !r.ok && r.infeasible ? 2 : 0;
  return { base, r, code, inUnit: def.unit, outUnit: g.def(outCell).unit, warnings: [...src.warnings, ...built.warnings, ...bounds] };
}

/** What bounds a solution, said: the edge of what fits, not the target. */
const LIMIT_TEXT = 'the next value meets the target but does not fit in memory: the answer is the edge of what fits';

/** `seek --output json` (and the mcp tool seek): the solution, or status no_solution with the closest feasible point. */
export function seekAnswer(resolve: ResolveSource, opts: SeekFlags): Answer {
  const q = questionOf(opts.vary);
  if (q) {
    const { json, code } = runQuestion(resolve, opts, q);
    return { json, code };
  }
  const { base, r, code, warnings } = runSeek(resolve, opts);
  return {
    json: r.ok
      ? {
          ...base, status: 'ok', solution: r.solution, achieved: r.achieved, iterations: r.iterations, monotone_checked: r.monotoneChecked,
          limited_by: r.limitedBy, warnings: [...warnings, ...r.warnings, ...(r.limitedBy === 'feasibility' ? [LIMIT_TEXT] : [])],
        }
      : { ...base, status: r.infeasible ? 'infeasible' : 'no_solution', message: r.message, ...(r.closest ? { closest: r.closest } : {}), warnings },
    code,
  };
}

export function registerSeek(program: Command, state: CliState): void {
  const cmd = program
    .command('seek')
    .summary('goal seek: the value of an input that makes an output reach a target')
    .description('Wall 22 goal seek: find the value of the --vary input in [LO, HI] that makes the --target cell equal\n' +
      '(or stay at most / reach at least) VALUE. VALUE, LO and HI may carry units (10ms, 4TB/s).\n' +
      'Only values at which the scenario fits count: an answer is never a design that does not fit in memory\n' +
      '(when fitting is what limits it, the output says so).\n' +
      '--vary context[=LO:HI]: the longest context (tokens) that fits; --vary devices[=LO:HI]: the fewest devices\n' +
      '(whole nodes past one node) that fit; either with an optional --target CELL=VALUE --goal at_most|at_least.\n' +
      'No solution in the range is an answer: exit 0 with status no_solution (JSON) and the closest point that fits;\n' +
      'exit 2 (status infeasible) when the scenario fits nowhere in the range.')
    .argument('<args...>', 'PLAN.yaml, or MODEL HARDWARE')
    .option('--target <CELL=VALUE>', 'the output cell and the value it should reach (required with --vary CELL=…)')
    .option('--vary <CELL=LO:HI[:log]>', 'the input cell and its search range, or context[=LO:HI] or devices[=LO:HI] (required)')
    .addOption(new Option('--goal <goal>', 'equal (default), at_most or at_least').choices(['equal', 'at_most', 'at_least']));
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim seek Llama3_8B H100 --target compute.latency=10ms --vary scenario.batch_size=1:256
  $ mlsysim seek Llama3_8B H100 --target compute.latency=2ms --vary hardware.memory_bandwidth=1TB/s:20TB/s:log
  $ mlsysim seek Llama3_8B H100 --target memory.memory_utilization=0.9 --vary scenario.batch_size=1:512 --goal at_most --output json
  $ mlsysim seek Llama3_8B H100 --vary context
  $ mlsysim seek Llama3_70B H100 --mode serving --vary devices --target serving.itl=20ms --goal at_most`);
  cmd.action(act(state, (args: string[], opts: SeekFlags, self: Command) => {
    const format = formatOf(self);
    onlyFormats(format, ['text', 'json', 'markdown'], 'seek');
    const resolve: ResolveSource = (command, mode) => resolveSource(args, opts, command, mode);
    if (format === 'json') return printAnswer(seekAnswer(resolve, opts));
    const q = questionOf(opts.vary);
    if (q) {
      const { r, what, code, name, warnings: said } = runQuestion(resolve, opts, q);
      warn(format, said);
      const unit = q.question === 'context' ? 'tokens' : 'devices';
      const layout = r.built?.layout ? ` — layout ${r.built.layout.auto ? '(auto)' : '(given)'}: ${Object.entries(r.built.layout.values).map(([k, v]) => `${k.replace('communication.', '')}=${String(v)}`).join(', ')}` : '';
      const lines = r.solution !== undefined
        ? [`${q.question}: ${r.solution} ${unit}${layout}`,
          r.next ? `at ${r.next.x} ${unit}: ${r.next.reason}` : `the end of the range (${r.hi} ${unit}) is reached: set --vary ${q.question}=LO:HI to look further`]
        : [`nothing in [${r.lo}, ${r.hi}] ${unit}: ${r.none?.reason ?? 'no point could be evaluated'}`];
      const title = `seek ${what} — ${name}`;
      out(format === 'markdown' ? `## ${title}\n\n${[...lines, `evaluations: ${r.evaluations}`].map((l) => `* ${l}`).join('\n')}` : `${title}\n${lines.join('\n')}\nevaluations: ${r.evaluations}`);
      return code;
    }
    const { base: { scenario, input, output, goal, target, lo, hi }, r, code, inUnit, outUnit, warnings } = runSeek(resolve, opts);
    const show = (v: number, unit: string) => formatPlain(v, unit === '1' ? '' : unit);
    const withSi = (v: number, unit: string) => (show(v, unit) === `${v} ${unit}` || unit === '1' ? show(v, unit) : `${show(v, unit)} (${v} ${unit})`);
    warn(format, [...warnings, ...(r.ok ? r.warnings : []), ...(r.ok && r.limitedBy === 'feasibility' ? [LIMIT_TEXT] : [])]);
    const lines = r.ok
      ? [`${input} = ${withSi(r.solution, inUnit)}`,
        `${output} = ${show(r.achieved, outUnit)} (target ${goal} ${show(target, outUnit)})`,
        `iterations: ${r.iterations}`]
      : [`no solution in range [${show(lo, inUnit)}, ${show(hi, inUnit)}]: ${r.message}`,
        ...(r.closest ? [`closest: ${input} = ${show(r.closest.x, inUnit)} gives ${output} = ${show(r.closest.y, outUnit)}`] : [])];
    const title = `seek ${output} ${goal} ${show(target, outUnit)} by varying ${input} — ${scenario}`;
    out(format === 'markdown' ? `## ${title}\n\n${lines.map((l) => `* ${l}`).join('\n')}` : `${title}\n${lines.join('\n')}`);
    return code;
  }));
}
