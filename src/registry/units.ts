/**
 * Scale factors from the catalogue's display units (its field suffixes) to the SI base units
 * the registry hands out. Decimal prefixes everywhere (physics.md §1.1; catalog.json `units`).
 */

/** `_tflops` → FLOP/s. catalog.json units.peak_tflops: TFLOP/s; 1 TFLOP = 1e12 FLOP (physics §1.1). */
export const FLOPS_PER_TFLOPS = 1e12;
/** `_gb` → B. catalog.json units.memory_capacity_gb: "GB = 1e9 bytes" (physics §1.1, catalog.md decision 1). */
export const BYTES_PER_GB = 1e9;
/** `_mb` → B. catalog.json units.flash_capacity_mb: "MB as stated", decimal (physics §1.1). */
export const BYTES_PER_MB = 1e6;
/** `_kb` → B. catalog.json units.sram_capacity_kb: "kB as stated", decimal (physics §1.1). */
export const BYTES_PER_KB = 1e3;
/** `_gbs` → B/s. catalog.json units.bandwidth_gbs: "GB/s = 1e9 bytes/s". */
export const BYTES_PER_S_PER_GBS = 1e9;
/** `_gbps` → B/s. physics §1.1: 1 Gb/s = 1.25e8 B/s (400 Gb/s = 50 GB/s). */
export const BYTES_PER_S_PER_GBPS = 1.25e8;
/** `_kg` (CO2e) → g. 1 kg = 1000 g. */
export const GRAMS_PER_KG = 1000;
/** `_ms` → s. */
export const SECONDS_PER_MS = 1e-3;
/** `_us` → s. catalog.json units.latency_us: microseconds. */
export const SECONDS_PER_US = 1e-6;
/** `_kw` → W. */
export const WATTS_PER_KW = 1e3;
/** `_mw` (megawatt, pods.power_mw) → W. */
export const WATTS_PER_MW = 1e6;
/** `_hours` → s. */
export const SECONDS_PER_HOUR = 3600;
/** 1 kWh = 3.6e6 J (physics §1.1). */
export const JOULES_PER_KWH = 3.6e6;
/** `_wh` → J (1 Wh = 3600 J, physics §1.1). */
export const JOULES_PER_WH = 3600;
/** `_mhz` → Hz. */
export const HZ_PER_MHZ = 1e6;

/** Scale a nullable catalogue number; null/undefined stay absent (never 0). */
export function scaled(value: number | null | undefined, factor: number): number | undefined {
  return value === null || value === undefined ? undefined : value * factor;
}

/** A nullable catalogue value as an optional field: null → undefined. */
export function opt<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/**
 * Grid carbon intensity, g CO2e per kWh → g CO2e per J (÷ 3.6e6 J/kWh, physics §1.1).
 * The registry keeps g/kWh (the catalogue and display unit, named in the field).
 */
export function carbonIntensityPerJoule(gPerKwh: number): number {
  return gPerKwh / JOULES_PER_KWH;
}

/** Electricity price, USD per kWh → USD per J (÷ 3.6e6 J/kWh, physics §1.1). */
export function pricePerJoule(usdPerKwh: number): number {
  return usdPerKwh / JOULES_PER_KWH;
}
