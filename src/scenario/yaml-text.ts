/**
 * The scenario layer's text face: JSON/YAML text → scenarios and plans (syntax errors reported
 * by line and column), and a scenario → plan YAML. YAML 1.2 (core schema) is a superset of
 * JSON, so one parser reads both.
 *
 * The only module of src/scenario that imports the `yaml` package, and deliberately not
 * re-exported by index.ts: the CLI and tests import it directly, and the browser loads it
 * (≈ 30 kB gzip with the parser) only when a plan file is imported or exported
 * (persist/files.ts), so the page's first load does not carry it.
 */
import { parseDocument, stringify } from 'yaml';
import type { Registry } from '../registry/index.js';
import { ScenarioInputError } from './errors.js';
import { documentKind, loadScenario } from './load.js';
import { scenarioToPlan } from './plan-export.js';
import type { PlanExport } from './plan-export.js';
import { loadPlan } from './plan.js';
import type { LoadOptions, LoadResult } from './plan.js';
import type { Scenario } from './schema.js';

/**
 * The parser's message and the offending line: "at line 2, column 9: Unexpected , in flow map
 * — line 2: `  "a": 1,, "b": 2`" (or "(end of file)" when the parser ran out of text).
 */
function syntaxMessage(text: string, message: string, pos: { line: number; col: number } | undefined): string {
  const why = message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  if (!pos) return why;
  const lines = text.split(/\r?\n/);
  const line = lines[pos.line - 1];
  const shown = line === undefined || (line.trim() === '' && pos.line >= lines.length)
    ? '(end of file)'
    : `\`${line.length > 80 ? `${line.slice(0, 77)}…` : line}\``;
  return `at line ${pos.line}, column ${pos.col}: ${why} — line ${pos.line}: ${shown}`;
}

/** Parses one document; throws ScenarioInputError (with line/col) for malformed or empty text. */
export function parseText(text: string, document: string, filename?: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    throw new ScenarioInputError(
      [{ path: '', message: `${document} is not valid YAML or JSON${pos ? ' ' : ': '}${syntaxMessage(text, err.message, pos)}` }],
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

/** A plan as YAML (or JSON) text → a scenario. Throws ScenarioInputError for bad input. */
export function loadPlanText(text: string, options: LoadOptions = {}): LoadResult {
  return loadPlan(parseText(text, 'plan', options.filename), options);
}

/** Scenario text (JSON or YAML) → a scenario. Throws ScenarioInputError for bad input. */
export function loadScenarioText(text: string, options: LoadOptions = {}): LoadResult {
  return loadScenario(parseText(text, 'scenario', options.filename), options);
}

/** A plan or a scenario, told apart by documentKind (for `mlsysim eval <file>`). */
export function loadDocumentText(text: string, options: LoadOptions = {}): LoadResult & { kind: 'plan' | 'scenario' } {
  const data = parseText(text, 'document', options.filename);
  const kind = documentKind(data);
  return { kind, ...(kind === 'plan' ? loadPlan(data, options) : loadScenario(data, options)) };
}

/** Writes `scenario` as mlsysim plan YAML (scenarioToPlan); throws ScenarioInputError for custom models/devices. */
export function planToYaml(scenario: Scenario, reg?: Registry): PlanExport {
  const { plan, dropped } = scenarioToPlan(scenario, reg);
  return { yaml: stringify(plan), dropped };
}
