/**
 * The scenario schema: what a user describes (DESIGN.md "Scenario, plan, workbook").
 *
 * ```yaml
 * name: 70B pre-training            # optional label
 * model: Llama3_70B                 # catalogue id, or a custom model (registry model schema)
 * hardware: H100                    # catalogue id, or a custom device (registry hardware schema)
 * system:                           # optional; absent = one device
 *   node_count: 8                   #   or a cluster id ("Lab_64_H100") or a node id ("DGX_H100")
 *   accelerators_per_node: 8
 *   node: DGX_H100                  #   optional catalogue node: NICs, PSUs, host power
 *   fabric: InfiniBand_NDR          #   optional fabric id or custom fabric
 *   nics_per_node: 8                #   optional
 * region: Quebec                    # optional grid id (default US_Avg, physics §1.5)
 * mode: training                    # optional; default inference for 1 device, training for a fleet
 * ops: { duration_days: 14 }        # optional; its presence activates the Macro lens
 * layout: auto                      # optional; auto = the layout search fills the layout cells overrides leave unset
 * overrides:                        # any input cell by id; strings may carry units
 *   communication.fabric_bandwidth: 50 GB/s
 * pins:                             # any derived cell by id: its formula set aside (pins.ts)
 *   memory.effective_bandwidth: 2 TB/s
 * asserts: [{ metric: performance.latency, max: 50 }]
 * sweeps: [{ x: { cell: scenario.batch_size, start: 1, stop: 256, points: 9, scale: log }, outputs: [performance.latency] }]
 * ```
 *
 * Ids are checked against the catalogue by the loaders (load.ts, plan.ts), not here, so the
 * schema (and its JSON Schema) stays independent of the catalogue's contents.
 */
import { z } from 'zod';
import { fabricSchema, hardwareSchema, modelSchema } from '../registry/index.js';
import {
  cellId, count, entryId, num, oneOf, positive, ruleError, strictMap, text,
} from './fields.js';
import { assertSchema } from './metrics.js';

export const MODES = ['inference', 'serving', 'training'] as const;
export type ScenarioMode = (typeof MODES)[number];

/**
 * 'auto': the layout search (§11.4, widened) fills the layout cells the overrides leave unset and
 * holds those they set; 'given': overrides (or defaults) are used as they are.
 */
export const LAYOUTS = ['auto', 'given'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The layout cells a user may set (physics §8.1); setting any of them means `layout: given`. */
export const LAYOUT_CELLS = [
  'communication.tp', 'communication.pp', 'communication.ep', 'communication.zero_stage',
  'communication.microbatch_size', 'communication.cp', 'communication.virtual_stages',
] as const;

/** A sweep axis: one input cell over a linear or log range (bounds may carry units). */
export const sweepAxisSchema = strictMap({
  cell: cellId(),
  start: z.union([z.number(), z.string()], { error: ruleError('a number or text with a unit') }),
  stop: z.union([z.number(), z.string()], { error: ruleError('a number or text with a unit') }),
  points: num({ int: true, ge: 2, le: 10_000 }),
  scale: oneOf(['linear', 'log']),
}).superRefine((axis, ctx) => {
  if (axis.scale !== 'log') return;
  for (const side of ['start', 'stop'] as const) {
    const v = axis[side];
    if (typeof v === 'number' && !(v > 0)) {
      ctx.addIssue({ code: 'custom', path: [side], input: v, message: `must be > 0 on a log scale (got ${v})` });
    }
  }
});
export type SweepAxis = z.infer<typeof sweepAxisSchema>;

const sweepShape = {
  x: sweepAxisSchema,
  y: sweepAxisSchema.optional(),
  outputs: z.array(cellId(), { error: ruleError('a list of cell ids') })
    .min(1, { error: ruleError('a list of at least one cell id') }),
};

/** A sweep inside a scenario: x (and y for a heatmap) over ranges, outputs as series. */
export const scenarioSweepSchema = strictMap(sweepShape);
export type ScenarioSweep = z.infer<typeof scenarioSweepSchema>;
export { sweepShape };

/** A fleet: node_count × accelerators_per_node, with an optional node, fabric and NIC count. */
export const fleetSchema = strictMap({
  node_count: count(),
  accelerators_per_node: count(),
  node: entryId().optional(),
  fabric: z.union([entryId(), fabricSchema], { error: ruleError('a fabric id or a custom fabric map') }).optional(),
  nics_per_node: count().optional(),
});
export type FleetInput = z.infer<typeof fleetSchema>;

export const opsSchema = strictMap({
  duration_days: positive().optional(),
});

/** An override value: numbers are SI; strings are enum keys or quantities with units ("50 GB/s"). */
const overrideValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()], {
  error: ruleError('a number, text (optionally with a unit), true/false or null'),
});
export type OverrideValue = z.infer<typeof overrideValueSchema>;

export const overridesSchema = z.record(cellId(), overrideValueSchema, {
  error: ruleError('a map from cell id to value'),
});

export const scenarioSchema = strictMap({
  name: text().optional(),
  description: text().optional(),
  model: z.union([entryId(), modelSchema], { error: ruleError('a catalogue model id or a custom model map') }),
  hardware: z.union([entryId(), hardwareSchema], { error: ruleError('a catalogue hardware id or a custom device map') }),
  system: z.union([entryId(), fleetSchema], {
    error: ruleError('a cluster or node id, or a map {node_count, accelerators_per_node, …}'),
  }).optional(),
  region: entryId().optional(),
  mode: oneOf(MODES).optional(),
  ops: opsSchema.optional(),
  layout: oneOf(LAYOUTS).optional(),
  overrides: overridesSchema.optional(),
  /** Derived cells given a value, their formulas set aside (spreadsheet-style; scenario/pins.ts). */
  pins: overridesSchema.optional(),
  asserts: z.array(assertSchema, { error: ruleError('a list of asserts') }).optional(),
  sweeps: z.array(scenarioSweepSchema, { error: ruleError('a list of sweeps') }).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
/** A custom model / device / fabric as written in a scenario (the registry's raw spelling). */
export type CustomModel = Exclude<Scenario['model'], string>;
export type CustomHardware = Exclude<Scenario['hardware'], string>;

