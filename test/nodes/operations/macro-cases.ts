/**
 * The golden "formula" cases of walls 17 and 18 (physics.md §12.3 and the reference cases)
 * as values for a standalone graph of layer C + walls 17 + 18: the case's named inputs
 * mapped onto our cell ids (per-kWh figures converted to SI, 1 kWh = 3.6e6 J).
 */
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import { macroWalls } from '../infra/wall-graphs.js';
import { context, H100 } from '../fixtures.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import type { GoldenCase } from '../../helpers/golden.js';

const KWH = 3.6e6;

/** Cells the macro walls read from other walls, with neutral stand-in values. */
const STAND_INS: Record<string, Plain> = {
  'hardware.tdp': 700, 'hardware.unit_cost': 30000, 'hardware.embodied_carbon': 164000, 'scenario.idle_power_fraction': 0.3,
  'scenario.dynamic_power_fraction': 0.7, 'scenario.target_margin': 0.9, 'compute.mfu': 0.5, 'compute.throughput': 1000,
  // The activity power model reads wall 1's step power; the cases pin mfu_linear (their fixture says so).
  'scenario.power_model': 'activity', 'compute.device_power': 455, 'compute.idle_power_effective': 70,
  // Per-token prices read η, the peak and the forward FLOPs per token (Llama-3-8B figures, §12.1).
  'software.efficiency_effective': 0.5, 'hardware.peak_flops': 989e12, 'workload.forward_flops_per_token': 1.71337e10,
  'scenario.output_tokens': 128,
};

/** Case input name → our cell id (and the SI factor). */
const MAP: Record<string, [string, number]> = {
  devices: ['capital.num_devices', 1], nodes: ['capital.num_nodes', 1], duration_s: ['capital.duration', 1], tdp_W: ['hardware.tdp', 1],
  utilization_mfu: ['sustainability.utilization_mfu', 1], pue: ['infra.pue', 1],
  carbon_intensity_g_per_kWh: ['infra.carbon_intensity', 1 / KWH], wue_L_per_kWh: ['infra.wue', 1 / KWH],
  electricity_price_USD_per_kWh: ['infra.electricity_price', 1 / KWH], unit_cost_USD: ['hardware.unit_cost', 1],
  amortization_years: ['capital.amortization_years', 1], maintenance_fraction_per_year: ['capital.maintenance_fraction', 1],
  infrastructure_multiplier: ['capital.infrastructure_multiplier', 1], host_power_W: ['sustainability.host_power', 1],
  embodied_carbon_g_per_device: ['hardware.embodied_carbon', 1], hardware_lifetime_years: ['sustainability.hardware_lifetime_years', 1],
  include_embodied: ['sustainability.include_embodied', 1], power_model: ['scenario.power_model', 1],
};

export function macroValues(inputs: Record<string, unknown>): Record<string, Plain> {
  const out: Record<string, Plain> = { ...STAND_INS };
  for (const [k, v] of Object.entries(inputs)) {
    const m = MAP[k];
    if (!m) continue;
    out[m[0]] = typeof v === 'number' ? v * m[1] : (v as Plain);
  }
  return out;
}

/** A standalone macro graph (inference mode: N and N_n are inputs) for a case's inputs. */
export function macroGraph(inputs: Record<string, unknown>, extra: Record<string, Plain> = {}): LiveGraph {
  const ctx = { ...context('inference'), device: H100, ops: true };
  return standaloneGraph(macroWalls(ctx), { ...macroValues(inputs), ...extra });
}

/** The value of an `expected` key: a cell id, or an m_* scorecard key in its display unit (§11.2). */
export function macroExpected(g: LiveGraph, key: string): unknown {
  const display: Record<string, [string, number]> = {
    m_tco_usd: ['capital.tco_usd', 1], m_capex: ['capital.capex', 1], m_energy_cost: ['capital.energy_cost', 1],
    m_energy_kwh: ['sustainability.facility_energy', 1 / KWH], m_carbon_footprint: ['sustainability.carbon_footprint', 1e-6],
    m_embodied: ['sustainability.embodied_carbon_share', 1e-6], m_water_l: ['sustainability.water_usage', 1],
  };
  const [id, f] = display[key] ?? [key, 1];
  const v = g.get(id);
  if (!v.ok) return v.error.kind;
  return typeof v.value === 'number' ? v.value * f : v.value;
}

export type { GoldenCase };
