/**
 * A workbook as a document: the one path every source goes through (IndexedDB entries, .json
 * files, share links), and the one way a workbook becomes JSON text.
 *
 * Reading: forbidden keys and nesting (safe-data.ts) → schema version and migrations
 * (migrate.ts) → the current zod workbookSchema, whose messages name the field. Writing:
 * validation, then JSON within MAX_WORKBOOK_JSON_BYTES, so nothing is stored or shared that
 * this app would refuse to read back.
 */
import { formatIssues, workbookSchema } from '../scenario/index.js';
import type { Workbook } from '../scenario/index.js';
import { PersistError } from './errors.js';
import { migrateDocument } from './migrate.js';
import { assertJsonSize, assertSafeData, parseJsonSafely } from './safe-data.js';

interface ReadResult {
  readonly workbook: Workbook;
  /** The schema version the data was written at (below the current one = migrated). */
  readonly fromVersion: number;
}

/** At most this many schema problems are listed in one message. */
const MAX_LISTED_PROBLEMS = 5;

/** Validates a document already at the current version; throws PersistError('invalid'). */
function validateWorkbook(data: unknown, what = 'the workbook'): Workbook {
  const parsed = workbookSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = formatIssues(parsed.error.issues, 'workbook').map((p) => p.message);
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  throw new PersistError('invalid', `${what} is not a valid workbook: ${shown.join('; ')}${more}`);
}

/** Plain data from any source → a current, validated workbook. Throws PersistError. */
export function readWorkbook(data: unknown, what = 'the workbook'): ReadResult {
  assertSafeData(data, what);
  let migrated;
  try {
    migrated = migrateDocument(data);
  } catch (e) {
    if (e instanceof PersistError) throw new PersistError(e.code, `${what} ${e.message}`, { cause: e });
    throw e;
  }
  return { workbook: validateWorkbook(migrated.document, what), fromVersion: migrated.from };
}

/** JSON text from any source → a current, validated workbook. Throws PersistError. */
export function readWorkbookJson(text: string, what = 'the workbook'): ReadResult {
  return readWorkbook(parseJsonSafely(text, what), what);
}

/**
 * A workbook → JSON text (schema_version first), after validating it and checking the size
 * limit. `pretty` indents by two spaces (files); links use the compact form.
 */
export function workbookToJson(workbook: Workbook, options: { pretty?: boolean; what?: string } = {}): string {
  const what = options.what ?? `workbook '${workbook.name}'`;
  const valid = validateWorkbook(workbook, what);
  assertSafeData(valid, what);
  const { schema_version, ...rest } = valid;
  const text = JSON.stringify({ schema_version, ...rest }, null, options.pretty ? 2 : undefined);
  assertJsonSize(text, what);
  return text;
}
