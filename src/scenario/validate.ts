/**
 * `validate`: every case of the validation set (src/registry/data/validation.json) run through
 * the same physics as `eval` — the case's scenario is built and evaluated, the cell that
 * corresponds to the measured quantity is read and converted to the measurement's unit, and
 * the signed relative error (predicted − measured)/measured is reported with the bottleneck
 * class of the binding wall (physics §11.5). Pure: no printing, no files.
 */
import type { LiveGraph } from '../graph/index.js';
import {
  type ExpectedBottleneck, VALIDATION_QUANTITIES, type ValidationCase, type ValidationCategory, type ValidationQuantity, type ValidationSplit,
} from '../registry/index.js';
import { type BuildOptions } from './build.js';
import { evaluate } from './evaluate.js';

/** What binds the headline time, by the owner of the largest part (physics §11.5). */
export type BottleneckClass = 'compute' | 'memory' | 'overhead' | 'communication' | 'queueing' | 'data' | 'none';

const WALL_CLASS: Readonly<Record<number, BottleneckClass>> = {
  1: 'compute', 2: 'memory', 3: 'overhead', 4: 'communication', 5: 'memory', 6: 'memory', 7: 'queueing', 8: 'data', 9: 'data',
  14: 'communication',
};

/** The class of a binding wall (walls that own no part of a headline time never bind). */
export function bottleneckClass(wall: number | undefined): BottleneckClass {
  return wall === undefined ? 'none' : WALL_CLASS[wall] ?? 'none';
}

/** How a quantity is read from the graph: the cells (SI), the conversion, and its formula. */
export interface QuantityReader {
  readonly cells: readonly string[];
  /** Display form of the conversion, for docs and the JSON output. */
  readonly formula: string;
  readonly compute: (v: Readonly<Record<string, number>>) => number;
}

const J_PER_MWH = 3.6e9;
const S_PER_DAY = 86_400;
const S_PER_H = 3_600;

/** Reader of each measured quantity (units: VALIDATION_QUANTITIES). */
export const QUANTITY_READERS: Readonly<Record<ValidationQuantity, QuantityReader>> = {
  training_mfu: { cells: ['communication.fleet_mfu'], formula: 'fleet_mfu', compute: (v) => v['communication.fleet_mfu'] },
  training_tflops_per_gpu: {
    cells: ['communication.fleet_mfu', 'hardware.peak_flops'],
    formula: 'fleet_mfu · peak_flops / 1e12 (model FLOP/s per GPU)',
    compute: (v) => (v['communication.fleet_mfu'] * v['hardware.peak_flops']) / 1e12,
  },
  step_time: { cells: ['communication.step_latency'], formula: 'step_latency [s]', compute: (v) => v['communication.step_latency'] },
  training_tokens_per_gpu_s: {
    cells: ['communication.fleet_throughput', 'communication.num_devices'],
    formula: 'fleet_throughput / num_devices',
    compute: (v) => v['communication.fleet_throughput'] / v['communication.num_devices'],
  },
  static_output_tokens_per_s_per_gpu: {
    cells: ['scenario.batch_size', 'scenario.output_tokens', 'serving.request_latency'],
    formula: 'batch_size · output_tokens / request_latency / (tp · pp)',
    compute: (v) => (v['scenario.batch_size'] * v['scenario.output_tokens']) / v['serving.request_latency'] / ((v['communication.tp'] ?? 1) * (v['communication.pp'] ?? 1)),
  },
  ttft: { cells: ['serving.ttft'], formula: 'ttft [s] × 1e3', compute: (v) => v['serving.ttft'] * 1e3 },
  it_energy_mwh: { cells: ['sustainability.it_energy'], formula: 'it_energy [J] / 3.6e9', compute: (v) => v['sustainability.it_energy'] / J_PER_MWH },
  facility_energy_mwh: {
    cells: ['sustainability.facility_energy'], formula: 'facility_energy [J] / 3.6e9', compute: (v) => v['sustainability.facility_energy'] / J_PER_MWH,
  },
  device_energy_mwh: { cells: ['sustainability.device_energy'], formula: 'device_energy [J] / 3.6e9 (N·P_dev·t)', compute: (v) => v['sustainability.device_energy'] / J_PER_MWH },
  carbon_t: { cells: ['sustainability.carbon_footprint'], formula: 'carbon_footprint [g] / 1e6', compute: (v) => v['sustainability.carbon_footprint'] / 1e6 },
  carbon_t_tdp: { cells: ['sustainability.tdp_carbon'], formula: 'tdp_carbon [g] / 1e6 (N·TDP·t·PUE·CI)', compute: (v) => v['sustainability.tdp_carbon'] / 1e6 },
  interruptions: { cells: ['fragility.expected_failures'], formula: 'expected_failures = job_duration / cluster_mtbf', compute: (v) => v['fragility.expected_failures'] },
  node_failures_per_1000_node_days: {
    cells: ['fragility.node_failure_rate'], formula: 'node_failure_rate [1/s] × 86 400 × 1000',
    compute: (v) => v['fragility.node_failure_rate'] * S_PER_DAY * 1000,
  },
  job_mttf_h: { cells: ['fragility.cluster_mtbf'], formula: 'cluster_mtbf [s] / 3600', compute: (v) => v['fragility.cluster_mtbf'] / S_PER_H },
  cost_usd: { cells: ['capital.tco_usd'], formula: 'tco_usd', compute: (v) => v['capital.tco_usd'] },
  training_run_cost_usd: {
    cells: ['capital.cost_per_training_run'], formula: 'cost_per_training_run = (period_cost/t)·time_to_train',
    compute: (v) => v['capital.cost_per_training_run'],
  },
  kv_bytes_per_token: { cells: ['workload.kv_bytes_per_token'], formula: 'kv_bytes_per_token [B]', compute: (v) => v['workload.kv_bytes_per_token'] },
  weight_bytes: { cells: ['workload.weight_bytes'], formula: 'weight_bytes [B]', compute: (v) => v['workload.weight_bytes'] },
};

