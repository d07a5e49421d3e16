/**
 * Wall 17: Capital (TCO), physics.md §9 wall 17, plus the ops inputs that walls 17 and 18
 * share (duration, fleet size, year length, amortisation period).
 *
 * Fleet size by mode (docs/physics-notes.md, "Walls 17/18"):
 * - training: `capital.num_devices` / `capital.num_nodes` alias wall 14's
 *   `communication.num_devices` / `communication.num_nodes` (one input per quantity);
 * - inference and serving: "fleet total or 1" — inputs defaulting to ctx.fleet (1 × 1 for a
 *   single device). Several devices are independent replicas of the modelled step, so the
 *   sustained throughput Θ and the power scale with N.
 */
import { type CellDef, type ComputeResult, derived, fail, input, number, optNumber, warn } from '../../graph/index.js';
import { statusCells, verdict, type Verdict } from '../common/status.js';
import { type BuildContext, isLM } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';

/** physics.md §1.1: 1 year = 365 days. */
const SECONDS_PER_YEAR = 365 * 86400;
/** One day, the period of physics.md §12.3; a plan's ops.duration_days overrides it. */
const DEFAULT_DURATION_S = 86400;

/**
 * Wall 17/18 status rule: FAIL above the budget, WARN at ≥ target_margin·budget (§11.3).
 * The reason quotes the ratio to the budget, a pure number (so it is unit-independent).
 */
export function budgetStatus(value: number, budget: number | null, margin: number, what: string): Verdict {
  if (budget === null) return verdict([], []);
  const share = `${((100 * value) / budget).toPrecision(4)} % of the budget`;
  if (value > budget) return verdict([`${what} exceeds the budget (${share})`], []);
  if (value >= margin * budget) return verdict([], [`${what} is at least ${margin * 100} % of the budget (${share})`]);
  return verdict([], []);
}

