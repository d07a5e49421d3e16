/**
 * Wall 18 (Sustainability): golden cases, §12.3, the properties of the issue, and the
 * wiring that makes edits recompute only their cone.
 *
 *   scenario.batch_size ─► compute.latency ─► compute.mfu ─► utilization_mfu_effective ─► device_power
 *        ─► it_energy ─► facility_energy ─► operational_carbon ─► carbon_footprint ─► status
 *                     └► water_usage     └► capital.energy_cost ─► total_opex ─► tco_usd
 *   infra.carbon_intensity ─► operational_carbon (only)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { casesForWalls, expectClose, goldenCase } from '../../helpers/golden.js';
import { context, H100 } from '../fixtures.js';
import { inferenceDefs, inferenceGraph, macroWalls, numberAt } from '../infra/wall-graphs.js';
import { macroExpected, macroGraph } from './macro-cases.js';

const KWH = 3.6e6;
const DAY = 86400;

describe('wall 18 golden cases', () => {
  for (const c of casesForWalls('18')) {
    if (c.id === 'ref.sustainability_poland_vs_quebec') continue; // two grids: below
    it(`${c.id} matches`, () => {
      const g = macroGraph(c.inputs);
      for (const [key, want] of Object.entries(c.expected)) expectClose(macroExpected(g, key), want, c.tolerance_rel, `${c.id} ${key}`);
    });
  }

  it('ref.sustainability_poland_vs_quebec: same IT energy, carbon ∝ PUE·CI', () => {
    const c = goldenCase('ref.sustainability_poland_vs_quebec');
    const i = c.inputs as Record<string, unknown> & { poland: Record<string, number>; quebec: Record<string, number> };
    const base = {
      devices: i.devices, nodes: i.nodes, tdp_W: i.tdp_W, duration_s: i.duration_s, utilization_mfu: i.utilization_mfu, include_embodied: false,
      power_model: i.power_model,
    };
    const pl = macroGraph({ ...base, ...i.poland });
    const qc = macroGraph({ ...base, ...i.quebec });
    const e = c.expected as Record<string, number>;
    expectClose(numberAt(pl, 'sustainability.operational_carbon'), e['operational_carbon[Poland]'], c.tolerance_rel);
    expectClose(numberAt(qc, 'sustainability.operational_carbon'), e['operational_carbon[Quebec]'], c.tolerance_rel);
    expectClose(numberAt(pl, 'sustainability.operational_carbon') / numberAt(qc, 'sustainability.operational_carbon'),
      e.operational_carbon_ratio_poland_over_quebec, c.tolerance_rel);
  });
});

describe('§12.3 by hand', () => {
  it('8 × H100 for a day at mfu 0.5', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs);
    // P = 700·(0.3 + 0.7·0.5) = 455 W; E_IT = 8·455 W·24 h = 87.36 kWh; ×1.12 = 97.8432 kWh.
    expectClose(numberAt(g, 'sustainability.device_power'), 455, 1e-12);
    expectClose(numberAt(g, 'sustainability.it_energy') / KWH, 87.36, 1e-12);
    expectClose(numberAt(g, 'sustainability.facility_energy') / KWH, 97.8432, 1e-12);
    // 97.8432 kWh · 429 g/kWh = 41 974.7 g; water on IT energy: 87.36 · 1.8 = 157.248 L.
    expectClose(numberAt(g, 'sustainability.operational_carbon'), 97.8432 * 429, 1e-12);
    expectClose(numberAt(g, 'sustainability.water_usage'), 157.248, 1e-12);
    // embodied: 8 · 164 kg · 1 d / (3 · 365 d) = 1.19817 kg.
    expectClose(numberAt(g, 'sustainability.embodied_carbon_share'), (8 * 164000) / (3 * 365), 1e-12);
  });

  it('a missing embodied figure counts 0 with a warning; a missing tdp is missing_data', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs, { 'hardware.embodied_carbon': null });
    const e = g.get('sustainability.embodied_carbon_share');
    expect(e.ok && e.value === 0 && e.warnings.length === 1).toBe(true);
    const noTdp = inferenceGraph({ ...context('inference'), device: { ...H100, tdp: undefined }, ops: true }, {}, macroWalls);
    const p = noTdp.get('sustainability.carbon_footprint');
    // The activity model reads wall 1's step power, whose formula is the first to need the TDP.
    expect(!p.ok && p.error.root).toBe('compute.device_power');
    expect(!p.ok && p.error.message).toContain('H100 has no tdp');
  });

  it('carbon budget status', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs); // 43 172.9 g
    g.set('sustainability.carbon_budget', 40000);
    expect(g.value('sustainability.status')).toBe('FAIL');
    g.set('sustainability.carbon_budget', 45000); // ≥ 0.9 · 45 000 = 40 500
    expect(g.value('sustainability.status')).toBe('WARN');
    g.set('sustainability.carbon_budget', 50000);
    expect(g.value('sustainability.status')).toBe('PASS');
  });
});

describe('properties', () => {
  const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs);
  const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

  it('carbon is linear in carbon intensity', () => {
    fc.assert(fc.property(positive, fc.double({ min: 0.1, max: 10, noNaN: true }), (ci, k) => {
      g.set('infra.carbon_intensity', ci / KWH);
      const a = numberAt(g, 'sustainability.operational_carbon');
      g.set('infra.carbon_intensity', (k * ci) / KWH);
      return Math.abs(numberAt(g, 'sustainability.operational_carbon') - k * a) <= 1e-9 * k * a;
    }));
  });

  it('carbon (operational and embodied) is linear in duration', () => {
    fc.assert(fc.property(fc.double({ min: 60, max: 1e8, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (t, k) => {
      g.set('capital.duration', t);
      const a = numberAt(g, 'sustainability.carbon_footprint');
      g.set('capital.duration', k * t);
      return Math.abs(numberAt(g, 'sustainability.carbon_footprint') - k * a) <= 1e-9 * k * a;
    }));
  });

  it('water is 0 when WUE is 0', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 60, max: 1e8, noNaN: true }), (u, t) => {
      g.setMany({ 'infra.wue': 0, 'sustainability.utilization_mfu': u, 'capital.duration': t });
      return numberAt(g, 'sustainability.water_usage') === 0;
    }));
  });
});

describe('wiring in an inference scenario', () => {
  const ctx = { ...context('inference'), ops: true };

  it('editing infra.carbon_intensity recomputes only its downstream cone; no latency cell runs', () => {
    const g = inferenceGraph(ctx);
    for (const id of g.topology.ids) g.get(id);
    g.resetEvaluationCounts();
    g.set('infra.carbon_intensity', 500 / KWH);
    for (const id of g.topology.ids) g.get(id);
    const cone = new Set(g.topology.downstream('infra.carbon_intensity'));
    const ran = [...g.evaluationCounts()].filter(([, n]) => n > 0).map(([id]) => id).sort();
    expect(ran).toEqual([...cone].sort());
    expect(ran).toEqual([
      'capital.carbon_cost', 'capital.placement_objective', 'sustainability.carbon_footprint', 'sustainability.carbon_per_million_items',
      'sustainability.carbon_per_query', 'sustainability.operational_carbon', 'sustainability.status', 'sustainability.status_reason',
      'sustainability.tdp_carbon',
    ]);
    for (const id of ['compute.latency', 'compute.mfu', 'sustainability.it_energy', 'capital.tco_usd']) expect(g.evaluations(id)).toBe(0);
  });

  it('editing batch size flows through latency into energy, TCO and carbon', () => {
    // §12.1's η 0.5 and the mfu_linear power model it prints (η_bw is 1: the fixture H100 names no memory type).
    const g = inferenceGraph(ctx, { 'scenario.efficiency': 0.5, 'scenario.power_model': 'mfu_linear' });
    const before = ['compute.latency', 'sustainability.it_energy', 'capital.tco_usd', 'sustainability.carbon_footprint'].map((id) => numberAt(g, id));
    g.resetEvaluationCounts();
    g.set('scenario.batch_size', 64);
    const after = ['compute.latency', 'sustainability.it_energy', 'capital.tco_usd', 'sustainability.carbon_footprint'].map((id) => numberAt(g, id));
    for (const id of ['compute.latency', 'compute.mfu', 'sustainability.device_power', 'sustainability.it_energy', 'capital.energy_cost', 'capital.tco_usd', 'sustainability.operational_carbon']) {
      expect(g.evaluations(id), id).toBe(1);
    }
    // §12.1: latency 5.20416 → 10.2523 ms, mfu 0.00332893 → 0.108147, so power and everything after it rise.
    expectClose(after[0], 10.2523e-3, 1e-5);
    expect(after.slice(1).every((v, i) => v > before[i + 1])).toBe(true);
    // device power at B = 64: 262.992 W (§12.1), for one day, one device, no host.
    expectClose(numberAt(g, 'sustainability.device_power'), 262.992, 1e-5);
    expectClose(numberAt(g, 'sustainability.it_energy'), 262.992 * DAY, 1e-5);
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(inferenceDefs(ctx, macroWalls))).toEqual([]);
  });
});
