/**
 * Wall 18: Sustainability (energy, carbon, water, embodied), physics.md §9 wall 18.
 *
 * Power follows the scenario's own utilisation (§13.33): the fleet MFU of wall 14 in
 * training, the wall 1 MFU in inference, the decode-step MFU (wall 1 is the decode step,
 * §4.0) in serving — unless `sustainability.utilization_mfu` overrides it. The fleet size,
 * the duration and the year length are the shared ops cells of capital.ts.
 *
 * Wiring (so that edits recompute only their cone):
 *   infra.carbon_intensity ─► operational_carbon ─► carbon_footprint ─► status, capital.carbon_cost
 *   scenario.batch_size ─► compute.latency ─► compute.mfu ─► utilization ─► device_power
 *        ─► it_energy ─► facility_energy ─► {operational_carbon, capital.energy_cost ─► tco}
 */
import { type CellDef, derived, fail, flag, input, number, optNumber, warn } from '../../graph/index.js';
import { statusCells } from '../common/status.js';
import type { BuildContext } from '../context.js';
import { budgetStatus } from './capital.js';

/** The cell holding the scenario's performance MFU in this mode (wall 18 input table). */
function modeMfuCell(ctx: BuildContext): string {
  return ctx.mode === 'training' ? 'communication.fleet_mfu' : 'compute.mfu';
}