/** Layout cells a per-GPU reading divides by when the graph has them (every mode once it is parallel). */
const OPTIONAL_CELLS = ['communication.tp', 'communication.pp'] as const;

export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly category: ValidationCategory;
  readonly split?: ValidationSplit;
  readonly source: { readonly title: string; readonly url: string };
  readonly locator: string;
  readonly quantity: ValidationQuantity;
  readonly unit: string;
  readonly measured: number;
  /** 'not_evaluated': the scenario could not be built or the cell is an error (`reason` says why). */
  readonly status: 'ok' | 'not_evaluated';
  readonly predicted?: number;
  /** Signed relative error (predicted − measured)/measured. */
  readonly error?: number;
  readonly bottleneck: BottleneckClass;
  /** The class the case's source states, when it states one. */
  readonly expected_bottleneck?: ExpectedBottleneck;
  /** Whether the predicted class is the stated one (evaluated cases that state one). */
  readonly bottleneck_right?: boolean;
  readonly binding_wall?: number;
  /** False when the engine judges the described run infeasible (the number is still reported). */
  readonly feasible?: boolean;
  readonly reason?: string;
  /** Defaults, fallbacks and stand-ins the engine applied on the way (scenario and read cells). */
  readonly warnings: readonly string[];
}

function numberOf(graph: LiveGraph, id: string): { value?: number; warnings: readonly string[]; error?: string } {
  if (!graph.has(id)) return { warnings: [], error: `${id} is not a cell of this scenario` };
  const v = graph.get(id);
  if (!v.ok) return { warnings: [], error: `${id}: ${v.error.message}` };
  if (typeof v.value !== 'number' || !Number.isFinite(v.value)) return { warnings: v.warnings, error: `${id} is not a finite number` };
  return { value: v.value, warnings: v.warnings };
}

/** Runs one case: builds its scenario, reads its quantity, compares. Never throws for a bad case. */
export function runCase(c: ValidationCase, options: BuildOptions = {}): CaseResult {
  const base = {
    id: c.id, title: c.title, category: c.category, ...(c.split ? { split: c.split } : {}),
    source: { title: c.source.title, url: c.source.url }, locator: c.locator,
    ...(c.expected_bottleneck ? { expected_bottleneck: c.expected_bottleneck.class } : {}),
    quantity: c.measured.quantity, unit: VALIDATION_QUANTITIES[c.measured.quantity], measured: c.measured.value,
  };
  let evaluation: ReturnType<typeof evaluate>;
  try {
    evaluation = evaluate(c.scenario, options);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ...base, status: 'not_evaluated', bottleneck: 'none', reason, warnings: [] };
  }
  const { graph } = evaluation.built;
  const reader = QUANTITY_READERS[c.measured.quantity];
  const values: Record<string, number> = {};
  // A stand-in (a catalogue entry describing an absent device or node) is said, like any default.
  const warnings = new Set([...(c.stand_in ? [`stand-in: ${c.stand_in}`] : []), ...evaluation.warnings]);
  for (const id of reader.cells) {
    const r = numberOf(graph, id);
    for (const w of r.warnings) warnings.add(`${id}: ${w}`);
    if (r.value === undefined) {
      return { ...base, status: 'not_evaluated', bottleneck: 'none', reason: r.error, warnings: [...warnings] };
    }
    values[id] = r.value;
  }
  // Absent layout cells mean no split (one device per replica); one that is present but not a number is said.
  for (const id of OPTIONAL_CELLS) {
    const r = graph.has(id) ? numberOf(graph, id) : undefined;
    if (r?.value !== undefined) values[id] = r.value;
    else if (r) warnings.add(`${r.error ?? `${id} is not a number`}; a per-GPU reading counts no ${id.split('.')[1]} split`);
  }
  const predicted = reader.compute(values);
  const identity = c.category === 'identity';
  const feasible = evaluation.card.feasibility.status !== 'FAIL';
  const bottleneck = identity ? 'none' : bottleneckClass(evaluation.binding_wall);
  if (!feasible && !identity) warnings.add(`the engine judges this run infeasible (${evaluation.card.feasibility.summary}); the prediction is still reported`);
  return {
    ...base,
    status: 'ok',
    predicted,
    error: (predicted - c.measured.value) / c.measured.value,
    // An identity is arithmetic on the model: no time is spent, so nothing binds.
    bottleneck,
    ...(c.expected_bottleneck ? { bottleneck_right: bottleneck === c.expected_bottleneck.class } : {}),
    ...(evaluation.binding_wall !== undefined && !identity ? { binding_wall: evaluation.binding_wall } : {}),
    feasible,
    warnings: [...warnings],
  };
}

