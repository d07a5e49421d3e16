/**
 * Sourced per-device defaults (physics.md Amendments, "Efficiency defaults" and "Power"): the
 * largest matmul rate a device reaches (its matmul ceiling), its idle power, and the achievable
 * fraction of its memory bandwidth by memory class. Every figure names its source; a device the
 * tables do not list gets a documented fallback that the cells using it say out loud.
 *
 * Chosen from these sources, never fitted to the validation set (docs/accuracy.md).
 */
import type { SourceRef } from '../../graph/index.js';
import type { DeviceSpec, PrecisionKey } from '../context.js';

const MAMF_SOURCE: SourceRef = {
  kind: 'measurement',
  ref: 'S. Bekman, Machine Learning Engineering, "Maximum Achievable Matmul FLOPS comparison table" (compute/accelerator/README.md; v2 table where given, else v1)',
  url: 'https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table',
};

/** Measured maximum achievable matmul rate (TFLOP/s, dense), per device and input precision. */
interface MatmulCeiling {
  readonly bf16: number;
  readonly fp8?: number;
  readonly note: string;
}

/**
 * MAMF in TFLOP/s as measured; the fraction is taken against the catalogue's peak of the same
 * precision (so a catalogue peak that differs from the table's "theory" column is handled).
 */
const MAMF_TFLOPS: Readonly<Record<string, MatmulCeiling>> = {
  A100: { bf16: 271.2, note: 'A100 SXM, v2: 271.2 of 312 TFLOP/s bf16 (86.9 %)' },
  H100: { bf16: 794.5, fp8: 1402.6, note: 'H100 SXM, v2: 794.5 of 989 bf16 (80.3 %), 1402.6 of 1979 fp8 (70.9 %)' },
  // Same GH100 die at the same 700 W limit; the 900 W GH200 reached 83.6 %.
  H200: { bf16: 794.5, fp8: 1402.6, note: 'the H100 SXM figures (same die and 700 W power limit)' },
  MI300X: { bf16: 668.4, note: 'MI300X, v2: 668.4 of 1300 bf16 (51.4 %)' },
  // One matmul uses one of the two GCDs: 147.0 per GCD, so 294.0 for the device.
  MI250X: { bf16: 294.0, note: 'MI250X, v1: 147.0 TFLOP/s per GCD (76.7 % of 191.5), two GCDs' },
  Gaudi2: { bf16: 429.3, note: 'Gaudi2, v1: 429.3 of 432 bf16 (99.4 %)' },
  Gaudi3: { bf16: 1288.8, note: 'Gaudi3, v1: 1288.8 TFLOP/s bf16' },
};

/** Fraction of the catalogue peak one precision's matmuls reach, or why it is not known. */
export interface CeilingLookup {
  readonly fraction?: number;
  readonly note: string;
  readonly source?: SourceRef;
}

const PEAK_ALIASES: Partial<Record<PrecisionKey, 'bf16' | 'fp8'>> = { bf16: 'bf16', fp16: 'bf16', fp8: 'fp8' };

/** The measured matmul ceiling of `device` at `precision` as a fraction of its catalogue peak. */
export function matmulCeiling(device: DeviceSpec, precision: PrecisionKey): CeilingLookup {
  const row = MAMF_TFLOPS[device.id];
  if (!row) return { note: `no measured matmul ceiling for ${device.id}` };
  const key = PEAK_ALIASES[precision];
  const measured = key === 'fp8' ? row.fp8 : key === 'bf16' ? row.bf16 : undefined;
  const peakKey: PrecisionKey = key === 'fp8' ? 'fp8' : 'bf16';
  const peak = device.peak_flops_table[peakKey] ?? device.peak_flops_table.fp16;
  if (measured === undefined || peak === undefined) {
    // Another precision: the bf16 fraction is the closest measurement, and it is said.
    const bf16Peak = device.peak_flops_table.bf16 ?? device.peak_flops_table.fp16;
    if (bf16Peak === undefined) return { note: `no ${precision} matmul ceiling for ${device.id}` };
    return {
      fraction: (row.bf16 * 1e12) / bf16Peak,
      note: `no ${precision} matmul measurement for ${device.id}; its bf16 fraction (${row.note}) is used`,
      source: MAMF_SOURCE,
    };
  }
  return { fraction: (measured * 1e12) / peak, note: row.note, source: MAMF_SOURCE };
}

