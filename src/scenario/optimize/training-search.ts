/**
 * The full training layout search (physics.md §11.4, widened): every candidate of
 * training-layouts.ts, pruned by memory before timing — each candidate's training memory
 * (§8.6, a small cone of the graph) is read first, and only a layout that fits is timed
 * (its fleet MFU, the whole step). The best fleet MFU wins; ties go to the smaller c, then the
 * smaller per-GPU memory, then the smaller t·p, the smaller t, e, v, z and b. A layout that does not fit is
 * never returned while one that fits exists; when none fits, the layout with the smallest
 * per-GPU memory is reported, marked infeasible.
 *
 * Evaluated on scratch values (the live graph is left as it was). Structures are written once
 * and z, b vary inside them, so most candidates recompute only the cones of those two inputs.
 */
import { type LiveGraph, type Plain, withScratchInputs, writeScratch } from '../../graph/index.js';
import { numberAt, readMetrics } from './metrics.js';
import {
  layoutFacts, scheduleAllows, searchedCells, type Structure, TRAINING_LAYOUT_CELLS, type TrainingLayoutCell, layoutStructures,
} from './training-layouts.js';
import type { OptimizeCandidate, OptimizeResult } from './types.js';

export const TRAINING_REPORT = [
  'communication.fleet_mfu', 'communication.fleet_throughput', 'communication.step_latency', 'communication.train_memory',
  'communication.dp', 'communication.num_microbatches', 'communication.train_feasible',
];

export interface TrainingSearchOptions {
  /** Layout cells held at these values (the user set them); the rest are searched (training-layouts.ts). */
  readonly fixed?: Readonly<Record<string, Plain>>;
  readonly topK?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface TrainingSearchResult extends OptimizeResult {
  /** The layout cells the search varied (the others were held). */
  readonly searched: readonly TrainingLayoutCell[];
}

/** A layout that was evaluated: its cells, fleet MFU and training memory per GPU. */
export interface Kept {
  readonly values: Record<TrainingLayoutCell, number>;
  readonly mfu: number;
  readonly memory: number;
}

const OBJECTIVE = { name: 'communication.fleet_mfu', sense: 'max' as const, unit: 'fraction' };

function layoutValues(s: Structure, z: number, b: number): Record<TrainingLayoutCell, number> {
  return {
    'communication.tp': s.tp, 'communication.pp': s.pp, 'communication.ep': s.ep, 'communication.microbatch_size': b,
    'communication.cp': s.cp, 'communication.virtual_stages': s.virtualStages, 'communication.zero_stage': z,
  };
}

/**
 * Best first: MFU, then the smaller context-parallel degree c, then the smaller memory per GPU,
 * then the simpler layout (t·p, t, c, e, v, z, b). The smaller c comes before memory because c
 * always lowers the activations per GPU: at equal MFU a ring would win on memory alone while
 * its traffic — hidden in the model, but sharing the links and the SMs with the attention
 * (Megatron-Core runs its CP transfers as kernels beside the attention) — buys nothing the
 * model can show. A ring that a fit needs is still taken: only layouts that fit are ranked.
 */
export function rankLayouts(a: Kept, b: Kept): number {
  if (a.mfu !== b.mfu) return b.mfu - a.mfu;
  const v = (k: Kept, id: TrainingLayoutCell) => k.values[id];
  if (v(a, 'communication.cp') !== v(b, 'communication.cp')) return v(a, 'communication.cp') - v(b, 'communication.cp');
  if (a.memory !== b.memory) return a.memory - b.memory;
  const order: ((k: Kept) => number)[] = [
    (k) => v(k, 'communication.tp') * v(k, 'communication.pp'), (k) => v(k, 'communication.tp'), (k) => v(k, 'communication.cp'),
    (k) => v(k, 'communication.ep'), (k) => v(k, 'communication.virtual_stages'), (k) => v(k, 'communication.zero_stage'),
    (k) => v(k, 'communication.microbatch_size'),
  ];
  for (const key of order) if (key(a) !== key(b)) return key(a) - key(b);
  return 0;
}

/** Only the layout cells this graph has (a non-LM graph has them all in training; the guard keeps the search honest). */
const cellsOf = (graph: LiveGraph) => TRAINING_LAYOUT_CELLS.filter((id) => graph.has(id));

export function searchTrainingLayouts(graph: LiveGraph, o: TrainingSearchOptions = {}): TrainingSearchResult {
  const fixed = o.fixed ?? {};
  const cells = cellsOf(graph);
  const searched = searchedCells(Object.keys(fixed)).filter((id) => cells.includes(id));
  const current: Record<string, Plain> = Object.fromEntries(cells.map((id) => [id, graph.value(id) ?? null]));
  const facts = layoutFacts(graph);
  const structures = layoutStructures(facts, searched, { ...current, ...fixed });
  const total = structures.reduce((sum, s) => sum + s.zeroStages.length * s.microbatchSizes.length, 0);
  const kept: Kept[] = [];
  let least: Kept | undefined;
  let tried = 0;
  let done = 0;
  withScratchInputs(graph, cells, () => {
    for (const s of structures) {
      for (const z of s.zeroStages) {
        for (const b of s.microbatchSizes) {
          done++;
          if (o.onProgress && done % 1000 === 0) o.onProgress(done, total);
          if (!scheduleAllows(s, b, facts.globalBatch)) continue;
          const values = layoutValues(s, z, b);
          writeScratch(graph, values);
          tried++;
          // Memory first: the §8.6 cone is small; only a layout that fits is timed.
          const memory = numberAt(graph, 'communication.train_memory');
          if (memory === undefined) continue;
          const fits = graph.get('communication.train_feasible');
          if (!fits.ok || fits.value !== true) {
            if (!least || memory < least.memory) least = { values, mfu: 0, memory };
            // Memory never falls as b doubles (training-layouts.ts): the larger b do not fit either.
            break;
          }
          const mfu = numberAt(graph, 'communication.fleet_mfu');
          if (mfu !== undefined) kept.push({ values, mfu, memory });
        }
      }
    }
  });
  if (o.onProgress && done % 1000 !== 0) o.onProgress(done, total);
  const counts = { total, tried, feasible: kept.length, searched };
  const top = kept.sort(rankLayouts).slice(0, o.topK ?? 5);
  if (top.length) {
    const candidates = report(graph, cells, top);
    return { kind: 'parallelism', objective: OBJECTIVE, best: candidates[0], top: candidates, ...counts };
  }
  if (!least) return { kind: 'parallelism', objective: OBJECTIVE, top: [], ...counts, message: 'no layout could be evaluated' };
  const [fallback] = report(graph, cells, [least]);
  return {
    kind: 'parallelism', objective: OBJECTIVE, best: fallback, top: [fallback], ...counts,
    message: 'no layout fits in memory; showing the layout with the smallest per-GPU memory (infeasible)',
  };
}

/** The report metrics of a few chosen layouts, read by evaluating each once more. */
function report(graph: LiveGraph, cells: readonly string[], chosen: readonly Kept[]): OptimizeCandidate[] {
  return withScratchInputs(graph, cells, () => chosen.map((k) => {
    writeScratch(graph, k.values);
    const metrics = readMetrics(graph, TRAINING_REPORT);
    const mfu = metrics['communication.fleet_mfu'];
    return { values: { ...k.values }, objective: typeof mfu === 'number' ? mfu : k.mfu, metrics };
  }));
}
