/**
 * The registry's errors: an id that names nothing (with the closest ids), and an entry that
 * fails validation (one line per problem, each naming the field path).
 */

/** Human names of entry kinds, as messages say them ("Unknown hardware 'H10'"). */
const KIND_WORDS: Readonly<Record<string, string>> = {
  hardware: 'hardware',
  model: 'model',
  grid: 'grid',
  cooling: 'cooling tier',
  datacenter: 'datacenter',
  rack_profile: 'rack power profile',
  node: 'node',
  rack: 'rack',
  fabric: 'fabric',
  cluster: 'cluster',
  pod: 'pod',
  scenario: 'scenario',
  dataset: 'dataset',
  system: 'system (hardware or cluster)',
  entry: 'catalogue id',
  category: 'category',
};

/** Thrown when an id names no entry of the requested kind. */
export class UnknownEntryError extends Error {
  override readonly name = 'UnknownEntryError';
  /** Entry kind looked up ('hardware', 'model' …, or 'system' / 'entry' for cross-kind lookups). */
  readonly kind: string;
  readonly id: string;
  /** Closest existing ids, best first (possibly empty). */
  readonly suggestions: readonly string[];

  constructor(kind: string, id: string, suggestions: readonly string[], hint = '') {
    const did = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
    super(`Unknown ${KIND_WORDS[kind] ?? kind} '${id}'.${did}${hint ? ' ' + hint : ''}`);
    this.kind = kind;
    this.id = id;
    this.suggestions = suggestions;
  }
}

/** Thrown when an entry (built-in or custom) breaks the schema or a cross-reference rule. */
export class EntryValidationError extends Error {
  override readonly name = 'EntryValidationError';
  /** 'hardware', 'model', 'grid', 'cluster' … or 'catalog' for the bundled file. */
  readonly kind: string;
  /** One message per problem, each starting with the field path ("hardware.tdp_w must be …"). */
  readonly problems: readonly string[];

  constructor(kind: string, problems: readonly string[]) {
    const head = problems.length === 1 ? `Invalid ${kind}: ` : `Invalid ${kind} (${problems.length} problems):\n  `;
    super(head + problems.join('\n  '));
    this.kind = kind;
    this.problems = problems;
  }
}

/** The part of a zod issue the formatter reads. */
interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** `hardware` + ['peak_tflops', 'fp8'] → "hardware.peak_tflops.fp8"; list indices as [i]. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out;
}

/** One line per issue: "<prefix>.<path> <message>". Schema messages are written to follow a path. */
export function formatIssues(prefix: string, issues: readonly IssueLike[]): string[] {
  return issues.map((issue) => `${formatPath(prefix, issue.path)} ${issue.message}`);
}