export function sustainabilityCells(ctx: BuildContext): CellDef[] {
  const wall = 18;
  const layer = 'E' as const;
  const mfuCell = modeMfuCell(ctx);
  return [
    input({
      id: 'sustainability.utilization_mfu', label: 'Utilisation (override)',
      doc: 'Sustained MFU for the power model; unset uses the scenario\'s own performance MFU.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0, max: 1, optional: true },
    }),
    derived({
      id: 'sustainability.utilization_mfu_effective', label: 'Utilisation',
      doc: 'MFU driving the power model: the override, else the scenario\'s performance MFU.',
      unit: '1', layer, wall, formula: `u = utilization_mfu ?? ${mfuCell}`,
      inputs: { override: optNumber('sustainability.utilization_mfu'), mfu: number(mfuCell) }, compute: ({ override, mfu }) => override ?? mfu,
    }),
    input({
      id: 'sustainability.host_power', label: 'Host power per node',
      doc: 'Power of each node\'s host (CPUs, fans, NICs) beyond the accelerators; a DGX H100 host adds about 2.8 kW.',
      unit: 'W', layer: 'D', wall, provenance: ctx.fleet.host_power === undefined ? 'default' : 'catalogue',
      default: ctx.fleet.host_power ?? 0, domain: { kind: 'number', min: 0 },
    }),
    input({
      id: 'sustainability.include_embodied', label: 'Include embodied carbon',
      doc: 'Whether the amortised manufacturing carbon is added to the footprint.',
      unit: 'bool', layer, wall, default: true, domain: { kind: 'boolean' },
    }),
    input({
      id: 'sustainability.hardware_lifetime_years', label: 'Hardware lifetime (years)',
      doc: 'Years over which embodied carbon is amortised; unset uses the amortisation period.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'sustainability.hardware_lifetime_years_effective', label: 'Hardware lifetime used',
      doc: 'The hardware lifetime, else capital.amortization_years.',
      unit: '1', layer, wall, formula: 'lifetime = hardware_lifetime_years ?? amortization_years',
      inputs: { lifetime: optNumber('sustainability.hardware_lifetime_years'), amortization: number('capital.amortization_years') },
      compute: ({ lifetime, amortization }) => lifetime ?? amortization,
    }),
    input({
      id: 'sustainability.carbon_budget', label: 'Carbon budget', doc: 'Carbon limit for the period; unset means no limit.',
      unit: 'g', displayUnit: 't', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'sustainability.active', label: 'Sustainability active', doc: 'Wall 18 is active when the scenario has operations.',
      unit: 'bool', layer, wall, formula: 'active ⇔ ops present', inputs: {}, compute: () => ctx.ops,
    }),
    derived({
      id: 'sustainability.device_power', label: 'Device power', doc: 'Average power of one device at the utilisation u.',
      unit: 'W', layer, wall, formula: 'P_dev = tdp·(idle_power_fraction + dynamic_power_fraction·u)',
      inputs: {
        tdp: optNumber('hardware.tdp'), idle: number('scenario.idle_power_fraction'), dynamic: number('scenario.dynamic_power_fraction'),
        utilization: number('sustainability.utilization_mfu_effective'),
      },
      compute: ({ tdp, idle, dynamic, utilization }) =>
        tdp === null ? fail('missing_data', `${ctx.device.id} has no tdp; device power needs it (set hardware.tdp)`) : tdp * (idle + dynamic * utilization),
    }),
    derived({
      id: 'sustainability.it_energy', label: 'IT energy', doc: 'Energy drawn by the devices and hosts over the period.',
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'E_IT = (N·P_dev + N_n·host_power)·t',
      inputs: {
        devices: number('capital.num_devices'), devicePower: number('sustainability.device_power'), nodes: number('capital.num_nodes'),
        hostPower: number('sustainability.host_power'), duration: number('capital.duration'),
      },
      compute: ({ devices, devicePower, nodes, hostPower, duration }) => (devices * devicePower + nodes * hostPower) * duration,
    }),
    derived({
      id: 'sustainability.facility_energy', label: 'Facility energy', doc: 'IT energy plus cooling and power-delivery overhead.',
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'E_fac = E_IT·pue',
      inputs: { itEnergy: number('sustainability.it_energy'), pue: number('infra.pue') }, compute: ({ itEnergy, pue }) => itEnergy * pue,
    }),
    derived({
      id: 'sustainability.operational_carbon', label: 'Operational carbon', doc: 'CO2e emitted generating the facility energy.',
      unit: 'g', displayUnit: 't', layer, wall, formula: 'operational_carbon = E_fac·CI',
      inputs: { facilityEnergy: number('sustainability.facility_energy'), intensity: number('infra.carbon_intensity') },
      compute: ({ facilityEnergy, intensity }) => facilityEnergy * intensity,
    }),
    derived({
      id: 'sustainability.water_usage', label: 'Water', doc: 'Water consumed, on IT energy (the WUE definition, §13.35).',
      unit: 'L', layer, wall, formula: 'water_usage = E_IT·wue',
      inputs: { itEnergy: number('sustainability.it_energy'), wue: number('infra.wue') }, compute: ({ itEnergy, wue }) => itEnergy * wue,
    }),
    derived({
      id: 'sustainability.embodied_carbon_share', label: 'Embodied carbon (period share)',
      doc: 'Manufacturing carbon of the fleet amortised over the hardware lifetime, for the period.',
      unit: 'g', displayUnit: 't', layer, wall,
      formula: 'embodied_carbon_share = include ? N·embodied_carbon·t/(lifetime·year) : 0',
      inputs: {
        include: flag('sustainability.include_embodied'), devices: number('capital.num_devices'), embodied: optNumber('hardware.embodied_carbon'),
        duration: number('capital.duration'), lifetime: number('sustainability.hardware_lifetime_years_effective'),
        year: number('capital.seconds_per_year'),
      },
      compute: ({ include, devices, embodied, duration, lifetime, year }) => {
        if (!include) return 0;
        if (embodied === null) return warn(0, `${ctx.device.id} has no embodied carbon figure; counted as 0`);
        return (devices * embodied * duration) / (lifetime * year);
      },
    }),
    derived({
      id: 'sustainability.carbon_footprint', label: 'Carbon footprint', doc: 'Operational plus amortised embodied carbon for the period.',
      unit: 'g', displayUnit: 't', layer, wall, formula: 'carbon_footprint = operational_carbon + embodied_carbon_share',
      inputs: { operational: number('sustainability.operational_carbon'), embodied: number('sustainability.embodied_carbon_share') },
      compute: ({ operational, embodied }) => operational + embodied,
    }),
    ...statusCells({
      scope: 'sustainability', wall, formula: 'FAIL carbon > budget; WARN carbon ≥ margin·budget',
      inputs: {
        footprint: number('sustainability.carbon_footprint'), budget: optNumber('sustainability.carbon_budget'),
        margin: number('scenario.target_margin'),
      },
      judge: ({ footprint, budget, margin }) => budgetStatus(footprint, budget, margin, 'carbon footprint'),
    }),
  ];
}
