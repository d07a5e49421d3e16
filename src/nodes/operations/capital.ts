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
import { derived, fail, input, warn, type CellDef, type ComputeResult, type Plain } from '../../graph/index.js';
import { type BuildContext, isLM } from '../context.js';

const n = (v: Plain): number => v as number;

/** physics.md §1.1: 1 year = 365 days. */
const SECONDS_PER_YEAR = 365 * 86400;
/** One day, the period of physics.md §12.3; a plan's ops.duration_days overrides it. */
const DEFAULT_DURATION_S = 86400;

/**
 * Wall 17/18 status rule: FAIL above the budget, WARN at ≥ target_margin·budget (§11.3).
 * The reason quotes the ratio to the budget, a pure number (so it is unit-independent).
 */
export function budgetStatus(value: number, budget: number | null, margin: number, what: string): [string, string] {
  if (budget === null) return ['PASS', ''];
  const share = `${((100 * value) / budget).toPrecision(4)} % of the budget`;
  if (value > budget) return ['FAIL', `${what} exceeds the budget (${share})`];
  if (value >= margin * budget) return ['WARN', `${what} is at least ${margin * 100} % of the budget (${share})`];
  return ['PASS', ''];
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
        inputs: ['communication.num_devices'], compute: (v) => n(v),
      }),
      derived({
        id: 'capital.num_nodes', label: 'Nodes', doc: 'Nodes of the training fleet; host power is counted per node.',
        unit: '1', layer: 'D', wall: 17, formula: 'N_n = communication.num_nodes',
        inputs: ['communication.num_nodes'], compute: (v) => n(v),
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

/** The sustained throughput Θ of the mode (wall 17 cell 7) and the cells it reads. */
function sustainedThroughput(ctx: BuildContext): { inputs: string[]; formula: string; theta: (v: Plain[]) => number } {
  if (ctx.mode === 'training') {
    // Θ = fleet_throughput·goodput (wall 14, wall 15 is always active in training).
    return {
      inputs: ['communication.fleet_throughput', 'fragility.goodput'],
      formula: 'Θ = fleet_throughput·goodput', theta: ([f, g]) => n(f) * n(g),
    };
  }
  if (ctx.mode === 'serving') {
    // Θ = N·throughput_tokens_per_second (wall 5 steady-state capacity, one replica per device).
    return {
      inputs: ['batching.throughput_tokens_per_second', 'capital.num_devices'],
      formula: 'Θ = N·throughput_tokens_per_second', theta: ([t, d]) => n(t) * n(d),
    };
  }
  return { inputs: ['compute.throughput', 'capital.num_devices'], formula: 'Θ = N·throughput', theta: ([t, d]) => n(t) * n(d) };
}

export function capitalCells(ctx: BuildContext): CellDef[] {
  const itemUnit = isLM(ctx.model.family) ? 'token' : 'sample';
  const theta = sustainedThroughput(ctx);
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
      unit: 'bool', layer: 'E', wall: 17, formula: 'active ⇔ ops present', inputs: [], compute: () => ctx.ops,
    }),
    derived({
      id: 'capital.capex_total', label: 'Hardware cost', doc: 'Purchase cost of the fleet including infrastructure.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'capex_total = unit_cost·N·k_i',
      inputs: ['hardware.unit_cost', 'capital.num_devices', 'capital.infrastructure_multiplier'],
      compute: (cost, devices, k) =>
        cost === null ? fail('missing_data', `unit cost unknown for ${ctx.device.id}; set hardware.unit_cost`) : n(cost) * n(devices) * n(k),
    }),
    derived({
      id: 'capital.capex', label: 'CapEx (period share)', doc: 'The amortised share of the hardware cost for the period.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'capex = capex_total·(t/year)/Y',
      inputs: ['capital.capex_total', 'capital.duration', 'capital.seconds_per_year', 'capital.amortization_years'],
      compute: (total, t, year, y) => {
        const years = n(t) / n(year);
        const share = (n(total) * years) / n(y);
        return years > n(y) ? warn(share, 'duration exceeds the amortisation period; assumes hardware refresh') : share;
      },
    }),
    derived({
      id: 'capital.opex_maintenance', label: 'Maintenance', doc: 'Maintenance cost over the period.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'opex_maintenance = capex_total·m_f·(t/year)',
      inputs: ['capital.capex_total', 'capital.maintenance_fraction', 'capital.duration', 'capital.seconds_per_year'],
      compute: (total, mf, t, year) => (n(total) * n(mf) * n(t)) / n(year),
    }),
    derived({
      id: 'capital.energy_cost', label: 'Energy cost', doc: 'Cost of the facility energy of wall 18 at the electricity price.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'energy_cost = facility_energy·electricity_price',
      inputs: ['sustainability.facility_energy', 'infra.electricity_price_effective'],
      compute: (e, price) => n(e) * n(price),
    }),
    derived({
      id: 'capital.total_opex', label: 'OpEx', doc: 'Operating cost of the period: maintenance plus energy.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'total_opex = opex_maintenance + energy_cost',
      inputs: ['capital.opex_maintenance', 'capital.energy_cost'], compute: (m, e) => n(m) + n(e),
    }),
    derived({
      id: 'capital.tco_usd', label: 'TCO', doc: 'Total cost of ownership for the period: amortised CapEx plus OpEx.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'tco_usd = capex + total_opex',
      inputs: ['capital.capex', 'capital.total_opex'], compute: (c, o) => n(c) + n(o),
    }),
    derived({
      id: 'capital.cost_per_item', label: `Cost per ${itemUnit}`,
      doc: `TCO divided by the ${itemUnit}s produced at the sustained throughput over the whole period.`,
      unit: `USD/${itemUnit}`, layer: 'E', wall: 17, formula: `cost_per_item = tco_usd/(Θ·t), ${theta.formula}`,
      inputs: ['capital.tco_usd', 'capital.duration', ...theta.inputs],
      compute: (tco, t, ...rest): ComputeResult => {
        const rate = theta.theta(rest);
        if (!(rate > 0)) return fail('no_solution', 'no sequence fits; nothing is served (sustained throughput is 0)');
        return n(tco) / (rate * n(t));
      },
    }),
    derived({
      id: 'capital.carbon_cost', label: 'Carbon cost', doc: 'Carbon footprint priced at the carbon tax.',
      unit: 'USD', layer: 'E', wall: 17, formula: 'carbon_cost = carbon_footprint·carbon_tax',
      inputs: ['sustainability.carbon_footprint', 'capital.carbon_tax'], compute: (c, tax) => n(c) * n(tax),
    }),
    derived({
      id: 'capital.placement_objective', label: 'Placement objective',
      doc: 'TCO plus priced carbon: the objective of placement optimisation (physics.md §11.4).',
      unit: 'USD', layer: 'E', wall: 17, formula: 'objective = tco_usd + carbon_footprint·carbon_tax',
      inputs: ['capital.tco_usd', 'capital.carbon_cost'], compute: (a, b) => n(a) + n(b),
    }),
    ...statusCells(),
  ];
  if (ctx.mode === 'training') {
    cells.push(
      derived({
        id: 'capital.cost_per_training_run', label: 'Cost per training run',
        doc: 'TCO rate times the time to train (every TCO term is proportional to the duration).',
        unit: 'USD', layer: 'E', wall: 17, formula: 'cost_per_training_run = (tco_usd/t)·time_to_train',
        inputs: ['capital.tco_usd', 'capital.duration', 'complexity.time_to_train'],
        compute: (tco, t, ttt) => (n(tco) / n(t)) * n(ttt),
      }),
    );
  }
  return cells;
}

function statusCells(): CellDef[] {
  const inputs = ['capital.tco_usd', 'capital.budget_usd', 'scenario.target_margin'];
  const rule = (tco: Plain, budget: Plain, margin: Plain) => budgetStatus(n(tco), budget as number | null, n(margin), 'TCO');
  return [
    derived({
      id: 'capital.status', label: 'Capital status', doc: 'FAIL when TCO exceeds the budget, WARN at ≥ 90 % of it (physics.md §11.3).',
      unit: 'enum', layer: 'E', wall: 17, formula: 'FAIL tco > budget; WARN tco ≥ margin·budget', inputs,
      compute: (a, b, c) => rule(a, b, c)[0],
    }),
    derived({
      id: 'capital.status_reason', label: 'Capital status reason', doc: 'Why wall 17 has its status; empty when PASS.',
      unit: 'text', layer: 'E', wall: 17, formula: 'reason of the status rule', inputs,
      compute: (a, b, c) => rule(a, b, c)[1],
    }),
  ];
}
