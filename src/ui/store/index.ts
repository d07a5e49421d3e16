export type { CellValues } from './cell-values.js';
export { createCellValues } from './cell-values.js';
export type { Trace, TraceEntry } from './trace.js';
export { buildTrace } from './trace.js';
export type { InputCommit, InputEdit, Relation, WorkbenchOptions, WorkbenchStore } from './workbench-store.js';
export { createWorkbenchStore, DEFAULT_HIGHLIGHT_MS } from './workbench-store.js';
export type { ScenarioDesc, ScenarioExtras } from './scenario-desc.js';
export { DEFAULT_DESC, entryLabel, fromScenario, toScenario, toScenarioDocument, withChoice } from './scenario-desc.js';
export type { DecodedState, ViewState } from './url-state.js';
export { decodeViewState, DEFAULT_VIEW, encodeViewState } from './url-state.js';
export type { UndoStack } from './undo-stack.js';
export { createUndoStack } from './undo-stack.js';
export type { RevealRequest, ViewStore } from './view-store.js';
export { createViewStore } from './view-store.js';
export type { Choice, DescBuild, RebuildResult, ScenarioStore, ScenarioStoreOptions } from './scenario-store.js';
export { buildDesc, createScenarioStore } from './scenario-store.js';
export type { SweepRunState, SweepStatus, SweepStore, SweepStoreOptions } from './sweep-store.js';
export { createSweepStore } from './sweep-store.js';
export type { ResolvedAxis, ResolvedOutput, SweepPlan } from './sweep-plan.js';
export { defaultAxis, defaultSpec, HEADLINE_OUTPUTS, headlineOutputs, MAX_CELL_VALUES, MAX_POINTS, MIN_POINTS, planSweep, SweepSpecError } from './sweep-plan.js';
export type { RunOptions, RunOutcome, SweepResult } from './sweep-runner.js';
export { runSweep, yieldMacrotask } from './sweep-runner.js';
export type { HashParts } from './url-hash.js';
export { joinHash, splitHash } from './url-hash.js';
export type { MessageTone, SessionMessage } from './session-messages.js';
export type { SaveState, SessionCore, SweepSpecs, WorkbookSession, WorkbookSessionOptions } from './workbook-session.js';
export { createWorkbookSession } from './workbook-session.js';
export type { ImportedFile, WorkbookLibrary } from './workbook-library.js';
export {
  activeScenario, addScenario, canonicalJson, deleteScenario, newWorkbook, renameScenario, scenarioOf, sweepSpecs, withActive,
  withNotes, withScenarioDoc, withSweeps,
} from './workbook-doc.js';
