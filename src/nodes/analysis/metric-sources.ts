/**
 * Which cell feeds each scorecard metric in each mode, and its display conversion
 * (physics.md §11.2). Cells are SI; metrics carry the display units plans assert in.
 */
import type { Mode } from '../context.js';

export type LensName = 'feasibility' | 'performance' | 'macro';

export interface MetricSource {
  readonly lens: LensName;
  /** Key without the lens: `latency`, `memory_used_gb`, `tco_usd`. */
  readonly key: string;
  readonly cell: string;
  /** Display = SI × scale. */
  readonly scale: number;
  readonly unit: string;
  /** Only when this cell is true (e.g. wall 7 active). */
  readonly when?: string;
}

const m = (lens: LensName, key: string, cell: string, scale: number, unit: string, when?: string): MetricSource =>
  ({ lens, key, cell, scale, unit, when });

const GB = 1e-9;
const MS = 1e3;

const INFERENCE: readonly MetricSource[] = [
  m('feasibility', 'memory_used_gb', 'memory.memory_footprint', GB, 'GB'),
  m('feasibility', 'memory_capacity_gb', 'hardware.memory_capacity', GB, 'GB'),
  m('feasibility', 'memory_utilization', 'memory.memory_utilization', 1, 'fraction'),
  // A model split over devices (src/nodes/parallel): the replica's step and the fleet's rate.
  // Listed first, so they win when present; one device keeps wall 1's cells below.
  m('performance', 'latency', 'communication.decode_step_time', MS, 'ms'),
  m('performance', 'throughput', 'communication.fleet_throughput', 1, '1/s'),
  m('performance', 'mfu', 'communication.fleet_mfu', 1, 'fraction'),
  m('performance', 'hfu', 'communication.fleet_mfu', 1, 'fraction'),
  m('performance', 'latency', 'compute.latency', MS, 'ms'),
  m('performance', 'throughput', 'compute.throughput', 1, '1/s'),
  m('performance', 'mfu', 'compute.mfu', 1, 'fraction'),
  m('performance', 'hfu', 'compute.hfu', 1, 'fraction'),
];

const SERVING: readonly MetricSource[] = [
  m('feasibility', 'memory_used_gb', 'serving.memory_required', GB, 'GB'),
  m('feasibility', 'memory_capacity_gb', 'serving.memory_capacity_checked', GB, 'GB'),
  m('feasibility', 'memory_utilization', 'serving.memory_utilization', 1, 'fraction'),
  m('performance', 'latency', 'serving.itl', MS, 'ms'),
  m('performance', 'throughput', 'serving.tokens_per_second', 1, 'tokens/s'),
  m('performance', 'mfu', 'communication.fleet_mfu', 1, 'fraction'),
  m('performance', 'mfu', 'compute.mfu', 1, 'fraction'),
  m('performance', 'ttft', 'serving.ttft', MS, 'ms'),
  m('performance', 'itl', 'serving.itl', MS, 'ms'),
  m('performance', 'request_latency', 'serving.request_latency', MS, 'ms'),
  m('performance', 'p99_latency', 'tail_latency.p99_latency', MS, 'ms', 'tail_latency.active'),
  m('performance', 'required_replicas', 'tail_latency.required_replicas', 1, 'count', 'tail_latency.active'),
];

const TRAINING: readonly MetricSource[] = [
  m('feasibility', 'memory_used_gb', 'communication.train_memory', GB, 'GB'),
  m('feasibility', 'memory_capacity_gb', 'hardware.memory_capacity', GB, 'GB'),
  m('feasibility', 'memory_utilization', 'communication.train_memory_utilization', 1, 'fraction'),
  m('performance', 'step_latency', 'communication.step_latency', MS, 'ms'),
  m('performance', 'latency', 'communication.step_latency', MS, 'ms'),
  m('performance', 'comm_overhead', 'communication.comm_overhead', MS, 'ms'),
  m('performance', 'fleet_throughput', 'communication.fleet_throughput', 1, '1/s'),
  m('performance', 'mfu', 'communication.fleet_mfu', 1, 'fraction'),
  m('performance', 'node_mfu', 'communication.node_mfu', 1, 'fraction'),
  m('performance', 'scaling_efficiency', 'communication.scaling_efficiency', 1, 'fraction'),
  m('performance', 'hfu', 'communication.fleet_hfu', 1, 'fraction'),
  m('performance', 'bubble_fraction', 'communication.bubble_fraction', 1, 'fraction'),
];

const MACRO: readonly MetricSource[] = [
  m('macro', 'tco_usd', 'capital.tco_usd', 1, 'USD'),
  m('macro', 'capex', 'capital.capex', 1, 'USD'),
  m('macro', 'energy_cost', 'capital.energy_cost', 1, 'USD'),
  m('macro', 'carbon_footprint', 'sustainability.carbon_footprint', 1e-6, 't'),
  m('macro', 'embodied', 'sustainability.embodied_carbon_share', 1e-6, 't'),
  // 1 kWh = 3.6e6 J (physics.md §1.1).
  m('macro', 'energy_kwh', 'sustainability.facility_energy', 1 / 3.6e6, 'kWh'),
  m('macro', 'water_l', 'sustainability.water_usage', 1, 'L'),
];

/** The metric sources of a mode (Macro listed always; it is SKIPPED without ops). */
export function metricSources(mode: Mode): readonly MetricSource[] {
  const own = mode === 'training' ? TRAINING : mode === 'serving' ? SERVING : INFERENCE;
  return [...own, ...MACRO];
}

/** The cells whose truth decides Feasibility in a mode (§11.1: the mode's memory check). */
export const FEASIBILITY_CELLS: Readonly<Record<Mode, readonly string[]>> = {
  inference: ['memory.feasible'],
  serving: ['serving.serving_feasible', 'batching.batching_feasible'],
  training: ['communication.train_feasible'],
};
