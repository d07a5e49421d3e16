/**
 * Files: a workbook as a `.json` file (pretty, schema_version first) and a scenario as an
 * mlsysim plan (`mlsys.yaml`). Imports go through the same checks as share links; the page
 * stores what they read as a NEW workbook (WorkbookStore.add).
 *
 * The plan functions are async: they load scenario/yaml-text.ts (with the `yaml` package,
 * ≈ 30 kB gzip) on first use, so the page's first load does not carry it.
 */
import { loadPlan, ScenarioInputError, WORKBOOK_SCHEMA_VERSION } from '../scenario/index.js';
import type { PlanExport, Workbook } from '../scenario/index.js';
import { readWorkbookJson, workbookToJson } from './document.js';
import { PersistError } from './errors.js';
import { newId, nowIso } from './naming.js';
import { assertJsonSize, assertSafeData } from './safe-data.js';

const WORKBOOK_MIME_TYPE = 'application/json';
const PLAN_MIME_TYPE = 'application/yaml';

export interface ExportedFile {
  /** A safe file name ("My_workbook.json"). */
  readonly filename: string;
  readonly mimeType: string;
  readonly text: string;
}

/** A name → a file name stem safe on every OS (letters, digits, space, _ . -; ≤ 80 characters). */
function fileStem(name: string, fallback: string): string {
  const stem = name.normalize('NFKD').replace(/[^A-Za-z0-9 _.-]+/g, '_').replace(/\s+/g, '_')
    .replace(/_+/g, '_').replace(/^[._-]+|[._-]+$/g, '').slice(0, 80);
  return stem || fallback;
}

/** A workbook → its `.json` file. Throws PersistError for an invalid or over-large workbook. */
export function exportWorkbookFile(workbook: Workbook): ExportedFile {
  return {
    filename: `${fileStem(workbook.name, 'workbook')}.json`,
    mimeType: WORKBOOK_MIME_TYPE,
    text: `${workbookToJson(workbook, { pretty: true })}\n`,
  };
}

/** A `.json` file's text → a validated current workbook (migrated). Throws PersistError. */
export function readWorkbookFile(text: string, filename?: string): Workbook {
  try {
    return readWorkbookJson(text, 'the file').workbook;
  } catch (e) {
    throw e instanceof PersistError ? e.within(filename) : e;
  }
}

/**
 * One scenario of a workbook → an mlsysim plan. `dropped` lists what the plan format cannot
 * express (the UI shows it). Rejects with PersistError('not_found' | 'invalid').
 */
export async function exportScenarioPlan(workbook: Workbook, scenarioId: string): Promise<ExportedFile & PlanExport> {
  const entry = workbook.scenarios.find((s) => s.id === scenarioId);
  if (!entry) throw new PersistError('not_found', `workbook '${workbook.name}' has no scenario with id '${scenarioId}'`);
  const { planToYaml } = await import('../scenario/yaml-text.js');
  try {
    const { yaml, dropped } = planToYaml(entry.scenario);
    return { filename: `${fileStem(entry.name, 'plan')}.mlsys.yaml`, mimeType: PLAN_MIME_TYPE, text: yaml, yaml, dropped };
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new PersistError('invalid', `scenario '${entry.name}' cannot be written as a plan: ${e.message}`, { cause: e });
    throw e;
  }
}

interface PlanImport {
  readonly workbook: Workbook;
  /** Notes from reading the plan (legacy keys, assumed layouts). */
  readonly warnings: string[];
}

/** Plan text → a workbook (not stored) holding that plan as its one scenario. Rejects with PersistError. */
export async function planToWorkbook(text: string, options: { filename?: string; now?: () => Date } = {}): Promise<PlanImport> {
  const { filename } = options;
  const { parseText } = await import('../scenario/yaml-text.js');
  try {
    assertJsonSize(text, 'the plan');
    const data = parseText(text, 'plan', filename);
    assertSafeData(data, 'the plan');
    const { scenario, warnings } = loadPlan(data, { filename });
    const name = scenario.name ?? (filename ? filename.replace(/(\.mlsys)?\.(ya?ml|json)$/i, '') : 'Imported plan');
    const at = nowIso(options.now);
    const scenarioId = 'scenario-1';
    const workbook: Workbook = {
      schema_version: WORKBOOK_SCHEMA_VERSION, id: newId(), name, created: at, updated: at,
      scenarios: [{ id: scenarioId, name, scenario }], sweeps: [], notes: '', active_scenario_id: scenarioId,
    };
    return { workbook, warnings };
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new PersistError('invalid', e.message, { cause: e });
    throw e instanceof PersistError ? e.within(filename) : e;
  }
}
