/** The node walls 1–3 (physics.md §4) and the execution unit they share (§4.0). */
import type { CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { bindingPartCells } from './binding.js';
import { computeCells } from './compute.js';
import { executionUnitCells } from './execution-unit.js';
import { memoryCells } from './memory.js';
import { softwareCells } from './software.js';

export function nodeWallCells(ctx: BuildContext): CellDef[] {
  return [...executionUnitCells(ctx), ...computeCells(ctx), ...memoryCells(ctx), ...softwareCells(ctx), ...bindingPartCells(ctx)];
}

export { executionUnitCells, stepName } from './execution-unit.js';
export { computeCells, judgeCompute, wallOneBottleneck } from './compute.js';
export { memoryCells } from './memory.js';
export { judgeMemory, memoryStatusCells } from './memory-status.js';
export {
  effectiveBandwidth, hasSram, hostBytes, isTwoTier, mainTierBytes, MEMORY_REGIMES, memoryRegime, tierTime,
} from './memory-tiers.js';
export type { MemoryRegime, TierBandwidths, TrafficSplit } from './memory-tiers.js';
export { EFFICIENCY_TABLE, efficiencyEstimate, judgeSoftware, KERNEL_CLASSES, OVERHEAD_BOUND_FRACTION, softwareCells } from './software.js';
export type { KernelClass } from './software.js';
export { bindingPartCells, rooflineOwner } from './binding.js';
export { crossoverBatch, decodeIntensity, decodeIntensityCeiling, maxContextForComputeBound } from './decode-crossover.js';
