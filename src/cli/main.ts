/**
 * `mlsysim` entry point. Returns the exit code (0 ok, 1 bad input, 2 infeasible,
 * 3 assert violated) instead of exiting, so tests and the bin wrapper share one path.
 * Nothing here prints a stack trace: every error becomes one line (or a JSON error object).
 */
import { Command, CommanderError, Option } from 'commander';
import type { CliState } from './command.js';
import type { ErrorReport, ExitCode } from './errors.js';
import { FORMATS, guardBrokenPipes, oneLine, type OutputFormat, printError, writeErr, writeOut } from './output.js';
import { packageVersion } from './version.js';

type Register = (program: Command, state: CliState) => void;

/**
 * The commands, in help order, each loaded only when it runs: a command module pulls in the
 * scenario layer (zod schemas, yaml, the physics), so `mlsysim --help` or `mlsysim zoo` should
 * not pay for what `sweep` or `optimize` need (docs/performance.md #6).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  zoo: () => import('./commands/zoo.js').then((m) => m.registerZoo),
  eval: () => import('./commands/eval.js').then((m) => m.registerEval),
  serve: () => import('./commands/serve.js').then((m) => m.registerServe),
  optimize: () => import('./commands/optimize.js').then((m) => m.registerOptimize),
  sweep: () => import('./commands/sweep.js').then((m) => m.registerSweep),
  explain: () => import('./commands/explain.js').then((m) => m.registerExplain),
  sensitivity: () => import('./commands/sensitivity.js').then((m) => m.registerSensitivity),
  seek: () => import('./commands/seek.js').then((m) => m.registerSeek),
  schema: () => import('./commands/schema.js').then((m) => m.registerSchema),
  validate: () => import('./commands/validate.js').then((m) => m.registerValidate),
  calibrate: () => import('./commands/calibrate.js').then((m) => m.registerCalibrate),
  mcp: () => import('./commands/mcp.js').then((m) => m.registerMcp),
};

/**
 * The command argv names, if it is one of ours: the first word that is not an option (global
 * `--output X` skipped). Anything else — no command, `help`, a typo — gets every command
 * registered, for the command list and commander's "did you mean".
 */
export function scanCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (a === '--output' || a === '-o') i++;
    else if (!a.startsWith('-')) return Object.hasOwn(COMMANDS, a) ? a : undefined;
  }
  return undefined;
}

/** The --output value as written anywhere in argv (needed before commander has parsed, for errors). */
function scanFormat(argv: readonly string[]): OutputFormat {
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

/** The program with the command argv names registered (all of them when it names none of ours). */
async function buildProgram(state: CliState, format: OutputFormat, argv: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('mlsysim')
    .description('First-principles calculator for ML systems: how fast, how big, how costly, how green.')
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('-o, --output <format>', 'output format: text, json, markdown, csv for tables, or html for eval (before or after the command)')
      .choices([...FORMATS]).default('text'))
    .exitOverride()
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeErr,
      writeOut,
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
  const named = scanCommand(argv);
  const loaders = named ? [COMMANDS[named]] : Object.values(COMMANDS);
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, state);
  // Subcommands report their errors the same way (commander copies settings only at creation).
  for (const c of program.commands) {
    c.exitOverride().showSuggestionAfterError().configureOutput(program.configureOutput());
    for (const sub of c.commands) sub.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  guardBrokenPipes();
  const format = scanFormat(argv);
  const state: CliState = { code: 0 };
  try {
    const program = await buildProgram(state, format, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (e.exitCode === 0) return 0;
      if (format === 'json' && e.code !== 'commander.help' && e.code !== 'commander.helpDisplayed') printError(format, await report(e));
      return 1 satisfies ExitCode;
    }
    printError(format, await report(e));
    return 1;
  }
}

/** errors.ts knows every error class of the layers below, so it is loaded only when something failed. */
async function report(e: unknown): Promise<ErrorReport> {
  const { errorReport } = await import('./errors.js');
  return errorReport(e);
}
