/**
 * The candidate layouts of every mode (physics.md §11.4, widened by the issue "Physics IV": a
 * full layout search), generated in one place: tensor t × pipeline p × context c × expert e ×
 * interleaving v (the structure, which fixes dp = N/(t·p·c)), then ZeRO stage z × microbatch
 * size b inside each structure. Training varies all seven; inference and serving vary t, p, c
 * and e (a replica has no interleaving, optimizer state or microbatch of its own), with S the
 * prompt a context-parallel prefill splits.
 *
 *   t  divides the GPUs per node g and the query heads H (Megatron splits heads over TP);
 *   p  divides N/t — every divisor, not only powers of two — and p ≤ L (stages may be uneven);
 *   c  divides N/(t·p); c > 1 needs S divisible by 2c (Megatron-Core's load-balanced chunks) and
 *      each of the 2c chunks at least one 128-token attention tile, c ≤ S/256 (FlashAttention-2's
 *      block along the sequence, Dao 2023; a shorter chunk leaves the kernel's tiles part empty);
 *   e  divides dp and the expert count E (MoE only; else 1);
 *   v  1, or for p | L every divisor v ≥ 2 of L/p (Megatron's interleaved schedule needs
 *      L mod (p·v) = 0); a (v > 1, b) pair is kept only when m mod p = 0, as that schedule needs;
 *   z  0, 1, 2, 3;
 *   b  powers of two up to B_g/dp (b = 1 when dp ≥ B_g); the training memory never falls as b
 *      doubles (activations ∝ b·min(⌈B_g/(dp·b)⌉, p) and b·⌈X/b⌉ ≥ (b/2)·⌈2X/b⌉), so the search
 *      stops a structure's b at the first that does not fit.
 *
 * A cell the user set is held at its value. Two cells follow a held neighbour instead of being
 * searched: the interleaving v belongs to the pipeline (a held p keeps its schedule), and the
 * context-parallel degree c shares the intra-layer model-parallel group with t (a held t keeps
 * its split of the scale-up domain); set v or c to choose them with t or p held.
 */
import type { LiveGraph, Plain } from '../../graph/index.js';
import { numberAt } from './metrics.js';

/** In the order results list them (§11.4's t, p, e, b first, then the cells the full search adds). */
export const TRAINING_LAYOUT_CELLS = [
  'communication.tp', 'communication.pp', 'communication.ep', 'communication.microbatch_size',
  'communication.cp', 'communication.virtual_stages', 'communication.zero_stage',
] as const;
export type TrainingLayoutCell = (typeof TRAINING_LAYOUT_CELLS)[number];

/** The layout cells an inference or serving search may vary (and a user may fix). */
export const REPLICA_LAYOUT_CELLS = ['communication.tp', 'communication.pp', 'communication.ep', 'communication.cp'] as const;

/** What the candidate rules read from a training scenario. */
export interface LayoutFacts {
  /** N, all accelerators. */
  readonly devices: number;
  /** g, accelerators per node. */
  readonly gpusPerNode: number;
  /** L (null for a model without a layer structure: non-LMs train with DP only). */
  readonly layers: number | null;
  /** H, query heads (null when unknown). */
  readonly heads: number | null;
  /** E for a mixture-of-experts model, else null. */
  readonly experts: number | null;
  /** B_g, sequences per step (training; 1 outside). */
  readonly globalBatch: number;
  /** S, tokens per sequence: the training sequence, or the prompt a prefill splits (null for a non-LM). */
  readonly seqLen: number | null;
}

/** One structure: the layout cells that fix dp, and the inner values searched with it. */
export interface Structure {
  readonly tp: number;
  readonly pp: number;
  readonly cp: number;
  readonly ep: number;
  readonly virtualStages: number;
  /** dp = N/(t·p·c). */
  readonly dp: number;
  readonly zeroStages: readonly number[];
  readonly microbatchSizes: readonly number[];
}

/** The divisors of a positive integer n, ascending. */
export function divisors(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) return [];
  const low: number[] = [];
  const high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.unshift(n / d);
  }
  return [...low, ...high];
}

export function layoutFacts(graph: LiveGraph): LayoutFacts {
  const has = (id: string) => graph.has(id);
  const family = graph.value('workload.family');
  const lm = family === 'dense_lm' || family === 'moe_lm';
  const experts = family === 'moe_lm' && has('workload.experts') ? numberAt(graph, 'workload.experts') ?? null : null;
  const training = graph.value('scenario.mode') === 'training';
  return {
    devices: numberAt(graph, 'communication.num_devices') ?? 1,
    gpusPerNode: numberAt(graph, 'communication.gpus_per_node') ?? 1,
    layers: lm ? numberAt(graph, 'workload.layers') ?? null : null,
    heads: lm ? numberAt(graph, 'workload.heads') ?? null : null,
    experts: experts !== null && experts > 1 ? experts : null,
    globalBatch: numberAt(graph, 'communication.global_batch_size_effective') ?? 1,
    seqLen: lm ? numberAt(graph, training ? 'communication.seq_len_effective' : 'serving.prompt_len_effective') ?? null : null,
  };
}

