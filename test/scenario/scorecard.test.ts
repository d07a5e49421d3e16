/**
 * The 3-lens scorecard (physics.md §11.1–11.2): lens statuses and summaries, metrics with
 * mlsysim's keys and display units, and Macro's TCO, energy, water and carbon (embodied
 * included). Expected values are the worked examples of §12 or hand arithmetic shown inline.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Scenario, worst } from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';
import { goldenCase } from '../helpers/golden.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js';

const decode = (batch: number, extra: Record<string, number | string> = {}): Scenario => ({
  model: 'Llama3_8B', hardware: 'H100',
  overrides: { 'scenario.batch_size': batch, ...FIRST_BUILD_DEFAULTS, ...extra }, // §12 inputs pinned (issue 19)
});

describe('scorecard lenses (§11.1)', () => {
  it('§12.1 B = 1: Feasibility "16.3 GB / 80.0 GB used", Performance "Memory Bound", Macro SKIPPED', () => {
    const { card } = evaluate(decode(1));
    expect(card.feasibility).toMatchObject({ level_name: 'Memory Feasibility', status: 'PASS', summary: '16.3 GB / 80.0 GB used' });
    expect(card.performance).toMatchObject({ level_name: 'Single Node Performance', status: 'PASS', summary: 'Memory Bound' });
    expect(card.macro).toMatchObject({ level_name: 'Economics & Sustainability', status: 'SKIPPED', summary: 'No Ops config provided', metrics: {} });
    expect(card.passed_all).toBe(true);
  });

  it('memory utilisation above 0.90 is a Feasibility WARNING, which still passes', () => {
    // B = 220: 16.06e9 + 220·(268 435 456 KV + 131 072 working set) = 7.51447e10 B → U = 0.939309.
    const { card } = evaluate(decode(220));
    expect(card.feasibility.metrics.memory_utilization.value).toBeCloseTo(0.939309, 5);
    expect(card.feasibility.status).toBe('WARNING');
    expect(card.passed_all).toBe(true);
  });

  it('offload (§12.1, 70B on one H100): Feasibility FAIL forces Performance FAIL "(infeasible)"', () => {
    const { card } = evaluate({ model: 'Llama3_70B', hardware: 'H100' });
    expect(card.feasibility.status).toBe('FAIL');
    expect(card.feasibility.summary).toBe('141.9 GB / 80.0 GB used');
    expect(card.performance).toMatchObject({ status: 'FAIL', summary: 'Host link Bound (infeasible)' });
    expect(card.passed_all).toBe(false);
  });

  it('compute-bound decode (x = 128, B = 256 > B* = 173.666, §12.1) reads "Compute Bound"', () => {
    expect(evaluate(decode(256, { 'scenario.context_len': 128 })).card.performance.summary).toBe('Compute Bound');
  });

  it('training (§12.2): "32.7 GB / 80.0 GB used per GPU" and "Scaling Efficiency: 77.2%" on the fleet lens', () => {
    const c = goldenCase('spec-12.2-train-70b-1024-h100');
    const { scenario } = loadPlanText((c.inputs as { plan_yaml: string }).plan_yaml);
    const { card } = evaluate(scenario, { overrides: (c.inputs as { overrides: Record<string, number | string | boolean> }).overrides });
    expect(card.feasibility.summary).toBe('32.7 GB / 80.0 GB used per GPU');
    expect(card.performance).toMatchObject({ level_name: 'Fleet Performance', status: 'PASS', summary: 'Scaling Efficiency: 77.2%' });
    expect(Object.keys(card.performance.metrics)).toEqual([
      'step_latency', 'latency', 'comm_overhead', 'fleet_throughput', 'mfu', 'node_mfu', 'scaling_efficiency', 'hfu', 'bubble_fraction',
    ]);
    // performance.latency is an alias of step_latency (§11.2): 10 006.2 ms.
    expect(card.performance.metrics.latency.value).toBeCloseTo(10006.1947341, 3);
    expect(card.performance.metrics.step_latency.value).toBe(card.performance.metrics.latency.value);
  });

  it('worst() ranks ERROR > FAIL > WARNING > PASS > SKIPPED', () => {
    expect(worst(['PASS', 'WARNING', 'SKIPPED'])).toBe('WARNING');
    expect(worst(['FAIL', 'ERROR', 'PASS'])).toBe('ERROR');
    expect(worst(['PASS', 'FAIL', 'WARNING'])).toBe('FAIL');
    expect(worst([])).toBe('SKIPPED');
  });
});

describe('scorecard metrics carry mlsysim keys and display units (§11.2)', () => {
  it('inference: memory in GB, latency in ms', () => {
    const m = evaluate(decode(1)).card;
    expect(Object.fromEntries(Object.values(m.feasibility.metrics).map((x) => [x.key, x.unit]))).toEqual({
      memory_used_gb: 'GB', memory_capacity_gb: 'GB', memory_utilization: 'fraction',
    });
    expect(m.feasibility.metrics.memory_used_gb.value).toBeCloseTo(16.328566528, 8);
    expect(m.feasibility.metrics.memory_capacity_gb.value).toBe(80);
    expect(m.performance.metrics.latency).toMatchObject({ unit: 'ms' });
    expect(m.performance.metrics.latency.value).toBeCloseTo(5.20415983761, 8);
  });

  it('serving adds ttft, itl and request_latency in ms; p99 only when a QPS is set', () => {
    const plain = evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' }).card.performance.metrics;
    expect(Object.keys(plain)).toEqual(['latency', 'throughput', 'mfu', 'ttft', 'itl', 'request_latency']);
    const withQps = evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides: { 'tail_latency.arrival_rate': 1 } });
    expect(withQps.card.performance.metrics.p99_latency.unit).toBe('ms');
    // required_replicas needs a p99 target too; unset, it is simply not produced (not an error).
    expect(withQps.card.performance.metrics.required_replicas).toBeUndefined();
  });

  describe('Macro with ops: 8 × H100 for 1 day in US_Avg (§12.3 figures, catalogue grid)', () => {
    const e = evaluate({
      model: 'Llama3_8B', hardware: 'H100', system: { node_count: 1, accelerators_per_node: 8 }, ops: { duration_days: 1 },
      // §12.3's power model and host power 0 (issue 19 made the activity model and node host power the defaults).
      overrides: { 'communication.tp': 8, ...FIRST_BUILD_DEFAULTS, 'sustainability.host_power': 0 },
    });
    const m = e.card.macro.metrics;
    const v = (k: string) => m[k].value as number;

    it('has the seven keys in their units and a "TCO: $N" summary', () => {
      expect(Object.fromEntries(Object.values(m).map((x) => [x.key, x.unit]))).toEqual({
        tco_usd: 'USD', capex: 'USD', energy_cost: 'USD', carbon_footprint: 't', embodied: 't', energy_kwh: 'kWh', water_l: 'L',
      });
      expect(e.card.macro.status).toBe('PASS');
      expect(e.card.macro.summary).toBe(`TCO: $${Math.round(v('tco_usd')).toLocaleString('en-US')}`);
    });

    it('capex and embodied carbon are one day of three years (§12.3: $219.178, 0.00119817 t)', () => {
      // 8 × $30 000 / (3 × 365) = 219.178; 8 × 164 kg / (3 × 365) = 1.19817 kg.
      expect(v('capex')).toBeCloseTo(219.178082, 5);
      expect(v('embodied')).toBeCloseTo(0.00119817352, 10);
    });

    it('energy follows P = 700·(0.3 + 0.7·mfu) per GPU, PUE 1.12, at the scenario’s own MFU', () => {
      const mfu = e.card.performance.metrics.mfu.value as number;
      const itKwh = (8 * 700 * (0.3 + 0.7 * mfu) * 86400) / 3.6e6;
      expect(v('energy_kwh')).toBeCloseTo(itKwh * 1.12, 6);
      // Water on IT energy at 1.8 L/kWh; energy cost at $0.0806/kWh of facility energy.
      expect(v('water_l')).toBeCloseTo(itKwh * 1.8, 6);
      expect(v('energy_cost')).toBeCloseTo(itKwh * 1.12 * 0.0806, 6);
      // Carbon = facility kWh × 366 g/kWh + embodied, in t.
      expect(v('carbon_footprint')).toBeCloseTo((itKwh * 1.12 * 366) / 1e6 + v('embodied'), 9);
    });

    it('tco = capex + energy cost + maintenance (5 %/year of $240 000 for a day = $32.8767)', () => {
      expect(v('tco_usd')).toBeCloseTo(v('capex') + v('energy_cost') + 32.876712, 5);
    });
  });
});
