/**
 * Untrusted data → plain data that is safe to hand to the schema. Links, files and even
 * IndexedDB entries (another tab, an old build, a browser extension) are untrusted.
 *
 * JSON.parse and structured clone both create an own property named `__proto__` when the
 * input has that key; the first code that copies such an object with `obj[key] = value`
 * (zod's record output does) would replace a prototype instead. So the keys that can reach a
 * prototype are refused outright, anywhere in the document, with the key and its path in the
 * message. Nesting is bounded so a walk over the document cannot blow the stack.
 */
import { PersistError } from './errors.js';
import { formatBytes, MAX_NESTING_DEPTH, MAX_WORKBOOK_JSON_BYTES } from './limits.js';

/** Keys refused anywhere in a document. */
const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

function pathText(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/** Throws PersistError('hostile') ("<what> is refused: …") for a forbidden key or nesting deeper than MAX_NESTING_DEPTH. */
export function assertSafeData(value: unknown, what = 'the data'): void {
  // Iterative depth-first walk: the stack is ours, so a 10 000-deep list cannot overflow it.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length > MAX_NESTING_DEPTH) {
      throw new PersistError('hostile', `${what} is refused: it is nested deeper than ${MAX_NESTING_DEPTH} levels (at ${pathText(path.slice(0, 4))}…)`);
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.includes(key)) {
        throw new PersistError('hostile',
          `${what} is refused: it contains the key '${key}' (at ${pathText([...path, key])}); ` +
          `keys named ${FORBIDDEN_KEYS.join(', ')} are never accepted because they could alter built-in objects`);
      }
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}

/** Bytes of `text` as UTF-8 (without allocating the encoding). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Throws PersistError('too_large') when `text` is over the workbook JSON limit. */
export function assertJsonSize(text: string, what: string): void {
  const bytes = utf8Length(text);
  if (bytes > MAX_WORKBOOK_JSON_BYTES) {
    throw new PersistError('too_large',
      `${what} is too large: ${formatBytes(bytes)} (the limit is ${formatBytes(MAX_WORKBOOK_JSON_BYTES)} of JSON)`);
  }
}

/** JSON text → safe plain data: size limit, syntax, forbidden keys. */
export function parseJsonSafely(text: string, what: string): unknown {
  assertJsonSize(text, what);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new PersistError('corrupt', `${what} is not valid JSON (${why})`);
  }
  assertSafeData(data, what);
  return data;
}
