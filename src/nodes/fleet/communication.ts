/**
 * Wall 14: Communication — training on one device or a fleet, training memory included
 * (physics.md §8, §11.3 row 14). Present in training mode only; the fleet-shape inputs it
 * reads are layer-D cells (system.ts) that every mode has.
 *
 *   inputs (§8.1) ─▶ layout (§8.2) ─▶ params (§8.3) ─▶ microbatch (§8.4) ─▶ step (§8.5)
 *                                          └──────────▶ train memory (§8.6) ─▶ status
 */
import type { CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { contextParallelCells } from './context-parallel.js';
import { dpSyncCells } from './dp-sync.js';
import { trainingInputCells } from './inputs.js';
import { layoutCells } from './layout.js';
import { microbatchCells } from './microbatch.js';
import { paramsCells } from './params.js';
import { stepCells } from './step.js';
import { systemCells } from './system.js';
import { trainMemoryCells } from './train-memory.js';

/** Layer D (every mode): nodes, accelerators per node, NICs, fabric bandwidth and latency. */
export function systemLayer(ctx: BuildContext): CellDef[] {
  return systemCells(ctx);
}

/** Wall 14 (training mode only). */
export function communicationWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'training') return [];
  return [
    ...trainingInputCells(ctx),
    ...layoutCells(ctx),
    ...paramsCells(ctx),
    ...microbatchCells(ctx),
    ...contextParallelCells(ctx),
    ...dpSyncCells(ctx),
    ...stepCells(ctx),
    ...trainMemoryCells(ctx),
  ];
}
