/**
 * Asserts (physics.md §11.6): inclusive bounds in the metric's display unit, +∞ fails any max
 * and passes any min, unavailable or error metrics fail with the reason, bounds may carry
 * units, and a failed assert on a feasible scenario exits 3.
 */
import { describe, expect, it } from 'vitest';
import {
  type AssertSpec, checkAsserts, evaluate, type Lens, type Metric, type Scenario, type Scorecard, ScenarioInputError,
} from '../../src/scenario/index.js';

function lens(name: Lens['name'], metrics: Record<string, number | null>, status: Lens['status'] = 'PASS'): Lens {
  const ms: Record<string, Metric> = {};
  for (const [key, value] of Object.entries(metrics)) ms[key] = { key, cell: `${name}.${key}`, unit: 'ms', value };
  return { name, level_name: name, status, summary: status === 'SKIPPED' ? 'No Ops config provided' : '', metrics: ms, reasons: [] };
}

/** A card whose performance.latency is `latency` (ms) and whose p99 is +∞. */
function card(latency: number): Scorecard {
  return {
    feasibility: lens('feasibility', { memory_utilization: 0.5 }),
    performance: lens('performance', { latency, p99_latency: null }),
    macro: lens('macro', {}, 'SKIPPED'),
    passed_all: true,
  };
}
const check = (spec: AssertSpec, latency = 50) => checkAsserts([spec], card(latency))[0];

describe('checkAsserts at the boundaries (inclusive)', () => {
  it('a value exactly at max passes; just above fails with "<metric> (<v>) exceeds max (<max>)"', () => {
    expect(check({ metric: 'performance.latency', max: 50 })).toMatchObject({ passed: true, value: 50, max: 50 });
    const above = check({ metric: 'performance.latency', max: 50 }, 50 * (1 + 1e-12));
    expect(above.passed).toBe(false);
    expect(check({ metric: 'performance.latency', max: 50 }, 51).message).toBe('performance.latency (51) exceeds max (50)');
  });

  it('a value exactly at min passes; just below fails with "… is below min (…)"', () => {
    expect(check({ metric: 'performance.latency', min: 50 }).passed).toBe(true);
    expect(check({ metric: 'performance.latency', min: 50 }, 50 * (1 - 1e-12)).passed).toBe(false);
    expect(check({ metric: 'performance.latency', min: 50 }, 49).message).toBe('performance.latency (49) is below min (50)');
  });

  it('min and max together: inside passes, both edges pass', () => {
    for (const v of [10, 30, 50]) expect(check({ metric: 'performance.latency', min: 10, max: 50 }, v).passed).toBe(true);
  });

  it('+∞ (null) fails any max and passes any min', () => {
    const [max, min] = checkAsserts([{ metric: 'performance.p99_latency', max: 1e300 }, { metric: 'performance.p99_latency', min: 0 }], card(1));
    expect(max).toMatchObject({ passed: false, value: null, message: 'performance.p99_latency (∞) exceeds max (1e+300)' });
    expect(min).toMatchObject({ passed: true, value: null });
  });

  it('messages show v to 6 significant digits without separators', () => {
    expect(check({ metric: 'performance.latency', max: 50 }, 119593.64099).message).toBe('performance.latency (119594) exceeds max (50)');
  });
});

describe('asserts in evaluate()', () => {
  const llama = (asserts: AssertSpec[], extra: Partial<Scenario> = {}): ReturnType<typeof evaluate> =>
    evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.bandwidth_efficiency': 1 }, asserts, ...extra });

  it('a Macro key without ops fails as not available, naming why', () => {
    const [a] = llama([{ metric: 'macro.tco_usd', max: 1e9 }]).asserts;
    expect(a.passed).toBe(false);
    expect(a.message).toBe('macro.tco_usd is not available in this evaluation (Economics & Sustainability is skipped: No Ops config provided)');
  });

  it('performance.step_latency in inference fails as not available; the scenario exits 3', () => {
    const e = llama([{ metric: 'performance.step_latency', max: 1e9 }]);
    expect(e.asserts[0]).toMatchObject({ passed: false });
    expect(e.asserts[0].message).toMatch(/^performance\.step_latency is not available in this evaluation \(/);
    expect(e.exit_code).toBe(3);
  });

  it('bounds with units convert to the display unit: "5.3 ms" and "0.0053 s" both pass 5.20416 ms', () => {
    const e = llama([{ metric: 'performance.latency', max: '5.3 ms' }, { metric: 'performance.latency', max: '0.0053 s' }, { metric: 'performance.latency', max: '5 ms' }]);
    expect(e.asserts.map((a) => a.max)).toEqual([5.3, 5.3, 5]);
    expect(e.asserts.map((a) => a.passed)).toEqual([true, true, false]);
    expect(e.exit_code).toBe(3);
  });

  it('"2 t" and "2000 kg" are the same carbon bound (t CO2e)', () => {
    const ops = { system: { node_count: 1, accelerators_per_node: 8 }, ops: { duration_days: 1 }, overrides: { 'communication.tp': 8 } };
    const e = llama([{ metric: 'macro.carbon_footprint', max: '2 t' }, { metric: 'macro.carbon_footprint', max: '2000 kg' }], ops);
    expect(e.asserts.map((a) => a.max)).toEqual([2, 2]);
    // One day of 8 H100s is well under 2 t (§12.3: 0.0431729 t at mfu 0.5).
    expect(e.asserts.every((a) => a.passed)).toBe(true);
    expect(e.exit_code).toBe(0);
  });

  it('a unit of the wrong dimension, an unknown metric or min > max is bad input', () => {
    expect(() => llama([{ metric: 'performance.latency', max: '50 GB' }])).toThrow(ScenarioInputError);
    expect(() => llama([{ metric: 'performance.speed', max: 1 }])).toThrow(/valid: feasibility\.memory_used_gb/);
    expect(() => llama([{ metric: 'performance.latency', min: 2, max: 1 }])).toThrow(ScenarioInputError);
  });

  it('an infeasible scenario exits 2 whatever its asserts', () => {
    const e = evaluate({ model: 'Llama3_70B', hardware: 'H100', asserts: [{ metric: 'performance.latency', max: 1e-9 }] });
    expect(e.asserts[0].passed).toBe(false);
    expect(e.exit_code).toBe(2);
  });

  it('an error metric fails and repeats the root message', () => {
    const e = llama([{ metric: 'performance.latency', max: 50 }], { overrides: { 'scenario.batch_size': 0 } });
    expect(e.asserts[0].passed).toBe(false);
    expect(e.asserts[0].message).toMatch(/^performance\.latency is an error: .*batch_size/);
    expect(e.exit_code).toBe(1);
  });
});
