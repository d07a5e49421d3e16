/**
 * Raw catalogue accelerator (display units, catalogue spelling) → `Device` (SI, physics §1.6
 * names).
 */
import { compact, toProvenance, toSource } from './convert-common.js';
import { listedKeys, PRECISION_KEYS } from './schema-hardware.js';
import type { PrecisionKey, RawHardware } from './schema-hardware.js';
import type { Device, PeakKey } from './types.js';
import {
  BYTES_PER_GB, BYTES_PER_KB, BYTES_PER_MB, BYTES_PER_S_PER_GBS, FLOPS_PER_TFLOPS, GRAMS_PER_KG,
  HZ_PER_MHZ, JOULES_PER_WH, SECONDS_PER_MS, SECONDS_PER_US, opt, scaled,
} from './units.js';

/**
 * Devices that stream weights from off-wafer memory layer by layer (physics §1.6, wall 6).
 * The catalogue has no execution-model field; Cerebras_CS3's entry notes "weights stream from
 * MemoryX at ~1.2 TB/s", so it is the one built-in weight-streaming part. A custom entry may set
 * `execution_model` itself.
 */
const WEIGHT_STREAMING_IDS: ReadonlySet<string> = new Set(['Cerebras_CS3']);

/**
 * The precision-keyed dense peak table in FLOP/s.
 *
 * fp32 decision. catalog.md: "`fp32` is the non-tensor (CUDA-core / vector) rate where the
 * vendor lists one"; physics §1.3 keeps that rate under `fp32_cuda` and warns when an fp32
 * request falls back to it ("fp32 peak not listed for H100; using its non-tensor fp32
 * figure (67 TFLOP/s)"). But catalog.json `conventions.precision_keys` treats `fp32` as an
 * ordinary precision key and `default_precision` must name a listed rate — CPUs and MCUs
 * (ReferenceCPU, ESP32_S3 …) default to fp32 and have no other fp32 path. So:
 *   • device lists a TF32 tensor rate (tf32 non-null: A100, H100, B200, L4, MI300X,
 *     Trainium2 …) → its fp32 figure is the non-tensor rate beside a separate matrix path:
 *     stored as `fp32_cuda`, and an fp32 request gets physics §1.3's warning;
 *   • otherwise (V100, T4, CPUs, MCUs, Apple/Jetson GPUs) the vector rate is the device's
 *     fp32 peak: stored as `fp32`.
 * No catalogue device with a tf32 rate has default_precision fp32, so defaults still resolve.
 */
function peakFlopsTable(
  peak: RawHardware['peak_tflops'],
): Partial<Record<PeakKey, number>> {
  const table: Partial<Record<PeakKey, number>> = {};
  const hasTensorFp32 = peak.tf32 != null;
  for (const key of PRECISION_KEYS) {
    const v = peak[key];
    if (v == null) continue;
    const target: PeakKey = key === 'fp32' && hasTensorFp32 ? 'fp32_cuda' : key;
    table[target] = v * FLOPS_PER_TFLOPS;
  }
  return table;
}

function sparseTable(peak: RawHardware['peak_tflops_sparse']): Partial<Record<PrecisionKey, number>> {
  const table: Partial<Record<PrecisionKey, number>> = {};
  if (!peak) return table;
  for (const key of PRECISION_KEYS) {
    const v = peak[key];
    if (v != null) table[key] = v * FLOPS_PER_TFLOPS;
  }
  return table;
}

/**
 * Default precision of an entry that names none (custom entries): fp16, else bf16, else the
 * first listed key in catalogue order. Every built-in entry names its own.
 */
function defaultPrecisionOf(raw: RawHardware): PrecisionKey {
  if (raw.default_precision) return raw.default_precision;
  const listed = listedKeys(raw.peak_tflops);
  if (listed.includes('fp16')) return 'fp16';
  if (listed.includes('bf16')) return 'bf16';
  return listed[0];
}

