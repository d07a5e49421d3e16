/**
 * Scorecard metric keys (physics.md §11.2) and the assert schema (§11.6).
 *
 * Asserts name a metric `<lens>.<key>`; bounds are in the metric's display unit, and a bound
 * written with a unit ("50 ms", "2 t") is converted to that unit. The key list is the union
 * over all modes: a key that exists in some mode is valid here; whether this evaluation
 * produces it is decided when the scorecard is built.
 */
import { z } from 'zod';
import { parseQuantity, UnitError } from '../graph/index.js';
import { nonEmptyText, ruleError, showInput, strictMap } from './fields.js';

/** Every §11.2 metric → its display unit (the unit assert bounds are written in). */
export const METRIC_UNITS = {
  'feasibility.memory_used_gb': 'GB',
  'feasibility.memory_capacity_gb': 'GB',
  'feasibility.memory_utilization': '1',
  'performance.latency': 'ms',
  'performance.throughput': '1/s',
  'performance.mfu': '1',
  'performance.hfu': '1',
  'performance.ttft': 'ms',
  'performance.itl': 'ms',
  'performance.request_latency': 'ms',
  'performance.p99_latency': 'ms',
  'performance.required_replicas': '1',
  'performance.step_latency': 'ms',
  'performance.comm_overhead': 'ms',
  'performance.fleet_throughput': '1/s',
  'performance.node_mfu': '1',
  'performance.scaling_efficiency': '1',
  'performance.bubble_fraction': '1',
  'macro.tco_usd': 'USD',
  'macro.capex': 'USD',
  'macro.energy_cost': 'USD',
  'macro.carbon_footprint': 't',
  'macro.embodied': 't',
  'macro.energy_kwh': 'kWh',
  'macro.water_l': 'L',
} as const satisfies Record<string, string>;

export type MetricKey = keyof typeof METRIC_UNITS;
export const METRIC_KEYS = Object.keys(METRIC_UNITS) as MetricKey[];

export function isMetricKey(name: string): name is MetricKey {
  return Object.prototype.hasOwnProperty.call(METRIC_UNITS, name);
}

/** A bound: a number in the metric's display unit, or text with a unit ("50 ms"). */
const boundSchema = z.union([z.number(), z.string()], {
  error: ruleError("a number in the metric's display unit, or text with a unit such as '50 ms'"),
});

/** Converts a bound to the display unit of `metric`; throws UnitError for a bad unit. */
export function boundValue(bound: number | string, metric: MetricKey): number {
  return typeof bound === 'number' ? bound : parseQuantity(bound, METRIC_UNITS[metric]);
}

/** §11.6: {metric, min?, max?}; at least one bound; min ≤ max; bounds in the display unit. */
export const assertSchema = strictMap({
  metric: nonEmptyText(),
  min: boundSchema.optional(),
  max: boundSchema.optional(),
}).superRefine((a, ctx) => {
  if (!isMetricKey(a.metric)) {
    ctx.addIssue({
      code: 'custom', path: ['metric'], input: a.metric,
      message: `must be a scorecard metric <lens>.<key> (got ${showInput(a.metric)}; valid: ${METRIC_KEYS.join(', ')})`,
    });
    return;
  }
  if (a.min === undefined && a.max === undefined) {
    ctx.addIssue({ code: 'custom', path: [], input: a, message: 'needs at least one of min and max' });
    return;
  }
  const values: { min?: number; max?: number } = {};
  for (const side of ['min', 'max'] as const) {
    const bound = a[side];
    if (bound === undefined) continue;
    try {
      const v = boundValue(bound, a.metric);
      if (Number.isNaN(v)) throw new UnitError('not a number');
      values[side] = v;
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      ctx.addIssue({
        code: 'custom', path: [side], input: bound,
        message: `must be a number in ${METRIC_UNITS[a.metric]} (the display unit of ${a.metric}) or text with a unit of that kind (got ${showInput(bound)}: ${e.message})`,
      });
    }
  }
  if (values.min !== undefined && values.max !== undefined && values.min > values.max) {
    ctx.addIssue({
      code: 'custom', path: ['min'], input: a.min,
      message: `must be ≤ max (got min ${showInput(a.min)} > max ${showInput(a.max)})`,
    });
  }
});

export type AssertSpec = z.infer<typeof assertSchema>;

/** An assert's bounds in the metric's display unit (call on a validated AssertSpec). */
export function assertBounds(spec: AssertSpec): { metric: MetricKey; min?: number; max?: number } {
  if (!isMetricKey(spec.metric)) throw new UnitError(`unknown metric ${spec.metric}`);
  const metric = spec.metric;
  return {
    metric,
    ...(spec.min !== undefined ? { min: boundValue(spec.min, metric) } : {}),
    ...(spec.max !== undefined ? { max: boundValue(spec.max, metric) } : {}),
  };
}
