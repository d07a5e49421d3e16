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
import { costCells } from './cost.js';

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
 * `capital.sustained_throughput` Θ: the items per second the whole fleet sustains in this mode
 * (wall 17 cell 7's Θ), shared by the cost and carbon per item.
 */
function sustainedThroughputCell(ctx: BuildContext, itemUnit: string): CellDef {
  const cell = {
    id: 'capital.sustained_throughput', label: 'Sustained throughput',
    doc: `${itemUnit === 'token' ? 'Tokens' : 'Samples'} per second the whole fleet sustains over the period (Θ of wall 17 cell 7).`,
    unit: `${itemUnit}s/s`, layer: 'E', wall: 17,
  } as const;
  if (ctx.mode === 'training') {
    // Θ = fleet_throughput·goodput (wall 14, wall 15 is always active in training).
    return derived({
      ...cell, formula: 'Θ = fleet_throughput·goodput',
      inputs: { fleetThroughput: number('communication.fleet_throughput'), goodput: number('fragility.goodput') },
      compute: ({ fleetThroughput, goodput }) => fleetThroughput * goodput,
    });
  }
  if (hasParallelLayout(ctx)) {
    // The devices split the model: replicas·Θ of a replica (src/nodes/parallel), not N·Θ.
    return derived({
      ...cell, formula: 'Θ = fleet_throughput (replicas of the split model)',
      inputs: { fleetThroughput: number('communication.fleet_throughput') },
      compute: ({ fleetThroughput }) => fleetThroughput,
    });
  }
  if (ctx.mode === 'serving') {
    // Θ = N·throughput_tokens_per_second (wall 5 steady-state capacity, one replica per device).
    return derived({
      ...cell, formula: 'Θ = N·throughput_tokens_per_second',
      inputs: { tokenThroughput: number('batching.throughput_tokens_per_second'), devices: number('capital.num_devices') },
      compute: ({ tokenThroughput, devices }) => tokenThroughput * devices,
    });
  }
  return derived({
    ...cell, formula: 'Θ = N·throughput',
    inputs: { throughput: number('compute.throughput'), devices: number('capital.num_devices') },
    compute: ({ throughput, devices }) => throughput * devices,
  });
}

/** Cost per item: the period's cost (ownership TCO or rental) over the items produced at Θ (wall 17 cell 7). */
function costPerItemCell(itemUnit: string): CellDef {
  return derived({
    id: 'capital.cost_per_item', label: `Cost per ${itemUnit}`,
    doc: `The period's cost (cost_model: ownership TCO or rental) divided by the ${itemUnit}s produced at the sustained throughput over the whole period.`,
    unit: `USD/${itemUnit}`, layer: 'E', wall: 17, formula: 'cost_per_item = period_cost/(Θ·t)',
    inputs: { cost: number('capital.period_cost'), duration: number('capital.duration'), rate: number('capital.sustained_throughput') },
    compute: ({ cost, duration, rate }): ComputeResult =>
      rate > 0 ? cost / (rate * duration) : fail('no_solution', 'no sequence fits; nothing is served (sustained throughput is 0)'),
  });
}

export function capitalCells(ctx: BuildContext): CellDef[] {
  const itemUnit = isLM(ctx.model.family) ? 'token' : 'sample';
  // Node capex applies only to a node the scenario names (physics Amendments, "Cost").
  const node = ctx.fleet.node;
  const nodeGpus = node?.gpus_per_node ?? ctx.fleet.gpus_per_node;
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
    input({
      id: 'capital.node_unit_cost', label: 'Node price',
      doc: `Price of one ${node?.id ?? 'catalogue node'} with its accelerators; when set, the fleet is bought as nodes (unset: devices × unit_cost).`,
      unit: 'USD', layer: 'D', wall: 17, default: node?.unit_cost ?? null, provenance: node?.unit_cost !== undefined ? 'catalogue' : 'default',
      ...(node?.unit_cost !== undefined ? { source: node.source ?? { kind: 'catalogue', ref: `node ${node.id}` } } : {}),
      domain: { kind: 'number', min: 0, optional: true },
    }),
    derived({
      id: 'capital.capex_total', label: 'Hardware cost', doc: 'Purchase cost of the fleet including infrastructure: named nodes at their price, else devices at their unit cost.',
      unit: 'USD', layer: 'E', wall: 17,
      formula: `capex_total = node_unit_cost·(N/${nodeGpus})·k_i when a node price is set, else unit_cost·N·k_i`,
      inputs: {
        unitCost: optNumber('hardware.unit_cost'), nodeCost: optNumber('capital.node_unit_cost'), devices: number('capital.num_devices'),
        infra: number('capital.infrastructure_multiplier'),
      },
      compute: ({ unitCost, nodeCost, devices, infra }) => {
        if (nodeCost !== null) return nodeCost * (devices / nodeGpus) * infra;
        return unitCost === null ? fail('missing_data', `unit cost unknown for ${ctx.device.id}; set hardware.unit_cost`) : unitCost * devices * infra;
      },
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
    sustainedThroughputCell(ctx, itemUnit),
    costPerItemCell(itemUnit),
    ...costCells(ctx),
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
  return cells;
}
