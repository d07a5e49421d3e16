/**
 * mlsysim plans (`mlsys.yaml`, already parsed) → scenarios. The mapping of every plan key to a
 * scenario field or input cell is the table in docs/plans.md; PLAN_CELLS below is its source.
 * Plan text is read by loadPlanText in yaml-text.ts.
 */
import { parseQuantity } from '../graph/index.js';
import { registry } from '../registry/index.js';
import type { Registry } from '../registry/index.js';
import { nodeFor, requireEntry } from './catalog-check.js';
import { issuesError, ScenarioInputError } from './errors.js';
import { normalizePrecision, planSchema } from './plan-schema.js';
import { bareNumberWarning } from './plausible.js';
import { isBareNumber } from '../graph/units.js';
import type { Plan } from './plan-schema.js';
import type { FleetInput, OverrideValue, Scenario } from './schema.js';

/** The input cells plan keys set (physics §1.7, §8.1, §11.4). */
export const PLAN_CELLS = {
  batch_size: 'scenario.batch_size',
  seq_len: 'scenario.context_len',
  global_batch_size: 'communication.global_batch_size',
  train_seq_len: 'communication.seq_len',
  precision: 'scenario.precision',
  efficiency: 'scenario.efficiency',
  intra_node_bw: 'hardware.scaleup_bandwidth',
  fabric_bandwidth: 'communication.fabric_bandwidth',
} as const;

export interface LoadOptions {
  /** Named in error messages ("plan.yaml: …"). */
  readonly filename?: string;
  /** Registry the ids are checked in (default: the built-in catalogue). */
  readonly registry?: Registry;
}

export interface LoadResult {
  readonly scenario: Scenario;
  /** Notes for the user (legacy keys, assumed layouts); the CLI prints them on stderr. */
  readonly warnings: string[];
}

/** A plan already parsed into plain data → a scenario. */
export function loadPlan(data: unknown, options: LoadOptions = {}): LoadResult {
  const parsed = planSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const err = issuesError(parsed.error.issues, 'plan', { filename: options.filename });
    throw withoutWorkloadFirst(data, err, options.filename);
  }
  try {
    return planToScenario(parsed.data, options.registry ?? registry());
  } catch (e) {
    if (e instanceof ScenarioInputError) throw e.withFilename(options.filename);
    throw e;
  }
}

/** A plan map without `workload` says so first: the rest of its problems follow. */
function withoutWorkloadFirst(data: unknown, err: ScenarioInputError, filename?: string): ScenarioInputError {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || 'workload' in data) return err;
  const first = {
    path: 'workload',
    message: 'workload is missing: a plan names its model as workload: { name: MODEL } (e.g. workload: { name: Llama3_8B, batch_size: 1 })',
  };
  return new ScenarioInputError([first, ...err.problems.filter((p) => p.path !== 'workload')], { filename });
}

/**
 * A plan bandwidth: text with a unit is read in it; a bare number is B/s and, when implausible
 * for a bandwidth (plausible.ts, the same rule as --set), a warning with the likely intent.
 */
function bandwidth(value: number | string, key: 'intra_node_bw' | 'fabric_bandwidth', warnings: string[]): number {
  if (typeof value === 'string' && !isBareNumber(value)) return parseQuantity(value, 'B/s');
  const si = Number(value);
  const w = bareNumberWarning(`hardware.${key}`, String(value).trim(), si, { id: PLAN_CELLS[key], unit: 'B/s' });
  if (w) warnings.push(w);
  return si;
}

/** ops.duration_days: days as a number, or a duration with its unit ("2500 h" → 104.17 days). */
const days = (v: number | string): number => (typeof v === 'number' ? v : parseQuantity(v, 'day'));

/** Accelerator count and layout: node_count × per-node, total + per-node, or total alone. */
function resolveFleet(plan: Plan, reg: Registry, warnings: string[]): FleetInput | undefined {
  const h = plan.hardware;
  if (h.nodes !== undefined) {
    warnings.push(`hardware.nodes is the mlsysim 0.1.0 spelling of the total accelerator count ` +
      `(read as ${h.nodes} accelerators); newer plans write hardware.accelerators, or hardware.node_count ` +
      `with hardware.accelerators_per_node`);
  }
  const total = h.accelerators ?? h.nodes ?? (h.node_count !== undefined && h.accelerators_per_node !== undefined
    ? h.node_count * h.accelerators_per_node : 1);
  let perNode = h.accelerators_per_node;
  if (perNode === undefined) {
    const node = nodeFor(h.name, reg);
    if (node && total <= node.gpus_per_node) perNode = total;
    else if (node && total % node.gpus_per_node === 0) perNode = node.gpus_per_node;
    else {
      perNode = 1;
      if (total > 1) {
        warnings.push(`hardware.accelerators_per_node is not set and ${node ? `${total} is not a multiple of the ` +
          `${node.gpus_per_node} per node of ${node.id}` : `the catalogue has no node built around ${h.name}`}: ` +
          `modelled as ${total} nodes × 1 accelerator (set accelerators_per_node to change this)`);
      }
    }
  }
  if (total === 1 && h.node_count === undefined) return undefined;
  // The device's first catalogue node (DGX_H100 for H100) supplies NICs, PSUs and host power
  // when the plan's per-node count matches it.
  const node = nodeFor(h.name, reg);
  const same = node !== undefined && node.gpus_per_node === perNode;
  if (same && total > perNode) {
    const facts = reg.lookup('node', node.id);
    warnings.push(`hardware names no node; assuming ${node.id}, the catalogue node of ${h.name}: ${facts.nics_per_node ?? 1} NICs` +
      `${facts.psus_per_node !== undefined ? ` and ${facts.psus_per_node} PSUs` : ''} per node (name a node or cluster in hardware.name to choose another)`);
  }
  return { node_count: total / perNode, accelerators_per_node: perNode, ...(same ? { node: node.id } : {}) };
}

