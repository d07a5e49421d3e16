/**
 * Scenario graphs for the fleet and operations walls: the assembled scenario
 * (`buildScenarioDefs`: scenario, hardware, workload lowering, walls 1–3 …) plus walls 10,
 * 14, 15, 16 and 19 when the assembly does not list them yet, and stand-in inputs (with
 * their real units) for cells of walls not in the graph, e.g. `complexity.time_to_train`.
 */
import { type CellDef, input, type LiveGraph, type Plain } from '../../../src/graph/index.js';
import { buildScenarioDefs } from '../../../src/nodes/all-walls.js';
import { commonCells } from '../../../src/nodes/common/index.js';
import type { BuildContext, CellFactory } from '../../../src/nodes/context.js';
import { communicationWall, systemLayer } from '../../../src/nodes/fleet/communication.js';
import { fragilityWall } from '../../../src/nodes/fleet/fragility.js';
import { localityWall } from '../../../src/nodes/fleet/locality.js';
import { multiTenantWall } from '../../../src/nodes/fleet/multi-tenant.js';
import { checkpointWall } from '../../../src/nodes/operations/checkpoint.js';
import { graphWith } from '../../helpers/graph-values.js';
import { openInputs } from '../../helpers/standalone.js';

export { numberOf, valueOf } from '../../helpers/graph-values.js';

export const FLEET_FACTORIES: CellFactory[] = [systemLayer, localityWall, communicationWall, fragilityWall, multiTenantWall, checkpointWall];

/** Units of the cells of other walls these walls read, for stand-ins. */
const STAND_IN_UNITS: Record<string, string> = {
  'complexity.time_to_train': 's',
  'capital.duration': 's',
  'software.efficiency_effective': '1',
  'workload.params': 'params',
  'workload.dense_params': 'params',
  'workload.expert_params': 'params',
  'workload.train_model_flops_per_token': 'FLOP/token',
  'workload.train_hw_flops_per_token': 'FLOP/token',
  'workload.activation_bytes_per_layer': 'B',
  'workload.hidden_dim': 'elements',
};

/**
 * A stand-in input holding `value`. It is optional (may be unset) only when it holds no value
 * and `optional` says every reader accepts unset; otherwise an unset stand-in is an error cell.
 */
export function standIn(id: string, value: Plain, unit = STAND_IN_UNITS[id] ?? '1', optional = value === null): CellDef {
  return input({
    id, label: id, doc: 'stand-in for a cell of a wall not in this graph', unit, layer: 'E', default: value,
    domain: typeof value === 'string' ? { kind: 'text', optional } : typeof value === 'boolean' ? { kind: 'boolean', optional }
      : { kind: 'number', optional, allowInfinity: true },
  });
}

/** Ids some cell of `defs` reads with a descriptor that does not accept unset (`number`, not `optNumber`). */
function readAsRequired(defs: readonly CellDef[]): Set<string> {
  const ids = new Set<string>();
  for (const d of defs) if (d.kind === 'derived') for (const r of d.argRefs) if (!r.kind.endsWith('?') && r.kind !== 'value' && r.kind !== 'gate') ids.add(r.id);
  return ids;
}

/** Stand-ins (null unless given) for the ids `defs` reads but does not define. */
function standInsFor(defs: readonly CellDef[], standIns: Readonly<Record<string, Plain>>): CellDef[] {
  const required = readAsRequired(defs);
  return openInputs(defs).map((id) => {
    const v = standIns[id] ?? null;
    return standIn(id, v, undefined, v === null && !required.has(id));
  });
}

/** The scenario's defs with the fleet walls and stand-ins (null unless given) for open ids. */
export function fleetDefs(ctx: BuildContext, standIns: Readonly<Record<string, Plain>> = {}): CellDef[] {
  const base = buildScenarioDefs(ctx);
  const have = new Set(base.map((d) => d.id));
  const defs = [...base, ...FLEET_FACTORIES.flatMap((f) => f(ctx)).filter((d) => !have.has(d.id))];
  return [...defs, ...standInsFor(defs, standIns)];
}

/**
 * The shared scenario cells (§1) and the fleet walls only, with stand-ins for everything else
 * (workload lowering, η …) holding the given values: for tests that must not depend on the
 * workload engineer's cells.
 */
export function wallsOnlyGraph(ctx: BuildContext, standIns: Readonly<Record<string, Plain>>, values: Readonly<Record<string, Plain>> = {}): LiveGraph {
  const defs = [...commonCells(ctx), ...FLEET_FACTORIES.flatMap((f) => f(ctx))];
  // Without wall 1 there is no power cap: the microbatch runs at the full clock.
  return graphWith([...defs, ...standInsFor(defs, { 'compute.power_cap_clock': 1, ...standIns })], values);
}

export function fleetGraph(ctx: BuildContext, values: Readonly<Record<string, Plain>> = {}, standIns: Readonly<Record<string, Plain>> = {}): LiveGraph {
  return graphWith(fleetDefs(ctx, standIns), values);
}