/**
 * Fraction of the matmul ceiling a whole LLM training step reaches: ~180 TFLOP/s per A100 with
 * FlashAttention against its 271.2 TFLOP/s matmul ceiling (the same source, "Maximum Achievable
 * FLOPS": "with FlashAttention it's around 180+TFLOPS", measured on LLM training).
 */
export const LAYER_FRACTION_OF_CEILING = 180 / 271.2;
export const LAYER_FRACTION_SOURCE: SourceRef = {
  kind: 'measurement',
  ref: 'S. Bekman, Machine Learning Engineering, "Maximum Achievable FLOPS": A100 LLM training reaches about 180 TFLOP/s with FlashAttention; 180/271.2 (the A100 matmul ceiling) = 0.664',
  url: 'https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md#maximum-achievable-flops',
};

/** η when no matmul ceiling is known: the physics.md §1.5 flat value, said as a warning. */
export const FALLBACK_EFFICIENCY = 0.5;

const IDLE_SOURCE = (readings: string): SourceRef => ({
  kind: 'measurement',
  ref: `nvidia-smi idle readings (P0, 0 % utilisation, no process) in published logs: ${readings}`,
});

/** Measured idle power, W. */
const IDLE_POWER_W: Readonly<Record<string, { readonly watts: number; readonly source: SourceRef }>> = {
  H100: { watts: 70, source: IDLE_SOURCE('H100 80GB HBM3 SXM, 67–71 W of 700 W') },
  A100: { watts: 60, source: IDLE_SOURCE('A100-SXM4-80GB, 58–64 W of 400 W') },
  H200: { watts: 75, source: IDLE_SOURCE('H200 141 GB, 73–76 W of 700 W') },
};

export function idlePower(device: DeviceSpec): { readonly watts: number; readonly source: SourceRef } | undefined {
  return IDLE_POWER_W[device.id];
}

/**
 * Idle share of TDP for a device without a reading: the median of the three measured above
 * (70/700 = 0.100, 75/700 = 0.107, 60/400 = 0.150).
 */
export const IDLE_FRACTION_FALLBACK = 75 / 700;
export const IDLE_FRACTION_SOURCE: SourceRef = {
  kind: 'measurement',
  ref: 'median idle/TDP of the measured data-centre GPUs (H100 70/700, H200 75/700, A100 60/400)',
};

/**
 * DRAM energy per byte moved: 3.9 pJ/bit for HBM2 (O'Connor et al., "Fine-Grained DRAM",
 * MICRO-50 2017, §1), × 8 bit/B. The on-chip part of the data path is not included.
 */
export const HBM_ENERGY_PER_BYTE = 3.9e-12 * 8;
export const HBM_ENERGY_SOURCE: SourceRef = {
  kind: 'paper',
  ref: 'O\'Connor et al., Fine-Grained DRAM: Energy-Efficient DRAM for Extreme Bandwidth Systems (MICRO-50, 2017): HBM2 ≈ 3.9 pJ/bit',
  url: 'https://research.nvidia.com/publication/2017-10_Fine-Grained-DRAM%3A-Energy-Efficient',
};

/** Whether the device's main memory is HBM (catalogue `memory_type`). */
export function isHbm(device: DeviceSpec): boolean {
  return /^hbm/i.test(device.memory_type ?? '');
}

/**
 * Achievable fraction of peak memory bandwidth by memory class. HBM: 0.90, the top of the
 * decode range physics.md's wall 3 guidance gives (0.75–0.90), below the vendor's "greater
 * than 95 % memory bandwidth efficiency running many workloads" (NVIDIA, Volta tuning guide,
 * §1.4.3.1 High Bandwidth Memory). Other memory classes have no sourced figure here: the peak
 * (1.0, the old default) is kept and said in the cell's source.
 */
export function bandwidthEfficiencyDefault(device: DeviceSpec): { readonly value: number; readonly source: SourceRef } {
  if (isHbm(device)) {
    return {
      value: 0.9,
      source: {
        kind: 'vendor-doc',
        ref: 'HBM: physics.md wall 3 guidance (decode η_bw 0.75–0.90, upper end) and NVIDIA Volta tuning guide §1.4.3.1 (">95 % memory bandwidth efficiency running many workloads")',
        url: 'https://docs.nvidia.com/cuda/volta-tuning-guide/index.html#high-bandwidth-memory',
      },
    };
  }
  return {
    value: 1,
    source: { kind: 'spec', ref: `physics.md §1.5 (η_bw = 1.0): no sourced achievable fraction for ${device.memory_type ?? 'this memory type'}` },
  };
}
