/**
 * Wall 3: Software — the kernel efficiency η the other walls use, and the launch-overhead
 * share of the step (physics.md §4 wall 3, §11.3 row 3). The 1 ↔ 3 loop is no cycle: η (3) →
 * latency (1) → overhead_fraction (3).
 */
import { type CellDef, choice, derived, type Failure, input, number, optNumber, warn, Warned } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import {
  FALLBACK_EFFICIENCY, LAYER_FRACTION_OF_CEILING, LAYER_FRACTION_SOURCE, matmulCeiling,
} from '../common/device-defaults.js';
import { alwaysActive, statusCells, verdict, type Verdict } from '../common/status.js';
import { type BuildContext, type DeviceSpec, isLM, PRECISION_KEYS, type PrecisionKey } from '../context.js';

const W3 = spec('§4 wall 3');
const wall = 3;

export const KERNEL_CLASSES = ['gemm', 'attention_flash', 'attention_naive', 'conv', 'other'] as const;
export type KernelClass = (typeof KERNEL_CLASSES)[number];

/** given: the user's scenario.efficiency; estimated: the kernel-class estimate. */
const EFFICIENCY_MODES = ['given', 'estimated'] as const;

/** Typical achieved fraction of peak and its cap, per kernel class (physics.md wall 3 table). */
export const EFFICIENCY_TABLE: Readonly<Record<KernelClass, { base: number; cap: number }>> = {
  attention_flash: { base: 0.75, cap: 0.85 },
  attention_naive: { base: 0.3, cap: 0.3 },
  gemm: { base: 0.5, cap: 0.6 },
  conv: { base: 0.4, cap: 0.55 },
  other: { base: 0.3, cap: 0.3 },
};

/** efficiency_estimate = min(base·s_m, cap). */
export function efficiencyEstimate(kernelClass: KernelClass, maturity: number): number {
  const { base, cap } = EFFICIENCY_TABLE[kernelClass];
  return Math.min(base * maturity, cap);
}

/** Share of the step above which it is "launch-overhead bound" (physics.md wall 3 status). */
export const OVERHEAD_BOUND_FRACTION = 0.5;

export function judgeSoftware(efficiency: number, efficiencyWarn: number, overheadFraction: number): Verdict {
  const warns: string[] = [];
  if (efficiency > efficiencyWarn) {
    warns.push(`efficiency above ${Math.round(efficiencyWarn * 100)} % is rarely sustained; check against traces`);
  }
  if (overheadFraction > OVERHEAD_BOUND_FRACTION) warns.push('launch-overhead bound');
  return verdict([], warns);
}

/** The phase whose kernels η describes: the training step, or inference (prefill GEMMs; decode's compute part). */
export type EfficiencyPhase = 'training' | 'inference';

/**
 * The sourced η of a device, precision and phase: the device's measured matmul ceiling (as a
 * fraction of its peak) times the fraction of that ceiling a whole transformer step reaches
 * (LAYER_FRACTION_OF_CEILING, src/nodes/common/device-defaults.ts). One sourced fraction is
 * known, measured on training; inference uses the same and says so in the formula. A device
 * without a measured ceiling gets physics §1.5's flat 0.5, with a warning.
 */
export function efficiencyDefault(device: DeviceSpec, precision: PrecisionKey, phase: EfficiencyPhase): number | Warned | Failure {
  const ceiling = matmulCeiling(device, precision);
  if (ceiling.fraction === undefined) {
    return warn(FALLBACK_EFFICIENCY, `${ceiling.note}; η = ${FALLBACK_EFFICIENCY} (physics §1.5 flat default) is used for the ${phase} phase — set scenario.efficiency, or calibrate to a measurement`);
  }
  const eta = Math.min(1, ceiling.fraction * LAYER_FRACTION_OF_CEILING);
  return ceiling.note.startsWith('no ') ? warn(eta, ceiling.note) : eta;
}

function defaultKernelClass(ctx: BuildContext): KernelClass {
  if (isLM(ctx.model.family)) return 'gemm';
  return ctx.model.family === 'vision' ? 'conv' : 'other';
}

