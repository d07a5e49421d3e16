/**
 * Wall 18 additions (physics.md Amendments, "Cost"; issue "Fidelity"): the "TDP × hours"
 * accounting view many published figures use, beside the activity-based energy; energy and
 * carbon per 1M items and per query; and the warning when the grid region was defaulted.
 */
import { type CellDef, type ComputeResult, derived, fail, number, optNumber, warn } from '../../graph/index.js';
import { type BuildContext, isLM } from '../context.js';


/** The warning a carbon figure carries when the scenario named no region (null when it named one). */
export function gridDefaultedWarning(ctx: BuildContext): string | null {
  const g = ctx.grid;
  if (!g.defaulted) return null;
  return `no region given: the ${g.id} grid (${g.carbon_intensity_g_per_kwh} g CO2e/kWh, PUE ${g.pue}) is assumed; name the region where it runs (--region, or region: in the scenario)`;
}

export function carbonPerItemCells(ctx: BuildContext): CellDef[] {
  const wall = 18;
  const layer = 'E' as const;
  const lm = isLM(ctx.model.family);
  const item = lm ? 'token' : 'sample';
  const gridNote = gridDefaultedWarning(ctx);
  const withGrid = (v: number): ComputeResult => (gridNote ? warn(v, gridNote) : v);
  const perMillion = (total: number, rate: number, duration: number): ComputeResult =>
    rate > 0 ? (total / (rate * duration)) * 1e6 : fail('no_solution', 'no sequence fits; nothing is served (sustained throughput is 0)');
  const cells: CellDef[] = [
    derived({
      id: 'sustainability.device_energy', label: 'Device energy',
      doc: 'Energy the devices alone draw over the period at the device power (no host, no PUE): the physical counterpart of the TDP × hours view.',
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'E_dev = N·P_dev·t',
      inputs: { devices: number('capital.num_devices'), power: number('sustainability.device_power'), duration: number('capital.duration') },
      compute: ({ devices, power, duration }) => devices * power * duration,
    }),
    derived({
      id: 'sustainability.tdp_energy', label: 'Energy (TDP × hours)',
      doc: 'Accounting view: every device at its TDP for the whole period, no host, no PUE — how model cards and many papers state training energy.',
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'E_TDP = N·TDP·t',
      inputs: { devices: number('capital.num_devices'), tdp: optNumber('hardware.tdp'), duration: number('capital.duration') },
      compute: ({ devices, tdp, duration }) =>
        tdp === null ? fail('missing_data', `${ctx.device.id} has no tdp; the TDP × hours energy needs it (set hardware.tdp)`) : devices * tdp * duration,
    }),
    derived({
      id: 'sustainability.tdp_facility_energy', label: 'Facility energy (TDP × hours)',
      doc: 'Accounting view: TDP × device-hours adjusted for PUE.',
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'E_TDP·pue',
      inputs: { energy: number('sustainability.tdp_energy'), pue: number('infra.pue') },
      compute: ({ energy, pue }) => energy * pue,
    }),
    derived({
      id: 'sustainability.tdp_carbon', label: 'Carbon (TDP × hours)',
      doc: 'Accounting view: TDP × device-hours × PUE × grid intensity (operational only).',
      unit: 'g', displayUnit: 't', layer, wall, formula: 'E_TDP·pue·CI',
      inputs: { energy: number('sustainability.tdp_facility_energy'), intensity: number('infra.carbon_intensity') },
      compute: ({ energy, intensity }) => withGrid(energy * intensity),
    }),
    derived({
      id: 'sustainability.energy_per_million_items', label: `Energy per 1M ${item}s`,
      doc: `Facility energy of the period over the ${item}s produced at the sustained throughput, per million.`,
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'facility_energy/(Θ·t)·10⁶',
      inputs: { energy: number('sustainability.facility_energy'), rate: number('capital.sustained_throughput'), duration: number('capital.duration') },
      compute: ({ energy, rate, duration }) => perMillion(energy, rate, duration),
    }),
    derived({
      id: 'sustainability.carbon_per_million_items', label: `Carbon per 1M ${item}s`,
      doc: `Carbon footprint of the period (operational and embodied) over the ${item}s produced at the sustained throughput, per million.`,
      unit: 'g', layer, wall, formula: 'carbon_footprint/(Θ·t)·10⁶',
      inputs: { carbon: number('sustainability.carbon_footprint'), rate: number('capital.sustained_throughput'), duration: number('capital.duration') },
      compute: ({ carbon, rate, duration }) => perMillion(carbon, rate, duration),
    }),
  ];
  if (lm && ctx.mode !== 'training') {
    // A query generates N_out tokens; its share of the period is N_out tokens at the sustained rate.
    cells.push(
      derived({
        id: 'sustainability.energy_per_query', label: 'Energy per query',
        doc: 'Facility energy of one request of output_tokens tokens at the sustained throughput (its prompt prefilled within that rate).',
        unit: 'J', displayUnit: 'Wh', layer, wall, formula: 'energy_per_million_items·N_out/10⁶',
        inputs: { perMillion: number('sustainability.energy_per_million_items'), tokens: number('scenario.output_tokens') },
        compute: ({ perMillion: e, tokens }) => (e * tokens) / 1e6,
      }),
      derived({
        id: 'sustainability.carbon_per_query', label: 'Carbon per query',
        doc: 'Carbon of one request of output_tokens tokens at the sustained throughput.',
        unit: 'g', layer, wall, formula: 'carbon_per_million_items·N_out/10⁶',
        inputs: { perMillion: number('sustainability.carbon_per_million_items'), tokens: number('scenario.output_tokens') },
        compute: ({ perMillion: c, tokens }) => (c * tokens) / 1e6,
      }),
    );
  }
  return cells;
}

