/**
 * Layer C: where it runs. The grid fields of physics.md §1.6 (carbon intensity, PUE, WUE,
 * electricity price) as input cells whose defaults come from the catalogue grid of the
 * scenario (ctx.grid). Stored SI — g/J, L/J, USD/J — and displayed per kWh (1 kWh = 3.6e6 J,
 * physics.md §1.1).
 *
 * The electricity price is the one grid field the catalogue may lack. Then
 * `infra.electricity_price` is unset and `infra.electricity_price_effective` uses the global
 * default of §1.5 (0.12 USD/kWh) with a warning that names the fallback, so the trace shows it.
 */
import { derived, input, number, optNumber, warn, type CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

/** 1 kWh = 3.6e6 J (physics.md §1.1): converts the catalogue's per-kWh figures to SI. */
const JOULES_PER_KWH = 3.6e6;

/** physics.md §1.5: `electricity_price_default` = 0.12 USD/kWh. */
export const ELECTRICITY_PRICE_DEFAULT_USD_PER_KWH = 0.12;

export function infraCells(ctx: BuildContext): CellDef[] {
  const grid = ctx.grid;
  const source = grid.source ?? { kind: 'catalogue', ref: `grid ${grid.id}` };
  const price = grid.electricity_price_usd_per_kwh;
  return [
    input({
      id: 'infra.carbon_intensity', label: 'Grid carbon intensity',
      doc: 'Operational CO2e emitted per unit of electricity drawn from the grid.',
      unit: 'g/J', displayUnit: 'g/kWh', layer: 'C', source,
      default: grid.carbon_intensity_g_per_kwh / JOULES_PER_KWH, provenance: 'catalogue',
      domain: { kind: 'number', min: 0 },
    }),
    input({
      id: 'infra.pue', label: 'PUE',
      doc: 'Power usage effectiveness: facility power over IT power (physics.md wall 18).',
      unit: '1', layer: 'C', source,
      default: grid.pue, provenance: 'catalogue',
      domain: { kind: 'number', min: 1 },
    }),
    input({
      id: 'infra.wue', label: 'WUE',
      doc: 'Water usage effectiveness: litres of water per unit of IT energy (physics.md wall 18).',
      unit: 'L/J', displayUnit: 'L/kWh', layer: 'C', source,
      default: grid.wue_l_per_kwh / JOULES_PER_KWH, provenance: 'catalogue',
      domain: { kind: 'number', min: 0 },
    }),
    input({
      id: 'infra.electricity_price', label: 'Electricity price',
      doc: 'Price of electricity in the region; unset when the catalogue has no regional price.',
      unit: 'USD/J', displayUnit: 'USD/kWh', layer: 'C', source,
      default: price === undefined ? null : price / JOULES_PER_KWH,
      provenance: price === undefined ? 'default' : 'catalogue',
      domain: { kind: 'number', min: 0, optional: true },
    }),
    input({
      id: 'infra.electricity_price_default', label: 'Default electricity price',
      doc: 'Global electricity price used when the region has none (physics.md §1.5).',
      unit: 'USD/J', displayUnit: 'USD/kWh', layer: 'C',
      source: { kind: 'spec', ref: 'physics.md §1.5 electricity_price_default (0.12 USD/kWh)' },
      default: ELECTRICITY_PRICE_DEFAULT_USD_PER_KWH / JOULES_PER_KWH,
      domain: { kind: 'number', min: 0 },
    }),
    derived({
      id: 'infra.electricity_price_effective', label: 'Electricity price used',
      doc: 'The regional electricity price, or the global default with a warning when the region has none.',
      unit: 'USD/J', displayUnit: 'USD/kWh', layer: 'C',
      formula: 'price = regional price ?? electricity_price_default',
      inputs: { regional: optNumber('infra.electricity_price'), fallback: number('infra.electricity_price_default') },
      compute: ({ regional, fallback }) =>
        regional !== null
          ? regional
          : warn(
              fallback,
              `${grid.id} has no electricity price; using the global default ` +
                `${formatPerKwh(fallback)} USD/kWh (infra.electricity_price_default, physics.md §1.5)`,
            ),
    }),
  ];
}

function formatPerKwh(usdPerJoule: number): string {
  return String(Number((usdPerJoule * JOULES_PER_KWH).toPrecision(6)));
}