const COUNT_KEYS = ['accelerators', 'node_count', 'accelerators_per_node', 'nodes'] as const;

/**
 * hardware.name naming a catalogue cluster or node (Lab_64_H100): that system with its device,
 * as `eval MODEL Lab_64_H100` does. Counts beside it would contradict it, so they are refused.
 */
function namedSystem(plan: Plan, reg: Registry): { device: string; system: string; count: number } | undefined {
  const id = plan.hardware.name;
  if (reg.has('hardware', id) || !(reg.has('cluster', id) || reg.has('node', id))) return undefined;
  const cluster = reg.has('cluster', id) ? reg.resolveCluster(id) : undefined;
  const node = cluster ? undefined : reg.lookup('node', id);
  const device = cluster ? cluster.device.id : node!.accelerator;
  const count = cluster ? cluster.cluster.accelerator_count : node!.gpus_per_node;
  const given = COUNT_KEYS.find((k) => plan.hardware[k] !== undefined);
  if (given) {
    throw ScenarioInputError.at(`hardware.${given}`, `cannot be combined with hardware.name ${id}, a ${cluster ? 'cluster' : 'node'} of ` +
      `${count} ${device}: remove hardware.${given} to use ${id} as it is, or write hardware.name: ${device} with your own count`);
  }
  return { device, system: id, count };
}

/** A validated plan → a scenario (catalogue ids checked). */
export function planToScenario(plan: Plan, reg: Registry = registry()): LoadResult {
  const warnings: string[] = [];
  requireEntry('model', plan.workload.name, 'workload.name', reg);
  const named = namedSystem(plan, reg);
  if (!named) requireEntry('hardware', plan.hardware.name, 'hardware.name', reg);
  if (plan.ops?.region !== undefined) requireEntry('grid', plan.ops.region, 'ops.region', reg);

  const fleet = named ? undefined : resolveFleet(plan, reg, warnings);
  const system = named ? named.system : fleet;
  const accelerators = named ? named.count : fleet ? fleet.node_count * fleet.accelerators_per_node : 1;
  const training = accelerators > 1;
  const overrides: Record<string, OverrideValue> = {};
  const { batch_size, seq_len } = plan.workload;
  if (batch_size !== undefined) {
    overrides[PLAN_CELLS.batch_size] = batch_size;
    if (training) overrides[PLAN_CELLS.global_batch_size] = batch_size;
  }
  if (seq_len !== undefined) {
    overrides[PLAN_CELLS.seq_len] = seq_len;
    if (training) overrides[PLAN_CELLS.train_seq_len] = seq_len;
  }
  const h = plan.hardware;
  if (h.precision !== undefined) overrides[PLAN_CELLS.precision] = normalizePrecision(h.precision);
  if (h.efficiency !== undefined) overrides[PLAN_CELLS.efficiency] = h.efficiency;
  if (h.intra_node_bw !== undefined) overrides[PLAN_CELLS.intra_node_bw] = bandwidth(h.intra_node_bw, 'intra_node_bw', warnings);
  if (h.fabric_bandwidth !== undefined) {
    overrides[PLAN_CELLS.fabric_bandwidth] = bandwidth(h.fabric_bandwidth, 'fabric_bandwidth', warnings);
  }
  // parallelism.<key> holds communication.<key>; the layout search fills the rest (docs/plans.md).
  for (const [key, value] of Object.entries(plan.parallelism ?? {})) {
    if (value === undefined) continue;
    if (!training) throw ScenarioInputError.at(`parallelism.${key}`, 'needs a plan with more than one accelerator (hardware.accelerators or node_count × accelerators_per_node)');
    overrides[`communication.${key}`] = value;
  }

  const scenario: Scenario = {
    ...(plan.name !== undefined ? { name: plan.name } : {}),
    model: plan.workload.name,
    hardware: named ? named.device : h.name,
    ...(system ? { system } : {}),
    ...(plan.ops?.region !== undefined ? { region: plan.ops.region } : {}),
    mode: training ? 'training' : 'inference',
    ...(plan.ops ? { ops: plan.ops.duration_days !== undefined ? { duration_days: days(plan.ops.duration_days) } : {} } : {}),
    // A training plan starts from the layout search; the cells its `parallelism` sets are held.
    ...(training ? { layout: 'auto' as const } : {}),
    overrides,
    ...(plan.constraints?.assert ? { asserts: plan.constraints.assert } : {}),
  };
  return { scenario, warnings };
}
