/**
 * Precision keys and their element widths (physics.md §1.2). The widths themselves live in
 * input cells (`scenario.bytes_per_element_<key>`, unit B/element) so that every byte count
 * the graph derives is dimensionally honest; this file holds the table's defaults and the
 * "defaults to precision" rules.
 */
import { PRECISION_KEYS, type PrecisionKey } from '../context.js';

export { PRECISION_KEYS, type PrecisionKey };

/** b(q) in bytes per element (physics.md §1.2). */
export const BYTES_PER_ELEMENT: Readonly<Record<PrecisionKey, number>> = {
  fp32: 4,
  tf32: 4, // stored as fp32, computed at the TF32 tensor rate
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
  fp4: 0.5, // Blackwell-class addition; no fallback
};

/** Id of the input cell holding b(q). */
export const bytesPerElementId = (key: PrecisionKey): string => `scenario.bytes_per_element_${key}`;

/** The ids of every width cell, in PRECISION_KEYS order (cells read them in this order). */
export const BYTES_PER_ELEMENT_IDS: readonly string[] = PRECISION_KEYS.map(bytesPerElementId);

/**
 * The KV precision when `kv_precision` is unset: the deployment precision, except that int8
 * and int4 keep an fp16 cache (an integer KV cache is a separate opt-in; physics.md §1.2).
 */
export function defaultKvPrecision(precision: PrecisionKey): PrecisionKey {
  return precision === 'int8' || precision === 'int4' ? 'fp16' : precision;
}

/** Looks a key up in widths given in PRECISION_KEYS order. */
export function widthOf(key: string, widths: readonly number[]): number {
  const i = PRECISION_KEYS.indexOf(key as PrecisionKey);
  return widths[i];
}
