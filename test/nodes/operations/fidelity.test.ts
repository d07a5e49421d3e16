/**
 * Issue 19's power, cost and carbon cells through whole scenarios: the properties (fleet energy ≥
 * GPU energy, rental cost linear in hours, carbon 0 at 0 g/kWh) and hand-derived cases (a DGX H100
 * fleet's node power, rental cost, cost per 1M input/output tokens, node capex, the grid warning).
 * The device power model at a stated activity is in test/nodes/node/power.test.ts; PSU redundancy
 * and interruptions ∝ fleet size in test/nodes/fleet/fragility.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/scenario/index.js';

type ScenarioInput = Record<string, unknown>;
type Graph = ReturnType<typeof evaluate>['built']['graph'];

const KWH = 3.6e6;

function graphOf(s: ScenarioInput): Graph {
  return evaluate(s).built.graph;
}

function num(g: Graph, id: string): number {
  const v = g.get(id);
  if (!v.ok || typeof v.value !== 'number') throw new Error(`${id}: ${v.ok ? String(v.value) : v.error.message}`);
  return v.value;
}

function warningsOf(g: Graph, id: string): readonly string[] {
  const v = g.get(id);
  return v.ok ? v.warnings : [];
}

/** Two DGX H100 (16 H100) training Llama-3-8B for `days` in Quebec, with extra overrides. */
const dgxFleet = (overrides: Record<string, unknown> = {}, days = 1, region: string | null = 'Quebec'): ScenarioInput => ({
  model: 'Llama3_8B', hardware: 'H100', mode: 'training',
  system: { node: 'DGX_H100', node_count: 2, accelerators_per_node: 8 },
  ...(region ? { region } : {}),
  ops: { duration_days: days },
  overrides,
});

describe('node power of a DGX H100 fleet (by hand)', () => {
  it('host power per node = 10.2 kW − 8 × 700 W = 4.6 kW (DGX H100 datasheet maximum)', () => {
    expect(num(graphOf(dgxFleet()), 'sustainability.host_power')).toBeCloseTo(4600, 9);
  });

  it('idle GPUs (u = 0): 16 × 70 W + 2 × 4.6 kW = 10.32 kW, 247.68 kWh in a day', () => {
    const g = graphOf(dgxFleet({ 'sustainability.utilization_mfu': 0 }));
    expect(num(g, 'sustainability.device_power')).toBeCloseTo(70, 9);
    expect(num(g, 'sustainability.it_energy') / KWH).toBeCloseTo((16 * 70 + 2 * 4600) * 24 / 1000, 6);
    expect(num(g, 'sustainability.device_energy') / KWH).toBeCloseTo(16 * 70 * 24 / 1000, 6);
  });

  it('full activity: each node draws its datasheet maximum, 2 × 10.2 kW × 24 h = 489.6 kWh', () => {
    // u = 1 ≥ the step's MFU: the step power, which the 700 W TDP caps in this compute-bound step.
    const g = graphOf(dgxFleet({ 'sustainability.utilization_mfu': 1 }));
    expect(num(g, 'sustainability.device_power')).toBeCloseTo(700, 6);
    expect(num(g, 'sustainability.it_energy') / KWH).toBeCloseTo(489.6, 6);
  });

  it('node capex is the node price × nodes when a node is named: 2 × $350,000', () => {
    const g = graphOf(dgxFleet());
    expect(num(g, 'capital.node_unit_cost')).toBe(350_000);
    expect(num(g, 'capital.capex_total')).toBe(700_000);
  });

  it('the TDP × hours accounting view sits beside it: 16 × 700 W × 24 h = 268.8 kWh', () => {
    expect(num(graphOf(dgxFleet()), 'sustainability.tdp_energy') / KWH).toBeCloseTo(268.8, 6);
  });
});

