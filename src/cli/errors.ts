/**
 * Exit codes and errors → one line. Every failure the CLI reports is bad input (exit 1):
 * an unknown name, a bad flag value, a missing file, an invalid plan. Unexpected errors also
 * exit 1, with a hint to report them; no stack trace is ever printed.
 */
import { CommanderError } from 'commander';
import { UnitError } from '../graph/index.js';
import { EntryValidationError, UnknownEntryError } from '../registry/index.js';
import { ScenarioInputError } from '../scenario/index.js';
import { oneLine } from './output.js';

export { oneLine };

/** 0 ok, 1 bad input, 2 infeasible, 3 assert violated (physics.md §11.6). */
export type ExitCode = 0 | 1 | 2 | 3;

/** Bad input found by the CLI itself (flags, files, cell ids). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(readonly title: string, message: string) {
    super(message);
  }
}

export interface ErrorReport {
  readonly title: string;
  /** One line. */
  readonly reason: string;
}

function titleForInput(e: ScenarioInputError): string {
  const root = e.path.split(/[.[]/)[0];
  if (/unknown|not a known/i.test(e.message) && /^(workload|hardware|model|region|system|ops)/.test(root)) {
    const what = /Unknown (\w+)/.exec(e.message)?.[1];
    if (what) return `Unknown ${what}`;
  }
  if (root === 'set' || root === 'overrides') return 'Invalid --set';
  return 'Invalid plan';
}

/** Any thrown value → the title and one-line reason the CLI prints. */
export function errorReport(e: unknown): ErrorReport {
  if (e instanceof CliError) return { title: e.title, reason: oneLine(e.message) };
  if (e instanceof ScenarioInputError) return { title: titleForInput(e), reason: oneLine(e.message) };
  if (e instanceof UnknownEntryError) return { title: `Unknown ${e.kind}`, reason: oneLine(e.message) };
  if (e instanceof EntryValidationError) return { title: `Invalid ${e.kind}`, reason: oneLine(e.message) };
  if (e instanceof UnitError) return { title: 'Bad unit', reason: oneLine(e.message) };
  if (e instanceof CommanderError) return { title: 'Bad command line', reason: oneLine(e.message.replace(/^error:\s*/, '')) };
  if (e instanceof RangeError) return { title: 'Bad flag value', reason: oneLine(e.message) };
  const msg = e instanceof Error ? e.message : String(e);
  return { title: 'Internal error', reason: `${oneLine(msg)} (this is a bug in mlsysim; please report it with the command you ran)` };
}
