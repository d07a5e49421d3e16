/**
 * Custom entries written as JSON or YAML text (a file, a pasted document, a config.json): the
 * text → a plain value, then the object path of custom.ts. A module of its own because it
 * holds the YAML parser (≈ 30 kB gzip), which the browser loads only when the user pastes or
 * imports text; code that builds entries from objects imports custom.ts alone.
 */
import { parse as parseYaml } from 'yaml';
import type { EntryByKind } from './catalog.js';
import { loadCustomEntries, parseCustomEntry } from './custom.js';
import type { CustomEntryOptions, CustomKind } from './custom.js';
import { EntryValidationError } from './errors.js';
import type { Registry } from './lookup.js';

/**
 * JSON or YAML text → a plain value (YAML 1.2 is a superset of JSON, so one parser reads
 * both); anything that is not a string passes through. Throws EntryValidationError naming
 * `kind` for malformed text.
 */
export function parseDocumentText(kind: string, input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return parseYaml(input);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new EntryValidationError(kind, [`${kind} is not valid JSON or YAML: ${why}`]);
  }
}

/** One custom entry of `kind` from JSON/YAML text (or an object): parseCustomEntry after parsing. */
export function parseCustomEntryText<K extends CustomKind>(
  kind: K,
  input: unknown,
  options: CustomEntryOptions = {},
): EntryByKind[K] {
  return parseCustomEntry(kind, parseDocumentText(kind, input), options);
}

/** A document of several custom entries as JSON/YAML text (or an object): loadCustomEntries after parsing. */
export function loadCustomEntriesText(input: unknown): Registry {
  return loadCustomEntries(parseDocumentText('custom entries', input));
}
