/**
 * Tensor, pipeline, expert and context parallelism in inference and serving (physics.md Amendments,
 * "Parallelism outside training"): the layout cells and wall 14's decode-step cells of a
 * scenario whose devices split one model. Present only then; one device keeps today's graph.
 */
import type { CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { contextParallelPrefillCells } from './cp-cells.js';
import { parallelDecodeCells } from './decode-cells.js';
import { parallelLayoutCells } from './layout-cells.js';

export { hasParallelLayout } from './layout-cells.js';
export type { PassResult, Shard } from './shard.js';

export function parallelInferenceCells(ctx: BuildContext): CellDef[] {
  return [...parallelLayoutCells(ctx), ...parallelDecodeCells(ctx), ...contextParallelPrefillCells(ctx)];
}
