/**
 * Share links: the whole workbook travels in the URL fragment, so nothing is uploaded and
 * the server never sees it.
 *
 *   workbook → JSON → UTF-8 → deflate-raw → base64url → `#wb=<payload>`
 *
 * Decoding reverses each step with a limit or a check at every one (payload length,
 * alphabet, inflated size, UTF-8, JSON, forbidden keys, schema version, schema), and every
 * refusal is a PersistError whose message starts with "shared link:".
 */
import type { Workbook } from '../scenario/index.js';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { deflateRaw, inflateRaw } from './compression.js';
import { readWorkbookJson, workbookToJson } from './document.js';
import { PersistError } from './errors.js';
import { formatBytes, MAX_LINK_PAYLOAD_CHARS, MAX_WORKBOOK_JSON_BYTES } from './limits.js';

/** Runs a decoding step whose messages are predicates ("is not valid base64url …"): "the data …". */
function withSubject<T>(step: () => T): T {
  try {
    const out = step();
    if (out instanceof Promise) {
      return out.catch((e: unknown) => {
        throw subjectError(e);
      }) as T;
    }
    return out;
  } catch (e) {
    throw subjectError(e);
  }
}

function subjectError(e: unknown): unknown {
  return e instanceof PersistError ? new PersistError(e.code, `the data ${e.message}`, { cause: e }) : e;
}

/** The fragment parameter that carries a workbook: `#wb=<payload>`. */
export const LINK_PARAM = 'wb';
const WHERE = 'shared link';

/** A workbook → the base64url payload (no `#wb=`). Throws PersistError('too_large'). */
export async function encodeWorkbook(workbook: Workbook): Promise<string> {
  const json = workbookToJson(workbook);
  const payload = encodeBase64url(await deflateRaw(new TextEncoder().encode(json)));
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) {
    throw new PersistError('too_large',
      `workbook '${workbook.name}' is too large for a share link (${formatBytes(payload.length)} encoded; the limit is ` +
      `${formatBytes(MAX_LINK_PAYLOAD_CHARS)}); export it as a .json file instead`);
  }
  return payload;
}

/** A base64url payload → a validated current workbook. Throws PersistError ("shared link: …"). */
export async function decodeWorkbook(payload: string): Promise<Workbook> {
  try {
    if (payload.length > MAX_LINK_PAYLOAD_CHARS) {
      throw new PersistError('too_large',
        `the link is too large (${formatBytes(payload.length)} encoded; the limit is ${formatBytes(MAX_LINK_PAYLOAD_CHARS)})`);
    }
    if (payload.length === 0) throw new PersistError('corrupt', 'the link carries no workbook (nothing after #wb=)');
    const bytes = withSubject(() => decodeBase64url(payload));
    const inflated = await withSubject(() => inflateRaw(bytes, MAX_WORKBOOK_JSON_BYTES));
    let json: string;
    try {
      json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    } catch {
      throw new PersistError('corrupt', 'the data does not contain UTF-8 text');
    }
    return readWorkbookJson(json, 'the workbook').workbook;
  } catch (e) {
    throw e instanceof PersistError ? e.within(WHERE) : e;
  }
}
