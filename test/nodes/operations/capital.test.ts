/**
 * Wall 17 (Capital): the golden TCO cases, §12.3, the fallback price, the status rules and
 * the property "TCO never falls when the electricity price rises".
 *
 *   hardware.unit_cost ─► capex_total ─► capex ─────────────┐
 *                                    └► opex_maintenance ─► total_opex ─► tco_usd ─► status
 *   sustainability.facility_energy ─► energy_cost ─────────┘
 *   infra.electricity_price(_effective) ─┘
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { capitalCells } from '../../../src/nodes/operations/capital.js';
import { casesForWalls, expectClose, goldenCase } from '../../helpers/golden.js';
import { context, H100, US_AVG } from '../fixtures.js';
import { inferenceDefs, inferenceGraph, macroWalls, numberAt } from '../infra/wall-graphs.js';
import { macroExpected, macroGraph } from './macro-cases.js';

const KWH = 3.6e6;
const DAY = 86400;

describe('wall 17 golden cases', () => {
  const ids = casesForWalls('17').map((c) => c.id);

  it('covers every wall-17 case', () => {
    expect(ids).toEqual(expect.arrayContaining([
      'spec-12.3-tco-8xh100-1day-mfu0.5', 'spec-12.3-tco-8xh100-1day-mfu0.377324', 'spec-12.3-tco-8xh100-1day-mfu0.5-catalogue-US_Avg',
      'ref.economics_research256_1day', 'ref.economics_capex_dominates_short_term', 'ref.fleet_tco_formula',
    ]));
  });

  for (const id of ids) {
    it(`${id} matches`, () => {
      const c = goldenCase(id);
      const g = macroGraph(c.inputs);
      for (const [key, want] of Object.entries(c.expected)) {
        if (key === 'capex_exceeds_total_opex') {
          expect(numberAt(g, 'capital.capex') > numberAt(g, 'capital.total_opex')).toBe(want);
          continue;
        }
        if (key === 'devices=0') {
          g.set('capital.num_devices', 0);
          expect(macroExpected(g, 'capital.num_devices')).toBe(want);
          continue;
        }
        expectClose(macroExpected(g, key), want, c.tolerance_rel, `${id} ${key}`);
      }
    });
  }
});

describe('§12.3 worked example by hand', () => {
  it('capex is one day of three years, maintenance one day of 5 %/year', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs);
    // 240 000 USD · (1/365) / 3 = 219.178 USD; 240 000 · 0.05 / 365 = 32.8767 USD.
    expectClose(numberAt(g, 'capital.capex'), 240000 / 365 / 3, 1e-12);
    expectClose(numberAt(g, 'capital.opex_maintenance'), (240000 * 0.05) / 365, 1e-12);
    // 97.8432 kWh · 0.12 USD/kWh = 11.7412 USD.
    expectClose(numberAt(g, 'capital.energy_cost'), 97.8432 * 0.12, 1e-9);
  });
});

describe('capital cells', () => {
  it('a missing unit cost is missing_data naming hardware.unit_cost, never $0', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs, { 'hardware.unit_cost': null });
    const v = g.get('capital.tco_usd');
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.error.root).toBe('capital.capex_total');
      expect(v.error.message).toContain('set hardware.unit_cost');
    }
  });

  it('warns when the duration exceeds the amortisation period', () => {
    const g = macroGraph(goldenCase('ref.fleet_tco_formula').inputs, { 'capital.duration': 2 * 365 * DAY });
    const v = g.get('capital.capex');
    expect(v.ok && v.warnings.some((w) => w.includes('exceeds the amortisation period'))).toBe(true);
  });

  it('budget status: FAIL above, WARN at ≥ 90 %, PASS below', () => {
    const g = macroGraph(goldenCase('ref.fleet_tco_formula').inputs); // tco 10 876 USD
    expect(g.value('capital.status')).toBe('PASS');
    g.set('capital.budget_usd', 10000);
    expect(g.value('capital.status')).toBe('FAIL');
    g.set('capital.budget_usd', 12000); // 10 876 ≥ 0.9 · 12 000 = 10 800
    expect(g.value('capital.status')).toBe('WARN');
    expect(g.value('capital.status_reason')).toContain('90');
    g.set('capital.budget_usd', 13000);
    expect(g.value('capital.status')).toBe('PASS');
    expect(g.value('capital.status_reason')).toBe('');
  });

  it('cost per token = tco/(N·throughput·t) in inference', () => {
    const g = macroGraph(goldenCase('ref.fleet_tco_formula').inputs, { 'compute.throughput': 500 });
    // 10 876 USD / (10 devices · 500 tokens/s · 31 536 000 s)
    expectClose(numberAt(g, 'capital.cost_per_item'), 10876 / (10 * 500 * 31536000), 1e-9);
  });

  it('carbon tax prices the footprint into the placement objective (§11.4)', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs, { 'capital.carbon_tax': 100 / 1e6 });
    // 43.1729 kg = 0.0431729 t at 100 USD/t = 4.31729 USD on top of 263.796 USD.
    expectClose(numberAt(g, 'capital.carbon_cost'), 4.3172906316, 1e-8);
    expectClose(numberAt(g, 'capital.placement_objective'), 263.795978521 + 4.3172906316, 1e-8);
  });

  it('the catalogue price is used when the region has one; else the default with a visible warning', () => {
    const withPrice = inferenceGraph({ ...context('inference'), grid: { ...US_AVG, electricity_price_usd_per_kwh: 0.0806 }, ops: true }, {}, macroWalls);
    const p = withPrice.get('infra.electricity_price_effective');
    expect(p.ok && p.warnings).toEqual([]);
    expectClose(numberAt(withPrice, 'infra.electricity_price_effective') * KWH, 0.0806, 1e-12);
    const without = inferenceGraph({ ...context('inference'), ops: true }, {}, macroWalls);
    const q = without.get('infra.electricity_price_effective');
    expect(q.ok && q.warnings[0]).toContain('using the global default 0.12 USD/kWh');
    expect(without.provenance('infra.electricity_price')).toBe('default');
  });

  it('property: TCO never falls when the electricity price rises', () => {
    const g = macroGraph(goldenCase('spec-12.3-tco-8xh100-1day-mfu0.5').inputs);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      g.set('infra.electricity_price', lo / KWH);
      const tcoLo = numberAt(g, 'capital.tco_usd');
      g.set('infra.electricity_price', hi / KWH);
      return numberAt(g, 'capital.tco_usd') >= tcoLo;
    }));
  });

  it('is dimensionally consistent in the inference scenario', () => {
    const ctx = { ...context('inference'), device: H100, ops: true };
    expect(checkDimensions(inferenceDefs(ctx, macroWalls), { 'scenario.batch_size': 8 })).toEqual([]);
  });

  it('builds cost_per_training_run only in training mode', () => {
    expect(capitalCells(context('inference')).some((d) => d.id === 'capital.cost_per_training_run')).toBe(false);
    expect(capitalCells(context('training')).some((d) => d.id === 'capital.cost_per_training_run')).toBe(true);
  });
});
