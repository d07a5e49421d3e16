/**
 * The schema of the whole catalogue file (catalog.md "Schema"), assembled from the per-section
 * schemas, plus `scenarios[]`, `datasets[]`, `pricing` and the top-level `defaults`.
 * One schema source: the loader validates catalog.json with it once, and custom entries are
 * validated with the same per-section schemas.
 */
import { z } from 'zod';
import {
  countOrNull, positive, positiveOrNull, provenanceShape, sourceSchema, strictObject, text,
  idSchema,
} from './schema-common.js';
import { hardwareSchema } from './schema-hardware.js';
import { modelSchema } from './schema-model.js';
import { coolingSchema, datacenterSchema, gridSchema, rackProfileSchema } from './schema-infra.js';
import {
  clusterSchema, fabricSchema, networkEnergySchema, nodeSchema, podSchema, rackSchema, reliabilitySchema,
  storageSchema, switchFabricConstantsSchema,
} from './schema-systems.js';

const scenarioSchema = strictObject({
  id: idSchema,
  display_name: text().optional(),
  description: text().nullish(),
  application: text().nullish(),
  model: idSchema,
  /** A device id or a cluster id (catalog.md "scenarios[]"). */
  system: idSchema,
  sla_latency_ms: positiveOrNull(),
  power_budget_w: positiveOrNull(),
  tier: text().nullish(),
  data_rate_tb_per_hour: positiveOrNull(),
  expected_outcome: text().nullish(),
  expected_outcome_reason: text().nullish(),
  intentional_failure: z.boolean().optional(),
  ...provenanceShape,
});
export type RawScenario = z.infer<typeof scenarioSchema>;

const datasetSchema = strictObject({
  id: idSchema,
  display_name: text().nullish(),
  category: text().nullish(),
  training_examples: countOrNull(),
  full_examples: countOrNull(),
  validation_examples: countOrNull(),
  test_examples: countOrNull(),
  num_classes: countOrNull(),
  image_width_px: countOrNull(),
  image_height_px: countOrNull(),
  image_channels: countOrNull(),
  languages: countOrNull(),
  keywords: countOrNull(),
  sample_duration_s: positiveOrNull(),
  sample_rate_hz: positiveOrNull(),
  sample_width_bytes: positiveOrNull(),
  ...provenanceShape,
});
export type RawDataset = z.infer<typeof datasetSchema>;

/** Illustrative price baselines; every field name carries its unit (catalog.json `pricing`). */
const priceGroup = z.record(z.string(), positive());
const pricingSchema = strictObject({
  cloud: priceGroup,
  storage: priceGroup,
  labeling_usd_per_item: priceGroup,
  fleet: priceGroup,
  capital: priceGroup,
  on_premises: priceGroup,
  source: sourceSchema,
  verified: text().nullish(),
});
export type RawPricing = z.infer<typeof pricingSchema>;

const defaultsSchema = strictObject({
  electricity_usd_per_kwh: positive(),
  electricity_usd_per_kwh_note: text(),
  electricity_usd_per_kwh_on_prem: positive(),
  fx_usd_per_unit: z.record(z.string(), positive()),
  fx_note: text(),
  tdp_fallback_w: positiveOrNull(),
  tdp_fallback_note: text(),
});

export const catalogSchema = strictObject({
  schema_version: text(),
  generated: text(),
  description: text().optional(),
  units: z.record(z.string(), text()),
  conventions: z.record(z.string(), z.unknown()),
  defaults: defaultsSchema,
  hardware: z.array(hardwareSchema),
  models: z.array(modelSchema),
  grids: z.array(gridSchema),
  facility_cooling: z.array(coolingSchema),
  datacenters: z.array(datacenterSchema),
  rack_power_profiles: z.array(rackProfileSchema),
  air_cooling_limit_kw: positive(),
  pricing: pricingSchema,
  systems: strictObject({
    nodes: z.array(nodeSchema),
    racks: z.array(rackSchema),
    fabrics: z.array(fabricSchema),
    clusters: z.array(clusterSchema),
    pods: z.array(podSchema),
    reliability: reliabilitySchema,
    switch_fabric_constants: switchFabricConstantsSchema,
    network_energy: networkEnergySchema,
    storage: storageSchema,
  }),
  scenarios: z.array(scenarioSchema),
  datasets: z.array(datasetSchema),
});
export type RawCatalog = z.infer<typeof catalogSchema>;

// Re-exported so callers need one import for every section schema.
export { hardwareSchema } from './schema-hardware.js';
export { modelSchema } from './schema-model.js';
export { gridSchema } from './schema-infra.js';
export { nodeSchema, fabricSchema, clusterSchema } from './schema-systems.js';
