/**
 * #5 The full training layout search (src/scenario/optimize/training-search.ts): tp × pp (every
 * divisor) × cp × ep × interleaving × ZeRO 0–3 × microbatch, pruned by memory before timing, for
 * 8,192 GPUs (Frontier_8K, target ≤ 1 s) and 100,000 GPUs (Mega_100K, target ≤ 5 s), for the
 * models and global batches with the largest spaces. Baseline: one full evaluation of the same
 * scenario (new graph, every cell read) in the same run; the ratio is printed.
 */
import { readAll } from './edit.js';
import { G, S } from './lib.js';
import { type Figure, fmtMs, fmtX, heading, keep, report, reps, timeMs } from './util.js';

type Mode = 'training' | 'inference' | 'serving';
const CASES: { system: string; model: string; mode: Mode; gbs?: number; targetMs: number }[] = [
  { system: 'Frontier_8K', model: 'Llama3_70B', mode: 'training', gbs: 1024, targetMs: 1000 },
  { system: 'Frontier_8K', model: 'GPT4', mode: 'training', gbs: 16384, targetMs: 1000 },
  { system: 'Frontier_8K', model: 'DeepSeek_V3', mode: 'training', gbs: 16384, targetMs: 1000 },
  { system: 'Mega_100K', model: 'Llama3_70B', mode: 'training', gbs: 16384, targetMs: 5000 },
  { system: 'Mega_100K', model: 'DeepSeek_V3', mode: 'training', gbs: 16384, targetMs: 5000 },
  { system: 'Frontier_8K', model: 'DeepSeek_V3', mode: 'serving', targetMs: 1000 },
  { system: 'Frontier_8K', model: 'Llama3_70B', mode: 'inference', targetMs: 1000 },
  { system: 'Mega_100K', model: 'DeepSeek_V3', mode: 'serving', targetMs: 5000 },
  { system: 'Mega_100K', model: 'Llama3_70B', mode: 'inference', targetMs: 5000 },
];

export function benchSearch(): Figure[] {
  heading('#5 Full layout search (training, inference, serving): 8,192 GPUs (Frontier_8K) ≤ 1 s, 100,000 GPUs (Mega_100K) ≤ 5 s');
  const figures: Figure[] = [];
  for (const c of CASES) {
    const built = S.buildScenario({
      model: c.model, hardware: 'H100', system: c.system, mode: c.mode, layout: 'given',
      overrides: c.gbs === undefined ? {} : { 'communication.global_batch_size': c.gbs },
    });
    const g = built.graph;
    let last: ReturnType<typeof S.optimizeParallelism> | undefined;
    const search = timeMs(() => (last = S.optimizeParallelism(g)), reps(5, 1), 1);
    const scratch = timeMs(() => keep(readAll(new G.LiveGraph(built.defs), g.topology.ids)), reps(15, 3), 2);
    const r = last!;
    const best = r.best ? Object.entries(r.best.values).map(([k, v]) => `${k.replace('communication.', '')}=${String(v)}`).join(' ') : 'none';
    const what = c.mode === 'training' ? `B_g ${c.gbs}` : c.mode;
    const how = c.mode === 'training' ? 'evaluated (memory first)' : 'evaluated';
    console.log(`      ${c.system} ${c.model}, ${what}: ${r.total} candidates, ${r.tried} ${how}, ${r.feasible} fit; best ${best}`);
    figures.push(report({
      name: `${c.system} ${c.model} ${c.mode} search ≤ ${c.targetMs / 1000} s`,
      measured: fmtMs(search),
      baseline: `one full evaluation ${fmtMs(scratch)}`,
      ratio: `${fmtX(search / scratch)} a full evaluation (${fmtMs(search / Math.max(1, r.tried))} per layout evaluated)`,
      target: `≤ ${c.targetMs / 1000} s`,
      met: search <= c.targetMs,
    }));
  }
  return figures;
}
