/**
 * evaluate(scenario): the seed's example plan end to end, and "same numbers as the live
 * graph" — every scorecard metric equals its metric cell and its §11.2 source cell × scale,
 * and cellReport equals graph.get for every cell, in inference, serving and training.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LiveGraph } from '../../src/graph/index.js';
import {
  buildScenario, cellReport, evaluate, evaluateBuilt, type Evaluation, headlineCell, type Scenario,
} from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js';

const example = readFileSync(new URL('../../examples/example_cluster.yaml', import.meta.url), 'utf8');

describe('evaluate() runs the seed example plan (Llama3_70B, batch 4096, 64 × H100, Quebec, 14 days)', () => {
  const e = evaluate(loadPlanText(example).scenario);
  const g = e.built.graph;

  it('as a training scenario whose auto layout is chosen and reported', () => {
    expect(e.mode).toBe('training');
    expect(e.layout?.auto).toBe(true);
    const t = e.layout!.values['communication.tp'] as number;
    const p = e.layout!.values['communication.pp'] as number;
    const c = e.layout!.values['communication.cp'] as number;
    // §11.4 widened: t divides g = 8; p ≤ L = 80; dp = 64/(t·p·c) integral (c the context-parallel degree).
    expect([1, 2, 4, 8]).toContain(t);
    expect(64 % (t * p * c)).toBe(0);
    expect(g.value('communication.dp')).toBe(64 / (t * p * c));
    // The layout is applied to the live graph and it fits.
    for (const [id, v] of Object.entries(e.layout!.values)) expect(g.value(id)).toBe(v);
    expect(g.value('communication.train_feasible')).toBe(true);
    expect(e.layout!.feasible).toBeGreaterThan(0);
  });

  it('in Quebec for 14 days, so Macro is active', () => {
    expect(g.value('capital.duration')).toBe(14 * 86400);
    expect(e.card.macro.status).not.toBe('SKIPPED');
    // Quebec: 20 g/kWh → 20/3.6e6 g/J; WUE 0 L/kWh, so no water.
    expect(g.value('infra.carbon_intensity')).toBeCloseTo(20 / 3.6e6, 15);
    expect(e.card.macro.metrics.water_l.value).toBe(0);
  });

  it('and its assert performance.latency ≤ 50 ms fails: a 4096 × 2048-token step takes minutes (exit 3)', () => {
    // Lower bound: 6·P·tokens / (N·peak·η) = 6·70.6e9·4096·2048 / (64·989e12·0.5) = 112.2 s ≫ 50 ms.
    expect(e.card.performance.metrics.latency.value!).toBeGreaterThan(112.2e3);
    expect(e.asserts).toHaveLength(1);
    expect(e.asserts[0]).toMatchObject({ metric: 'performance.latency', max: 50, passed: false });
    expect(e.card.feasibility.status).toBe('PASS');
    expect(e.exit_code).toBe(3);
  });
});

/** §11.2's source cell and scale for every metric of a mode (written from the spec, not the code). */
const SOURCES: Record<string, Record<string, [string, number]>> = {
  inference: {
    'feasibility.memory_used_gb': ['memory.memory_footprint', 1e-9], 'feasibility.memory_capacity_gb': ['hardware.memory_capacity', 1e-9],
    'feasibility.memory_utilization': ['memory.memory_utilization', 1], 'performance.latency': ['compute.latency', 1e3],
    'performance.throughput': ['compute.throughput', 1], 'performance.mfu': ['compute.mfu', 1], 'performance.hfu': ['compute.hfu', 1],
  },
  serving: {
    'feasibility.memory_used_gb': ['serving.memory_required', 1e-9], 'feasibility.memory_utilization': ['serving.memory_utilization', 1],
    'performance.latency': ['serving.itl', 1e3], 'performance.itl': ['serving.itl', 1e3], 'performance.ttft': ['serving.ttft', 1e3],
    'performance.request_latency': ['serving.request_latency', 1e3], 'performance.throughput': ['serving.tokens_per_second', 1],
    'performance.mfu': ['compute.mfu', 1], 'performance.p99_latency': ['tail_latency.p99_latency', 1e3],
    'performance.required_replicas': ['tail_latency.required_replicas', 1],
  },
  training: {
    'feasibility.memory_used_gb': ['communication.train_memory', 1e-9], 'feasibility.memory_capacity_gb': ['hardware.memory_capacity', 1e-9],
    'feasibility.memory_utilization': ['communication.train_memory_utilization', 1],
    'performance.step_latency': ['communication.step_latency', 1e3], 'performance.latency': ['communication.step_latency', 1e3],
    'performance.comm_overhead': ['communication.comm_overhead', 1e3], 'performance.fleet_throughput': ['communication.fleet_throughput', 1],
    'performance.mfu': ['communication.fleet_mfu', 1], 'performance.node_mfu': ['communication.node_mfu', 1],
    'performance.scaling_efficiency': ['communication.scaling_efficiency', 1], 'performance.hfu': ['communication.fleet_hfu', 1],
    'performance.bubble_fraction': ['communication.bubble_fraction', 1],
  },
};
const MACRO: Record<string, [string, number]> = {
  'macro.tco_usd': ['capital.tco_usd', 1], 'macro.capex': ['capital.capex', 1], 'macro.energy_cost': ['capital.energy_cost', 1],
  'macro.carbon_footprint': ['sustainability.carbon_footprint', 1e-6], 'macro.embodied': ['sustainability.embodied_carbon_share', 1e-6],
  'macro.energy_kwh': ['sustainability.facility_energy', 1 / 3.6e6], 'macro.water_l': ['sustainability.water_usage', 1],
};

