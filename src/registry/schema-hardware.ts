/**
 * The zod schema of one `hardware[]` entry, in the catalogue's own field spelling
 * (catalog.md "hardware[]"). The built-in catalogue and user-written custom accelerators are
 * validated by this same schema; fields every catalogue entry writes out as null are optional
 * here so a custom entry can be short.
 */
import { z } from 'zod';
import {
  count, countOrNull, num, oneOf, positive, positiveOrNull, provenanceShape, sourceSchema,
  strictObject, text, idSchema,
} from './schema-common.js';

/** Precision keys, in the catalogue's order (catalog.json conventions.precision_keys). */
export const PRECISION_KEYS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'fp4', 'int8', 'int4'] as const;
export type PrecisionKey = (typeof PRECISION_KEYS)[number];

/** Device categories: mlsysim's hardware folders (catalog.md "hardware[] Identity"). */
const HARDWARE_CATEGORIES = ['Cloud', 'Workstation', 'Mobile', 'Edge', 'Tiny'] as const;

/** How the device executes a model (physics.md §1.6; wall 6). */
const EXECUTION_MODELS = ['standard', 'weight_streaming'] as const;

/**
 * A per-precision rate table in TFLOP/s (TOPS for integer keys). Every key is optional for a
 * custom entry; a missing key means the same as null: not supported or not published.
 */
const peakTable = strictObject(
  Object.fromEntries(PRECISION_KEYS.map((k) => [k, positiveOrNull()])) as Record<
    PrecisionKey,
    ReturnType<typeof positiveOrNull>
  >,
);

const storageSchema = strictObject({ capacity_gb: positiveOrNull(), bandwidth_gbs: positiveOrNull() });

/** Vendor-specific facts (catalog.md "Other: extra"); open-ended but typed where known. */
const hardwareExtraSchema = z
  .looseObject({ storage: storageSchema.optional() })
  .nullish();

const migProfileSchema = strictObject({
  name: text(),
  sm_count: count(),
  typical_workload: text(),
  memory_gb: positive(),
});

const paritySchema = strictObject({
  default_peak_tflops: positive(),
  default_is_integer_ops: z.boolean(),
  memory_capacity_as_written: text(),
  memory_bandwidth_gbs: positive(),
  tdp_w: positiveOrNull(),
});

const hardwareShape = {
  id: idSchema,
  display_name: text().optional(),
  vendor: text().nullish(),
  category: oneOf(HARDWARE_CATEGORIES).optional(),
  form_factor: text().nullish(),
  release_year: num({ ge: 1950, le: 2100, int: true }).nullish(),
  default_precision: oneOf(PRECISION_KEYS).optional(),
  peak_tflops: peakTable,
  peak_tflops_sparse: peakTable.optional(),
  peak_tflops_basis: text().nullish(),
  memory_capacity_gb: positive(),
  memory_type: text().nullish(),
  memory_bandwidth_gbs: positive(),
  sram_capacity_kb: positiveOrNull(),
  sram_bandwidth_gbs: positiveOrNull(),
  flash_capacity_mb: positiveOrNull(),
  flash_bandwidth_gbs: positiveOrNull(),
  battery_capacity_wh: positiveOrNull(),
  clock_rate_mhz: positiveOrNull(),
  scaleup_link_name: text().nullish(),
  scaleup_bandwidth_gbs_per_direction: positiveOrNull(),
  scaleup_bandwidth_gbs_vendor_total: positiveOrNull(),
  scaleup_vendor_total_basis: text().nullish(),
  /** Registry extension (not in catalog.json): link α in µs; physics §1.5 default 0.5 µs. */
  scaleup_latency_us: positiveOrNull(),
  host_link_name: text().nullish(),
  host_link_bandwidth_gbs: positiveOrNull(),
  tdp_w: positiveOrNull(),
  tdp_min_w: positiveOrNull(),
  tdp_max_w: positiveOrNull(),
  unit_cost_usd: positiveOrNull(),
  unit_cost_source: sourceSchema.nullish(),
  embodied_carbon_kg: positiveOrNull(),
  embodied_carbon_source: text().nullish(),
  accelerator_count: countOrNull(),
  dispatch_tax_ms: positiveOrNull(),
  /** Registry extension (not in catalog.json): see convert-hardware.ts for the built-in rule. */
  execution_model: oneOf(EXECUTION_MODELS).optional(),
  mig_profiles: z.array(migProfileSchema).optional(),
  extra: hardwareExtraSchema,
  mlsysim_parity: paritySchema.nullish(),
  ...provenanceShape,
};

type RawPeakTable = z.infer<typeof peakTable>;

/** Non-null keys of a rate table, in catalogue order. */
export function listedKeys(table: RawPeakTable | undefined): PrecisionKey[] {
  if (!table) return [];
  return PRECISION_KEYS.filter((k) => table[k] !== null && table[k] !== undefined);
}

/**
 * Cross-field rules (catalog.md "Validation"): at least one dense rate; `default_precision`
 * points at a non-null rate; sparse ≥ dense for every key that has both.
 */
export const hardwareSchema = strictObject(hardwareShape).superRefine((hw, ctx) => {
  const listed = listedKeys(hw.peak_tflops);
  if (listed.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['peak_tflops'],
      message: `must list at least one dense rate (keys: ${PRECISION_KEYS.join(', ')})`,
    });
    return;
  }
  if (hw.default_precision !== undefined && !listed.includes(hw.default_precision)) {
    ctx.addIssue({
      code: 'custom',
      path: ['default_precision'],
      message: `must name a precision with a rate in peak_tflops (got '${hw.default_precision}'; listed: ${listed.join(', ')})`,
    });
  }
  for (const k of listedKeys(hw.peak_tflops_sparse)) {
    const dense = hw.peak_tflops[k];
    const sparse = hw.peak_tflops_sparse?.[k];
    if (dense != null && sparse != null && sparse < dense) {
      ctx.addIssue({
        code: 'custom',
        path: ['peak_tflops_sparse', k],
        message: `must be ≥ the dense rate peak_tflops.${k} = ${dense} (got ${sparse})`,
      });
    }
  }
});

export type RawHardware = z.infer<typeof hardwareSchema>;
