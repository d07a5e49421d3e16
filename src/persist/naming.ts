/**
 * Ids, names and timestamps for new workbooks. Names are user text: kept exactly as typed
 * (apart from surrounding white space) and never interpreted — a name like
 * `<img src=x onerror=alert(1)>` is stored as those characters, and the UI renders text.
 */
import { PersistError } from './errors.js';
import { MAX_NAME_LENGTH } from './limits.js';

/** A random id: crypto.randomUUID where available (secure contexts), else a v4-shaped fallback. */
export function newId(): string {
  const c: Crypto | undefined = typeof crypto === 'undefined' ? undefined : crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A name typed by the user: trimmed; empty or longer than MAX_NAME_LENGTH is refused. */
export function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new PersistError('invalid', 'a workbook name cannot be empty');
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new PersistError('invalid', `a workbook name can have at most ${MAX_NAME_LENGTH} characters (got ${trimmed.length})`);
  }
  return trimmed;
}

/**
 * `base` if no existing name equals it, else `base (suffix)`, `base (suffix 2)`, … — so an
 * imported, shared or copied workbook never hides one the user already has.
 */
export function uniqueName(base: string, existing: Iterable<string>, suffix: string): string {
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base} (${suffix}${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Now as the ISO 8601 text workbooks store. */
export function nowIso(now: () => Date = () => new Date()): string {
  return now().toISOString();
}
