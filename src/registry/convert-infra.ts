/**
 * Raw grids, cooling tiers, datacentres and rack power profiles → typed entries.
 */
import { compact, toProvenance, toSource } from './convert-common.js';
import type { RawCooling, RawDatacenter, RawGrid, RawRackProfile } from './schema-infra.js';
import type { Cooling, Datacenter, Grid, RackProfile } from './types.js';
import { WATTS_PER_KW, opt } from './units.js';

export function convertGrid(raw: RawGrid): Grid {
  return compact<Grid>({
    kind: 'grid',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    carbon_intensity_g_per_kwh: raw.carbon_intensity_g_per_kwh,
    pue: opt(raw.pue),
    wue_l_per_kwh: opt(raw.wue_l_per_kwh),
    electricity_price_usd_per_kwh: opt(raw.electricity_usd_per_kwh),
    electricity_price_commercial_usd_per_kwh: opt(raw.electricity_usd_per_kwh_commercial),
    electricity_price_sector: opt(raw.electricity_price_sector),
    electricity_price_year: opt(raw.electricity_price_year),
    electricity_price_source: toSource(raw.electricity_price_source),
    primary_source: opt(raw.primary_source),
    lat: opt(raw.lat),
    lon: opt(raw.lon),
    renewable_pct: opt(raw.renewable_pct),
    ...toProvenance(raw),
  });
}

export function convertCooling(raw: RawCooling): Cooling {
  return compact<Cooling>({
    kind: 'cooling',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    pue: opt(raw.pue),
    wue_l_per_kwh: opt(raw.wue_l_per_kwh),
    ...toProvenance(raw),
  });
}

export function convertDatacenter(raw: RawDatacenter): Datacenter {
  return {
    kind: 'datacenter',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    grid: raw.grid,
    ...toProvenance(raw),
  };
}

export function convertRackProfile(raw: RawRackProfile): RackProfile {
  return compact<RackProfile>({
    kind: 'rack_profile',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    power: raw.power_kw * WATTS_PER_KW,
    cooling_type: opt(raw.cooling_type),
    ...toProvenance(raw),
  });
}
