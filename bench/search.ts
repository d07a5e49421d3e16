/**
 * #5 Parallelism search for 8,192 GPUs (Frontier_8K) over TP × PP × EP × microbatch size (DP
 * follows from N/(t·p)), for the models and global batches with the largest spaces.
 * Baseline: one full evaluation of the same scenario (new graph, every cell read) in the same run.
 */
import { readAll } from './edit.js';
import { G, S } from './lib.js';
import { type Figure, fmtMs, fmtX, heading, keep, median, report, reps, timeMs } from './util.js';

const CASES = [
  { model: 'Llama3_70B', gbs: 1024 },
  { model: 'GPT4', gbs: 16384 },
  { model: 'DeepSeek_V3', gbs: 16384 },
];

export function benchSearch(): Figure[] {
  heading('#5 Parallelism search, 8,192 GPUs (Frontier_8K, H100)');
  const figures: Figure[] = [];
  for (const c of CASES) {
    const built = S.buildScenario({
      model: c.model, hardware: 'H100', system: 'Frontier_8K', mode: 'training', layout: 'given',
      overrides: { 'communication.global_batch_size': c.gbs },
    });
    const g = built.graph;
    let last: ReturnType<typeof S.optimizeParallelism> | undefined;
    const search = timeMs(() => (last = S.optimizeParallelism(g)), reps(7, 2), 1);
    const scratch = timeMs(() => keep(readAll(new G.LiveGraph(built.defs), g.topology.ids)), reps(15, 3), 2);
    const r = last!;
    const best = r.best ? Object.values(r.best.values).join('×') : 'none';
    console.log(`      ${c.model}, global batch ${c.gbs}: ${r.total} layouts, ${r.tried} evaluated, ${r.feasible} feasible; best t×p×e×b = ${best}`);
    figures.push(report({
      name: `${c.model} search ≤ 1 s`,
      measured: fmtMs(search),
      baseline: `one full evaluation ${fmtMs(scratch)}`,
      ratio: `${fmtX(search / scratch)} a full evaluation (${fmtMs(search / Math.max(1, r.tried))} per layout tried)`,
      target: '≤ 1 s',
      met: search <= 1000,
    }));
  }
  keep(median([0]));
  return figures;
}
