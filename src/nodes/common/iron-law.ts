/**
 * Library helpers outside the walls (golden "iron-law" cases). Amdahl's law: the speedup of a
 * job whose fraction p is sped up s times is 1/((1 − p) + p/s) (Amdahl 1967).
 */
export function amdahlSpeedup(parallelFraction: number, speedup: number): number {
  if (!(parallelFraction >= 0 && parallelFraction <= 1)) throw new RangeError(`parallel fraction must be in [0, 1] (got ${parallelFraction})`);
  if (!(speedup > 0)) throw new RangeError(`speedup must be > 0 (got ${speedup})`);
  return 1 / (1 - parallelFraction + parallelFraction / speedup);
}
