/**
 * The scorecard's metrics and feasibility checks in words, for people (the workbench's
 * scorecard and headline): "Memory used (GB)" for `feasibility.memory_used_gb`, "Does not fit in
 * device memory" for the reason `memory.feasible is false`. The ids stay what plans and asserts
 * use (metrics.ts); these are labels only. Units are the display units of physics.md §11.2
 * (METRIC_UNITS).
 */
import type { MetricKey } from './metrics.js';

export const METRIC_LABELS: Readonly<Record<MetricKey, string>> = {
  'feasibility.memory_used_gb': 'Memory used (GB)',
  'feasibility.memory_capacity_gb': 'Memory capacity (GB)',
  'feasibility.memory_utilization': 'Memory utilisation (%)',
  'performance.latency': 'Latency per step (ms)',
  'performance.throughput': 'Throughput (per second)',
  'performance.mfu': 'Model FLOPs utilisation, MFU (%)',
  'performance.hfu': 'Hardware FLOPs utilisation, HFU (%)',
  'performance.ttft': 'Time to first token (ms)',
  'performance.itl': 'Time between tokens (ms)',
  'performance.request_latency': 'Request latency (ms)',
  'performance.p99_latency': 'p99 latency (ms)',
  'performance.required_replicas': 'Replicas needed (count)',
  'performance.step_latency': 'Training step time (ms)',
  'performance.comm_overhead': 'Communication per step (ms)',
  'performance.fleet_throughput': 'Fleet throughput (per second)',
  'performance.node_mfu': 'MFU per node (%)',
  'performance.scaling_efficiency': 'Scaling efficiency (%)',
  'performance.bubble_fraction': 'Pipeline bubble (%)',
  'macro.tco_usd': 'Total cost of ownership (USD)',
  'macro.capex': 'Capital cost (USD)',
  'macro.energy_cost': 'Energy cost (USD)',
  'macro.carbon_footprint': 'Carbon footprint (t CO2e)',
  'macro.embodied': 'Embodied carbon share (t CO2e)',
  'macro.energy_kwh': 'Energy used (kWh)',
  'macro.water_l': 'Water used (L)',
};

/** The metric `<lens>.<key>` in words, or the id itself when it has no label. */
export function metricLabel(id: string): string {
  return (METRIC_LABELS as Readonly<Record<string, string>>)[id] ?? id;
}

/** What a feasibility cell (nodes/analysis FEASIBILITY_CELLS) being false means, in words. */
const INFEASIBLE: Readonly<Record<string, string>> = {
  'memory.feasible': 'Does not fit in device memory',
  'serving.serving_feasible': 'A serving device cannot hold what it needs',
  'batching.batching_feasible': 'Not even one request fits in memory',
  'communication.train_feasible': 'The training state does not fit in one device’s memory',
};

/** A lens reason in words: "`memory.feasible` is false" becomes "Does not fit in device memory"; other reasons are already words. */
export function reasonLabel(reason: string): string {
  const m = /^([a-z_]+\.[a-z0-9_]+) is false$/.exec(reason);
  return m ? (INFEASIBLE[m[1]] ?? `${m[1]} is false`) : reason;
}