/** Duration, year length, amortisation period and fleet size (shared by walls 17 and 18). */
export function opsShapeCells(ctx: BuildContext): CellDef[] {
  const shared: CellDef[] = [
    input({
      id: 'capital.duration', label: 'Duration',
      doc: 'Length of the period the bill, energy and carbon cover (a plan sets it from ops.duration_days).',
      unit: 's', displayUnit: 'day', layer: 'E', wall: 17,
      default: DEFAULT_DURATION_S, domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    input({
      id: 'capital.seconds_per_year', label: 'Seconds per year',
      doc: 'Length of one year for amortisation: 365 days, no leap fraction.',
      unit: 's', layer: 'E', wall: 17, source: { kind: 'spec', ref: 'physics.md §1.1 (1 year = 365 days)' },
      default: SECONDS_PER_YEAR, domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    input({
      id: 'capital.amortization_years', label: 'Amortisation period (years)',
      doc: 'Years over which the hardware purchase is written off; also the default hardware lifetime.',
      unit: '1', layer: 'E', wall: 17, source: { kind: 'spec', ref: 'physics.md §1.5 amortization_years' },
      default: 3, domain: { kind: 'number', min: 0, minExclusive: true },
    }),
  ];
  if (ctx.mode === 'training') {
    return [
      ...shared,
      derived({
        id: 'capital.num_devices', label: 'Devices', doc: 'Accelerators paid for and powered: the training fleet of wall 14.',
        unit: '1', layer: 'D', wall: 17, formula: 'N = communication.num_devices',
        inputs: { devices: number('communication.num_devices') }, compute: ({ devices }) => devices,
      }),
      derived({
        id: 'capital.num_nodes', label: 'Nodes', doc: 'Nodes of the training fleet; host power is counted per node.',
        unit: '1', layer: 'D', wall: 17, formula: 'N_n = communication.num_nodes',
        inputs: { nodes: number('communication.num_nodes') }, compute: ({ nodes }) => nodes,
      }),
    ];
  }
  return [
    ...shared,
    input({
      id: 'capital.num_devices', label: 'Devices',
      doc: 'Accelerators paid for and powered; in inference and serving each is a replica of the modelled step.',
      unit: '1', layer: 'D', wall: 17, provenance: 'catalogue',
      default: ctx.fleet.num_nodes * ctx.fleet.gpus_per_node, domain: { kind: 'number', min: 1, integer: true },
    }),
    input({
      id: 'capital.num_nodes', label: 'Nodes', doc: 'Host nodes holding the devices; host power is counted per node.',
      unit: '1', layer: 'D', wall: 17, provenance: 'catalogue',
      default: ctx.fleet.num_nodes, domain: { kind: 'number', min: 1, integer: true },
    }),
  ];
}

/**
 * `capital.cost_per_item`: TCO over the items produced at the sustained throughput Θ of the
 * mode (wall 17 cell 7) over the whole period.
 */
function costPerItemCell(ctx: BuildContext, itemUnit: string): CellDef {
  const cell = {
    id: 'capital.cost_per_item', label: `Cost per ${itemUnit}`,
    doc: `TCO divided by the ${itemUnit}s produced at the sustained throughput over the whole period.`,
    unit: `USD/${itemUnit}`, layer: 'E', wall: 17,
  } as const;
  const formula = (theta: string): string => `cost_per_item = tco_usd/(Θ·t), ${theta}`;
  const tcoAndDuration = { tco: number('capital.tco_usd'), duration: number('capital.duration') };
  const perItem = (tco: number, duration: number, rate: number): ComputeResult => {
    if (!(rate > 0)) return fail('no_solution', 'no sequence fits; nothing is served (sustained throughput is 0)');
    return tco / (rate * duration);
  };
  if (ctx.mode === 'training') {
    // Θ = fleet_throughput·goodput (wall 14, wall 15 is always active in training).
    return derived({
      ...cell, formula: formula('Θ = fleet_throughput·goodput'),
      inputs: { ...tcoAndDuration, fleetThroughput: number('communication.fleet_throughput'), goodput: number('fragility.goodput') },
      compute: ({ tco, duration, fleetThroughput, goodput }) => perItem(tco, duration, fleetThroughput * goodput),
    });
  }
  if (hasParallelLayout(ctx)) {
    // The devices split the model: replicas·Θ of a replica (src/nodes/parallel), not N·Θ.
    return derived({
      ...cell, formula: formula('Θ = fleet_throughput (replicas of the split model)'),
      inputs: { ...tcoAndDuration, fleetThroughput: number('communication.fleet_throughput') },
      compute: ({ tco, duration, fleetThroughput }) => perItem(tco, duration, fleetThroughput),
    });
  }
  if (ctx.mode === 'serving') {
    // Θ = N·throughput_tokens_per_second (wall 5 steady-state capacity, one replica per device).
    return derived({
      ...cell, formula: formula('Θ = N·throughput_tokens_per_second'),
      inputs: { ...tcoAndDuration, tokenThroughput: number('batching.throughput_tokens_per_second'), devices: number('capital.num_devices') },
      compute: ({ tco, duration, tokenThroughput, devices }) => perItem(tco, duration, tokenThroughput * devices),
    });
  }
  return derived({
    ...cell, formula: formula('Θ = N·throughput'),
    inputs: { ...tcoAndDuration, throughput: number('compute.throughput'), devices: number('capital.num_devices') },
    compute: ({ tco, duration, throughput, devices }) => perItem(tco, duration, throughput * devices),
  });
}

export function capitalCells(ctx: BuildContext): CellDef[] {
  const itemUnit = isLM(ctx.model.family) ? 'token' : 'sample';
  const cells: CellDef[] = [
    ...opsShapeCells(ctx),
    input({
      id: 'capital.maintenance_fraction', label: 'Maintenance rate', doc: 'Yearly maintenance cost as a fraction of the hardware cost.',
      unit: '1', layer: 'E', wall: 17, source: { kind: 'spec', ref: 'physics.md §1.5 maintenance_fraction (per year)' },
      default: 0.05, domain: { kind: 'number', min: 0, max: 1 },
    }),
    input({
      id: 'capital.infrastructure_multiplier', label: 'Infrastructure multiplier',
      doc: 'Factor on the device cost for racks, network and facility share.',
      unit: '1', layer: 'E', wall: 17, source: { kind: 'spec', ref: 'physics.md §1.5 infrastructure_multiplier' },
      default: 1, domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    input({
      id: 'capital.budget_usd', label: 'Budget', doc: 'Spending limit for the period; unset means no limit.',
      unit: 'USD', layer: 'E', wall: 17, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: 'capital.carbon_tax', label: 'Carbon tax', doc: 'Price per gram of CO2e, used by placement optimisation (§11.4).',
      unit: 'USD/g', displayUnit: 'USD/t', layer: 'E', wall: 17, default: 0, domain: { kind: 'number', min: 0 },
    }),
    derived({
      id: 'capital.active', label: 'Capital active', doc: 'Wall 17 is active when the scenario has operations (a duration).',
      unit: 'bool', layer: 'E', wall: 17, formula: 'active ⇔ ops present', inputs: {}, compute: () => ctx.ops,
    }),
    derived({
      id: 'capital.capex_total', label: 'Hardware cost', doc: 'Purchase cost of the fleet including infrastructure.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'capex_total = unit_cost·N·k_i',
      inputs: { unitCost: optNumber('hardware.unit_cost'), devices: number('capital.num_devices'), infra: number('capital.infrastructure_multiplier') },
      compute: ({ unitCost, devices, infra }) =>
        unitCost === null ? fail('missing_data', `unit cost unknown for ${ctx.device.id}; set hardware.unit_cost`) : unitCost * devices * infra,
    }),
    derived({
      id: 'capital.capex', label: 'CapEx (period share)', doc: 'The amortised share of the hardware cost for the period.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'capex = capex_total·(t/year)/Y',
      inputs: {
        total: number('capital.capex_total'), duration: number('capital.duration'), year: number('capital.seconds_per_year'),
        amortization: number('capital.amortization_years'),
      },
      compute: ({ total, duration, year, amortization }) => {
        const years = duration / year;
        const share = (total * years) / amortization;
        return years > amortization ? warn(share, 'duration exceeds the amortisation period; assumes hardware refresh') : share;
      },
    }),
    derived({
      id: 'capital.opex_maintenance', label: 'Maintenance', doc: 'Maintenance cost over the period.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'opex_maintenance = capex_total·m_f·(t/year)',
      inputs: {
        total: number('capital.capex_total'), maintenance: number('capital.maintenance_fraction'), duration: number('capital.duration'),
        year: number('capital.seconds_per_year'),
      },
      compute: ({ total, maintenance, duration, year }) => (total * maintenance * duration) / year,
    }),
    derived({
      id: 'capital.energy_cost', label: 'Energy cost', doc: 'Cost of the facility energy of wall 18 at the electricity price.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'energy_cost = facility_energy·electricity_price',
      inputs: { facilityEnergy: number('sustainability.facility_energy'), price: number('infra.electricity_price_effective') },
      compute: ({ facilityEnergy, price }) => facilityEnergy * price,
    }),
    derived({
      id: 'capital.total_opex', label: 'OpEx', doc: 'Operating cost of the period: maintenance plus energy.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'total_opex = opex_maintenance + energy_cost',
      inputs: { maintenance: number('capital.opex_maintenance'), energy: number('capital.energy_cost') },
      compute: ({ maintenance, energy }) => maintenance + energy,
    }),
    derived({
      id: 'capital.tco_usd', label: 'TCO', doc: 'Total cost of ownership for the period: amortised CapEx plus OpEx.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'tco_usd = capex + total_opex',
      inputs: { capex: number('capital.capex'), opex: number('capital.total_opex') }, compute: ({ capex, opex }) => capex + opex,
    }),
    costPerItemCell(ctx, itemUnit),
    derived({
      id: 'capital.carbon_cost', label: 'Carbon cost', doc: 'Carbon footprint priced at the carbon tax.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'carbon_cost = carbon_footprint·carbon_tax',
      inputs: { footprint: number('sustainability.carbon_footprint'), tax: number('capital.carbon_tax') },
      compute: ({ footprint, tax }) => footprint * tax,
    }),
    derived({
      id: 'capital.placement_objective', label: 'Placement objective',
      doc: 'TCO plus priced carbon: the objective of placement optimisation (physics.md §11.4).',
      unit: 'USD', layer: 'E', wall: 17, formula: 'objective = tco_usd + carbon_footprint·carbon_tax',
      inputs: { tco: number('capital.tco_usd'), carbonCost: number('capital.carbon_cost') }, compute: ({ tco, carbonCost }) => tco + carbonCost,
    }),
    ...statusCells({
      scope: 'capital', wall: 17, formula: 'FAIL tco > budget; WARN tco ≥ margin·budget',
      inputs: { tco: number('capital.tco_usd'), budget: optNumber('capital.budget_usd'), margin: number('scenario.target_margin') },
      judge: ({ tco, budget, margin }) => budgetStatus(tco, budget, margin, 'TCO'),
    }),
  ];
  if (ctx.mode === 'training') {
    cells.push(
      derived({
        id: 'capital.cost_per_training_run', label: 'Cost per training run',
        doc: 'TCO rate times the time to train (every TCO term is proportional to the duration).',
        unit: 'USD', layer: 'E', wall: 17, formula: 'cost_per_training_run = (tco_usd/t)·time_to_train',
        inputs: { tco: number('capital.tco_usd'), duration: number('capital.duration'), timeToTrain: number('complexity.time_to_train') },
        compute: ({ tco, duration, timeToTrain }) => (tco / duration) * timeToTrain,
      }),
    );
  }
  return cells;
}
