/**
 * Workbooks that outlive the tab: IndexedDB storage, autosave, undo/redo, schema versions
 * and migrations, .json and plan-YAML files, share links, and the shipped examples.
 * Browser APIs only (no solid-js, no DOM rendering); a missing API is PersistError('unavailable').
 */
export type { PersistErrorCode } from './errors.js';
export { PersistError } from './errors.js';
export {
  formatBytes, MAX_LINK_PAYLOAD_CHARS, MAX_NAME_LENGTH, MAX_NESTING_DEPTH, MAX_WORKBOOK_JSON_BYTES,
} from './limits.js';
export { assertSafeData, FORBIDDEN_KEYS } from './safe-data.js';
export type { Migrated, Migration } from './migrate.js';
export {
  CURRENT_WORKBOOK_VERSION, documentVersion, migrateDocument, MIGRATIONS, OLDEST_WORKBOOK_VERSION,
} from './migrate.js';
export type { ReadResult } from './document.js';
export { readWorkbook, readWorkbookJson, validateWorkbook, workbookToJson } from './document.js';
export { cleanName, newId, uniqueName } from './naming.js';
export type { KeyValueBackend, StorageKey } from './backend.js';
export { DATABASE_NAME, idbBackend, OBJECT_STORE_NAME, workbookIdbStore } from './backend.js';
export type { BrokenEntry, SaveOptions, WorkbookList, WorkbookStoreOptions, WorkbookSummary } from './store.js';
export { LAST_OPENED_KEY, WORKBOOK_KEY_PREFIX, WorkbookStore } from './store.js';
export type { AutosaveOptions, Autosaver } from './autosave.js';
export { createAutosaver } from './autosave.js';
export type { History, HistoryOptions } from './history.js';
export { createHistory, DEFAULT_HISTORY_LIMIT } from './history.js';
export { decodeBase64url, encodeBase64url } from './base64url.js';
export {
  decodeFragment, decodeWorkbook, encodeWorkbook, fragmentPayload, importFromLink, LINK_PARAM, workbookToFragment,
} from './codec.js';
export type { ExportedFile, PlanImport } from './files.js';
export {
  exportScenarioPlan, exportWorkbookFile, fileStem, importPlanFile, importWorkbookFile, planToWorkbook,
  PLAN_MIME_TYPE, readWorkbookFile, WORKBOOK_MIME_TYPE,
} from './files.js';
export type { ExampleInfo } from './examples.js';
export { exampleWorkbook, listExamples, openExample } from './examples.js';
