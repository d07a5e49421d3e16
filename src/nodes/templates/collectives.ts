/**
 * Collective-communication times under the α–β model (physics.md §3.2).
 *
 * M = bytes per rank, N = ranks, β = per-direction bandwidth per rank (B/s, §1.4: ring
 * collectives send and receive at once, so they use one direction), α = per-hop latency (s).
 * Valid: M ≥ 0, N an integer ≥ 1, β > 0, α ≥ 0. These are pure functions: the cells that
 * call them guarantee the domains through their inputs; a direct caller that breaks them gets
 * a RangeError (never NaN).
 */

function check(m: number, n: number, beta: number, alpha: number): void {
  if (!(m >= 0) || !Number.isFinite(m)) throw new RangeError(`message bytes must be a finite number ≥ 0 (got ${m})`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ranks must be an integer ≥ 1 (got ${n})`);
  if (!(beta > 0)) throw new RangeError(`bandwidth must be > 0 (got ${beta})`);
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`latency must be a finite number ≥ 0 (got ${alpha})`);
}

/** Ring all-reduce: 0 if N = 1, else 2(N−1)/N·M/β + 2(N−1)·α (physics.md §3.2; Patarasuk & Yuan 2009). */
export function ringAllreduce(m: number, n: number, beta: number, alpha: number): number {
  check(m, n, beta, alpha);
  if (n === 1) return 0;
  return ((2 * (n - 1)) / n) * (m / beta) + 2 * (n - 1) * alpha;
}

/** Reduce-scatter: (N−1)/N·M/β + (N−1)·α, 0 for N = 1 (physics.md §3.2). */
export function reduceScatter(m: number, n: number, beta: number, alpha: number): number {
  check(m, n, beta, alpha);
  return ((n - 1) / n) * (m / beta) + (n - 1) * alpha;
}

/** All-gather: the mirror image of reduce-scatter, same time (physics.md §3.2). */
export function allGather(m: number, n: number, beta: number, alpha: number): number {
  return reduceScatter(m, n, beta, alpha);
}

/** All-to-all (pairwise exchange): (N−1)/N·M/β + (N−1)·α (physics.md §3.2). */
export function allToAll(m: number, n: number, beta: number, alpha: number): number {
  check(m, n, beta, alpha);
  return ((n - 1) / n) * (m / beta) + (n - 1) * alpha;
}

/** Point-to-point send: M/β + α (physics.md §3.2). */
export function p2p(m: number, beta: number, alpha: number): number {
  check(m, 1, beta, alpha);
  return m / beta + alpha;
}

/**
 * Tree all-reduce (pipelined reduce to the root, then broadcast; the bandwidth term of NCCL's
 * double binary tree): 0 if N = 1, else 2·⌈log₂N⌉·α + 2·M/β. Latency grows with log N rather
 * than N, so it wins over the ring for small messages on many ranks (Thakur, Rabenseifner &
 * Gropp 2005; Sanders et al. 2009). Not used by wall 14, which follows §3.2's ring and
 * hierarchical forms; offered for what-if comparisons.
 */
export function treeAllreduce(m: number, n: number, beta: number, alpha: number): number {
  check(m, n, beta, alpha);
  if (n === 1) return 0;
  return 2 * Math.ceil(Math.log2(n)) * alpha + (2 * m) / beta;
}

/** The two link classes a hierarchical collective uses: inside a node and across the fabric. */
export interface HierarchicalLinks {
  /** Per-direction bandwidth (B/s) and latency (s) of the scale-up link inside the node. */
  readonly betaIn: number;
  readonly alphaIn: number;
  /** Per-direction bandwidth per rank (B/s) and latency (s) across the fabric. */
  readonly betaOut: number;
  readonly alphaOut: number;
  /** κ_c ≥ 1: multiplies only the phase that crosses the fabric (§3.2). Default 1. */
  readonly congestion?: number;
}

/**
 * Hierarchical all-reduce over k ranks per node × n nodes (physics.md §3.2): reduce-scatter
 * inside the node, a ring all-reduce of M/k across the n nodes, then an all-gather inside the
 * node: 2·reduce_scatter(M, k, β_in, α_in) + κ_c·ring_allreduce(M/k, n, β_out, α_out).
 * With n = 1 it is the intra-node ring; with k = 1 it is the inter-node ring.
 */
export function hierarchicalAllreduce(m: number, k: number, n: number, links: HierarchicalLinks): number {
  const congestion = links.congestion ?? 1;
  if (!(congestion >= 1)) throw new RangeError(`congestion factor must be ≥ 1 (got ${congestion})`);
  const inside = 2 * reduceScatter(m, k, links.betaIn, links.alphaIn);
  const across = ringAllreduce(m / k, n, links.betaOut, links.alphaOut);
  return inside + congestion * across;
}
