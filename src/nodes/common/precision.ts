/**
 * Precision keys and their element widths (physics.md §1.2). The widths themselves live in
 * input cells (`scenario.bytes_per_element_<key>`, unit B/element) so that every byte count
 * the graph derives is dimensionally honest; this file holds the table's defaults and the
 * "defaults to precision" rules.
 */
import { type ArgsOf, number } from '../../graph/index.js';
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

/** The ids of every width cell, in PRECISION_KEYS order. */
export const BYTES_PER_ELEMENT_IDS: readonly string[] = PRECISION_KEYS.map(bytesPerElementId);

/**
 * The KV precision when `kv_precision` is unset: the deployment precision, except that int8
 * and int4 keep an fp16 cache (an integer KV cache is a separate opt-in; physics.md §1.2).
 */
export function defaultKvPrecision(precision: PrecisionKey): PrecisionKey {
  return precision === 'int8' || precision === 'int4' ? 'fp16' : precision;
}

/** The width table b(q) as named inputs: `{ ...bytesPerElementInputs, … }` (decode with `bytesPerElementOf`). */
export const bytesPerElementInputs = {
  bytesFp32: number(bytesPerElementId('fp32')),
  bytesTf32: number(bytesPerElementId('tf32')),
  bytesBf16: number(bytesPerElementId('bf16')),
  bytesFp16: number(bytesPerElementId('fp16')),
  bytesFp8: number(bytesPerElementId('fp8')),
  bytesInt8: number(bytesPerElementId('int8')),
  bytesInt4: number(bytesPerElementId('int4')),
  bytesFp4: number(bytesPerElementId('fp4')),
};

/** The width table read through `bytesPerElementInputs`, keyed by precision. */
export function bytesPerElementOf(a: ArgsOf<typeof bytesPerElementInputs>): Readonly<Record<PrecisionKey, number>> {
  return {
    fp32: a.bytesFp32, tf32: a.bytesTf32, bf16: a.bytesBf16, fp16: a.bytesFp16,
    fp8: a.bytesFp8, int8: a.bytesInt8, int4: a.bytesInt4, fp4: a.bytesFp4,
  };
}