/** Median of |error| over a group; undefined when nothing in it was evaluated. */
export function medianAbsError(results: readonly CaseResult[]): number | undefined {
  const errs = results.flatMap((r) => (r.error === undefined ? [] : [Math.abs(r.error)])).sort((a, b) => a - b);
  if (errs.length === 0) return undefined;
  const mid = errs.length >> 1;
  return errs.length % 2 ? errs[mid] : (errs[mid - 1] + errs[mid]) / 2;
}

export interface GroupSummary {
  readonly n: number;
  readonly evaluated: number;
  readonly median_abs_error?: number;
}

/** Bottleneck class against the class the sources state (cases that state one). */
export interface BottleneckSummary {
  /** Cases that state a class. */
  readonly stated: number;
  /** Of those, the evaluated ones (the share's denominator). */
  readonly evaluated: number;
  readonly right: number;
  /** right / evaluated; absent when nothing stating a class was evaluated. */
  readonly share?: number;
  /** Ids of the evaluated cases whose predicted class differs from the stated one. */
  readonly wrong: readonly string[];
}

export interface ValidationSummary {
  /** Per category (identity included, with its own line). */
  readonly categories: Readonly<Partial<Record<ValidationCategory, GroupSummary>>>;
  readonly splits: Readonly<Partial<Record<ValidationSplit, GroupSummary>>>;
  /** Over every non-identity case. */
  readonly overall: GroupSummary;
  /** Identity cases: the largest |error| (0 when the arithmetic is exact). */
  readonly identity: GroupSummary & { readonly max_abs_error?: number };
  readonly bottleneck_class: BottleneckSummary;
}

export interface ValidationReport {
  readonly results: readonly CaseResult[];
  readonly summary: ValidationSummary;
}

function group(results: readonly CaseResult[]): GroupSummary {
  const median = medianAbsError(results);
  return { n: results.length, evaluated: results.filter((r) => r.status === 'ok').length, ...(median !== undefined ? { median_abs_error: median } : {}) };
}

/** The predicted class against the stated one, over the evaluated cases that state one. */
export function bottleneckSummary(results: readonly CaseResult[]): BottleneckSummary {
  const stated = results.filter((r) => r.expected_bottleneck !== undefined);
  const scored = stated.filter((r) => r.bottleneck_right !== undefined);
  const right = scored.filter((r) => r.bottleneck_right).length;
  return {
    stated: stated.length, evaluated: scored.length, right, ...(scored.length ? { share: right / scored.length } : {}),
    wrong: scored.filter((r) => !r.bottleneck_right).map((r) => r.id),
  };
}

/** Medians per category, per split and overall (non-identity), the identity check and the bottleneck class. */
export function summarize(results: readonly CaseResult[]): ValidationSummary {
  const categories: Partial<Record<ValidationCategory, GroupSummary>> = {};
  for (const cat of new Set(results.map((r) => r.category))) categories[cat] = group(results.filter((r) => r.category === cat));
  const measured = results.filter((r) => r.category !== 'identity');
  const splits: Partial<Record<ValidationSplit, GroupSummary>> = {};
  for (const split of ['tune', 'holdout'] as const) {
    const inSplit = measured.filter((r) => r.split === split);
    if (inSplit.length) splits[split] = group(inSplit);
  }
  const ids = results.filter((r) => r.category === 'identity');
  const errs = ids.flatMap((r) => (r.error === undefined ? [] : [Math.abs(r.error)]));
  return {
    categories,
    splits,
    overall: group(measured),
    identity: { ...group(ids), ...(errs.length ? { max_abs_error: Math.max(...errs) } : {}) },
    bottleneck_class: bottleneckSummary(results),
  };
}

export interface ValidateOptions extends BuildOptions {
  readonly category?: ValidationCategory;
  /** Only the non-identity cases of this split. */
  readonly split?: ValidationSplit;
}

/** The cases the filters keep, in order. */
export function selectCases(cases: readonly ValidationCase[], opts: Pick<ValidateOptions, 'category' | 'split'> = {}): ValidationCase[] {
  return cases.filter((c) => (opts.category === undefined || c.category === opts.category) && (opts.split === undefined || c.split === opts.split));
}

/** Runs the selected cases and summarises them. */
export function runValidation(cases: readonly ValidationCase[], opts: ValidateOptions = {}): ValidationReport {
  const { category, split, ...build } = opts;
  const results = selectCases(cases, { category, split }).map((c) => runCase(c, build));
  return { results, summary: summarize(results) };
}
