/**
 * The hand-inlined baseline of #4: the scorecard of a decode step as a function of batch size
 * B, written out from physics.md (walls 1–3 decode, 17–18), with the constants of the scenario
 * read once from the graph. Same operations in the same order as the cells, so it agrees to
 * the last bit; it returns the same table shape (rows of cell values) as `sweep`.
 */
import type { CellValue, LiveGraph, Plain } from '../src/graph/index.js';
import { G } from './lib.js';

const okValue = G.okValue;

const num = (g: LiveGraph, id: string): number => g.value(id) as number;

/** The outputs the baseline computes, in the order of `scorecardIds(graph)`. */
export function scorecardIds(g: LiveGraph): string[] {
  return g.topology.ids.filter((id) => /^(feasibility|performance|macro)\./.test(id));
}

/** Builds the plain function `B → row of scorecard values` for an inference scenario without SRAM. */
export function inlineScorecard(g: LiveGraph): (b: number) => CellValue[] {
  const x = num(g, 'scenario.context_len');
  const kvTok = num(g, 'workload.kv_bytes_per_token');
  const kAct = num(g, 'scenario.activation_working_set_factor');
  const d = num(g, 'workload.hidden_dim');
  const bAct = num(g, 'scenario.activation_bytes_per_element');
  const fTok = num(g, 'workload.decode_flops_per_token');
  const wT = num(g, 'workload.weight_bytes_touched');
  const w = num(g, 'workload.weight_bytes');
  const peak = num(g, 'hardware.peak_flops');
  const eta = num(g, 'software.efficiency_effective');
  const cap = num(g, 'hardware.memory_capacity');
  const bwMain = num(g, 'hardware.memory_bandwidth');
  // A device without a host link cannot offload (wall 2 refuses to time the step): not a case this baseline covers.
  const hostLink = g.value('hardware.host_link_bandwidth');
  if (typeof hostLink !== 'number') throw new Error('the inline baseline covers devices that list a host link');
  const bwHost = hostLink;
  const etaBw = num(g, 'scenario.bandwidth_efficiency');
  const tOv = num(g, 'compute.t_overhead');
  const uOverride = g.value('sustainability.utilization_mfu');
  const tdp = num(g, 'hardware.tdp');
  const idle = num(g, 'scenario.idle_power_fraction');
  const dyn = num(g, 'scenario.dynamic_power_fraction');
  const nDev = num(g, 'capital.num_devices');
  const nNodes = num(g, 'capital.num_nodes');
  const hostPower = num(g, 'sustainability.host_power');
  const duration = num(g, 'capital.duration');
  const pue = num(g, 'infra.pue');
  const price = num(g, 'infra.electricity_price_effective');
  const opexMaint = num(g, 'capital.opex_maintenance');
  const capex = num(g, 'capital.capex');
  const ci = num(g, 'infra.carbon_intensity');
  const embodied = num(g, 'sustainability.embodied_carbon_share');
  const wue = num(g, 'infra.wue');
  if (g.value('hardware.sram_capacity') !== null) throw new Error('the inline baseline covers devices without SRAM');
  // P_dev below is the mfu_linear model; the activity model (the default since issue 19) is not written out here.
  if (g.value('scenario.power_model') !== 'mfu_linear') {
    throw new Error('the inline baseline writes out the mfu_linear power model: set scenario.power_model = mfu_linear on the benchmark graph');
  }
  const ids = scorecardIds(g);
  const constant = (id: string): CellValue => g.get(id);
  // Scorecard cells that do not depend on B are constants of the sweep, as in the compiled cone.
  const capGb = constant('feasibility.memory_capacity_gb');
  const capexM = constant('macro.capex');
  const embodiedM = constant('macro.embodied');
  const expected = [
    'feasibility.memory_used_gb', 'feasibility.memory_capacity_gb', 'feasibility.memory_utilization', 'performance.latency',
    'performance.throughput', 'performance.mfu', 'performance.hfu', 'macro.tco_usd', 'macro.capex', 'macro.energy_cost',
    'macro.carbon_footprint', 'macro.embodied', 'macro.energy_kwh', 'macro.water_l',
  ];
  if (ids.join() !== expected.join()) throw new Error(`scorecard cells changed: ${ids.join(', ')}`);

  return (b: number): CellValue[] => {
    const kv = b * x * kvTok; //                           kv_bytes = B·x·kv_tok
    const act = b * 1 * kAct * d * bAct; //                A_work(B, 1) = B·1·κ_act·d·b_act
    const f = b * fTok; //                                 F = B·F_tok(x)
    const q = wT + kv; //                                  Q = W_t(B) + B·x·kv_tok
    const foot = w + kv + act; //                          M_foot = W + kv + A_work
    const offload = foot > cap; //                         regime: resident | offload
    const h = offload ? Math.min(foot - cap, q) : 0; //    h = min(s, Q)
    const bw = h === 0 || q === 0 ? bwMain : q / ((q - h) / bwMain + h / bwHost); // BW_eff
    const tc = f / (peak * eta); //                        T_c = F/(peak·η)
    const tm = q / (bw * etaBw); //                        T_m = Q/(BW·η_bw)
    const t = Math.max(tc, tm) + tOv; //                   T = max(T_c, T_m) + T_ov
    const mfu = f / t / peak;
    const u = uOverride === null ? mfu : (uOverride as number);
    const pDev = tdp * (idle + dyn * u); //                P_dev = tdp·(idle + dyn·u)
    const eIt = (nDev * pDev + nNodes * hostPower) * duration;
    const eFac = eIt * pue;
    const energyCost = eFac * price;
    const tco = capex + (opexMaint + energyCost);
    const carbon = eFac * ci + embodied;
    return [
      okValue(foot * 1e-9), capGb, okValue(foot / cap), okValue(t * 1000), okValue(b / t), okValue(mfu), okValue(mfu),
      okValue(tco), capexM, okValue(energyCost), okValue(carbon * 1e-6), embodiedM, okValue(eFac * (1 / 3.6e6)), okValue(eIt * wue),
    ];
  };
}

/** The baseline sweep: the inline function over the values (same table shape as `sweep`). */
export function inlineSweep(fn: (b: number) => CellValue[], values: readonly Plain[]): CellValue[][] {
  const rows: CellValue[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) rows[i] = fn(values[i] as number);
  return rows;
}
