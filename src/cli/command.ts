/**
 * What every command shares: the output format (global `--output`, also accepted after the
 * command), the scenario flags, and the action wrapper that records the exit code.
 */
import { type Command, Option } from 'commander';
import { CliError, type ExitCode } from './errors.js';
import { collect } from './args.js';
import { json, out, type OutputFormat } from './output.js';
import type { ScenarioFlags, resolveSource } from './source.js';
import type { ScenarioMode } from '../scenario/index.js';

export interface CliState {
  code: ExitCode;
}

/** What a command answers in JSON (`--output json`, and the same verb as an mcp tool): the object and its exit code. */
export interface Answer {
  readonly json: Record<string, unknown>;
  readonly code: ExitCode;
}

/** Prints an answer as the command's JSON output and returns its exit code. */
export function printAnswer(a: Answer): ExitCode {
  out(json(a.json));
  return a.code;
}

/**
 * Where a command's scenario comes from, asked for when the command needs it (so its own flag
 * checks come first): resolveSource over the command line's arguments, or a plan given as text
 * (src/cli/mcp/source.ts). `forceMode` is the mode the command needs (serve → serving).
 */
export type ResolveSource = (command: string, forceMode?: ScenarioMode) => ReturnType<typeof resolveSource>;

/** The commands that print an HTML report (`--output html`); every other command refuses it. */
const HTML_COMMANDS: readonly string[] = ['eval'];

/** The format chosen with --output (global option, read from any command). */
export function formatOf(cmd: Command): OutputFormat {
  const format = (cmd.optsWithGlobals() as { output?: OutputFormat }).output ?? 'text';
  if (format === 'html' && !HTML_COMMANDS.includes(cmd.name())) {
    throw new CliError('Bad flag value', `--output html: only ${HTML_COMMANDS.join(', ')} prints an HTML report (not ${cmd.name()})`);
  }
  return format;
}

/** Runs `fn` as the command's action and records its exit code; errors propagate to main. */
export function act<A extends unknown[]>(state: CliState, fn: (...args: A) => ExitCode | Promise<ExitCode>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    state.code = await fn(...args);
  };
}

/** Refuses a format this command cannot print. */
export function onlyFormats(format: OutputFormat, allowed: readonly OutputFormat[], command: string): void {
  if (!allowed.includes(format)) {
    throw new CliError('Bad flag value', `--output: ${command} prints ${allowed.join(', ')} (not ${format})`);
  }
}

/** The flags that describe a scenario in MODEL HARDWARE mode, plus --set for any mode. */
export function scenarioOptions(cmd: Command, opts: { mode?: boolean; region?: boolean; prefill?: boolean } = {}): Command {
  cmd
    .option('--batch-size <n>', 'batch size (scenario.batch_size)')
    .option('--precision <p>', 'numeric precision: fp32, tf32, bf16, fp16, fp8, int8, int4, fp4 (scenario.precision)')
    .option('--efficiency <e>', 'compute efficiency η in (0, 1] (scenario.efficiency)')
    .option('--seq-len <s>', 'context length in tokens (scenario.context_len; default 2048)');
  if (opts.prefill) cmd.option('--prefill-chunk-tokens <n>', 'chunked-prefill chunk size in tokens (serving.prefill_chunk_tokens)');
  if (opts.mode !== false) cmd.addOption(new Option('--mode <mode>', 'inference | serving | training (default: inference on one device)').choices(['inference', 'serving', 'training']));
  if (opts.region !== false) cmd.option('--region <grid>', 'electricity grid id, e.g. Quebec (scenario.region; default US_Avg)');
  cmd
    .option('--gpus <n>', 'N devices of HARDWARE, in nodes of its catalogue node (8 per DGX_H100)')
    .option('--tp <n>', 'tensor-parallel degree (communication.tp; unset: searched when the model is split)')
    .option('--pp <n>', 'pipeline-parallel degree (communication.pp)')
    .option('--ep <n>', 'expert-parallel degree, MoE (communication.ep)')
    .option('--cp <n>', 'context-parallel degree (communication.cp)');
  cmd.option('--set <cell=value>', 'set any input cell by id, units accepted (repeatable): --set hardware.memory_bandwidth=4TB/s', collect);
  cmd.option('--profile <file>', 'apply a device profile from mlsysim calibrate --save (its fitted efficiencies; --set wins)');
  return cmd;
}

export type { ScenarioFlags };
