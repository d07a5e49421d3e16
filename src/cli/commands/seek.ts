/** `mlsysim seek (PLAN.yaml | MODEL HARDWARE) --target CELL=VALUE --vary CELL=LO:HI`: goal seek (wall 22). */
import type { Command } from 'commander';
import { Option } from 'commander';
import { formatPlain, goalSeek, type SeekGoal } from '../../graph/index.js';
import { buildScenario } from '../../scenario/index.js';
import { inputBound, parseVary, quantity, requireCell, requireNumericInput, splitAssignment } from '../args.js';
import {
  act, type Answer, type CliState, formatOf, onlyFormats, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { CliError } from '../errors.js';
import { out, warn } from '../output.js';
import { resolveSource } from '../source.js';

interface SeekFlags extends ScenarioFlags {
  readonly target?: string;
  readonly vary?: string;
  readonly goal?: SeekGoal;
}

/** Checks --target and --vary, builds the scenario and seeks. */
function runSeek(resolve: ResolveSource, opts: SeekFlags) {
  if (!opts.target || !opts.vary) throw new CliError('Bad arguments', 'seek needs --target CELL=VALUE and --vary CELL=LO:HI');
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
  const r = goalSeek(g, { input: vary.cell, output: outCell, target, lo, hi, goal, scale: vary.scale });
  if (!r.ok && r.kind === 'invalid_input') throw new CliError('Bad flag value', `seek: ${r.message}`);
  const base = { scenario: built.name, input: vary.cell, output: outCell, goal, target, lo, hi };
  return { base, r, inUnit: def.unit, outUnit: g.def(outCell).unit, warnings: [...src.warnings, ...built.warnings, ...bounds] };
}

/** `seek --output json` (and the mcp tool seek): the solution, or status no_solution with the closest point. */
export function seekAnswer(resolve: ResolveSource, opts: SeekFlags): Answer {
  const { base, r, warnings } = runSeek(resolve, opts);
  return {
    json: r.ok
      ? { ...base, status: 'ok', solution: r.solution, achieved: r.achieved, iterations: r.iterations, monotone_checked: r.monotoneChecked, warnings: [...warnings, ...r.warnings] }
      : { ...base, status: 'no_solution', message: r.message, ...(r.closest ? { closest: r.closest } : {}), warnings },
    code: 0,
  };
}

export function registerSeek(program: Command, state: CliState): void {
  const cmd = program
    .command('seek')
    .summary('goal seek: the value of an input that makes an output reach a target')
    .description('Wall 22 goal seek: find the value of the --vary input in [LO, HI] that makes the --target cell equal\n' +
      '(or stay at most / reach at least) VALUE. VALUE, LO and HI may carry units (10ms, 4TB/s).\n' +
      'No solution in the range is an answer, not an error: exit 0 with status no_solution (JSON) and the closest point.')
    .argument('<args...>', 'PLAN.yaml, or MODEL HARDWARE')
    .option('--target <CELL=VALUE>', 'the output cell and the value it should reach (required)')
    .option('--vary <CELL=LO:HI[:log]>', 'the input cell and its search range (required)')
    .addOption(new Option('--goal <goal>', 'equal (default), at_most or at_least').choices(['equal', 'at_most', 'at_least']));
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim seek Llama3_8B H100 --target compute.latency=10ms --vary scenario.batch_size=1:256
  $ mlsysim seek Llama3_8B H100 --target compute.latency=2ms --vary hardware.memory_bandwidth=1TB/s:20TB/s:log
  $ mlsysim seek Llama3_8B H100 --target memory.memory_utilization=0.9 --vary scenario.batch_size=1:512 --goal at_most --output json`);
  cmd.action(act(state, (args: string[], opts: SeekFlags, self: Command) => {
    const format = formatOf(self);
    onlyFormats(format, ['text', 'json', 'markdown'], 'seek');
    const resolve: ResolveSource = (command, mode) => resolveSource(args, opts, command, mode);
    if (format === 'json') return printAnswer(seekAnswer(resolve, opts));
    const { base: { scenario, input, output, goal, target, lo, hi }, r, inUnit, outUnit, warnings } = runSeek(resolve, opts);
    const show = (v: number, unit: string) => formatPlain(v, unit === '1' ? '' : unit);
    const withSi = (v: number, unit: string) => (show(v, unit) === `${v} ${unit}` || unit === '1' ? show(v, unit) : `${show(v, unit)} (${v} ${unit})`);
    warn(format, [...warnings, ...(r.ok ? r.warnings : [])]);
    const lines = r.ok
      ? [`${input} = ${withSi(r.solution, inUnit)}`,
        `${output} = ${show(r.achieved, outUnit)} (target ${goal} ${show(target, outUnit)})`,
        `iterations: ${r.iterations}`]
      : [`no solution in range [${show(lo, inUnit)}, ${show(hi, inUnit)}]: ${r.message}`,
        ...(r.closest ? [`closest: ${input} = ${show(r.closest.x, inUnit)} gives ${output} = ${show(r.closest.y, outUnit)}`] : [])];
    const title = `seek ${output} ${goal} ${show(target, outUnit)} by varying ${input} — ${scenario}`;
    out(format === 'markdown' ? `## ${title}\n\n${lines.map((l) => `* ${l}`).join('\n')}` : `${title}\n${lines.join('\n')}`);
    return 0;
  }));
}
