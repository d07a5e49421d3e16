export type { CellValues } from './cell-values.js';
export { createCellValues } from './cell-values.js';
export type { Trace, TraceEntry } from './trace.js';
export { buildTrace } from './trace.js';
export type { InputCommit, Relation, WorkbenchOptions, WorkbenchStore } from './workbench-store.js';
export { createWorkbenchStore, DEFAULT_HIGHLIGHT_MS } from './workbench-store.js';
