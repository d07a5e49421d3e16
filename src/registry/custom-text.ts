/**
 * Custom entries written as JSON or YAML text (a file, a pasted document, a config.json): the
 * text → a plain value for the object path of custom.ts. A module of its own because it
 * holds the YAML parser (≈ 30 kB gzip), which the browser loads only when the user pastes or
 * imports text; code that builds entries from objects imports custom.ts alone.
 */
import { parse as parseYaml } from 'yaml';
import { EntryValidationError } from './errors.js';

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
