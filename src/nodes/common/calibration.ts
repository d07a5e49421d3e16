/**
 * Calibration constants shared by several walls (physics.md §1.5), each an overridable input
 * cell with its source. Constants used by one wall live in that wall's scope.
 */
import { type CellDef, derived, fail, input, number } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { catalogueInput, spec } from './catalogue-input.js';
import { bandwidthEfficiencyDefault } from './device-defaults.js';

/**
 * The device power models (physics.md Amendments, "Power"): `activity` — idle power plus
 * compute and memory activity (src/nodes/node/power.ts); `mfu_linear` — the first build's
 * TDP·(idle_power_fraction + dynamic_power_fraction·MFU), kept so the §12 worked examples can
 * pin it.
 */
export const POWER_MODELS = ['activity', 'mfu_linear'] as const;
export type PowerModel = (typeof POWER_MODELS)[number];

const s15 = spec('§1.5');

function fraction(id: string, label: string, doc: string, value: number, lowerExclusive: boolean): CellDef {
  return input({
    id,
    label,
    doc,
    unit: '1',
    layer: 'A',
    default: value,
    domain: { kind: 'number', min: 0, max: 1, minExclusive: lowerExclusive },
    source: s15,
  });
}

export function calibrationCells(ctx: BuildContext): CellDef[] {
  const bw = bandwidthEfficiencyDefault(ctx.device);
  return [
    input({
      id: 'scenario.efficiency',
      label: 'Efficiency η (user)',
      doc: 'Achieved fraction of peak FLOP/s for the model kernels; unset uses the sourced table of software.efficiency_default.',
      unit: '1',
      layer: 'A',
      default: null,
      domain: { kind: 'number', min: 0, max: 1, minExclusive: true, optional: true },
      source: spec('Amendments, "Efficiency defaults" (unset = the table)'),
    }),
    input({
      id: 'scenario.bandwidth_efficiency',
      label: 'Bandwidth efficiency η_bw',
      doc: 'Achieved fraction of peak memory bandwidth; the default is the achievable fraction of the device\'s memory class.',
      unit: '1',
      layer: 'A',
      default: bw.value,
      domain: { kind: 'number', min: 0, max: 1, minExclusive: true },
      source: bw.source,
    }),
    input({
      id: 'scenario.layer_tax',
      label: 'Layer tax',
      doc: 'Launch overhead per layer per pass.',
      unit: 's',
      layer: 'A',
      default: 10e-6,
      domain: { kind: 'number', min: 0 },
      source: s15,
    }),
    catalogueInput({
      id: 'scenario.dispatch_tax',
      label: 'Dispatch tax',
      doc: 'Fixed overhead per step; the device catalogue value wins over the 10 µs default.',
      unit: 's',
      layer: 'B',
      value: ctx.device.dispatch_tax,
      catalogueSource: ctx.device.source,
      fallback: { value: 10e-6, source: s15 },
      domain: { kind: 'number', min: 0 },
    }),
    input({
      id: 'scenario.power_model',
      label: 'Power model',
      doc: 'activity: idle power plus compute and memory activity; mfu_linear: TDP·(idle_power_fraction + dynamic_power_fraction·MFU), the first build\'s model.',
      unit: 'enum',
      layer: 'A',
      default: 'activity',
      domain: { kind: 'choice', choices: POWER_MODELS },
      source: spec('Amendments, "Power (wall 1, §7)"'),
    }),
    fraction('scenario.idle_power_fraction', 'Idle power fraction', 'Share of TDP drawn by an idle device (mfu_linear power model).', 0.3, false),
    fraction('scenario.dynamic_power_fraction', 'Dynamic power fraction', 'Share of TDP that scales with compute utilisation (mfu_linear power model).', 0.7, false),
    derived({
      id: 'scenario.power_model_valid',
      label: 'Power model valid',
      doc: 'The idle and dynamic power fractions may not add up to more than the TDP.',
      unit: 'bool',
      layer: 'A',
      formula: 'idle_power_fraction + dynamic_power_fraction ≤ 1',
      inputs: { idle: number('scenario.idle_power_fraction'), dynamic: number('scenario.dynamic_power_fraction') },
      compute: ({ idle, dynamic }) => {
        const sum = idle + dynamic;
        // Tolerate float round-off (0.3 + 0.7 = 1.0000000000000002 is not an error).
        return sum <= 1 + 1e-12
          ? true
          : fail('invalid_input', `idle_power_fraction + dynamic_power_fraction must be ≤ 1 (got ${idle} + ${dynamic} = ${sum})`);
      },
    }),
    input({
      id: 'scenario.activation_working_set_factor',
      label: 'Activation working-set factor κ_act',
      doc: 'Live activation elements per token per unit of d_model in one layer (residual, norm, QKV, attention out, gated MLP).',
      unit: '1',
      layer: 'A',
      default: 16,
      domain: { kind: 'number', min: 0 },
      source: s15,
    }),
    derived({
      id: 'scenario.device',
      label: 'Device',
      doc: 'The catalogue id of the device the scenario runs on; a device profile (mlsysim calibrate) is matched against it.',
      unit: 'text',
      layer: 'B',
      formula: 'the scenario\'s device id',
      inputs: {},
      compute: () => ctx.device.id,
    }),
    fraction('scenario.memory_warn_utilization', 'Memory warning utilisation', 'Capacity checks WARN above this utilisation.', 0.9, true),
    fraction('scenario.efficiency_warn', 'Efficiency warning level', 'Wall 3 WARNs when η exceeds this (rarely sustained).', 0.6, true),
    fraction('scenario.target_margin', 'Target margin', 'A metric WARNs when it reaches this fraction of a user target.', 0.9, true),
  ];
}
