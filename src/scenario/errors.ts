/**
 * Bad input in a scenario, plan or workbook. Every message names the full field path and
 * the rule it broke: "hardware.accelerators must be an integer ≥ 1 (got 0)",
 * "workload.stray_field is not a known key (allowed: name, batch_size, seq_len)".
 *
 * `ScenarioInputError` is the one error class src/scenario throws for bad input; the CLI maps
 * it to exit code 1.
 */

/** One problem: the field path ('' = the whole document) and the full message line. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

export interface ScenarioInputErrorOptions {
  /** File the text came from, prefixed to the message ("plan.yaml: …"). */
  readonly filename?: string;
  /** Closest existing ids for an unknown id, best first. */
  readonly suggestions?: readonly string[];
  /** 1-based line and column for syntax errors. */
  readonly line?: number;
  readonly column?: number;
}

export class ScenarioInputError extends Error {
  override readonly name = 'ScenarioInputError';
  /** Path of the first problem ("workload.batch_size"; '' for the whole document). */
  readonly path: string;
  /** Every problem found, in document order; the first is `path`. */
  readonly problems: readonly InputProblem[];
  readonly suggestions: readonly string[];
  readonly filename?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(problems: readonly InputProblem[], options: ScenarioInputErrorOptions = {}) {
    const where = options.filename ? `${options.filename}${options.line ? `:${options.line}:${options.column ?? 1}` : ''}: ` : '';
    const body = problems.length === 1
      ? problems[0].message
      : `${problems.length} problems:\n  ${problems.map((p) => p.message).join('\n  ')}`;
    super(where + body);
    this.path = problems[0]?.path ?? '';
    this.problems = problems;
    this.suggestions = options.suggestions ?? [];
    this.filename = options.filename;
    this.line = options.line;
    this.column = options.column;
  }

  /** One problem at `path`; `message` follows the path ("must be …"). */
  static at(path: string, message: string, options: ScenarioInputErrorOptions = {}): ScenarioInputError {
    return new ScenarioInputError([{ path, message: path ? `${path} ${message}` : message }], options);
  }

  /** The same problems, attributed to a file. */
  withFilename(filename: string | undefined): ScenarioInputError {
    if (!filename || this.filename) return this;
    return new ScenarioInputError(this.problems, {
      filename, suggestions: this.suggestions, line: this.line, column: this.column,
    });
  }
}

/** The part of a zod issue the formatter reads (structural, so zod's issue union fits). */
export interface IssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly IssueLike[])[];
  /** For invalid_key: why the key itself was refused. */
  readonly issues?: readonly IssueLike[];
}

/** ['hardware', 'accelerators'] → "hardware.accelerators"; indices as [i]; dotted keys quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(String(part))) out += `${out ? '.' : ''}${String(part)}`;
    else out += `['${String(part)}']`;
  }
  return out;
}

const UNKNOWN_KEY = 'is not a known key';

/**
 * Unions: report the branch that matched the input's shape (the one without a type error at
 * its root) so a bad field inside a custom entry is named, not "invalid input".
 */
function flatten(issue: IssueLike, prefix: readonly PropertyKey[]): { path: readonly PropertyKey[]; issue: IssueLike }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors) {
    const shaped = issue.errors.filter((branch) =>
      branch.length > 0 && !branch.some((b) => b.path.length === 0 && b.code === 'invalid_type'));
    if (shaped.length === 1) return shaped[0].flatMap((b) => flatten(b, path));
  }
  if (issue.code === 'invalid_key' && issue.issues?.[0]) {
    // A record key that breaks its rule: name the map, and say it is the key that is wrong.
    return [{ path: path.slice(0, -1), issue: { ...issue, message: `key ${issue.issues[0].message}` } }];
  }
  if (issue.code === 'unrecognized_keys' && issue.keys?.length === 1 && issue.message.startsWith(UNKNOWN_KEY)) {
    return [{ path: [...path, issue.keys[0]], issue }];
  }
  return [{ path, issue }];
}

/**
 * One problem per issue, each "<path> <message>". `document` names the root when the issue
 * is about the whole document ("plan must be a plan map …").
 */
export function formatIssues(issues: readonly IssueLike[], document: string): InputProblem[] {
  const out: InputProblem[] = [];
  const seen = new Set<string>();
  for (const top of issues) {
    for (const { path, issue } of flatten(top, [])) {
      const where = formatPath(path);
      const message = `${where || document} ${issue.message}`;
      if (seen.has(message)) continue;
      seen.add(message);
      out.push({ path: where, message });
    }
  }
  return out;
}

/** A ScenarioInputError from zod issues. */
export function issuesError(
  issues: readonly IssueLike[], document: string, options: ScenarioInputErrorOptions = {},
): ScenarioInputError {
  return new ScenarioInputError(formatIssues(issues, document), options);
}
