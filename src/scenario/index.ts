/**
 * What a user describes: scenario / plan / workbook schemas (one zod source for types,
 * validation and JSON Schema), loading with field-path messages, and plan export.
 * JSON/YAML text (loadPlanText, loadScenarioText, loadDocumentText, planToYaml, parseText) is
 * in yaml-text.ts, imported directly and not re-exported here: it holds the YAML parser, which
 * the page's first load leaves out (the page loads it on a plan import or export).
 */
export type { InputProblem, IssueLike, ScenarioInputErrorOptions } from './errors.js';
export { formatIssues, formatPath, issuesError, ScenarioInputError } from './errors.js';
export type { AssertSpec, MetricKey } from './metrics.js';
export { assertBounds, assertSchema, boundValue, isMetricKey, METRIC_KEYS, METRIC_UNITS } from './metrics.js';
export type {
  CustomHardware, CustomModel, FleetInput, Layout, OverrideValue, Scenario, ScenarioMode, ScenarioSweep, SweepAxis,
} from './schema.js';
export {
  fleetSchema, LAYOUT_CELLS, LAYOUTS, MODES, opsSchema, overridesSchema, scenarioSchema, scenarioSweepSchema,
  sweepAxisSchema,
} from './schema.js';
export type { Plan, PlanHardware } from './plan-schema.js';
export { normalizePrecision, planSchema } from './plan-schema.js';
export type { Workbook, WorkbookScenario, WorkbookSweep } from './workbook.js';
export { WORKBOOK_SCHEMA_VERSION, workbookSchema, workbookScenarioSchema, workbookSweepSchema } from './workbook.js';
export type { LoadOptions, LoadResult } from './plan.js';
export { loadPlan, PLAN_CELLS, planToScenario } from './plan.js';
export type { PlanData, PlanExport } from './plan-export.js';
export { scenarioToPlan } from './plan-export.js';
export { acceleratorCount, documentKind, loadScenario, normalizeScenario } from './load.js';
export type { SchemaType } from './json-schema.js';
export { jsonSchemaFor, SCHEMA_TYPES } from './json-schema.js';
export { CELL_ID_PATTERN } from './fields.js';
export type { ResolvedContext } from './context.js';
export { DEFAULT_FABRIC, DEFAULT_REGION, resolveContext } from './context.js';
export type { BuildOptions, BuiltScenario, LayoutChoice } from './build.js';
export { autoLayout, buildScenario, overrideValue, resolveOverrides } from './build.js';
export { layoutText } from './replica-layout.js';
export type { BoardStatus, WallRow } from './board.js';
export { wallBoard } from './board.js';
export type { Binding } from './binding.js';
export { bindingWall } from './binding.js';
export type { Lens, LensStatus, Metric, Scorecard } from './scorecard.js';
export { scorecard, worst } from './scorecard.js';
export type { AssertResult } from './asserts.js';
export { checkAsserts } from './asserts.js';
export type { CellReport, EvaluateOptions, Evaluation } from './evaluate.js';
export { cellReport, evaluate, evaluateBuilt, headlineCell } from './evaluate.js';
export type { FlatValue } from './render.js';
export { flatResult, markdownScorecard, textScorecard } from './render.js';
export type { LensName, WallInfo } from './walls.js';
export { wallInfo, WALLS } from './walls.js';
export type { BatchingOptions, MetricValue, OptimizeCandidate, OptimizeProgress, OptimizeResult, PlacementOptions } from './optimize/index.js';
export { optimizeBatching, optimizeParallelism, optimizePlacement } from './optimize/index.js';
export type { CompareBasis, CompareRoof } from './compare-roof.js';
export { compareRoof } from './compare-roof.js';
export type { SystemSpec } from './system-evaluator.js';
export { SystemEvaluation, SystemEvaluator } from './system-evaluator.js';
export type {
  BottleneckClass, BottleneckSummary, CaseResult, GroupSummary, QuantityReader, ValidateOptions, ValidationReport, ValidationSummary,
} from './validate.js';
export {
  bottleneckClass, medianAbsError, QUANTITY_READERS, runCase, runValidation, selectCases, summarize,
} from './validate.js';
export type { CalibrationCell, CalibrationResult, CalibrationTarget, DeviceProfile, Measurement } from './calibrate.js';
export { CALIBRATION_CELLS, calibrate, parseMeasurement, parseProfile, profileOverrides } from './calibrate.js';