export function softwareCells(ctx: BuildContext): CellDef[] {
  const phase: EfficiencyPhase = ctx.mode === 'training' ? 'training' : 'inference';
  return [
    input({
      id: 'software.efficiency_mode',
      label: 'Efficiency mode',
      doc: 'given: use scenario.efficiency (unset: the sourced table); estimated: use the kernel-class estimate.',
      unit: 'enum', layer: 'E', wall, source: W3,
      default: 'given',
      domain: { kind: 'choice', choices: EFFICIENCY_MODES },
    }),
    input({
      id: 'software.kernel_class',
      label: 'Kernel class',
      doc: 'Dominant kernel type, for the efficiency estimate.',
      unit: 'enum', layer: 'E', wall, source: W3,
      default: defaultKernelClass(ctx),
      domain: { kind: 'choice', choices: KERNEL_CLASSES },
    }),
    input({
      id: 'software.software_maturity',
      label: 'Software maturity s_m',
      doc: 'Scales the estimated efficiency (1 = typical stack).',
      unit: '1', layer: 'E', wall, source: W3,
      default: 1,
      domain: { kind: 'number', min: 0, max: 2, minExclusive: true },
    }),
    derived({
      id: 'software.efficiency_estimate',
      label: 'Efficiency estimate',
      doc: 'Typical achieved fraction of peak for the kernel class, scaled by maturity and capped.',
      unit: '1', layer: 'E', wall, source: W3,
      formula: 'min(base·s_m, cap)',
      inputs: { kernelClass: choice('software.kernel_class', KERNEL_CLASSES), maturity: number('software.software_maturity') },
      compute: ({ kernelClass, maturity }) => efficiencyEstimate(kernelClass, maturity),
    }),
    derived({
      id: 'software.efficiency_default',
      label: 'Efficiency η (table)',
      doc: `The sourced η of ${ctx.device.id} at the compute precision for the ${phase} phase, used when scenario.efficiency is unset.`,
      unit: '1', layer: 'E', wall, source: LAYER_FRACTION_SOURCE,
      formula: `η = matmul_ceiling(${ctx.device.id}, precision)·${LAYER_FRACTION_OF_CEILING.toFixed(4)} (${phase}; measured matmul ceiling × the share of it an LLM training step reaches${phase === 'training' ? '' : ', the training share used for inference'})`,
      // The user's η is read only so that the table's fallback warning is said when the table is in use.
      inputs: { precision: choice('scenario.compute_precision_effective', PRECISION_KEYS), given: optNumber('scenario.efficiency') },
      compute: ({ precision, given }) => {
        const eta = efficiencyDefault(ctx.device, precision, phase);
        return given !== null && eta instanceof Warned ? eta.value : eta;
      },
    }),
    derived({
      id: 'software.efficiency_effective',
      label: 'Efficiency η',
      doc: 'The η walls 1, 4, 5, 6 and 14 use: the user efficiency (else the sourced table), or the kernel-class estimate.',
      unit: '1', layer: 'E', wall, source: W3,
      formula: 'η = (efficiency ?? efficiency_default) if mode = given, else efficiency_estimate',
      inputs: {
        mode: choice('software.efficiency_mode', EFFICIENCY_MODES), given: optNumber('scenario.efficiency'),
        table: number('software.efficiency_default'), estimate: number('software.efficiency_estimate'),
      },
      compute: ({ mode, given, table, estimate }) => (mode === 'given' ? given ?? table : estimate),
    }),
    derived({
      id: 'software.achievable_flops',
      label: 'Achievable FLOP/s',
      doc: 'Peak FLOP/s times η.',
      unit: 'FLOP/s', layer: 'E', wall, source: W3,
      formula: 'peak_flops·η',
      inputs: { peak: number('hardware.peak_flops'), efficiency: number('software.efficiency_effective') },
      compute: ({ peak, efficiency }) => peak * efficiency,
    }),
    derived({
      id: 'software.overhead_fraction',
      label: 'Overhead fraction',
      doc: 'Share of the wall 1 step spent in dispatch and layer launch overhead.',
      unit: '1', layer: 'E', wall, source: W3,
      formula: 't_overhead/latency',
      inputs: { overhead: number('compute.t_overhead'), latency: number('compute.latency') },
      compute: ({ overhead, latency }) => overhead / latency,
    }),
    alwaysActive('software', wall),
    ...statusCells({
      scope: 'software',
      wall,
      formula: 'WARN if η > efficiency_warn (0.60) or overhead_fraction > 0.5; never FAIL',
      inputs: {
        efficiency: number('software.efficiency_effective'), efficiencyWarn: number('scenario.efficiency_warn'),
        overheadFraction: number('software.overhead_fraction'),
      },
      judge: ({ efficiency, efficiencyWarn, overheadFraction }) => judgeSoftware(efficiency, efficiencyWarn, overheadFraction),
    }),
  ];
}
