/**
 * Parallelism search (physics.md §11.4 "optimize parallelism"), in every mode, over the one
 * candidate generator of training-layouts.ts:
 *
 *   training   the full layout search of training-search.ts (t × p × c × e × v × ZeRO × b,
 *              pruned by memory before timing): keep layouts whose training memory fits (§8.6),
 *              maximise fleet MFU; ties go to the smaller memory per GPU, then the simpler layout;
 *   inference  keep layouts whose memory fits (wall 2), minimise the decode step of a replica
 *              (the latency eval reports); ties go to fewer devices per replica, then the smaller c;
 *   serving    keep layouts that serve at all (walls 4–5 feasible) and meet the SLO (ttft,
 *              itl and p99 targets when set), maximise the fleet's token throughput at
 *              capacity; when none meets the SLO, the best that fits is shown with a note.
 *
 * When no layout fits, the one with the smallest per-GPU memory is reported as infeasible.
 */
import type { LiveGraph, Plain } from '../../graph/index.js';
import { searchReplicaLayouts } from './replica-search.js';
import { searchTrainingLayouts } from './training-search.js';
import type { OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';

type Goal = 'training' | 'inference' | 'serving';

/** What the replica search of a mode looks for (replica-search.ts runs it). */
export interface GoalSpec {
  readonly objective: { readonly name: string; readonly sense: 'min' | 'max'; readonly unit: string };
  /** The per-GPU memory minimised when nothing fits. */
  readonly memory: string;
  readonly report: readonly string[];
  /** The memory check (and, for serving, the SLO) a kept candidate passes. */
  readonly fits: (graph: LiveGraph) => boolean;
  readonly meetsTarget?: (graph: LiveGraph) => boolean;
  /** Between candidates with the same objective. */
  readonly tieBreak: (a: OptimizeCandidate, b: OptimizeCandidate) => number;
}

const isTrue = (g: LiveGraph, id: string): boolean => {
  const v = g.get(id);
  return v.ok && v.value === true;
};
const notFailing = (g: LiveGraph, id: string): boolean => {
  if (!g.has(id)) return true;
  const v = g.get(id);
  return v.ok && v.value !== 'FAIL';
};
const valueOf = (c: OptimizeCandidate, id: string): number => (typeof c.values[id] === 'number' ? c.values[id] : 1);
const LAYOUT_REPORT = ['communication.replicas', 'communication.devices_per_replica'];
/** Fewer devices per replica (t·p·c), then the smaller ring c: a ring whose gain the model cannot see is not taken (replica-search.ts). */
const simpler = (a: OptimizeCandidate, b: OptimizeCandidate): number => {
  const devices = (c: OptimizeCandidate) => valueOf(c, 'communication.tp') * valueOf(c, 'communication.pp') * valueOf(c, 'communication.cp');
  return devices(a) - devices(b) || valueOf(a, 'communication.cp') - valueOf(b, 'communication.cp');
};

/** Outside training; training has its own search (training-search.ts). */
const GOALS: Record<Exclude<Goal, 'training'>, GoalSpec> = {
  inference: {
    objective: { name: 'communication.decode_step_time', sense: 'min', unit: 's' },
    memory: 'memory.memory_footprint',
    report: ['communication.decode_step_time', 'communication.fleet_throughput', 'memory.memory_footprint', ...LAYOUT_REPORT, 'memory.feasible'],
    fits: (g) => isTrue(g, 'memory.feasible'),
    tieBreak: simpler,
  },
  serving: {
    objective: { name: 'communication.fleet_throughput', sense: 'max', unit: 'tokens/s' },
    memory: 'serving.memory_required',
    report: [
      'communication.fleet_throughput', 'serving.itl', 'serving.ttft', 'batching.max_active_requests', 'serving.memory_required',
      ...LAYOUT_REPORT, 'serving.serving_feasible',
    ],
    fits: (g) => isTrue(g, 'serving.serving_feasible') && isTrue(g, 'batching.batching_feasible'),
    meetsTarget: (g) => notFailing(g, 'serving.status') && notFailing(g, 'tail_latency.status'),
    tieBreak: (a, b) => {
      const itl = (c: OptimizeCandidate) => (typeof c.metrics['serving.itl'] === 'number' ? c.metrics['serving.itl'] : Infinity);
      return itl(a) - itl(b) || simpler(a, b);
    },
  },
};

/** What the scenario's graph is searched for: training, or a model split over devices in inference or serving. */
function goalOf(graph: LiveGraph): Goal | undefined {
  if (graph.has('communication.fleet_mfu') && graph.has('communication.train_feasible')) return 'training';
  if (!graph.has('communication.decode_step_time')) return undefined;
  return graph.value('scenario.mode') === 'serving' ? 'serving' : 'inference';
}

export interface ParallelismOptions extends OptimizeProgress {
  /** Layout cells held at these values (the user set them); the rest are searched. */
  readonly fixed?: Readonly<Record<string, Plain>>;
}

export function optimizeParallelism(graph: LiveGraph, o: ParallelismOptions = {}): OptimizeResult {
  const goal = goalOf(graph);
  if (!goal) {
    const objective = { name: 'communication.fleet_mfu', sense: 'max' as const, unit: 'fraction' };
    return {
      kind: 'parallelism', objective, top: [], total: 0, tried: 0, feasible: 0,
      message: 'parallelism search needs a training scenario, or an LM on more than one device (a node, a cluster or --gpus N)',
    };
  }
  if (goal === 'training') return searchTrainingLayouts(graph, { fixed: o.fixed, topK: o.topK, onProgress: o.onProgress });
  return searchReplicaLayouts(graph, GOALS[goal], o);
}
