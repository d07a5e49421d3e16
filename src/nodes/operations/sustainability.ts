/**
 * Wall 18: Sustainability (energy, carbon, water, embodied), physics.md §9 wall 18.
 *
 * Power follows the scenario's own utilisation (§13.33): the fleet MFU of wall 14 in
 * training and whenever the devices split the model, the wall 1 MFU in inference, the
 * decode-step MFU (wall 1 is the decode step, §4.0) in serving — unless
 * `sustainability.utilization_mfu` overrides it. The fleet size,
 * the duration and the year length are the shared ops cells of capital.ts.
 *
 * Wiring (so that edits recompute only their cone):
 *   infra.carbon_intensity ─► operational_carbon ─► carbon_footprint ─► status, capital.carbon_cost
 *   scenario.batch_size ─► compute.latency ─► compute.mfu ─► utilization ─► device_power
 *        ─► it_energy ─► facility_energy ─► {operational_carbon, capital.energy_cost ─► tco}
 */
import { type CellDef, choice, derived, fail, flag, input, number, optNumber, type SourceRef, warn } from '../../graph/index.js';
import { POWER_MODELS } from '../common/calibration.js';
import { statusCells } from '../common/status.js';
import type { BuildContext } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { budgetStatus } from './capital.js';
import { carbonPerItemCells, gridDefaultedWarning } from './carbon-per-item.js';

/**
 * Host power per node (CPUs, NICs, switches, fans): the catalogue's host_power when given, else
 * the node's datasheet maximum less its accelerators' TDP (DGX H100: 10.2 kW − 8 × 700 W =
 * 4.6 kW, the upper bound at full load), scaled to the fleet's devices per node. A fleet
 * without a named node takes the device's own catalogue node, said on the energy; a device with
 * no catalogue node counts 0.
 */
export function hostPowerDefault(ctx: BuildContext): { readonly watts: number; readonly source?: SourceRef; readonly borrowed?: string } {
  if (ctx.fleet.host_power !== undefined) return { watts: ctx.fleet.host_power };
  const node = ctx.fleet.node ?? ctx.fleet.reference_node;
  const tdp = ctx.device.tdp;
  if (!node || node.max_power === undefined || tdp === undefined || node.max_power <= node.gpus_per_node * tdp) return { watts: 0 };
  const perDevice = (node.max_power - node.gpus_per_node * tdp) / node.gpus_per_node;
  const watts = perDevice * ctx.fleet.gpus_per_node;
  const source = {
    kind: 'datasheet',
    ref: `${node.id}: (max power ${node.max_power} W − ${node.gpus_per_node} × ${tdp} W TDP)/${node.gpus_per_node} = ${perDevice} W per device × ${ctx.fleet.gpus_per_node} per node (upper bound: the datasheet maximum)${node.source ? `; ${node.source.ref}` : ''}`,
    ...(node.source?.url ? { url: node.source.url } : {}),
  };
  return { watts, source, ...(ctx.fleet.node ? {} : { borrowed: node.id }) };
}

/**
 * The cell holding the scenario's performance MFU in this mode (wall 18 input table). When the
 * devices split the model (src/nodes/parallel), the fleet's: the model FLOPs of every replica's
 * decode step over the peak of all N devices, replicas·B·F_tok/(T_step·N·peak) — one device's
 * stage MFU (compute.mfu) counts neither the other stages' turns nor the collectives, during
 * which its compute units wait.
 */
function modeMfuCell(ctx: BuildContext): string {
  return ctx.mode === 'training' || hasParallelLayout(ctx) ? 'communication.fleet_mfu' : 'compute.mfu';
}

export function sustainabilityCells(ctx: BuildContext): CellDef[] {
  const wall = 18;
  const layer = 'E' as const;
  const mfuCell = modeMfuCell(ctx);
  const host = hostPowerDefault(ctx);
  // Said once per build, not formatted on every evaluation (a sweep evaluates it per point).
  const hostNote = host.borrowed
    ? `no node named: host power per node from ${host.borrowed} (${Number(host.watts.toPrecision(4))} W for ${ctx.fleet.gpus_per_node} device${ctx.fleet.gpus_per_node === 1 ? '' : 's'}; set sustainability.host_power)`
    : undefined;
  const gridNote = gridDefaultedWarning(ctx);
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
      doc: 'Power of each node\'s host (CPUs, fans, NICs, switches) beyond the accelerators: node maximum less its accelerators\' TDP.',
      unit: 'W', layer: 'D', wall, provenance: host.source || ctx.fleet.host_power !== undefined ? 'catalogue' : 'default',
      ...(host.source ? { source: host.source } : {}),
      default: host.watts, domain: { kind: 'number', min: 0 },
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
      id: 'sustainability.device_power', label: 'Device power',
      doc: 'Average power of one device over the period: the wall 1 step\'s activity power, idle for the share of time the step does not run (activity); or TDP·(idle + dynamic·u) (mfu_linear).',
      unit: 'W', layer, wall,
      formula: 'activity: P_idle + (P_step − P_idle)·min(1, u/mfu_step); mfu_linear: P_dev = tdp·(idle_power_fraction + dynamic_power_fraction·u)',
      inputs: {
        model: choice('scenario.power_model', POWER_MODELS),
        tdp: optNumber('hardware.tdp'), idle: number('scenario.idle_power_fraction'), dynamic: number('scenario.dynamic_power_fraction'),
        utilization: number('sustainability.utilization_mfu_effective'), stepPower: optNumber('compute.device_power'),
        stepMfu: number('compute.mfu'), idlePower: optNumber('compute.idle_power_effective'),
      },
      compute: ({ model, tdp, idle, dynamic, utilization, stepPower, stepMfu, idlePower }) => {
        if (tdp === null) return fail('missing_data', `${ctx.device.id} has no tdp; device power needs it (set hardware.tdp)`);
        if (model === 'mfu_linear') return tdp * (idle + dynamic * utilization);
        if (stepPower === null || idlePower === null) return fail('missing_data', `${ctx.device.id}: the step power is unknown (see compute.device_power)`);
        // The share of wall time the modelled step runs: fleet MFU over the step's own MFU (1 on one device outside
        // training; a split model's device computes for compute.latency of each decode step, waits the rest).
        const duty = stepMfu > 0 ? Math.min(1, utilization / stepMfu) : 1;
        return idlePower + (stepPower - idlePower) * duty;
      },
    }),
    derived({
      id: 'sustainability.it_energy', label: 'IT energy', doc: 'Energy drawn by the devices and hosts over the period.',
      unit: 'J', displayUnit: 'kWh', layer, wall, formula: 'E_IT = (N·P_dev + N_n·host_power)·t',
      inputs: {
        devices: number('capital.num_devices'), devicePower: number('sustainability.device_power'), nodes: number('capital.num_nodes'),
        hostPower: number('sustainability.host_power'), duration: number('capital.duration'),
      },
      compute: ({ devices, devicePower, nodes, hostPower, duration }) => {
        const energy = (devices * devicePower + nodes * hostPower) * duration;
        return hostNote ? warn(energy, hostNote) : energy;
      },
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
      compute: ({ facilityEnergy, intensity }) => (gridNote ? warn(facilityEnergy * intensity, gridNote) : facilityEnergy * intensity),
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
    ...carbonPerItemCells(ctx),
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
