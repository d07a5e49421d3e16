/**
 * Layer C: the grid cells take their defaults from the catalogue grid, stored SI (per J)
 * and displayed per kWh; a region without a price falls back to 0.12 USD/kWh, visibly.
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, LiveGraph } from '../../../src/graph/index.js';
import { infraCells } from '../../../src/nodes/infra/grid.js';
import { expectClose } from '../../helpers/golden.js';
import { context, US_AVG } from '../fixtures.js';

const KWH = 3.6e6;

describe('infrastructure layer (grid)', () => {
  it('converts the catalogue per-kWh figures to SI defaults with catalogue provenance', () => {
    const g = new LiveGraph(infraCells(context('inference')));
    // US_Avg: 366 g/kWh, PUE 1.12, 1.8 L/kWh.
    expectClose(g.value('infra.carbon_intensity'), 366 / KWH, 1e-15);
    expectClose(g.value('infra.pue'), 1.12, 0);
    expectClose(g.value('infra.wue'), 1.8 / KWH, 1e-15);
    expect(g.provenance('infra.carbon_intensity')).toBe('catalogue');
    expect(g.def('infra.carbon_intensity').displayUnit).toBe('g/kWh');
    expect(g.def('infra.electricity_price').displayUnit).toBe('USD/kWh');
  });

  it('falls back to the global default price with a warning naming it', () => {
    const g = new LiveGraph(infraCells(context('inference')));
    expect(g.value('infra.electricity_price')).toBeNull();
    const p = g.get('infra.electricity_price_effective');
    expect(p.ok).toBe(true);
    if (p.ok) {
      expectClose(p.value, 0.12 / KWH, 1e-15);
      expect(p.warnings).toEqual(['US_Avg has no electricity price; using the global default 0.12 USD/kWh (infra.electricity_price_default, physics.md §1.5)']);
    }
    g.set('infra.electricity_price', 0.2 / KWH);
    const q = g.get('infra.electricity_price_effective');
    expect(q.ok && q.warnings).toEqual([]);
  });

  it('uses the regional price when the catalogue has one', () => {
    const g = new LiveGraph(infraCells({ ...context('inference'), grid: { ...US_AVG, electricity_price_usd_per_kwh: 0.0806 } }));
    expect(g.provenance('infra.electricity_price')).toBe('catalogue');
    expectClose(g.value('infra.electricity_price_effective'), 0.0806 / KWH, 1e-15);
  });

  it('refuses a PUE below 1 and a negative carbon intensity', () => {
    const g = new LiveGraph(infraCells(context('inference')));
    expect(g.set('infra.pue', 0.9).ok).toBe(false);
    expect(g.set('infra.carbon_intensity', -1).ok).toBe(false);
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(infraCells(context('inference')))).toEqual([]);
  });
});
