/**
 * The candidate layouts of a scenario (physics.md §11.4), in one place for every mode: the
 * training search, `optimize parallelism` and the layout chosen when a scenario leaves it
 * unset all enumerate these. Training varies t, p, e and the microbatch size b; inference and
 * serving vary t, p and e (a replica has no microbatch of its own). A cell the caller fixes
 * (a layout cell the user set) is one value on its axis.
 */
import type { LiveGraph, Plain, SearchAxis } from '../../graph/index.js';
import { numberAt, powersOfTwo } from './metrics.js';

export interface LayoutSpace {
  readonly axes: SearchAxis[];
  readonly prefilter: (v: Readonly<Record<string, Plain>>) => boolean;
}

/** The layout cells an inference or serving search may vary (and a user may fix). */
export const REPLICA_LAYOUT_CELLS = ['communication.tp', 'communication.pp', 'communication.ep', 'communication.cp'] as const;

const at = (v: Readonly<Record<string, Plain>>, id: string, fallback = 1): number => (typeof v[id] === 'number' ? v[id] : fallback);

/**
 * The §11.4 space: t | g powers of two; p ≤ min(L, N/t) powers of two; dp = N/(t·p) integral;
 * e | dp and e | E; in training also b powers of two with dp·b ≤ B_g. `fixed` pins cells.
 */
export function parallelismSpace(graph: LiveGraph, fixed: Readonly<Record<string, Plain>> = {}): LayoutSpace {
  const g = numberAt(graph, 'communication.gpus_per_node') ?? 1;
  const nodes = numberAt(graph, 'communication.num_nodes') ?? 1;
  const n = g * nodes;
  const layers = numberAt(graph, 'workload.layers') ?? 1;
  const training = graph.has('communication.microbatch_size');
  const batch = numberAt(graph, 'communication.global_batch_size') ?? 1;
  const experts = graph.has('workload.experts') ? numberAt(graph, 'workload.experts') : undefined;
  const axis = (input: string, values: readonly number[]): SearchAxis => ({ input, values: input in fixed ? [fixed[input]] : values });
  const axes: SearchAxis[] = [
    axis('communication.tp', powersOfTwo(g).filter((t) => g % t === 0)),
    axis('communication.pp', powersOfTwo(Math.min(layers, n))),
    axis('communication.ep', experts && experts > 1 ? powersOfTwo(experts).filter((e) => experts % e === 0) : [1]),
    ...(training ? [axis('communication.microbatch_size', powersOfTwo(batch))] : []),
  ];
  const prefilter = (v: Readonly<Record<string, Plain>>): boolean => {
    const t = at(v, 'communication.tp');
    const p = at(v, 'communication.pp');
    const e = at(v, 'communication.ep');
    if (n % (t * p) !== 0 || p > n / t) return false;
    const dp = n / (t * p);
    if (dp % e !== 0) return false;
    return !training || dp * at(v, 'communication.microbatch_size') <= Math.max(batch, dp);
  };
  return { axes: axes.filter((a) => graph.has(a.input)), prefilter };
}
