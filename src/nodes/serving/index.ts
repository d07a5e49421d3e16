/** The serving walls 4–7 (physics.md §5). */
import type { CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { batchingWall } from './batching.js';
import { servingWall } from './serving.js';
import { streamingWall } from './streaming.js';
import { tailLatencyWall } from './tail-latency.js';

/** Walls 4–7 for a scenario; which cells exist depends on the mode, family and device. */
export function servingWalls(ctx: BuildContext): CellDef[] {
  return [...servingWall(ctx), ...batchingWall(ctx), ...streamingWall(ctx), ...tailLatencyWall(ctx)];
}

export { batchingWall, servingWall, streamingWall, tailLatencyWall };
export { planCapacity } from './capacity.js';
export type { CapacityBottleneck, CapacityPlan, CapacityQuestion } from './capacity.js';
