/**
 * Placement search (physics.md §11.4 "optimize placement"): evaluate walls 17–18 in every
 * catalogue region — its carbon intensity, PUE, WUE and price — at the scenario's own MFU,
 * and minimise TCO + carbon[t] × carbon tax.
 */
import { type LiveGraph, type Plain, withScratchInputs, writeScratch } from '../../graph/index.js';
import { registry } from '../../registry/index.js';
import type { Registry } from '../../registry/index.js';
import { numberAt, readMetrics } from './metrics.js';
import type { OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';

export interface PlacementOptions extends OptimizeProgress {
  /** USD per tonne CO2e (default 0). */
  readonly carbonTax?: number;
  readonly registry?: Registry;
}

// 1 kWh = 3.6e6 J (physics.md §1.1): grid figures are per kWh, cells per J.
const J_PER_KWH = 3.6e6;
const GRID_CELLS = ['infra.carbon_intensity', 'infra.pue', 'infra.wue', 'infra.electricity_price'];
const REPORT = ['capital.tco_usd', 'sustainability.carbon_footprint', 'capital.energy_cost', 'sustainability.facility_energy', 'sustainability.water_usage'];

export function optimizePlacement(graph: LiveGraph, o: PlacementOptions = {}): OptimizeResult {
  const tax = o.carbonTax ?? 0;
  if (!(tax >= 0) || !Number.isFinite(tax)) throw new RangeError(`--carbon-tax must be a number ≥ 0 USD/t (got ${tax})`);
  const objective = { name: 'tco_usd + carbon_t × carbon_tax', sense: 'min' as const, unit: 'USD' };
  const missing = [...GRID_CELLS, 'capital.tco_usd', 'sustainability.carbon_footprint'].filter((id) => !graph.has(id));
  if (missing.length) return { kind: 'placement', objective, top: [], total: 0, tried: 0, feasible: 0, message: `placement needs the macro walls (missing ${missing.join(', ')})` };
  const grids = (o.registry ?? registry()).list('grid');
  const cands: OptimizeCandidate[] = [];
  withScratchInputs(graph, GRID_CELLS, () => {
    grids.forEach((g, i) => {
      const values: Record<string, Plain> = {
        'infra.carbon_intensity': g.carbon_intensity_g_per_kwh / J_PER_KWH,
        // A grid without PUE or WUE takes physics.md §1.5's defaults (1.12; 1.8 L/kWh).
        'infra.pue': g.pue ?? 1.12,
        'infra.wue': (g.wue_l_per_kwh ?? 1.8) / J_PER_KWH,
        'infra.electricity_price': g.electricity_price_usd_per_kwh === undefined ? null : g.electricity_price_usd_per_kwh / J_PER_KWH,
      };
      writeScratch(graph, values);
      o.onProgress?.(i + 1, grids.length);
      const tco = numberAt(graph, 'capital.tco_usd');
      const carbonG = numberAt(graph, 'sustainability.carbon_footprint');
      if (tco === undefined || carbonG === undefined) return;
      // carbon_footprint is in g; the tax is per tonne (1 t = 1e6 g).
      const obj = tco + (carbonG / 1e6) * tax;
      const defaulted = [g.pue === undefined ? 'pue 1.12' : '', g.wue_l_per_kwh === undefined ? 'wue 1.8 L/kWh' : ''].filter(Boolean);
      const said: Record<string, string> = defaulted.length ? { defaulted: `${g.id} lists no ${defaulted.join(' or ')}: physics.md §1.5 default used` } : {};
      cands.push({ values: { region: g.id }, objective: obj, metrics: { ...readMetrics(graph, REPORT), ...said } });
    });
  });
  const ranked = cands.sort((a, b) => a.objective - b.objective);
  return {
    kind: 'placement', objective, best: ranked[0], top: ranked.slice(0, o.topK ?? 5), total: grids.length, tried: grids.length, feasible: cands.length,
    message: ranked.length ? undefined : 'no region could be evaluated (is the scenario’s Macro lens an error?)',
  };
}
