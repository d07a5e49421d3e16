/**
 * A scenario graph for the serving walls: the shared cells (scenario, precision, hardware,
 * workload lowering) plus the serving walls, with stand-ins for cells of walls that are not
 * in this graph (software.efficiency_effective = scenario.efficiency, wall 3 "given" mode; compute.power_cap_clock = 1, no cap).
 */
import { type CellDef, derived, LiveGraph, optNumber, type Plain } from '../../../src/graph/index.js';
import { commonCells } from '../../../src/nodes/common/index.js';
import type { BuildContext } from '../../../src/nodes/context.js';
import { servingWalls } from '../../../src/nodes/serving/index.js';
import { workloadCells } from '../../../src/nodes/workload/index.js';
import { FIRST_BUILD_DEFAULTS } from '../../helpers/first-build.js';
import type { GoldenCase } from '../../helpers/golden.js';

const STAND_INS: CellDef[] = [
  // Unset, η is the first build's 0.5 these tests were derived with (issue 19 made the sourced table the default; wall 3 is not in this graph).
  derived({ id: 'software.efficiency_effective', label: 'η (stand-in)', doc: 'Wall 3 stand-in: the user η.', unit: '1', layer: 'E',
    formula: 'η = efficiency ?? 0.5', inputs: { efficiency: optNumber('scenario.efficiency') },
    compute: ({ efficiency }) => efficiency ?? (FIRST_BUILD_DEFAULTS['scenario.efficiency'] as number) }),
  // Wall 1 is not in this graph: no power cap, the full clock.
  derived({ id: 'compute.power_cap_clock', label: 's (stand-in)', doc: 'Wall 1 stand-in: no power cap.', unit: '1', layer: 'E',
    formula: 's = 1', inputs: {}, compute: () => 1 }),
];

export function scenarioDefs(ctx: BuildContext, walls: (ctx: BuildContext) => CellDef[] = servingWalls): CellDef[] {
  const defs = [...commonCells(ctx), ...workloadCells(ctx), ...walls(ctx)];
  const have = new Set(defs.map((d) => d.id));
  return [...defs, ...STAND_INS.filter((d) => !have.has(d.id))];
}

export function scenarioGraph(ctx: BuildContext, values: Readonly<Record<string, Plain>> = {}): LiveGraph {
  const g = new LiveGraph(scenarioDefs(ctx));
  for (const o of g.setMany(values)) if (!o.ok) throw new Error(o.message);
  return g;
}

/** A golden scenario case's flags and overrides as cell values. */
export function goldenScenarioValues(c: GoldenCase): Record<string, Plain> {
  const i = c.inputs as { flags?: Record<string, Plain>; overrides?: Record<string, Plain>; base?: Record<string, Plain> };
  const flags = { ...(i.base ?? {}), ...(i.flags ?? {}) };
  const map: Record<string, string> = {
    batch_size: 'scenario.batch_size', precision: 'scenario.precision', efficiency: 'scenario.efficiency', seq_len: 'scenario.context_len',
  };
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(flags)) out[map[k]] = v;
  return { ...out, ...(i.overrides ?? {}) };
}

export function valueOf(g: LiveGraph, id: string): Plain {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id}: ${v.error.kind}: ${v.error.message}`);
  return v.value;
}
