/**
 * Memory tiers of one device (physics.md wall 2, cells 2–4a) as pure functions: which tier
 * holds the step (on-chip SRAM, resident in main memory, or offloaded over the host link),
 * the spill, and the effective bandwidth whose T_m = Q/(BW_eff·η_bw) reproduces the
 * multi-tier memory time exactly.
 */

export type MemoryRegime = 'on_chip' | 'resident' | 'offload';
export const MEMORY_REGIMES: readonly MemoryRegime[] = ['on_chip', 'resident', 'offload'];

/** SRAM is modelled when both its capacity and bandwidth are known. */
export const hasSram = (sramCapacity: number | null, sramBandwidth: number | null): boolean =>
  sramCapacity !== null && sramBandwidth !== null;

/**
 * Two-tier device (4a): SRAM defined and the footprint exceeds it, so the weights are read in
 * place from the main tier (flash on a microcontroller) and the rest, the arena, lives in SRAM.
 */
export function isTwoTier(footprint: number, sramCapacity: number | null, sramBandwidth: number | null): boolean {
  return sramCapacity !== null && sramBandwidth !== null && footprint > sramCapacity;
}

/** Bytes that must fit the main tier: the weights on a two-tier device, else the footprint. */
export const mainTierBytes = (footprint: number, weightBytes: number, twoTier: boolean): number => (twoTier ? weightBytes : footprint);

/** on_chip if it fits SRAM; else resident if the main-tier bytes fit the capacity; else offload. */
export function memoryRegime(footprint: number, mainBytes: number, capacity: number, sramCapacity: number | null, sramBandwidth: number | null): MemoryRegime {
  if (sramCapacity !== null && sramBandwidth !== null && footprint <= sramCapacity) return 'on_chip';
  return mainBytes <= capacity ? 'resident' : 'offload';
}

export interface TrafficSplit {
  readonly regime: MemoryRegime;
  readonly twoTier: boolean;
  /** Q, all bytes the step moves. */
  readonly traffic: number;
  /** W_t, the weight bytes the step reads. */
  readonly weightTouched: number;
  /** h, the touched bytes that are not resident and cross the host link. */
  readonly hostBytes: number;
}

/**
 * h = min(s, bytes the main tier serves): Q on a one-tier device, W_t on a two-tier one (its
 * arena traffic stays in SRAM).
 */
export function hostBytes(regime: MemoryRegime, spill: number, traffic: number, weightTouched: number, twoTier: boolean): number {
  if (regime !== 'offload') return 0;
  return Math.min(spill, twoTier ? weightTouched : traffic);
}

export interface TierBandwidths {
  readonly main: number;
  readonly sram: number | null;
  readonly host: number;
}

/**
 * Seconds per unit η_bw the step's traffic takes across the tiers (physics.md wall 2):
 *   on_chip   Q/sram
 *   one tier  (Q − h)/main + h/host
 *   two tier  (W_t − h)/main + h/host + (Q − W_t)/sram  (one core issues both streams: they add)
 */
export function tierTime(x: TrafficSplit, bw: TierBandwidths): number {
  if (x.regime === 'on_chip') return x.traffic / (bw.sram as number);
  const mainBytes = x.twoTier ? x.weightTouched : x.traffic;
  const sramBytes = x.twoTier ? Math.max(0, x.traffic - x.weightTouched) : 0;
  const sramTime = sramBytes > 0 ? sramBytes / (bw.sram as number) : 0;
  const hostTime = x.hostBytes > 0 ? x.hostBytes / bw.host : 0;
  return (mainBytes - x.hostBytes) / bw.main + hostTime + sramTime;
}

/**
 * BW_eff = Q/tierTime, so that T_m = Q/(BW_eff·η_bw). A single tier is its own bandwidth
 * (exactly, and also when Q = 0).
 */
export function effectiveBandwidth(x: TrafficSplit, bw: TierBandwidths): number {
  if (x.regime === 'on_chip') return bw.sram as number;
  if ((!x.twoTier && x.hostBytes === 0) || x.traffic === 0) return bw.main;
  return x.traffic / tierTime(x, bw);
}
