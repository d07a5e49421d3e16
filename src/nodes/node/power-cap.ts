/**
 * Wall 1's power cap slowdown: when a cap (compute.power_limit) is below the power the step
 * would draw, the device lowers its compute clock until the draw meets the cap, and the
 * compute-bound part of the step slows by the same factor (memory time does not: HBM keeps
 * its own clock).
 *
 *   P(s) = P_idle + (TDP − P_idle)·s^k·a_c(s) + e_B·Q/T(s)       (the activity model at clock s)
 *   T_c(s) = T_c/s     T(s) = max(T_c(s), T_m) + T_ov     a_c(s) = T_c(s)/T(s)
 *   s = 1 when P(1) ≤ P_limit, else the s in (0, 1) with P(s) = P_limit.
 *
 * k: the dynamic power of CMOS logic is α·C·V²·f; across the DVFS range the supply voltage
 * falls with the clock (V ∝ f), so the dynamic power goes as f³ (k = 3); with the voltage
 * already at its floor it goes as f (k = 1), the largest slowdown for a given cap.
 * P(s) rises with s (for k ≥ 1), so s is found by bisection; the step's latency then takes
 * T_c/s (compute.ts), and the roofline's T_c, ridge point and intensity stay the uncapped device's.
 */
import { type CellDef, choice, derived, fail, input, number, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { POWER_MODELS } from '../common/calibration.js';
import { required } from '../common/plain.js';
import type { BuildContext } from '../context.js';

const wall = 1;
const fmtW = (w: number): string => `${Number(w.toPrecision(4))} W`;
const fmt = (x: number): string => String(Number(x.toPrecision(4)));
const AMENDED = spec('Amendments, "Power (wall 1, §7)"');

export const CLOCK_EXPONENT_SOURCE = {
  kind: 'textbook',
  ref: 'CMOS dynamic power P = α·C·V²·f (Weste & Harris, CMOS VLSI Design, 4th ed., §5.1); with V scaled in proportion to f under DVFS, P ∝ f³',
};

/** The step's times and power terms at full clock (s = 1). */
export interface CapStep {
  readonly tCompute: number;
  readonly tMemory: number;
  readonly tOverhead: number;
  readonly tdp: number;
  readonly idle: number;
  /** Bytes the step moves (Q) and the energy of one byte (e_B). */
  readonly bytes: number;
  readonly energyPerByte: number;
  /** k in P_dyn ∝ f^k. */
  readonly exponent: number;
}

/** The activity-model power at clock factor s (0 < s ≤ 1). */
export function powerAtClock(x: CapStep, s: number): number {
  const tc = x.tCompute / s;
  const t = Math.max(tc, x.tMemory) + x.tOverhead;
  return x.idle + (x.tdp - x.idle) * s ** x.exponent * Math.min(1, tc / t) + (x.energyPerByte * x.bytes) / t;
}

/**
 * The clock factor a cap allows: 1 when the step's draw is within the cap, else the root of
 * P(s) = limit by bisection (the lower end, so the draw never exceeds the cap). Undefined when
 * the cap is not above the idle power (no clock meets it).
 */
export function capClockFactor(x: CapStep, limit: number): number | undefined {
  if (powerAtClock(x, 1) <= limit) return 1;
  if (limit <= x.idle) return undefined;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 80 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (powerAtClock(x, mid) <= limit) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function powerCapCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  // The clock sees the step's bytes at the device's own memory (HBM) time, Q/(BW·η_bw), in every
  // mode: in training that is wall 14's microbatch (§8.4's T_m); outside training it keeps the clock
  // free of wall 2's offload errors, so a cap that is not set never blocks a cell (serving reads the
  // clock). An offloaded step's longer memory time is not seen: the clock is then a lower bound on s.
  return [
    input({
      id: 'compute.power_cap_clock_exponent', label: 'Power-cap clock exponent k',
      doc: 'How the compute units\' dynamic power follows their clock under a power cap, P_dyn ∝ f^k: 3 when the voltage scales with the clock, 1 when it is at its floor.',
      unit: '1', layer: 'E', wall, default: 3, source: CLOCK_EXPONENT_SOURCE, domain: { kind: 'number', min: 1, max: 3 },
    }),
    derived({
      id: 'compute.power_cap_clock', label: 'Clock under the power cap',
      doc: 'Share of its uncapped clock the device keeps under the power cap: 1 when the cap does not bind, else the clock at which the step draws the cap.',
      unit: '1', layer: 'E', wall, source: AMENDED,
      formula: 's = 1 if P(1) ≤ P_limit, else P(s) = P_limit with P(s) = P_idle + (TDP − P_idle)·s^k·a_c(s) + e_B·Q/T(s), T_c(s) = T_c/s, T_m = Q/(BW·η_bw) (the HBM time)',
      // Reads only what the step's latency reads already, plus inputs: a cap never blocks a cell that computed before.
      inputs: {
        model: choice('scenario.power_model', POWER_MODELS), limit: optNumber('compute.power_limit'), tdp: optNumber('hardware.tdp'),
        idle: optNumber('compute.idle_power'), idleShare: number('compute.idle_power_fraction_fallback'),
        tCompute: number('compute.t_compute'), tOverhead: number('compute.t_overhead'),
        bandwidth: optNumber('hardware.memory_bandwidth'), bandwidthEfficiency: number('scenario.bandwidth_efficiency'),
        bytes: number('compute.memory_traffic'), energyPerByte: number('compute.memory_energy_per_byte'),
        exponent: number('compute.power_cap_clock_exponent'),
      },
      compute: ({ model, limit, tdp, idle, idleShare, tCompute, bandwidth, bandwidthEfficiency, tOverhead, bytes, energyPerByte, exponent }) => {
        if (limit === null) return 1;
        // The first build's power model has no activity to slow: the cap is neither applied nor binding there.
        if (model !== 'activity') return warn(1, `the power cap ${fmtW(limit)} is not applied under the ${model} power model (set scenario.power_model to activity)`);
        if (tdp === null) return warn(1, `${device} lists no TDP: the power cap's slowdown is not modelled`);
        const bw = required(bandwidth, device, 'memory_bandwidth', 'the power cap clock');
        if (typeof bw !== 'number') return bw;
        const tMemory = bytes / (bw * bandwidthEfficiency);
        const step: CapStep = { tCompute, tMemory, tOverhead, tdp, idle: idle ?? idleShare * tdp, bytes, energyPerByte, exponent };
        const s = capClockFactor(step, limit);
        if (s === undefined) {
          return fail('invalid_input', `compute.power_limit ${fmtW(limit)} is not above the idle power ${fmtW(step.idle)}: no clock runs the device under it`);
        }
        if (s === 1) return 1;
        return warn(s, `the power cap ${fmtW(limit)} binds (uncapped ${fmtW(powerAtClock(step, 1))}): the compute clock runs at ${fmt(s)} of its rate ` +
          `(P_dyn ∝ f^${fmt(exponent)}), so compute time is ×${fmt(1 / s)}; memory time is unchanged`);
      },
    }),
    derived({
      id: 'compute.t_compute_under_cap', label: 'Compute time under the power cap',
      doc: 'The step\'s compute time at the clock the power cap leaves (T_c itself when no cap binds).',
      unit: 's', layer: 'E', wall, source: AMENDED, formula: 'T_c,cap = T_c/s',
      inputs: { tCompute: number('compute.t_compute'), clock: number('compute.power_cap_clock') },
      compute: ({ tCompute, clock }) => tCompute / clock,
    }),
  ];
}
