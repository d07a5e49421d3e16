/**
 * `mlsysim` entry point. Returns the exit code (0 ok, 1 bad input, 2 infeasible,
 * 3 assert violated) instead of exiting, so tests and the bin wrapper share one path.
 * Nothing here prints a stack trace: every error becomes one line (or a JSON error object).
 */
import { Command, CommanderError, Option } from 'commander';
import { registerEval } from './commands/eval.js';
import { registerExplain } from './commands/explain.js';
import { registerOptimize } from './commands/optimize.js';
import { registerSchema } from './commands/schema.js';
import { registerSeek } from './commands/seek.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerServe } from './commands/serve.js';
import { registerSweep } from './commands/sweep.js';
import { registerZoo } from './commands/zoo.js';
import type { CliState } from './command.js';
import { errorReport, type ExitCode, oneLine } from './errors.js';
import { FORMATS, type OutputFormat, printError } from './output.js';
import { packageVersion } from './version.js';

/** The --output value as written anywhere in argv (needed before commander has parsed, for errors). */
export function scanFormat(argv: readonly string[]): OutputFormat {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if ((a === '--output' || a === '-o') && i + 1 < argv.length) found = argv[++i];
    else if (a.startsWith('--output=')) found = a.slice('--output='.length);
    else if (/^-o[a-z]/.test(a)) found = a.slice(2);
  }
  return (FORMATS as readonly string[]).includes(found ?? '') ? (found as OutputFormat) : 'text';
}

export function buildProgram(state: CliState, format: OutputFormat): Command {
  const program = new Command();
  program
    .name('mlsysim')
    .description('First-principles calculator for ML systems: how fast, how big, how costly, how green.')
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('-o, --output <format>', 'output format: text, json, markdown, or csv for tables (before or after the command)')
      .choices([...FORMATS]).default('text'))
    .exitOverride()
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      // In JSON mode commander's own errors are reported as a JSON object by main().
      outputError: (s, write) => (format === 'json' ? undefined : write(`${oneLine(s)}\n`)),
    })
    .addHelpText('after', `
Exit codes: 0 ok, 1 bad input, 2 infeasible, 3 an assert is violated.
stdout carries only the result; warnings and errors go to stderr (in JSON mode errors are
printed to stdout as {"status":"error","title":…,"reason":…}).

Examples:
  $ mlsysim zoo hardware
  $ mlsysim eval Llama3_8B H100 --batch-size 32
  $ mlsysim --output json eval Llama3_8B H100
  $ mlsysim explain Llama3_8B H100 compute.latency --depth 2
  $ mlsysim schema --type plan > schema.json`);
  for (const register of [registerZoo, registerEval, registerServe, registerOptimize, registerSweep, registerExplain,
    registerSensitivity, registerSeek, registerSchema]) {
    register(program, state);
  }
  // Subcommands report their errors the same way (commander copies settings only at creation).
  for (const c of program.commands) {
    c.exitOverride().showSuggestionAfterError().configureOutput(program.configureOutput());
    for (const sub of c.commands) sub.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const format = scanFormat(argv);
  const state: CliState = { code: 0 };
  try {
    const program = buildProgram(state, format);
    await program.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (e.exitCode === 0) return 0;
      if (format === 'json' && e.code !== 'commander.help' && e.code !== 'commander.helpDisplayed') printError(format, errorReport(e));
      return 1 satisfies ExitCode;
    }
    printError(format, errorReport(e));
    return 1;
  }
}
