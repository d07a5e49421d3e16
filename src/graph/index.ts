export type { CellDef, DerivedDef, DerivedSpec, Domain, InputDef, Layer, NamedArgs, Provenance, SourceRef } from './cell.js';
export { cellName, cellScope, derived, input } from './cell.js';
export type { ArgsOf, GateRef, InputKind, InputMap, InputRef } from './inputs.js';
export { acceptsValue, choice, describeKind, flag, gate, number, optChoice, optFlag, optNumber, optText, text, value } from './inputs.js';
export { canonicalValue, checkDomain, describeDomain, normalizeChoice } from './domain.js';
export { blockedBy, checkResult, evaluateDerived, inputValue, isCleanResult, isCleanValue, namedArgs, pinnedValue, runCompute, thrownValue, wrongKind } from './evaluate.js';
export type { CellChange, EditListener, EditResult, SetOutcome } from './live.js';
export { LiveGraph } from './live.js';
export type { ParsedInput } from './parse-input.js';
export { parseInputText } from './parse-input.js';
export type { Sweeper, SweepGrid, SweepTable } from './sweep.js';
export { autoSweeper, COMPILE_THRESHOLD, range, setSweeper, signalSweeper, sweep, sweep2d } from './sweep.js';
export type { CompiledCone } from './compiled-sweep.js';
export { compileCone, compiledSweeper } from './compiled-sweep.js';
export { Topology } from './topology.js';
export type { BaseDimension, Dimension } from './units.js';
export {
  BASE_DIMENSIONS, describeDimension, dimensionOf, NON_NUMERIC_UNITS, parseQuantity, parseUnit, sameDimension,
  scaleFactor, UnitError,
} from './units.js';
export { formatCellValue, formatInUnit, formatNumber, formatPlain, formatQuantity } from './format.js';
export type { DimensionViolation } from './dimensions.js';
export { checkDimensions, DEFAULT_SCALES } from './dimensions.js';
export type { SortResult } from './validate.js';
export { GraphDefinitionError, topoSort, validateDefinitions } from './validate.js';
export type { CellError, CellValue, ComputeResult, ErrorKind, ErrValue, OkValue, Plain, Scalar } from './values.js';
export { ERROR_KINDS, errValue, fail, Failure, numberOf, okValue, sameForTrace, sameValue, warn, Warned } from './values.js';
export { withScratchInputs, writeScratch } from './scratch.js';
export type { Elasticity, ElasticityMethod, SensitivityOptions, SensitivityResult } from './sensitivity.js';
export { sensitivity } from './sensitivity.js';
export type { SeekGoal, SeekOptions, SeekResult } from './goal-seek.js';
export { goalSeek } from './goal-seek.js';
export type { Candidate, Constraint, Objective, SearchAxis, SearchOptions, SearchResult } from './search.js';
export { gridSearch, paretoFront } from './search.js';
