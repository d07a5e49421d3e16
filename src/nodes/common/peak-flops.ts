/**
 * `hardware.peak_flops`: the dense peak at the compute precision, with the explicit fallback
 * of physics.md §1.3. Every fallback step adds a warning; no path leads to an unrelated rate.
 */
import { type CellDef, choice, derived, fail, type Failure, warn, type Warned } from '../../graph/index.js';
import { type BuildContext, PRECISION_KEYS } from '../context.js';
import { PEAK_KEYS, type PeakKey, peakFlopsInputs, peakTableOf } from './hardware.js';

/** Requested key → the one key tried next, and the warning that step adds (§1.3 table). */
const FALLBACK: Partial<Record<string, { key: PeakKey; warning: (device: string, value: number) => string }>> = {
  fp32: {
    key: 'fp32_cuda',
    warning: (device, v) => `fp32 peak not listed for ${device}; using its non-tensor fp32 figure (${Number((v / 1e12).toPrecision(6))} TFLOP/s)`,
  },
  bf16: { key: 'fp16', warning: () => 'bf16 peak not listed; using the fp16 figure (same tensor rate)' },
  fp16: { key: 'bf16', warning: () => 'fp16 peak not listed; using the bf16 figure (same tensor rate)' },
  int4: { key: 'int8', warning: () => 'int4 peak not listed; using the int8 peak' },
};

export type PeakTable = Readonly<Partial<Record<PeakKey, number | null>>>;

/**
 * The peak for `requested`, a warned fallback, or `unsupported`:
 * "precision fp8 is not supported on A100 (its peak table has fp32_cuda, tf32, fp16, …)".
 */
export function lookupPeakFlops(requested: string, table: PeakTable, device: string): number | Warned | Failure {
  const exact = table[requested as PeakKey];
  if (typeof exact === 'number') return exact;
  const step = FALLBACK[requested];
  const next = step ? table[step.key] : undefined;
  if (step && typeof next === 'number') return warn(next, step.warning(device, next));
  const listed = PEAK_KEYS.filter((k) => typeof table[k] === 'number');
  const has = listed.length ? `its peak table has ${listed.join(', ')}` : 'its peak table is empty';
  return fail('unsupported', `precision ${requested} is not supported on ${device} (${has})`);
}

export function peakFlopsCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  return [
    derived({
      id: 'hardware.peak_flops',
      label: 'Peak FLOP/s',
      doc: 'Dense peak FLOP/s of the device at the compute precision (with the §1.3 fallback, always warned).',
      unit: 'FLOP/s',
      layer: 'B',
      formula: 'peak_flops_table[compute_precision] (fallback: fp32→fp32_cuda, bf16↔fp16, int4→int8)',
      inputs: { precision: choice('scenario.compute_precision_effective', PRECISION_KEYS), ...peakFlopsInputs },
      compute: ({ precision, ...peaks }) => lookupPeakFlops(precision, peakTableOf(peaks), device),
    }),
  ];
}
