export type { CellValues } from './cell-values.js';
export { createCellValues } from './cell-values.js';
export type { Trace, TraceEntry } from './trace.js';
export { buildTrace } from './trace.js';
export type { InputCommit, InputEdit, WorkbenchStore } from './workbench-store.js';
export { createWorkbenchStore } from './workbench-store.js';
export type { ScenarioDesc } from './scenario-desc.js';
export { DEFAULT_DESC, entryLabel, fromScenario, toScenario, toScenarioDocument, withChoice } from './scenario-desc.js';
export { fleetText } from './choice-words.js';
export type { ViewState } from './url-state.js';
export { decodeViewState, DEFAULT_VIEW, encodeViewState } from './url-state.js';
export { createUndoStack } from './undo-stack.js';
export type { ViewStore } from './view-store.js';
export { createViewStore } from './view-store.js';
export type { ScenarioStore } from './scenario-store.js';
export { buildDesc, createScenarioStore } from './scenario-store.js';
export type { SweepRunState, SweepStore, SweepStoreOptions } from './sweep-store.js';
export { createSweepStore } from './sweep-store.js';
export type { ResolvedAxis, SweepPlan } from './sweep-plan.js';
export { defaultAxis, defaultSpec, headlineOutputs, planSweep, SweepSpecError } from './sweep-plan.js';
export type { RunOptions, SweepResult } from './sweep-runner.js';
export { runSweep } from './sweep-runner.js';
export type { HashParts } from './url-hash.js';
export { joinHash, splitHash } from './url-hash.js';
export type { SessionMessage } from './session-messages.js';
export type { SaveState, SessionCore, SweepSpecs, WorkbookSession } from './workbook-session.js';
export { createWorkbookSession } from './workbook-session.js';
export type { ImportedFile, WorkbookLibrary } from './workbook-library.js';
export {
  addScenario, canonicalJson, deleteScenario, newWorkbook, renameScenario, scenarioOf, sweepSpecs, withActive,
  withNotes, withScenarioDoc, withSweeps,
} from './workbook-doc.js';