describe('rental cost and cost per token (by hand)', () => {
  it('16 H100 at the GPU-cloud price ($2.99/GPU-hour) for a day = $1,148.16', () => {
    const g = graphOf(dgxFleet({ 'capital.cost_model': 'rental', 'capital.rental_provider': 'gpu_cloud' }));
    expect(num(g, 'capital.rental_price') * 3600).toBeCloseTo(2.99, 9);
    expect(num(g, 'capital.period_cost')).toBeCloseTo(16 * 2.99 * 24, 6);
  });

  it('an edited rental price is used: $2/GPU-hour × 16 × 24 h = $768', () => {
    const g = graphOf(dgxFleet({ 'capital.cost_model': 'rental', 'capital.rental_price_gpu_cloud': 2 / 3600 }));
    expect(num(g, 'capital.rental_cost')).toBeCloseTo(768, 6);
  });

  it('per 1M tokens: output at Θ, input at the prefill rate N·η·peak/forward FLOPs', () => {
    const e = evaluate({
      model: 'Llama3_8B', hardware: 'H100', mode: 'inference', region: 'Quebec', ops: { duration_days: 1 },
      overrides: { 'capital.cost_model': 'rental', 'capital.rental_provider': 'gpu_cloud', 'scenario.efficiency': 0.5 },
      pins: { 'capital.sustained_throughput': 1000 },
    });
    const g = e.built.graph;
    const rate = 2.99 / 3600; // USD/s for one H100
    // Output: $2.99/h ÷ 1,000 tokens/s × 10⁶ = $0.8306.
    expect(num(g, 'capital.cost_per_million_output_tokens')).toBeCloseTo((rate / 1000) * 1e6, 9);
    // Input: Θ_in = 0.5 × 989 TFLOP/s ÷ (2 × 8.03e9 + attention) FLOPs per token.
    const thetaIn = (0.5 * num(g, 'hardware.peak_flops')) / num(g, 'workload.forward_flops_per_token');
    expect(num(g, 'capital.prefill_token_rate')).toBeCloseTo(thetaIn, 6);
    expect(num(g, 'capital.cost_per_million_input_tokens')).toBeCloseTo((rate / thetaIn) * 1e6, 12);
    expect(num(g, 'capital.cost_per_million_input_tokens')).toBeLessThan(num(g, 'capital.cost_per_million_output_tokens'));
  });

  it('property: rental cost is linear in hours', () => {
    const one = num(graphOf(dgxFleet({ 'capital.cost_model': 'rental' }, 1)), 'capital.rental_cost');
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), (days) => {
      const c = num(graphOf(dgxFleet({ 'capital.cost_model': 'rental' }, days)), 'capital.rental_cost');
      return Math.abs(c - days * one) <= 1e-9 * days * one;
    }), { numRuns: 8 });
  });

  it('a training run costs the cost rate × the time to train', () => {
    const g = graphOf(dgxFleet({ 'capital.cost_model': 'rental' }));
    expect(num(g, 'capital.cost_per_training_run')).toBeCloseTo(num(g, 'capital.cost_rate') * num(g, 'complexity.time_to_train'), 6);
  });
});

describe('energy and carbon properties', () => {
  it('property: fleet energy ≥ the GPUs\' energy (host power ≥ 0) at any utilisation', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (u) => {
      const g = graphOf(dgxFleet({ 'sustainability.utilization_mfu': u }));
      return num(g, 'sustainability.it_energy') >= num(g, 'sustainability.device_energy');
    }), { numRuns: 8 });
  });

  it('property: zero carbon intensity gives zero operational carbon, and zero per query', () => {
    const g = graphOf({
      model: 'Llama3_8B', hardware: 'H100', mode: 'inference', region: 'Quebec', ops: { duration_days: 1 },
      overrides: { 'infra.carbon_intensity': 0, 'sustainability.include_embodied': false },
    });
    expect(num(g, 'sustainability.operational_carbon')).toBe(0);
    expect(num(g, 'sustainability.carbon_per_million_items')).toBe(0);
    expect(num(g, 'sustainability.carbon_per_query')).toBe(0);
    expect(num(g, 'sustainability.energy_per_query')).toBeGreaterThan(0);
  });

  it('warns when the grid region is defaulted (US_Avg), not when it is named', () => {
    const named = warningsOf(graphOf(dgxFleet()), 'sustainability.operational_carbon');
    const defaulted = warningsOf(graphOf(dgxFleet({}, 1, null)), 'sustainability.operational_carbon');
    expect(named.some((w) => /US_Avg/.test(w))).toBe(false);
    expect(defaulted.some((w) => /no region given: the US_Avg grid/.test(w))).toBe(true);
  });
});