/**
 * The cells the search varies when `held` are set: every other layout cell of `cells` (training's
 * seven, or a replica's four), except v after a held p and c after a held t.
 */
export function searchedCells<C extends string = TrainingLayoutCell>(
  held: Iterable<string>, cells: readonly C[] = TRAINING_LAYOUT_CELLS as readonly string[] as readonly C[],
): C[] {
  const set = new Set(held);
  return cells.filter((id) => {
    if (set.has(id)) return false;
    if (id === 'communication.virtual_stages' && set.has('communication.pp')) return false;
    if (id === 'communication.cp' && set.has('communication.tp')) return false;
    return true;
  });
}

/** Microbatch sizes for dp replicas: powers of two up to B_g/dp (1 when dp ≥ B_g), ascending. */
export function microbatchSizes(globalBatch: number, dp: number): number[] {
  const out: number[] = [];
  for (let b = 1; b === 1 || dp * b <= globalBatch; b *= 2) out.push(b);
  return out;
}

/** The FlashAttention-2 tile along the sequence (Dao 2023, arXiv 2307.08691): a CP chunk holds at least one. */
export const ATTENTION_TILE_TOKENS = 128;

/** v: 1, or every divisor ≥ 2 of L/p when p > 1 divides L. */
function virtualStageCounts(layers: number | null, p: number): number[] {
  if (p === 1 || layers === null || layers % p !== 0) return [1];
  return [1, ...divisors(layers / p).filter((v) => v >= 2)];
}

/** c > 1 needs S divisible by 2c and each of the 2c chunks at least one attention tile (see above). */
export function contextAllows(seqLen: number | null, c: number): boolean {
  return c === 1 || (seqLen !== null && seqLen % (2 * c) === 0 && seqLen >= 2 * c * ATTENTION_TILE_TOKENS);
}

/**
 * Every candidate structure of the scenario: `values` holds the value of each cell that is not
 * searched (what the user set, or the cell's current value), `searched` the cells that vary.
 */
export function layoutStructures(f: LayoutFacts, searched: readonly string[], values: Readonly<Record<string, Plain>>): Structure[] {
  const is = (id: TrainingLayoutCell) => searched.includes(id);
  const held = (id: TrainingLayoutCell): number => (typeof values[id] === 'number' ? values[id] : 1);
  const lm = f.layers !== null;
  const n = f.devices;
  const tps = !is('communication.tp') ? [held('communication.tp')]
    : lm ? divisors(f.gpusPerNode).filter((t) => f.heads === null || f.heads % t === 0) : [1];
  const zs = is('communication.zero_stage') ? [0, 1, 2, 3] : [held('communication.zero_stage')];
  const out: Structure[] = [];
  for (const t of tps) {
    if (n % t !== 0) continue;
    const pps = !is('communication.pp') ? [held('communication.pp')] : lm ? divisors(n / t).filter((p) => p <= f.layers!) : [1];
    for (const p of pps) {
      if (n % (t * p) !== 0) continue;
      const cps = !is('communication.cp') ? [held('communication.cp')]
        : lm ? divisors(n / (t * p)).filter((c) => contextAllows(f.seqLen, c)) : [1];
      for (const c of cps) {
        if (n % (t * p * c) !== 0) continue;
        const dp = n / (t * p * c);
        const eps = !is('communication.ep') ? [held('communication.ep')]
          : f.experts !== null ? divisors(dp).filter((e) => f.experts! % e === 0) : [1];
        const vs = !is('communication.virtual_stages') ? [held('communication.virtual_stages')] : virtualStageCounts(f.layers, p);
        const bs = is('communication.microbatch_size') ? microbatchSizes(f.globalBatch, dp) : [held('communication.microbatch_size')];
        for (const e of eps) {
          for (const v of vs) out.push({ tp: t, pp: p, cp: c, ep: e, virtualStages: v, dp, zeroStages: zs, microbatchSizes: bs });
        }
      }
    }
  }
  return out;
}

/** The interleaved schedule needs m = ⌈B_g/(dp·b)⌉ to be a multiple of p (Megatron); v = 1 has no such rule. */
export function scheduleAllows(s: Structure, b: number, globalBatch: number): boolean {
  if (s.virtualStages === 1) return true;
  return Math.ceil(globalBatch / (s.dp * b)) % s.pp === 0;
}
