/**
 * `mlsysim calibrate (PLAN.yaml | MODEL HARDWARE) --measured CELL=VALUE [--fit η|η_bw] [--save FILE]`:
 * fit the efficiency that explains one measured cell (η where the cell is compute-bound, η_bw
 * where it is memory-bound; goal seek on the graph), show the cell and the efficiency before and
 * after, and save them as a device profile that `--profile FILE` (every scenario command, and the
 * workbench) loads.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { stringify } from 'yaml';
import { formatNumber, formatPlain } from '../../graph/index.js';
import {
  buildScenario, CALIBRATION_CELLS, type CalibrationCell, type CalibrationResult, calibrate, parseMeasurement,
} from '../../scenario/index.js';
import { act, type Answer, type CliState, formatOf, onlyFormats, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags } from '../command.js';
import { CliError } from '../errors.js';
import { out, warn } from '../output.js';
import { resolveSource } from '../source.js';

interface CalibrateFlags extends ScenarioFlags {
  readonly measured?: string;
  readonly fit?: 'efficiency' | 'bandwidth_efficiency';
  readonly save?: string;
}

const FIT_CELLS: Readonly<Record<NonNullable<CalibrateFlags['fit']>, CalibrationCell>> = {
  efficiency: 'scenario.efficiency', bandwidth_efficiency: 'scenario.bandwidth_efficiency',
};

/** Writes the profile: YAML for .yaml/.yml, JSON otherwise. */
function save(path: string, r: CalibrationResult): void {
  const text = /\.ya?ml$/i.test(path) ? stringify(r.profile) : `${JSON.stringify(r.profile, null, 2)}\n`;
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError('Cannot write file', `--save ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Fits, saves when asked, and returns the JSON answer with the result and what was said. */
export function calibrateAnswer(resolve: ResolveSource, opts: CalibrateFlags): Answer & { readonly result: CalibrationResult; readonly warnings: readonly string[] } {
  if (!opts.measured) throw new CliError('Bad arguments', 'calibrate needs --measured CELL=VALUE, e.g. --measured performance.latency=6.1ms');
  const src = resolve('calibrate');
  const built = buildScenario(src.scenario, src.options);
  const m = parseMeasurement(built.graph, opts.measured);
  const result = calibrate(built, m, opts.fit ? { fit: FIT_CELLS[opts.fit] } : {});
  if (opts.save) save(opts.save, result);
  const warnings = [...src.warnings, ...built.warnings, ...result.warnings];
  const json = {
    scenario: result.scenario,
    measured: { cell: m.cell, value: m.value, unit: result.unit, text: m.text },
    before: result.before, after: result.after,
    fitted: result.profile.fitted, variable: result.variable, from: result.from, to: result.to,
    regime: result.regime, elasticities: result.elasticities,
    profile: result.profile, ...(opts.save ? { saved: opts.save } : {}), warnings,
  };
  return { json, code: 0, result, warnings };
}

function report(r: CalibrationResult, unitText: (v: number) => string, saved: string | undefined): string[] {
  const other = CALIBRATION_CELLS.find((c) => c !== r.variable)!;
  const e = (c: CalibrationCell) => formatNumber(r.elasticities[c], 3);
  return [
    `${r.regime}: ${r.cell} responds to ${r.variable} (elasticity ${e(r.variable)}), ${other} ${e(other)}`,
    `${r.variable}: ${formatNumber(r.from, 4)} → ${formatNumber(r.to, 4)}`,
    `${r.cell}: ${unitText(r.before)} → ${unitText(r.after)} (measured ${unitText(r.measured)})`,
    saved ? `profile saved to ${saved}: load it with --profile ${saved}` : 'not saved: add --save FILE (.json or .yaml) to keep the fitted values as a device profile',
  ];
}

export function registerCalibrate(program: Command, state: CliState): void {
  const cmd = program
    .command('calibrate')
    .summary('fit η or η_bw to a measurement of one cell and save it as a device profile')
    .description('Anchor the model to your hardware: given a measured value of one cell of a scenario, fit the efficiency\n' +
      'that explains it — η (scenario.efficiency) when the cell responds to compute, η_bw\n' +
      '(scenario.bandwidth_efficiency) when it responds to memory traffic — by goal seek on the graph, and show the\n' +
      'cell and the efficiency before and after. --save writes a device profile (device id, fitted cells, the\n' +
      'measurement) that --profile FILE applies to any scenario on that device. VALUE may carry units (6.1ms).')
    .argument('<args...>', 'PLAN.yaml, or MODEL HARDWARE')
    .option('--measured <CELL=VALUE>', 'the measured cell and its value, e.g. performance.latency=6.1ms or serving.ttft=80ms (required)')
    .addOption(new Option('--fit <cell>', 'fit this efficiency instead of the one the measured cell responds to most').choices(Object.keys(FIT_CELLS)))
    .option('--save <file>', 'write the fitted values as a device profile (.json or .yaml)');
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim calibrate Llama3_8B H100 --measured compute.latency=6.1ms --save h100.json
  $ mlsysim calibrate Llama3_8B H100 --mode serving --set scenario.output_tokens=1 --measured serving.ttft=80ms
  $ mlsysim eval Llama3_8B H100 --batch-size 8 --profile h100.json`);
  cmd.action(act(state, (args: string[], opts: CalibrateFlags, self: Command) => {
    const format = formatOf(self);
    onlyFormats(format, ['text', 'json', 'markdown'], 'calibrate');
    const resolve: ResolveSource = (command, mode) => resolveSource(args, opts, command, mode);
    const a = calibrateAnswer(resolve, opts);
    if (format === 'json') return printAnswer(a);
    warn(format, a.warnings);
    const r = a.result;
    const graphUnit = r.unit;
    const unitText = (v: number) => formatPlain(v, graphUnit);
    const lines = report(r, unitText, opts.save);
    const title = `calibrate ${r.scenario} — ${r.cell} measured ${r.profile.measurement.text}`;
    out(format === 'markdown' ? `## ${title}\n\n${lines.map((l) => `* ${l}`).join('\n')}` : `${title}\n${lines.map((l) => `  ${l}`).join('\n')}`);
    return a.code;
  }));
}
