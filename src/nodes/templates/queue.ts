/**
 * The §3.3 multi-server queue `queue(λ, T_s, c, cv, T_resp)`: M/M/c with Erlang C in log
 * space and the Allen–Cunneen (Kingman) correction for service-time spread. Pure functions
 * first; `queueCells` below lays them out as one cell group per instance (wall 7
 * tail latency, wall 16 multi-tenant).
 *
 * Invariants (physics.md §3.3, §0.1 rule 2): ρ is reported even when ρ ≥ 1; an unstable
 * queue has p_wait = 1 and +∞ waits (never NaN); λ = 0 has p_wait = 0 and zero waits.
 */

import { type CellDef, derived, optFlag, optNumber } from '../../graph/index.js';

/** Lanczos coefficients, g = 7, n = 9 (Numerical Recipes 3rd ed. §6.1; Godfrey's set). */
const LANCZOS_G = 7;
const LANCZOS_P = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (C. Lanczos, SIAM J. Numer. Anal. B 1,
 * 1964; coefficients as above), ~15 significant digits. Reflection Γ(x)Γ(1−x) = π/sin(πx)
 * below 0.5. Used by Erlang C (physics.md §0.2, §3.3 cell 4).
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0 (got ${x})`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS_P[0];
  for (let i = 1; i < LANCZOS_P.length; i++) sum += LANCZOS_P[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ℓ_j = j·ln a − lnΓ(j+1): the log of the j-th Erlang term a^j/j! (§3.3 cell 4). */
function erlangLogTerm(j: number, lnA: number): number {
  return j * lnA - lnGamma(j + 1);
}

/**
 * Erlang C probability of waiting P_w for offered load a = λ/μ on c servers, in log space
 * (physics.md §3.3 cell 4): ℓ_j for j < c, ℓ_c = c·ln a − lnΓ(c+1) − ln(1−ρ),
 * P_w = exp(ℓ_c − LSE(ℓ_0 … ℓ_c)). Needs a > 0 and ρ = a/c < 1. No array: the largest
 * ℓ_j with j < c sits at j = min(c−1, ⌊a⌋) because ℓ_j − ℓ_{j−1} = ln a − ln j.
 */
export function erlangC(a: number, c: number): number {
  const rho = a / c;
  if (!(a > 0) || !(rho < 1)) throw new RangeError(`erlangC needs a > 0 and a/c < 1 (a = ${a}, c = ${c})`);
  const lnA = Math.log(a);
  const lc = erlangLogTerm(c, lnA) - Math.log1p(-rho);
  const peak = Math.min(c - 1, Math.floor(a));
  const m = Math.max(erlangLogTerm(peak, lnA), lc);
  // ℓ_j is concave in j (its step ln a − ln j falls), so walking away from the peak the terms
  // only shrink: stop once they fall below 1e-18 of the sum (no effect in double precision).
  // This makes large pools (c = 10⁶) cost O(√a) terms instead of O(c).
  let sum = Math.exp(lc - m);
  for (let j = peak; j >= 0; j--) {
    const t = Math.exp(erlangLogTerm(j, lnA) - m);
    sum += t;
    if (t < 1e-18 * sum) break;
  }
  for (let j = peak + 1; j < c; j++) {
    const t = Math.exp(erlangLogTerm(j, lnA) - m);
    sum += t;
    if (t < 1e-18 * sum) break;
  }
  return Math.exp(lc - m - Math.log(sum));
}

/**
 * The same probability by the Erlang-B recursion (physics.md §3.3 cell 4 cross-check):
 * B₀ = 1, B_j = a·B_{j−1}/(j + a·B_{j−1}), C = B_c/(1 − ρ(1 − B_c)).
 */
export function erlangCByRecursion(a: number, c: number): number {
  let b = 1;
  for (let j = 1; j <= c; j++) b = (a * b) / (j + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** `utilization` ρ = a/c (§3.3 cell 1); 0 without arrivals, +∞ for λ > 0 on no servers. */
export function queueUtilization(offeredLoad: number, servers: number): number {
  if (offeredLoad === 0) return 0;
  return offeredLoad / servers;
}

/** `p_wait`: 0 when λ = 0 (cell 3), 1 when unstable (cell 2), else Erlang C (cell 4). */
export function probabilityOfWaiting(offeredLoad: number, servers: number): number {
  if (offeredLoad === 0) return 0;
  if (!(queueUtilization(offeredLoad, servers) < 1)) return 1;
  return erlangC(offeredLoad, servers);
}

/** `kingman_factor` k_cv = (1 + cv²)/2 (Allen–Cunneen, Poisson arrivals; §3.3 cell 5). */
export function kingmanFactor(cv: number): number {
  return (1 + cv * cv) / 2;
}

/** Drain rate r = c·μ − λ = c/T_s − λ (§3.3 cell 6); ≤ 0 when unstable. */
export function drainRate(arrivalRate: number, serviceTime: number, servers: number): number {
  return servers / serviceTime - arrivalRate;
}

/**
 * Wait quantile W(q) = 0 if P_w ≤ 1 − q, else k_cv·ln(P_w/(1−q))/r (§3.3 cell 7); +∞ when
 * the queue is unstable (cell 2).
 */
export function waitQuantile(q: number, pWait: number, kcv: number, drain: number, stable: boolean): number {
  if (!stable) return Infinity;
  if (pWait <= 1 - q) return 0;
  return (kcv * Math.log(pWait / (1 - q))) / drain;
}

/** `wait_mean` = k_cv·P_w/r (§3.3 cell 7); +∞ when unstable, 0 when λ = 0. */
export function meanWait(pWait: number, kcv: number, drain: number, stable: boolean): number {
  if (!stable) return Infinity;
  return pWait === 0 ? 0 : (kcv * pWait) / drain;
}

/**
 * `slo_violation_probability` for a target G (§3.3 cell 9): 1 if unstable or G ≤ T_resp,
 * else min(1, P_w·exp(−r·(G − T_resp)/k_cv)).
 */
export function sloViolationProbability(
  pWait: number, kcv: number, drain: number, stable: boolean, responseTime: number, target: number,
): number {
  if (!stable || target <= responseTime) return 1;
  return Math.min(1, pWait * Math.exp((-drain * (target - responseTime)) / kcv));
}

export interface QueueParams {
  /** λ, 1/s, ≥ 0. */
  readonly arrivalRate: number;
  /** T_s, s, > 0. */
  readonly serviceTime: number;
  /** c, integer ≥ 0 (0 only when a wired slot count is 0: unstable). */
  readonly servers: number;
  /** Service-time coefficient of variation, ≥ 0. */
  readonly cv: number;
  /** T_resp, s, ≥ 0: added to the wait quantiles. */
  readonly responseTime: number;
}

/** The whole §3.3 queue at once (what the cells compute one by one). */
export interface QueueResult {
  readonly offeredLoad: number;
  readonly utilization: number;
  readonly isStable: boolean;
  readonly pWait: number;
  readonly kingmanFactor: number;
  readonly drainRate: number;
  readonly waitP50: number;
  readonly waitP99: number;
  readonly waitMean: number;
  readonly queueLengthMean: number;
  readonly p50: number;
  readonly p99: number;
}

/** Evaluates the §3.3 queue (used by the capacity search of wall 7.2 and by tests). */
export function evaluateQueue(q: QueueParams): QueueResult {
  const a = q.arrivalRate * q.serviceTime;
  const utilization = queueUtilization(a, q.servers);
  const isStable = utilization < 1;
  const pWait = probabilityOfWaiting(a, q.servers);
  const k = kingmanFactor(q.cv);
  const r = drainRate(q.arrivalRate, q.serviceTime, q.servers);
  const waitP50 = waitQuantile(0.5, pWait, k, r, isStable);
  const waitP99 = waitQuantile(0.99, pWait, k, r, isStable);
  const waitMean = meanWait(pWait, k, r, isStable);
  return {
    offeredLoad: a, utilization, isStable, pWait, kingmanFactor: k, drainRate: r, waitP50, waitP99, waitMean,
    queueLengthMean: q.arrivalRate === 0 ? 0 : q.arrivalRate * waitMean,
    p50: waitP50 + q.responseTime,
    p99: waitP99 + q.responseTime,
  };
}

// ── Cell group ────────────────────────────────────────────────────────────────────────────

/** The §3.3 outputs, by their spec names (an instance may rename some, e.g. p99 → p99_latency). */
export type QueueOutput =
  | 'offered_load' | 'utilization' | 'is_stable' | 'p_wait' | 'kingman_factor' | 'drain_rate'
  | 'wait_p50' | 'wait_p99' | 'wait_mean' | 'queue_length_mean' | 'p50' | 'p99' | 'slo_violation_probability';

/** Ids of the cells an instance reads for each queue input. */
export interface QueueInputIds {
  /** λ (1/s). An unset (null) λ leaves every output null: the queue is not evaluated. */
  readonly arrivalRate: string;
  /** T_s (s). */
  readonly serviceTime: string;
  /** c (count). */
  readonly servers: string;
  /** Service-time coefficient of variation (1). */
  readonly cv: string;
  /** T_resp (s), added to the wait quantiles. */
  readonly responseTime: string;
  /** Target G (s) for `slo_violation_probability`; omit the id for an instance without one. */
  readonly target?: string;
}

export interface QueueCellOptions {
  /** Scope of the instance: `tail_latency`, `multi_tenant`. */
  readonly scope: string;
  readonly wall: number;
  readonly inputs: QueueInputIds;
  /** Cell names that differ from the §3.3 names (wall 16: utilization → cluster_utilization). */
  readonly names?: Readonly<Partial<Record<QueueOutput, string>>>;
  /** What waits in the queue, for the docs ("request", "job"). */
  readonly customer?: string;
}

/** The queue's arguments with every null ruled out. */
type AllSet<A> = { readonly [K in keyof A]: Exclude<A[K], null> };

/** Whether no argument is unset (null). */
function allSet<A extends object>(a: A): a is A & AllSet<A> {
  return Object.values(a).every((v) => v !== null);
}

/** A formula over set values; null (not evaluated) while any input it reads is unset. */
const whenSet = <A extends object>(f: (a: AllSet<A>) => number | boolean) => (a: A): number | boolean | null =>
  allSet(a) ? f(a) : null;

/**
 * The §3.3 queue as one cell group: `<scope>.<name>` for every output. Each cell reads only
 * what its formula needs, so an edit to the target recomputes only the SLO probability.
 */
export function queueCells(o: QueueCellOptions): CellDef[] {
  const id = (k: QueueOutput): string => `${o.scope}.${o.names?.[k] ?? k}`;
  const who = o.customer ?? 'customer';
  // Every input may be unset (an optional λ, a service time not known yet): all are `opt…`.
  const lambda = optNumber(o.inputs.arrivalRate);
  const serviceTime = optNumber(o.inputs.serviceTime);
  const servers = optNumber(o.inputs.servers);
  const responseTime = optNumber(o.inputs.responseTime);
  const offeredLoad = optNumber(id('offered_load'));
  const common = { layer: 'E' as const, wall: o.wall };
  const defs: CellDef[] = [
    derived({ ...common, id: id('offered_load'), label: 'Offered load', unit: '1', formula: 'a = λ·T_s',
      doc: `Mean number of busy servers the ${who} stream would need (physics.md §3.3 cell 1).`,
      inputs: { lambda, serviceTime }, compute: whenSet(({ lambda, serviceTime }) => lambda * serviceTime) }),
    derived({ ...common, id: id('utilization'), label: 'Utilisation', unit: '1', formula: 'ρ = a/c',
      doc: 'Offered load per server; reported even when ρ ≥ 1, +∞ only for arrivals on zero servers (§3.3 cell 1).',
      inputs: { offeredLoad, servers }, mayBeInfinite: true,
      compute: whenSet(({ offeredLoad, servers }) => queueUtilization(offeredLoad, servers)) }),
    derived({ ...common, id: id('is_stable'), label: 'Stable', unit: 'bool', formula: 'ρ < 1',
      doc: 'The queue drains on average (§3.3 cell 2).', inputs: { utilization: optNumber(id('utilization')) },
      compute: whenSet(({ utilization }) => utilization < 1) }),
    derived({ ...common, id: id('p_wait'), label: 'Probability of waiting', unit: '1',
      formula: 'P_w = exp(ℓ_c − LSE(ℓ_0…ℓ_c)), ℓ_j = j·ln a − lnΓ(j+1)',
      doc: `Erlang C: the chance an arriving ${who} finds every server busy; 1 when unstable (§3.3 cells 2–4).`,
      inputs: { offeredLoad, servers }, compute: whenSet(({ offeredLoad, servers }) => probabilityOfWaiting(offeredLoad, servers)) }),
    derived({ ...common, id: id('kingman_factor'), label: 'Kingman factor', unit: '1', formula: 'k_cv = (1 + cv²)/2',
      doc: 'Allen–Cunneen scaling of M/M/c waits for the service-time spread (§3.3 cell 5).',
      inputs: { cv: optNumber(o.inputs.cv) }, compute: whenSet(({ cv }) => kingmanFactor(cv)) }),
    derived({ ...common, id: id('drain_rate'), label: 'Drain rate', unit: '1/s', formula: 'r = c/T_s − λ',
      doc: 'Spare service rate that empties a backlog; ≤ 0 when unstable (§3.3 cell 6).',
      inputs: { lambda, serviceTime, servers },
      compute: whenSet(({ lambda, serviceTime, servers }) => drainRate(lambda, serviceTime, servers)) }),
  ];
  const waitInputs = {
    pWait: optNumber(id('p_wait')), kcv: optNumber(id('kingman_factor')), drain: optNumber(id('drain_rate')), stable: optFlag(id('is_stable')),
  };
  for (const [key, q, pct, tail] of [['wait_p50', 0.5, '50', '0.5'], ['wait_p99', 0.99, '99', '0.01']] as const) {
    defs.push(derived({ ...common, id: id(key), label: `Wait P${pct}`, unit: 's', mayBeInfinite: true,
      formula: `W(${q}) = 0 if P_w ≤ ${tail} else k_cv·ln(P_w/${tail})/r`,
      doc: `The ${pct}th percentile of the time a ${who} waits for a server; +∞ when unstable (§3.3 cell 7).`,
      inputs: waitInputs, compute: whenSet(({ pWait, kcv, drain, stable }) => waitQuantile(q, pWait, kcv, drain, stable)) }));
  }
  defs.push(
    derived({ ...common, id: id('wait_mean'), label: 'Mean wait', unit: 's', mayBeInfinite: true, formula: 'k_cv·P_w/r',
      doc: `Mean time a ${who} waits for a server; +∞ when unstable (§3.3 cell 7).`,
      inputs: waitInputs, compute: whenSet(({ pWait, kcv, drain, stable }) => meanWait(pWait, kcv, drain, stable)) }),
    derived({ ...common, id: id('queue_length_mean'), label: 'Mean queue length', unit: '1', mayBeInfinite: true,
      formula: 'L_q = λ·wait_mean', doc: `Mean number of ${who}s waiting, by Little's law (§3.3 cell 7).`,
      inputs: { lambda, waitMean: optNumber(id('wait_mean')) },
      compute: whenSet(({ lambda, waitMean }) => (lambda === 0 ? 0 : lambda * waitMean)) }),
    derived({ ...common, id: id('p50'), label: 'P50 latency', unit: 's', mayBeInfinite: true, formula: 'wait_p50 + T_resp',
      doc: `Median time from arrival to response for a ${who} (§3.3 cell 8).`,
      inputs: { wait: optNumber(id('wait_p50')), responseTime }, compute: whenSet(({ wait, responseTime }) => wait + responseTime) }),
    derived({ ...common, id: id('p99'), label: 'P99 latency', unit: 's', mayBeInfinite: true, formula: 'wait_p99 + T_resp',
      doc: `99th-percentile time from arrival to response for a ${who} (§3.3 cell 8).`,
      inputs: { wait: optNumber(id('wait_p99')), responseTime }, compute: whenSet(({ wait, responseTime }) => wait + responseTime) }),
  );
  if (o.inputs.target) {
    defs.push(derived({ ...common, id: id('slo_violation_probability'), label: 'SLO violation probability', unit: '1',
      formula: '1 if unstable or G ≤ T_resp, else min(1, P_w·exp(−r·(G − T_resp)/k_cv))',
      doc: `Chance a ${who} takes longer than the target G; null while no target is set (§3.3 cell 9).`,
      inputs: { ...waitInputs, responseTime, target: optNumber(o.inputs.target) },
      compute: whenSet(({ pWait, kcv, drain, stable, responseTime, target }) =>
        sloViolationProbability(pWait, kcv, drain, stable, responseTime, target)) }));
  }
  return defs;
}