const num = (g: LiveGraph, id: string): number => {
  const v = g.get(id);
  if (!v.ok || typeof v.value !== 'number') throw new Error(`${id} is not a number`);
  return v.value;
};

function agreesWithGraph(e: Evaluation, g: LiveGraph, mode: string): void {
  let checked = 0;
  for (const lens of [e.card.feasibility, e.card.performance, e.card.macro]) {
    for (const m of Object.values(lens.metrics)) {
      const id = `${lens.name}.${m.key}`;
      expect(m.value, `${id}: ${m.error ?? ''}`).toBeDefined();
      // The metric cell holds the display value (null = +∞ in the card).
      expect(m.value).toBe(num(g, id) === Infinity ? null : num(g, id));
      const [source, scale] = SOURCES[mode][id] ?? MACRO[id] ?? ['', 0];
      if (source) expect(m.value, id).toBeCloseTo(num(g, source) * scale, 9);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(7);
}

function reportMatches(g: LiveGraph): void {
  const report = cellReport(g);
  expect(Object.keys(report)).toEqual(g.topology.ids);
  for (const id of g.topology.ids) {
    const v = g.get(id);
    const r = report[id];
    if (v.ok) expect('value' in r ? r.value : r.error, id).toBe(v.value);
    else expect(r, id).toMatchObject({ error: v.error.message, kind: v.error.kind });
    expect(r.unit).toBe(g.def(id).unit);
  }
}

const SCENARIOS: [string, Scenario][] = [
  ['inference', { model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 8 } }],
  ['serving', { model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides: { 'tail_latency.arrival_rate': 2 } }],
  ['training', {
    model: 'Llama3_8B', hardware: 'H100', system: 'Training_1K', region: 'Texas', ops: { duration_days: 7 },
    overrides: { 'communication.tp': 8, 'communication.global_batch_size': 1024 },
  }],
];

describe('evaluate() reports the same numbers as the live graph', () => {
  for (const [mode, s] of SCENARIOS) {
    it(`${mode}: every scorecard metric equals its metric cell and its §11.2 source × scale`, () => {
      const e = evaluate({ ...s, ops: s.ops ?? { duration_days: 1 } });
      expect(e.mode).toBe(mode);
      agreesWithGraph(e, e.built.graph, mode);
      expect(Object.keys(e.card.macro.metrics).sort()).toEqual(Object.keys(MACRO).map((k) => k.slice(6)).sort());
    });
    it(`${mode}: cellReport equals graph.get for every cell`, () => {
      reportMatches(evaluate(s).built.graph);
    });
  }

  it('evaluateBuilt reads the graph as it stands after an edit', () => {
    const built = buildScenario({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } });
    built.graph.set('scenario.batch_size', 64);
    const e = evaluateBuilt(built);
    // §12.1 B = 64 (η 0.5 and η_bw = 1 pinned, issue 19): latency 10.2523 ms.
    expect(e.card.performance.metrics.latency.value).toBeCloseTo(10.2523490101, 6);
    agreesWithGraph(e, built.graph, 'inference');
  });
});

describe('evaluate() exit codes (§11.6)', () => {
  it('0 for a feasible scenario without asserts; 2 when infeasible (70B on one H100)', () => {
    expect(evaluate({ model: 'Llama3_8B', hardware: 'H100' }).exit_code).toBe(0);
    expect(evaluate({ model: 'Llama3_70B', hardware: 'H100' }).exit_code).toBe(2);
  });
  it('1 when an input is refused, naming the cell (fp8 on A100 is unsupported; batch 0 is invalid)', () => {
    const fp8 = evaluate({ model: 'Llama3_8B', hardware: 'A100', overrides: { 'scenario.precision': 'fp8' } });
    expect(fp8.exit_code).toBe(1);
    expect(fp8.input_error).toMatch(/fp8/);
    const b0 = evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 0 } });
    expect(b0.exit_code).toBe(1);
    expect(b0.input_error).toMatch(/scenario\.batch_size/);
  });
  it('1 for an input refused by its domain even when no headline metric reads it', () => {
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'fidelity.target_precision': 'fp12' } });
    expect(e.built.graph.get('fidelity.target_precision')).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(e.card.performance.status).toBe('PASS');
    expect(e.exit_code).toBe(1);
    expect(e.input_error).toMatch(/^fidelity\.target_precision: /);
  });
  it('headlineCell names wall 21’s default output per mode', () => {
    expect(headlineCell('inference')).toBe('compute.latency');
    expect(headlineCell('serving')).toBe('serving.itl');
    expect(headlineCell('training')).toBe('communication.step_latency');
  });
});
