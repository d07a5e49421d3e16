/**
 * Device facts as input cells (physics.md §1.6), defaults from the catalogue in SI units.
 * `hardware.peak_flops` (the §1.3 lookup) is in peak-flops.ts.
 */
import { type ArgsOf, type CellDef, type Domain, optNumber, type SourceRef } from '../../graph/index.js';
import type { BuildContext, DeviceSpec } from '../context.js';
import { catalogueInput, spec } from './catalogue-input.js';
import { PRECISION_KEYS } from './precision.js';

export const PEAK_KEYS = [...PRECISION_KEYS, 'fp32_cuda'] as const;
export type PeakKey = (typeof PEAK_KEYS)[number];
export const peakFlopsId = (key: PeakKey): string => `hardware.peak_flops_${key}`;
export const PEAK_FLOPS_IDS: readonly string[] = PEAK_KEYS.map(peakFlopsId);

/** The device's peak table as named inputs (each unset when not supported); decode with `peakTableOf`. */
export const peakFlopsInputs = {
  peakFp32: optNumber(peakFlopsId('fp32')),
  peakTf32: optNumber(peakFlopsId('tf32')),
  peakBf16: optNumber(peakFlopsId('bf16')),
  peakFp16: optNumber(peakFlopsId('fp16')),
  peakFp8: optNumber(peakFlopsId('fp8')),
  peakInt8: optNumber(peakFlopsId('int8')),
  peakInt4: optNumber(peakFlopsId('int4')),
  peakFp4: optNumber(peakFlopsId('fp4')),
  peakFp32Cuda: optNumber(peakFlopsId('fp32_cuda')),
};

/** The peak table read through `peakFlopsInputs`, keyed by peak key. */
export function peakTableOf(a: ArgsOf<typeof peakFlopsInputs>): Readonly<Record<PeakKey, number | null>> {
  return {
    fp32: a.peakFp32, tf32: a.peakTf32, bf16: a.peakBf16, fp16: a.peakFp16, fp8: a.peakFp8,
    int8: a.peakInt8, int4: a.peakInt4, fp4: a.peakFp4, fp32_cuda: a.peakFp32Cuda,
  };
}

// Catalogue facts may be unset by the user too ("unknown"); the formulas that need them say so.
const positive: Domain = { kind: 'number', min: 0, minExclusive: true, optional: true };
const nonNegative: Domain = { kind: 'number', min: 0, optional: true };

/**
 * Per-direction scale-up bandwidth (physics.md §1.4): a bidirectional total is halved. A link
 * without a declared direction is treated as a bidirectional total; the input's source says so.
 */
function scaleupPerDirection(d: DeviceSpec): { value: number | undefined; note?: string } {
  if (d.scaleup_bandwidth === undefined) return { value: undefined };
  if (d.scaleup_direction === 'per_direction') return { value: d.scaleup_bandwidth };
  const note = d.scaleup_direction === undefined
    ? 'direction not declared; treated as a bidirectional total and halved (physics.md §1.4)'
    : 'bidirectional total halved to per direction (physics.md §1.4)';
  return { value: d.scaleup_bandwidth / 2, note };
}

export function hardwareCells(ctx: BuildContext): CellDef[] {
  const d = ctx.device;
  const src: SourceRef | undefined = d.source;
  const fact = (id: string, label: string, doc: string, unit: string, value: number | undefined, domain: Domain = positive) =>
    catalogueInput({ id: `hardware.${id}`, label, doc, unit, layer: 'B', value, catalogueSource: src, domain });
  const peaks = PEAK_KEYS.map((k) =>
    fact(
      `peak_flops_${k}`,
      `Peak ${k} FLOP/s`,
      k === 'fp32_cuda' ? 'Dense non-tensor (CUDA-core) fp32 rate of the device.' : `Dense ${k} rate of the device (unset: not supported).`,
      'FLOP/s',
      d.peak_flops_table[k],
    ),
  );
  const scaleup = scaleupPerDirection(d);
  return [
    ...peaks,
    fact('memory_capacity', 'Memory capacity', 'Capacity of the main memory tier (HBM; flash on microcontrollers).', 'B', d.memory_capacity),
    fact('memory_bandwidth', 'Memory bandwidth', 'Peak bandwidth of the main memory tier.', 'B/s', d.memory_bandwidth),
    fact('sram_capacity', 'SRAM capacity', 'On-chip SRAM capacity (unset when the device has no modelled SRAM tier).', 'B', d.sram_capacity),
    fact('sram_bandwidth', 'SRAM bandwidth', 'On-chip SRAM bandwidth.', 'B/s', d.sram_bandwidth),
    fact('host_link_bandwidth', 'Host link bandwidth', 'Host link (PCIe) bandwidth per direction.', 'B/s', d.host_link_bandwidth),
    catalogueInput({
      id: 'hardware.scaleup_bandwidth',
      label: 'Scale-up bandwidth',
      doc: 'Scale-up (NVLink-class) bandwidth per device, per direction.',
      unit: 'B/s',
      layer: 'B',
      value: scaleup.value,
      catalogueSource: scaleup.note ? { kind: src?.kind ?? 'catalogue', ref: src ? `${src.ref}; ${scaleup.note}` : scaleup.note, url: src?.url } : src,
      domain: positive,
    }),
    catalogueInput({
      id: 'hardware.scaleup_latency',
      label: 'Scale-up latency',
      doc: 'Per-hop latency α of the scale-up link.',
      unit: 's',
      layer: 'B',
      value: d.scaleup_latency,
      catalogueSource: src,
      fallback: { value: 0.5e-6, source: spec('§1.5') },
      domain: { kind: 'number', min: 0 },
    }),
    fact('storage_bandwidth', 'Storage bandwidth', 'Local storage read/write bandwidth.', 'B/s', d.storage_bandwidth),
    fact('tdp', 'TDP', 'Thermal design power of one device.', 'W', d.tdp),
    fact('unit_cost', 'Unit cost', 'Purchase price of one device.', 'USD', d.unit_cost, nonNegative),
    fact('embodied_carbon', 'Embodied carbon', 'Manufacturing emissions of one device.', 'g', d.embodied_carbon, nonNegative),
    catalogueInput({
      id: 'hardware.execution_model',
      label: 'Execution model',
      doc: 'standard devices hold the weights; weight_streaming (wafer-scale) devices stream them layer by layer (wall 6).',
      unit: 'enum',
      layer: 'B',
      value: d.execution_model,
      catalogueSource: src,
      fallback: { value: 'standard', source: spec('§1.6') },
      domain: { kind: 'choice', choices: ['standard', 'weight_streaming'] },
    }),
  ];
}
