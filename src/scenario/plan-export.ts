/**
 * A scenario → an mlsysim plan (`mlsys.yaml`) as plain data, when it can be written as one.
 * Plans reject unknown keys, so whatever the format cannot express is listed in `dropped`
 * rather than smuggled into an extension block. Custom models and devices cannot be written
 * at all. planToYaml (yaml-text.ts) writes the result as YAML text.
 */
import { parseQuantity } from '../graph/index.js';
import { registry } from '../registry/index.js';
import type { Registry } from '../registry/index.js';
import { nodeFor } from './catalog-check.js';
import { ScenarioInputError } from './errors.js';
import { PLAN_CELLS } from './plan.js';
import type { Scenario } from './schema.js';

export interface PlanData {
  /** The plan's keys in mlsys.yaml order (version, name, workload, hardware, ops, constraints); loadPlan reads it back. */
  readonly plan: Record<string, unknown>;
  /** What the plan format could not express, one entry per field ("overrides['communication.tp']"). */
  readonly dropped: string[];
}

export interface PlanExport {
  /** The plan as YAML text; loadPlanText reads it back. */
  readonly yaml: string;
  /** As PlanData.dropped. */
  readonly dropped: string[];
}

/** Bandwidth for the plan: keep a written quantity as typed, else B/s as "N GB/s". */
function bandwidthText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return `${v / 1e9} GB/s`;
  return undefined;
}

/** A whole number ≥ 1 from an override (numbers, or numeric text). */
function countOf(v: unknown): number | undefined {
  const n = typeof v === 'string' ? parseQuantity(v, '1') : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

function fleetOf(s: Scenario, reg: Registry, hw: string, dropped: string[]): { nodes: number; perNode: number } {
  const sys = s.system;
  if (sys === undefined) return { nodes: 1, perNode: 1 };
  if (typeof sys !== 'string') {
    if (sys.node !== undefined && sys.node !== nodeFor(hw, reg)?.id) dropped.push(`system.node (${sys.node})`);
    if (sys.fabric !== undefined) dropped.push(`system.fabric (${typeof sys.fabric === 'string' ? sys.fabric : sys.fabric.id})`);
    if (sys.nics_per_node !== undefined) dropped.push(`system.nics_per_node (${sys.nics_per_node})`);
    return { nodes: sys.node_count, perNode: sys.accelerators_per_node };
  }
  if (reg.has('cluster', sys)) {
    const c = reg.resolveCluster(sys);
    dropped.push(`system.fabric (${c.fabric.id}, from cluster ${sys})`);
    if (c.node.id !== nodeFor(hw, reg)?.id) dropped.push(`system.node (${c.node.id}, from cluster ${sys})`);
    return { nodes: c.cluster.node_count, perNode: c.node.gpus_per_node };
  }
  const node = reg.lookup('node', sys);
  if (node.id !== nodeFor(hw, reg)?.id) dropped.push(`system.node (${node.id})`);
  return { nodes: 1, perNode: node.gpus_per_node };
}

/** `scenario` as an mlsysim plan; throws ScenarioInputError for custom models/devices. */
export function scenarioToPlan(scenario: Scenario, reg: Registry = registry()): PlanData {
  const dropped: string[] = [];
  if (typeof scenario.model !== 'string') {
    throw ScenarioInputError.at('model', 'must be a catalogue id to write an mlsysim plan (a custom model cannot be expressed in mlsys.yaml)');
  }
  if (typeof scenario.hardware !== 'string') {
    throw ScenarioInputError.at('hardware', 'must be a catalogue id to write an mlsysim plan (a custom device cannot be expressed in mlsys.yaml)');
  }
  const o: Record<string, unknown> = { ...(scenario.overrides ?? {}) };
  const take = (cell: string): unknown => {
    const v = o[cell];
    delete o[cell];
    return v;
  };
  const { nodes, perNode } = fleetOf(scenario, reg, scenario.hardware, dropped);
  const training = nodes * perNode > 1;

  const workload: Record<string, unknown> = { name: scenario.model };
  const batch = countOf(take(PLAN_CELLS.batch_size));
  const globalBatch = take(PLAN_CELLS.global_batch_size);
  const seq = countOf(take(PLAN_CELLS.seq_len));
  const trainSeq = take(PLAN_CELLS.train_seq_len);
  // In a training plan batch_size is also B_g and seq_len is also S (§11.4): one value each.
  const pick = (own: number | undefined, fleet: unknown, cell: string): number | undefined => {
    const f = countOf(fleet);
    if (fleet === undefined || (training && (own === undefined || own === f) && f !== undefined)) return own ?? f;
    dropped.push(`overrides['${cell}'] (${String(fleet)})`);
    return own;
  };
  const b = pick(batch, globalBatch, PLAN_CELLS.global_batch_size);
  const sl = pick(seq, trainSeq, PLAN_CELLS.train_seq_len);
  if (b !== undefined) workload.batch_size = b;
  if (sl !== undefined) workload.seq_len = sl;

  const hardware: Record<string, unknown> = { name: scenario.hardware };
  if (nodes * perNode > 1) Object.assign(hardware, { node_count: nodes, accelerators_per_node: perNode });
  const intra = bandwidthText(take(PLAN_CELLS.intra_node_bw));
  const fabric = bandwidthText(take(PLAN_CELLS.fabric_bandwidth));
  if (intra !== undefined) hardware.intra_node_bw = intra;
  if (fabric !== undefined) hardware.fabric_bandwidth = fabric;
  const precision = take(PLAN_CELLS.precision);
  const efficiency = take(PLAN_CELLS.efficiency);
  if (precision !== undefined) hardware.precision = precision;
  if (efficiency !== undefined) hardware.efficiency = efficiency;

  const plan: Record<string, unknown> = { version: '1.0' };
  if (scenario.name !== undefined) plan.name = scenario.name;
  plan.workload = workload;
  plan.hardware = hardware;
  if (scenario.ops !== undefined || scenario.region !== undefined) {
    plan.ops = {
      ...(scenario.region !== undefined ? { region: scenario.region } : {}),
      ...(scenario.ops?.duration_days !== undefined ? { duration_days: scenario.ops.duration_days } : {}),
    };
  }
  if (scenario.asserts?.length) plan.constraints = { assert: scenario.asserts };

  const impliedMode = training ? 'training' : 'inference';
  if (scenario.mode !== undefined && scenario.mode !== impliedMode) dropped.push(`mode (${scenario.mode})`);
  if (scenario.layout === 'given' && training) dropped.push('layout (given)');
  if (scenario.description !== undefined) dropped.push('description');
  for (const [cell, v] of Object.entries(o)) dropped.push(`overrides['${cell}'] (${String(v)})`);
  for (const [cell, v] of Object.entries(scenario.pins ?? {})) dropped.push(`pins['${cell}'] (${String(v)})`);
  if (scenario.sweeps?.length) dropped.push(`sweeps (${scenario.sweeps.length})`);
  return { plan, dropped };
}
