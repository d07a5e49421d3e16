/**
 * The mlsysim plan (`mlsys.yaml`) schema. Unknown keys are errors at every level.
 *
 * ```yaml
 * version: "1.0"
 * name: "70B on 64 H100"
 * workload: { name: Llama3_70B, batch_size: 4096, seq_len: 4096 }
 * hardware:
 *   name: H100
 *   node_count: 8                 # or accelerators: 64 (+ optional accelerators_per_node)
 *   accelerators_per_node: 8      # legacy mlsysim 0.1.0: nodes: 64 (the total accelerator count)
 *   intra_node_bw: "450 GB/s"     # per direction; a bare number is B/s
 *   fabric_bandwidth: "400 Gbit/s"
 *   precision: bf16
 *   efficiency: 0.5
 * ops: { region: Quebec, duration_days: 14 }   # or "14 days", "2500 h"
 * parallelism: { tp: 8, cp: 2 }               # optional: layout cells held; the rest searched
 * constraints: { assert: [{ metric: performance.latency, max: 50 }] }
 * ```
 * Cross-field rules (counts that must agree) are checked here so their messages name both
 * numbers; catalogue ids are checked by plan.ts.
 */
import { z } from 'zod';
import { PRECISION_KEYS } from '../nodes/context.js';
import { count, duration, entryId, num, quantity, ruleError, showInput, strictMap, text } from './fields.js';
import { assertSchema } from './metrics.js';
import { fleetSizeProblem } from './plausible.js';

/** Precision keys are matched case-insensitively after trimming (physics §1.2). */
export function normalizePrecision(key: string): string {
  return key.trim().toLowerCase();
}

const precisionSchema = z.string({ error: ruleError(`one of ${PRECISION_KEYS.join(', ')}`) })
  .refine((k) => (PRECISION_KEYS as readonly string[]).includes(normalizePrecision(k)), {
    error: (issue) => `must be one of ${PRECISION_KEYS.join(', ')} (got ${showInput(issue.input)})`,
  });

/** Plan format 1.x: "1.0", "1", or the YAML number 1.0. */
const versionSchema = z.union([z.string(), z.number()], { error: ruleError("the plan format version '1.0'") })
  .refine((v) => /^1(\.\d+)*$/.test(String(v).trim()), {
    error: (issue) => `must be '1.0' (this reader understands plan format 1.x; got ${showInput(issue.input)})`,
  });

const planWorkloadSchema = strictMap({
  name: entryId(),
  batch_size: count().optional(),
  seq_len: count().optional(),
});

const planHardwareSchema = strictMap({
  name: entryId(),
  accelerators: count().optional(),
  node_count: count().optional(),
  accelerators_per_node: count().optional(),
  /** mlsysim 0.1.0 spelling: the total accelerator count (accepted with a warning). */
  nodes: count().optional(),
  intra_node_bw: quantity('B/s').optional(),
  fabric_bandwidth: quantity('B/s').optional(),
  precision: precisionSchema.optional(),
  efficiency: num({ gt: 0, le: 1 }).optional(),
}).superRefine((h, ctx) => {
  const issue = (path: string, input: unknown, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], input, message });
  if (h.nodes !== undefined && (h.accelerators !== undefined || h.node_count !== undefined)) {
    issue('nodes', h.nodes, `cannot be combined with ${h.accelerators !== undefined ? 'accelerators' : 'node_count'} ` +
      '(nodes is the mlsysim 0.1.0 spelling of the total accelerator count; keep only the newer keys)');
    return;
  }
  const perNode = h.accelerators_per_node;
  if (h.node_count !== undefined && perNode === undefined) {
    issue('accelerators_per_node', undefined,
      `is required with node_count (an integer ≥ 1; node_count ${h.node_count} × accelerators_per_node = the accelerator count)`);
  }
  if (h.node_count !== undefined && perNode !== undefined && h.accelerators !== undefined &&
      h.accelerators !== h.node_count * perNode) {
    issue('accelerators', h.accelerators,
      `must equal node_count × accelerators_per_node = ${h.node_count} × ${perNode} = ${h.node_count * perNode} (got ${h.accelerators})`);
  }
  const total = h.accelerators ?? h.nodes;
  if (total !== undefined && perNode !== undefined && total % perNode !== 0) {
    const key = h.accelerators !== undefined ? 'accelerators' : 'nodes';
    issue(key, total, `(${total}) must be divisible by accelerators_per_node (${perNode}); ` +
      `${total} / ${perNode} = ${(total / perNode).toFixed(2)} nodes`);
  }
  if (total === undefined && h.node_count === undefined && perNode !== undefined) {
    issue('accelerators_per_node', perNode, 'needs node_count or accelerators (how many accelerators in total?)');
  }
  const fleet = total ?? (h.node_count !== undefined && perNode !== undefined ? h.node_count * perNode : undefined);
  const tooMany = fleet === undefined ? undefined : fleetSizeProblem(fleet);
  if (tooMany) issue(h.accelerators !== undefined ? 'accelerators' : h.nodes !== undefined ? 'nodes' : 'node_count', fleet, tooMany);
});

const planOpsSchema = strictMap({
  region: entryId().optional(),
  /** Days as a number, or a duration with its unit ("14 days", "2500 h", "2 weeks"). */
  duration_days: duration('day').optional(),
});

/**
 * Layout cells a training plan holds (communication.<key>); the layout search fills the
 * others (physics §11.4 as widened: docs/plans.md).
 */
const planParallelismSchema = strictMap({
  tp: count().optional(),
  pp: count().optional(),
  ep: count().optional(),
  cp: count().optional(),
  virtual_stages: count().optional(),
  zero_stage: num({ int: true, ge: 0, le: 3 }).optional(),
  microbatch_size: count().optional(),
});

const planConstraintsSchema = strictMap({
  assert: z.array(assertSchema, { error: ruleError('a list of asserts {metric, min?, max?}') }).optional(),
});

export const planSchema = strictMap({
  version: versionSchema,
  name: text().optional(),
  workload: planWorkloadSchema,
  hardware: planHardwareSchema,
  ops: planOpsSchema.optional(),
  parallelism: planParallelismSchema.optional(),
  constraints: planConstraintsSchema.optional(),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanHardware = z.infer<typeof planHardwareSchema>;
