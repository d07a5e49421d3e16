/** Scenario, calibration, precision and hardware cells shared by every wall. */
import type { CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { calibrationCells } from './calibration.js';
import { hardwareCells } from './hardware.js';
import { peakFlopsCells } from './peak-flops.js';
import { precisionCells } from './precision-cells.js';
import { scenarioInputCells } from './scenario-inputs.js';

export function commonCells(ctx: BuildContext): CellDef[] {
  return [...scenarioInputCells(ctx), ...precisionCells(ctx), ...calibrationCells(ctx), ...hardwareCells(ctx), ...peakFlopsCells(ctx)];
}

export { catalogueInput, provenanceOf, spec } from './catalogue-input.js';
export type { CatalogueInputSpec } from './catalogue-input.js';
export { PEAK_FLOPS_IDS, PEAK_KEYS, peakFlopsId } from './hardware.js';
export type { PeakKey } from './hardware.js';
export { amdahlSpeedup } from './iron-law.js';
export { lookupPeakFlops } from './peak-flops.js';
export type { PeakTable } from './peak-flops.js';
export { firstFailure, required } from './plain.js';
export { defaultPrecision } from './precision-cells.js';
export { BYTES_PER_ELEMENT, BYTES_PER_ELEMENT_IDS, bytesPerElementId, defaultKvPrecision } from './precision.js';
export { ATTENTION_CONVENTIONS, MODES } from './scenario-inputs.js';
export type { AttentionConvention } from './scenario-inputs.js';
export { alwaysActive, nearTarget, reasons, statusCells, verdict, WALL_STATUSES } from './status.js';
export { dur, frac, gb } from './status-text.js';
export type { StatusSpec, Verdict, WallStatus } from './status.js';
