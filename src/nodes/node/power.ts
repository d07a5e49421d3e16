/**
 * Wall 1's power and energy (physics.md §4 wall 1 cells 5–6, replaced by the Amendments'
 * activity-based model; the first build's model stays selectable as `mfu_linear`).
 *
 * activity: P_dev = min(P_limit, P_idle + (TDP − P_idle)·a_c + e_B·Q/latency), where
 *   a_c = t_compute/latency = HFU/η — the share of the step the compute units run their
 *         kernels (the roofline step's compute time at the kernel efficiency η);
 *   e_B·Q/latency — DRAM power of the bytes the step moves (e_B: energy per byte, HBM2);
 *   P_idle — the device's measured idle power (device-defaults.ts), else a sourced share of TDP;
 *   P_limit — the power cap, else TDP (the device's own limiter: a flat-out matmul already
 *         runs at TDP, which is why its achievable rate is below the datasheet peak).
 *   A cap that binds slows the compute clock until the draw meets it (power-cap.ts); the
 *   step then draws the cap.
 * mfu_linear: P_dev = TDP·(idle_power_fraction + dynamic_power_fraction·MFU) (§12 examples).
 */
import { type CellDef, choice, derived, gate, input, number, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { POWER_MODELS } from '../common/calibration.js';
import {
  HBM_ENERGY_PER_BYTE, HBM_ENERGY_SOURCE, IDLE_FRACTION_FALLBACK, IDLE_FRACTION_SOURCE, idlePower, isHbm,
} from '../common/device-defaults.js';
import { required } from '../common/plain.js';
import { type BuildContext, isLM } from '../context.js';
import { powerCapCells } from './power-cap.js';

const wall = 1;
const AMENDED = spec('Amendments, "Power (wall 1, §7)"');
const fmtW = (w: number): string => `${Number(w.toPrecision(4))} W`;

/** The activity-based device power (W) before and after the power limit. */
export function activityPower(x: {
  tdp: number; idle: number; computeActivity: number; bytesPerSecond: number; energyPerByte: number; limit: number;
}): { readonly watts: number; readonly unlimited: number } {
  const unlimited = x.idle + (x.tdp - x.idle) * Math.min(1, x.computeActivity) + x.energyPerByte * x.bytesPerSecond;
  return { watts: Math.min(x.limit, unlimited), unlimited };
}

/** The first build's power model: TDP·(idle + dynamic·MFU). */
export const mfuLinearPower = (tdp: number, idle: number, dynamic: number, mfu: number): number => tdp * (idle + dynamic * mfu);

export function powerCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  const measuredIdle = idlePower(ctx.device);
  const training = ctx.mode === 'training';
  const hbm = isHbm(ctx.device);
  const perItem = isLM(ctx.model.family) ? 'token' : 'sample';
  return [
    input({
      id: 'compute.idle_power', label: 'Idle power',
      doc: 'Power the device draws with nothing running (P0, no kernel); unset uses a sourced share of TDP.',
      unit: 'W', layer: 'E', wall,
      default: measuredIdle?.watts ?? null, provenance: measuredIdle ? 'catalogue' : 'default',
      ...(measuredIdle ? { source: measuredIdle.source } : {}),
      domain: { kind: 'number', min: 0, optional: true },
    }),
    input({
      id: 'compute.idle_power_fraction_fallback', label: 'Idle share of TDP (fallback)',
      doc: 'Idle power as a share of TDP for a device without a measured idle power.',
      unit: '1', layer: 'E', wall, default: IDLE_FRACTION_FALLBACK, source: IDLE_FRACTION_SOURCE,
      domain: { kind: 'number', min: 0, max: 1 },
    }),
    input({
      id: 'compute.power_limit', label: 'Power limit (cap)',
      doc: 'A power cap set on the device (nvidia-smi -pl); unset means its TDP.',
      unit: 'W', layer: 'E', wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: 'compute.memory_energy_per_byte', label: 'Memory energy per byte',
      doc: 'DRAM energy of one byte read or written (array and I/O); the on-chip path is not included.',
      unit: 'J/B', displayUnit: 'pJ/B', layer: 'E', wall, default: HBM_ENERGY_PER_BYTE, source: HBM_ENERGY_SOURCE,
      domain: { kind: 'number', min: 0 },
    }),
    derived({
      id: 'compute.idle_power_effective', label: 'Idle power (in use)',
      doc: 'The idle power the activity model uses: the measured figure, else the fallback share of TDP.',
      unit: 'W', layer: 'E', wall, source: AMENDED, formula: 'P_idle = idle_power ?? idle_share·TDP',
      inputs: { idle: optNumber('compute.idle_power'), share: number('compute.idle_power_fraction_fallback'), tdp: optNumber('hardware.tdp') },
      compute: ({ idle, share, tdp }) => {
        if (idle !== null) return idle;
        const watts = required(tdp, device, 'tdp', 'the idle power');
        return typeof watts === 'number'
          ? warn(share * watts, `no measured idle power for ${device}; ${share.toFixed(3)} × TDP = ${fmtW(share * watts)} is assumed (set compute.idle_power)`)
          : watts;
      },
    }),
    derived({
      id: 'compute.compute_activity', label: 'Compute activity',
      doc: 'Share of the step the compute units run their kernels: t_compute/latency = HFU/η (at the clock a power cap leaves).',
      unit: '1', layer: 'E', wall, source: AMENDED, formula: 'a_c = t_compute,cap/latency',
      inputs: { tc: number('compute.t_compute_under_cap'), latency: number('compute.latency') },
      compute: ({ tc, latency }) => tc / latency,
    }),
    derived({
      id: 'compute.memory_activity', label: 'Memory activity',
      doc: 'Achieved memory bandwidth of the step over the tier\'s peak bandwidth.',
      unit: '1', layer: 'E', wall, source: AMENDED, formula: 'a_m = (Q/latency)/memory.effective_bandwidth',
      inputs: { bytes: number('compute.memory_traffic'), latency: number('compute.latency'), bandwidth: number('memory.effective_bandwidth') },
      compute: ({ bytes, latency, bandwidth }) => bytes / latency / bandwidth,
    }),
    derived({
      id: 'compute.device_power',
      label: 'Device power',
      doc: 'Average device power in the step: idle power plus the compute units\' share while busy plus DRAM traffic (activity), or TDP·(idle + dynamic·MFU) (mfu_linear).',
      unit: 'W', layer: 'E', wall, source: AMENDED,
      formula: 'activity: min(P_limit, P_idle + (TDP − P_idle)·a_c + e_B·Q/latency), P_limit when the cap slows the clock (s < 1); mfu_linear: TDP·(idle_power_fraction + dynamic_power_fraction·mfu)',
      inputs: {
        model: choice('scenario.power_model', POWER_MODELS), tdp: optNumber('hardware.tdp'),
        idleFraction: number('scenario.idle_power_fraction'), dynamicFraction: number('scenario.dynamic_power_fraction'),
        mfu: number('compute.mfu'), powerModelValid: gate('scenario.power_model_valid'),
        idle: number('compute.idle_power_effective'), activity: number('compute.compute_activity'),
        bytes: number('compute.memory_traffic'), latency: number('compute.latency'),
        energyPerByte: number('compute.memory_energy_per_byte'), limit: optNumber('compute.power_limit'),
        clock: number('compute.power_cap_clock'),
      },
      compute: ({ model, tdp, idleFraction, dynamicFraction, mfu, idle, activity, bytes, latency, energyPerByte, limit, clock }) => {
        const watts = required(tdp, device, 'tdp', 'the device power');
        if (typeof watts !== 'number') return watts;
        if (model === 'mfu_linear') return mfuLinearPower(watts, idleFraction, dynamicFraction, mfu);
        const notes: string[] = [];
        if (!hbm) notes.push(`memory energy per byte is the HBM2 figure; ${device} has ${ctx.device.memory_type ?? 'another memory type'}`);
        // A binding cap slowed the compute clock until the step draws exactly the cap (compute.power_cap_clock).
        if (limit !== null && clock < 1) {
          return warn(limit, `the power cap ${fmtW(limit)} binds: the device draws the cap with its compute clock at ${Number(clock.toPrecision(4))} (compute.power_cap_clock)`, ...notes);
        }
        const p = activityPower({ tdp: watts, idle, computeActivity: activity, bytesPerSecond: bytes / latency, energyPerByte, limit: limit ?? watts });
        return notes.length ? warn(p.watts, ...notes) : p.watts;
      },
    }),
    ...powerCapCells(ctx),
    derived({
      id: 'compute.energy_per_step',
      label: 'Energy per step',
      doc: 'Device energy of one step.',
      unit: 'J', layer: 'E', wall, source: spec('§4 wall 1'),
      formula: 'P_dev·latency',
      inputs: { power: number('compute.device_power'), latency: number('compute.latency') },
      compute: ({ power, latency }) => power * latency,
    }),
    derived({
      id: 'compute.energy_per_item',
      label: `Energy per ${perItem}`,
      doc: `Device energy per ${perItem} produced.`,
      unit: `J/${perItem}`, layer: 'E', wall, source: spec('§4 wall 1'),
      formula: training ? 'energy_per_step/tokens_per_microbatch' : 'energy_per_step/B',
      inputs: { energy: number('compute.energy_per_step'), items: number('compute.items_per_step') },
      compute: ({ energy, items }) => energy / items,
    }),
  ];
}
