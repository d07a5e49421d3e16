/**
 * Every cell factory of a scenario graph, in layer order, and the function that concatenates
 * them. Each factory is `(ctx) => CellDef[]`; the structure may depend on ctx.mode and the
 * model family, and the graph is rebuilt when they change.
 */
import type { CellDef } from '../graph/index.js';
import { metricCells, sensitivityInputCells, synthesisCells } from './analysis/index.js';
import { complexityCells } from './algorithm/complexity.js';
import { fidelityCells } from './algorithm/fidelity.js';
import { reasoningCells } from './algorithm/reasoning.js';
import { commonCells } from './common/index.js';
import type { BuildContext, CellFactory } from './context.js';
import { ingestionCells } from './data/ingestion.js';
import { transformationCells } from './data/transformation.js';
import { communicationWall, systemLayer } from './fleet/communication.js';
import { fragilityWall } from './fleet/fragility.js';
import { localityWall } from './fleet/locality.js';
import { multiTenantWall } from './fleet/multi-tenant.js';
import { infraCells } from './infra/grid.js';
import { nodeWallCells } from './node/index.js';
import { parallelInferenceCells } from './parallel/index.js';
import { capitalCells } from './operations/capital.js';
import { checkpointWall } from './operations/checkpoint.js';
import { safetyCells } from './operations/safety.js';
import { sustainabilityCells } from './operations/sustainability.js';
import { servingWalls } from './serving/index.js';
import { workloadCells } from './workload/index.js';

export const WALL_FACTORIES: CellFactory[] = [
  commonCells, // scenario.*, hardware.* (physics.md §1)
  workloadCells, // workload.* (§2)
  nodeWallCells, // walls 1–3 and the execution unit (§4)
  servingWalls, // walls 4–7 and 7.2 (§5)
  infraCells, // infra.* grid fields, layer C (§1.6)
  systemLayer, // communication.* fleet shape, layer D (§1.6, §8.1)
  ingestionCells, // wall 8 (§6)
  transformationCells, // wall 9 (§6)
  localityWall, // wall 10 (§6)
  complexityCells, // wall 11 (§7)
  reasoningCells, // wall 12 (§7)
  fidelityCells, // wall 13 (§7)
  communicationWall, // wall 14, training mode (§8)
  parallelInferenceCells, // wall 14's layout in inference and serving on several devices (Amendments)
  fragilityWall, // wall 15, training or ops (§9)
  multiTenantWall, // wall 16 (§9)
  capitalCells, // wall 17 and the shared ops inputs (§9)
  sustainabilityCells, // wall 18 (§9)
  checkpointWall, // wall 19, training mode (§9)
  safetyCells, // wall 20 (§9)
  sensitivityInputCells, // wall 21 settings (§10)
  synthesisCells, // wall 22.1 inverse roofline (§10)
];

/** The cell definitions of one scenario graph. */
export function buildScenarioDefs(ctx: BuildContext): CellDef[] {
  const walls = WALL_FACTORIES.flatMap((factory) => factory(ctx));
  // The scorecard metric cells read the walls' cells, so they come last.
  return [...walls, ...metricCells(ctx, new Set(walls.map((d) => d.id)))];
}
