/**
 * Zod schemas of the infrastructure sections — `grids[]`, `facility_cooling[]`,
 * `datacenters[]`, `rack_power_profiles[]` — in the catalogue's field spelling.
 */
import { z } from 'zod';
import {
  num, oneOf, positive, positiveOrNull, provenanceShape, sourceSchema, strictObject, text, idSchema,
} from './schema-common.js';

/** PUE is total facility power over IT power, so ≥ 1 (physics.md wall 18 domain). */
const pue = () => num({ ge: 1 });
/** Water use may be 0: closed-loop cooling (catalog.json conventions.zero_allowed_fields). */
const wue = () => num({ ge: 0 });

const localPriceSchema = strictObject({
  value: positive(),
  currency: text(),
  fx_key: text(),
});

const gridShape = {
  id: idSchema,
  display_name: text().optional(),
  category: oneOf(['Grid'] as const).optional(),
  /** ≥ 0 (physics.md wall 18: CI ≥ 0); every catalogue grid is > 0. */
  carbon_intensity_g_per_kwh: num({ ge: 0 }),
  pue: pue().nullish(),
  wue_l_per_kwh: wue().nullish(),
  primary_source: text().nullish(),
  /** Signed (catalog.json conventions.signed_fields). */
  lat: num({ ge: -90, le: 90 }).nullish(),
  lon: num({ ge: -180, le: 180 }).nullish(),
  renewable_pct: num({ ge: 0, le: 100 }).nullish(),
  electricity_usd_per_kwh: positiveOrNull(),
  electricity_price_sector: text().nullish(),
  electricity_price_year: num({ ge: 1900, le: 2100, int: true }).nullish(),
  electricity_usd_per_kwh_commercial: positiveOrNull(),
  electricity_price_source: sourceSchema.nullish(),
  electricity_price_verified: text().nullish(),
  electricity_price_local: localPriceSchema.nullish(),
  ...provenanceShape,
};

export const gridSchema = strictObject(gridShape);
export type RawGrid = z.infer<typeof gridSchema>;

export const coolingSchema = strictObject({
  id: idSchema,
  display_name: text().optional(),
  pue: pue().nullish(),
  wue_l_per_kwh: wue().nullish(),
  ...provenanceShape,
});
export type RawCooling = z.infer<typeof coolingSchema>;

export const datacenterSchema = strictObject({
  id: idSchema,
  display_name: text().optional(),
  grid: idSchema,
  ...provenanceShape,
});
export type RawDatacenter = z.infer<typeof datacenterSchema>;

export const rackProfileSchema = strictObject({
  id: idSchema,
  display_name: text().optional(),
  power_kw: positive(),
  cooling_type: text().nullish(),
  ...provenanceShape,
});
export type RawRackProfile = z.infer<typeof rackProfileSchema>;