/**
 * Scale-up link: a per-direction figure is used as is; with only the vendor total, the total is
 * kept and marked `bidirectional_total` so physics halves it (physics §1.4).
 */
function scaleup(raw: RawHardware) {
  if (raw.scaleup_bandwidth_gbs_per_direction != null) {
    return {
      scaleup_bandwidth: raw.scaleup_bandwidth_gbs_per_direction * BYTES_PER_S_PER_GBS,
      scaleup_direction: 'per_direction' as const,
    };
  }
  if (raw.scaleup_bandwidth_gbs_vendor_total != null) {
    return {
      scaleup_bandwidth: raw.scaleup_bandwidth_gbs_vendor_total * BYTES_PER_S_PER_GBS,
      scaleup_direction: 'bidirectional_total' as const,
    };
  }
  return {};
}

export function convertHardware(raw: RawHardware): Device {
  const storage = raw.extra?.storage;
  const unitCostSource = toSource(raw.unit_cost_source);
  return compact<Device>({
    kind: 'hardware',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    vendor: opt(raw.vendor),
    category: raw.category ?? 'Cloud',
    form_factor: opt(raw.form_factor),
    release_year: opt(raw.release_year),
    default_precision: defaultPrecisionOf(raw),
    peak_flops_table: peakFlopsTable(raw.peak_tflops),
    peak_flops_sparse_table: sparseTable(raw.peak_tflops_sparse),
    peak_flops_basis: opt(raw.peak_tflops_basis),
    memory_capacity: raw.memory_capacity_gb * BYTES_PER_GB,
    memory_bandwidth: raw.memory_bandwidth_gbs * BYTES_PER_S_PER_GBS,
    memory_type: opt(raw.memory_type),
    sram_capacity: scaled(raw.sram_capacity_kb, BYTES_PER_KB),
    sram_bandwidth: scaled(raw.sram_bandwidth_gbs, BYTES_PER_S_PER_GBS),
    flash_capacity: scaled(raw.flash_capacity_mb, BYTES_PER_MB),
    flash_bandwidth: scaled(raw.flash_bandwidth_gbs, BYTES_PER_S_PER_GBS),
    battery_capacity: scaled(raw.battery_capacity_wh, JOULES_PER_WH),
    clock_rate: scaled(raw.clock_rate_mhz, HZ_PER_MHZ),
    host_link_name: opt(raw.host_link_name),
    host_link_bandwidth: scaled(raw.host_link_bandwidth_gbs, BYTES_PER_S_PER_GBS),
    scaleup_link_name: opt(raw.scaleup_link_name),
    ...scaleup(raw),
    scaleup_bandwidth_vendor_total: scaled(raw.scaleup_bandwidth_gbs_vendor_total, BYTES_PER_S_PER_GBS),
    scaleup_latency: scaled(raw.scaleup_latency_us, SECONDS_PER_US),
    storage_bandwidth: scaled(storage?.bandwidth_gbs, BYTES_PER_S_PER_GBS),
    storage_capacity: scaled(storage?.capacity_gb, BYTES_PER_GB),
    tdp: opt(raw.tdp_w),
    tdp_min: opt(raw.tdp_min_w),
    tdp_max: opt(raw.tdp_max_w),
    unit_cost: opt(raw.unit_cost_usd),
    unit_cost_source: unitCostSource,
    embodied_carbon: scaled(raw.embodied_carbon_kg, GRAMS_PER_KG),
    embodied_carbon_source: opt(raw.embodied_carbon_source),
    accelerator_count: opt(raw.accelerator_count),
    dispatch_tax: scaled(raw.dispatch_tax_ms, SECONDS_PER_MS),
    execution_model: raw.execution_model ?? (WEIGHT_STREAMING_IDS.has(raw.id) ? 'weight_streaming' : 'standard'),
    legacy_aliases: raw.legacy_aliases ?? [],
    ...toProvenance(raw),
  });
}
