/**
 * The one error class src/persist throws. Every message is a sentence a user can act on
 * ("storage is full: …", "the link is too large: …"); `code` lets the UI pick a tone and tests
 * tell the refusals apart without matching text.
 */

/**
 * - `corrupt`: stored or transported bytes that are not a workbook at all (garbage in
 *   IndexedDB, a link that is not base64url / deflate / UTF-8 / JSON).
 * - `invalid`: well-formed data that breaks the workbook schema (the message names the field).
 * - `too_large`: over a stated size limit (limits.ts).
 * - `hostile`: keys that could reach an object prototype (`__proto__`, `constructor`,
 *   `prototype`) or absurd nesting.
 * - `quota`: the browser refused to store more.
 * - `newer_version`: written by a newer app than this one.
 * - `unavailable`: a browser API is missing (IndexedDB, CompressionStream) or failed.
 * - `not_found`: no workbook or example with that id.
 */
type PersistErrorCode =
  | 'corrupt' | 'invalid' | 'too_large' | 'hostile' | 'quota' | 'newer_version' | 'unavailable' | 'not_found';

export class PersistError extends Error {
  override readonly name = 'PersistError';
  readonly code: PersistErrorCode;

  constructor(code: PersistErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** The same error with `where` prefixed ("shared link: …", "plan.yaml: …"). */
  within(where: string | undefined): PersistError {
    if (!where) return this;
    return new PersistError(this.code, `${where}: ${this.message}`, { cause: this.cause ?? this });
  }
}

/** A thrown value as one line of text (for "…: <reason>" messages). */
export function reasonOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
