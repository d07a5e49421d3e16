/**
 * Graph builders for the infrastructure, data, algorithm and operations walls' tests: the
 * walls alone (with stand-ins for the other walls' cells), or on top of the real shared,
 * workload and node cells for an inference scenario (the incrementality tests need real
 * latency cells to prove they did not run).
 */
import type { CellDef, LiveGraph, Plain } from '../../../src/graph/index.js';
import { complexityCells } from '../../../src/nodes/algorithm/complexity.js';
import { fidelityCells } from '../../../src/nodes/algorithm/fidelity.js';
import { reasoningCells } from '../../../src/nodes/algorithm/reasoning.js';
import { commonCells } from '../../../src/nodes/common/index.js';
import type { BuildContext } from '../../../src/nodes/context.js';
import { ingestionCells } from '../../../src/nodes/data/ingestion.js';
import { transformationCells } from '../../../src/nodes/data/transformation.js';
import { infraCells } from '../../../src/nodes/infra/grid.js';
import { nodeWallCells } from '../../../src/nodes/node/index.js';
import { capitalCells } from '../../../src/nodes/operations/capital.js';
import { safetyCells } from '../../../src/nodes/operations/safety.js';
import { sustainabilityCells } from '../../../src/nodes/operations/sustainability.js';
import { workloadCells } from '../../../src/nodes/workload/index.js';
import { graphWith, numberOf } from '../../helpers/graph-values.js';

/** Layer C and walls 8, 9, 11, 12, 13, 17, 18, 20. */
export function infraDataAlgorithmOpsWalls(ctx: BuildContext): CellDef[] {
  return [
    ...infraCells(ctx), ...ingestionCells(ctx), ...transformationCells(ctx), ...complexityCells(ctx), ...reasoningCells(ctx),
    ...fidelityCells(ctx), ...capitalCells(ctx), ...sustainabilityCells(ctx), ...safetyCells(ctx),
  ];
}

/** The macro walls only: layer C, 17 and 18. */
export function macroWalls(ctx: BuildContext): CellDef[] {
  return [...infraCells(ctx), ...capitalCells(ctx), ...sustainabilityCells(ctx)];
}

/** An inference scenario: shared cells, workload lowering, walls 1–3 and `walls`. */
export function inferenceDefs(ctx: BuildContext, walls: (ctx: BuildContext) => CellDef[] = infraDataAlgorithmOpsWalls): CellDef[] {
  return [...commonCells(ctx), ...workloadCells(ctx), ...nodeWallCells(ctx), ...walls(ctx)];
}

export function inferenceGraph(ctx: BuildContext, values: Readonly<Record<string, Plain>> = {}, walls = infraDataAlgorithmOpsWalls): LiveGraph {
  return graphWith(inferenceDefs(ctx, walls), values);
}

/** The walls' tests call it numberAt. */
export const numberAt = numberOf;

/** 1 kWh = 3.6e6 J (physics.md §1.1). */
export const KWH = 3.6e6;
