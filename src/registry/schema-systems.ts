/**
 * Zod schemas of `systems` — nodes, racks, fabrics, clusters, pods and the fleet constants
 * (reliability, switch fabric, network energy, storage) — in the catalogue's field spelling.
 */
import { z } from 'zod';
import {
  count, countOrNull, num, oneOf, positive, positiveOrNull, provenanceShape, sourceSchema,
  strictObject, text, textList, idSchema,
} from './schema-common.js';

/** Fabric topologies of physics.md wall 10 (fat_tree is its default). */
const TOPOLOGIES = ['fat_tree', 'dragonfly', 'torus_2d', 'torus_3d', 'ring'] as const;

const nodeShape = {
  id: idSchema,
  display_name: text().optional(),
  accelerator: idSchema,
  accelerators_per_node: count(),
  intra_node_bw_gbs_per_direction: positiveOrNull(),
  intra_node_bw_gbs_vendor_total: positiveOrNull(),
  nvswitch_count: countOrNull(),
  nics_per_node: countOrNull(),
  nic_gbps: positiveOrNull(),
  psus_per_node: countOrNull(),
  host_memory_gb: positiveOrNull(),
  gpu_memory_gb_total: positiveOrNull(),
  max_power_kw: positiveOrNull(),
  /** Registry extension: storage-network bandwidth of the node (its storage NICs), GB/s; walls 8 and 19. */
  storage_bandwidth_gbs: positiveOrNull().optional(),
  /** Registry extension: host (CPU, NIC, fans) power per node, W; physics §1.6 default 0. */
  host_power_w: num({ ge: 0 }).nullish(),
  unit_cost_usd: positiveOrNull(),
  unit_cost_source: sourceSchema.nullish(),
  ...provenanceShape,
};
export const nodeSchema = strictObject(nodeShape);
export type RawNode = z.infer<typeof nodeSchema>;

export const rackSchema = strictObject({
  id: idSchema,
  display_name: text().optional(),
  node: idSchema,
  nodes_per_rack: count(),
  accelerator_count: count(),
  non_accelerator_power_kw: positiveOrNull(),
  accelerator_power_kw: positiveOrNull(),
  total_power_kw: positiveOrNull(),
  ...provenanceShape,
});
export type RawRack = z.infer<typeof rackSchema>;

const fabricShape = {
  id: idSchema,
  display_name: text().optional(),
  family: text().nullish(),
  standard: text().nullish(),
  /** Per port, per direction (catalog.md "fabrics[]"). */
  bandwidth_gbps: positive(),
  bandwidth_gbs: positiveOrNull(),
  bandwidth_basis: text().nullish(),
  latency_us: positiveOrNull(),
  latency_basis: text().nullish(),
  year_available: num({ ge: 1950, le: 2100, int: true }).nullish(),
  /** Registry extension (physics wall 10): ≥ 1, default 1 (non-blocking). */
  oversubscription: num({ ge: 1 }).nullish(),
  /** Registry extension (physics wall 10): default fat_tree. */
  topology: oneOf(TOPOLOGIES).optional(),
  ...provenanceShape,
};
export const fabricSchema = strictObject(fabricShape).superRefine((f, ctx) => {
  // Both spellings of the port rate must agree: 1 Gb/s = 0.125 GB/s (physics §1.1).
  if (f.bandwidth_gbs != null && Math.abs(f.bandwidth_gbs - f.bandwidth_gbps / 8) > 1e-9 * f.bandwidth_gbps) {
    ctx.addIssue({
      code: 'custom',
      path: ['bandwidth_gbs'],
      message: `must equal bandwidth_gbps / 8 = ${f.bandwidth_gbps / 8} (got ${f.bandwidth_gbs})`,
    });
  }
});
export type RawFabric = z.infer<typeof fabricSchema>;

const clusterShape = {
  id: idSchema,
  display_name: text().optional(),
  node: idSchema,
  node_count: count(),
  /** Optional in a custom entry: computed as node_count × accelerators_per_node. */
  accelerator_count: count().optional(),
  fabric: idSchema,
  ...provenanceShape,
};
export const clusterSchema = strictObject(clusterShape);
export type RawCluster = z.infer<typeof clusterSchema>;

export const podSchema = strictObject({
  id: idSchema,
  display_name: text().optional(),
  accelerator: idSchema,
  chips: count(),
  memory_gb: positiveOrNull(),
  power_mw: positiveOrNull(),
  ...provenanceShape,
});
export type RawPod = z.infer<typeof podSchema>;

export const reliabilitySchema = strictObject({
  component_mttf_hours: z.record(z.string(), positive()),
  sdc_rate_per_gpu_hour: positive(),
  defaults: strictObject({
    nics_per_node: count(),
    psus_per_node: count(),
    checkpoint_time_s: positive(),
    avg_recovery_time_s: positive(),
    correlation_factor: positive(),
  }),
  node_mtbf_formula: text(),
  ...provenanceShape,
});
export type RawReliability = z.infer<typeof reliabilitySchema>;

/** A bag of named constants whose names carry their units (`alpha_ndr_us`, `nvlink_pj_per_bit`). */
const constantsSchema = z
  .object({ notes: textList().optional(), source: sourceSchema.optional(), verified: text().nullish() })
  .catchall(positive());

export const switchFabricConstantsSchema = constantsSchema;
export const networkEnergySchema = constantsSchema;
export type RawConstants = z.infer<typeof constantsSchema>;

export const storageSchema = strictObject({
  traditional_gpu_io_latency_us: positive(),
  gpu_direct_storage_latency_us: positive(),
  tiers: z.array(strictObject({ id: idSchema, bandwidth_gbs: positiveOrNull(), iops: positiveOrNull() })),
  ...provenanceShape,
});
export type RawStorage = z.infer<typeof storageSchema>;
