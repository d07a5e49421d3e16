/**
 * Where a decode step turns compute-bound (physics.md §4.0 and the §12.1 discussion). Decode
 * traffic is W_t(B) + B·x·kv_tok: the weight term is shared by the batch, the KV term is not,
 * so AI(B) = B·F_tok(x)/(W_t + B·x·kv_tok) rises with B towards F_tok(x)/(x·kv_tok).
 */

/** AI of a decode step of B sequences (dense weights). */
export function decodeIntensity(batch: number, tokenFlops: number, weightBytes: number, context: number, kvBytesPerToken: number): number {
  return (batch * tokenFlops) / (weightBytes + batch * context * kvBytesPerToken);
}

/** The ceiling AI approaches as B → ∞: F_tok(x)/(x·kv_tok). */
export function decodeIntensityCeiling(tokenFlops: number, context: number, kvBytesPerToken: number): number {
  return tokenFlops / (context * kvBytesPerToken);
}

/**
 * The longest context at which some batch is compute-bound: x < F_lin/(R·kv_tok − A); +∞ when
 * R·kv_tok ≤ A (every context can cross the ridge).
 */
export function maxContextForComputeBound(linearFlops: number, ridge: number, kvBytesPerToken: number, attentionCoeff: number): number {
  const denom = ridge * kvBytesPerToken - attentionCoeff;
  return denom > 0 ? linearFlops / denom : Infinity;
}

/**
 * B* = R·W/(F_tok(x) − R·x·kv_tok): the batch from which the step is compute-bound; +∞ when
 * the ceiling does not exceed the ridge (no batch crosses).
 */
export function crossoverBatch(ridge: number, weightBytes: number, tokenFlops: number, context: number, kvBytesPerToken: number): number {
  const denom = tokenFlops - ridge * context * kvBytesPerToken;
  return denom > 0 ? (ridge * weightBytes) / denom : Infinity;
}
