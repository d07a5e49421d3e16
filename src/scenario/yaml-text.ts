/**
 * JSON/YAML text → a plain value, with syntax errors reported by line and column.
 * YAML 1.2 (core schema) is a superset of JSON, so one parser reads both.
 */
import { parseDocument } from 'yaml';
import { ScenarioInputError } from './errors.js';

/** Parses one document; throws ScenarioInputError (with line/col) for malformed or empty text. */
export function parseText(text: string, document: string, filename?: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    const why = err.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
    throw new ScenarioInputError(
      [{ path: '', message: `${document} is not valid YAML or JSON${where}: ${why}` }],
      { filename, line: pos?.line, column: pos?.col },
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved or runaway aliases surface only when the document is converted.
    const why = e instanceof Error ? e.message : String(e);
    throw new ScenarioInputError([{ path: '', message: `${document} is not valid YAML or JSON: ${why}` }], { filename });
  }
  if (value === null || value === undefined) {
    throw new ScenarioInputError([{ path: '', message: `${document} is empty (expected a map of keys)` }], { filename });
  }
  return value;
}
