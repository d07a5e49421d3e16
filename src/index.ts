/**
 * The public library: what `import … from 'mlsysim'` gives. A deliberate surface, documented
 * in docs/library.md; engine internals (evaluation steps, the compiled sweep, code generation,
 * the physics' cell factories) are not exported from here.
 *
 *   ask a question      SystemEvaluator, evaluate, buildScenario, loadPlan …
 *   read the answer     scorecard, wallBoard, bindingWall, checkAsserts, textScorecard …
 *   the catalogue       registry, Models, Hardware, Infra, Systems, Scenarios, Datasets, zoo
 *   the reactive graph  LiveGraph, sweep, sensitivity, goalSeek, derived, input, Inputs …
 */

// ---- ask a question ---------------------------------------------------------------------
export type { SystemSpec } from './scenario/system-evaluator.js';
export { SystemEvaluation, SystemEvaluator } from './scenario/system-evaluator.js';
export type {
  AssertResult, AssertSpec, BuildOptions, BuiltScenario, EvaluateOptions, Evaluation, LayoutChoice, MetricKey, Plan, Scenario,
  ScenarioMode, Workbook,
} from './scenario/index.js';
export {
  buildScenario, evaluate, evaluateBuilt, loadPlan, loadScenario, planToScenario, scenarioToPlan, ScenarioInputError,
} from './scenario/index.js';
export { loadDocumentText, loadPlanText, loadScenarioText, planToYaml } from './scenario/yaml-text.js';

// ---- read the answer --------------------------------------------------------------------
export type { BoardStatus, Lens, LensStatus, Metric, Scorecard, WallRow } from './scenario/index.js';
export {
  bindingWall, cellReport, checkAsserts, flatResult, headlineCell, markdownScorecard, METRIC_KEYS, METRIC_UNITS, scorecard,
  textScorecard, wallBoard, WALLS,
} from './scenario/index.js';
export { optimizeBatching, optimizeParallelism, optimizePlacement } from './scenario/index.js';
export { jsonSchemaFor, SCHEMA_TYPES } from './scenario/index.js';

// ---- the catalogue ----------------------------------------------------------------------
export type { Entry, EntryByKind } from './registry/index.js';
export {
  createRegistry, Datasets, Hardware, Infra, modelFromHfConfig, Models, registry, Scenarios, Systems, UnknownEntryError, zoo,
} from './registry/index.js';

// ---- the reactive graph -----------------------------------------------------------------
export type {
  CellDef, CellError, CellValue, DerivedDef, Domain, ErrorKind, InputDef, Plain, SeekResult, SensitivityResult, SweepTable,
} from './graph/index.js';
export {
  derived, fail, formatQuantity, goalSeek, GraphDefinitionError, input, LiveGraph, parseQuantity, range, sensitivity, sweep,
  sweep2d, warn,
} from './graph/index.js';
/** Input descriptors for `derived({ inputs: { x: Inputs.number('a.b') }, … })`. */
export * as Inputs from './graph/inputs.js';
