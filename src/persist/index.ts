/**
 * Workbooks that outlive the tab: IndexedDB storage, autosave, schema versions
 * and migrations, .json and plan-YAML files, share links, and the shipped examples.
 * Browser APIs only (no solid-js, no DOM rendering); a missing API is PersistError('unavailable').
 */
export { PersistError } from './errors.js';
export {
  formatBytes, MAX_LINK_PAYLOAD_CHARS, MAX_NAME_LENGTH, MAX_NESTING_DEPTH, MAX_WORKBOOK_JSON_BYTES,
} from './limits.js';
export { assertSafeData } from './safe-data.js';
export { CURRENT_WORKBOOK_VERSION, migrateDocument, MIGRATIONS, OLDEST_WORKBOOK_VERSION } from './migrate.js';
export { readWorkbook, readWorkbookJson, workbookToJson } from './document.js';
export { cleanName, newId, uniqueName } from './naming.js';
export type { KeyValueBackend, StorageKey } from './backend.js';
export { idbBackend, workbookIdbStore } from './backend.js';
export type { WorkbookList } from './store.js';
export { LAST_OPENED_KEY, WorkbookStore } from './store.js';
export { createAutosaver } from './autosave.js';
export { decodeBase64url, encodeBase64url } from './base64url.js';
export { decodeWorkbook, encodeWorkbook, LINK_PARAM } from './codec.js';
export type { ExportedFile } from './files.js';
export { exportScenarioPlan, exportWorkbookFile, planToWorkbook, readWorkbookFile } from './files.js';
export type { ExampleInfo } from './examples.js';
export { exampleWorkbook, listExamples } from './examples.js';
