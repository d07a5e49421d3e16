/**
 * The full training layout search (training-layouts.ts, training-search.ts): its candidates
 * from the rules written out here by hand, its answer against an exhaustive evaluation of the
 * same candidates without pruning, and its properties (a feasible layout is returned whenever
 * one exists; devices = t·p·c·dp).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LiveGraph, withScratchInputs, writeScratch } from '../../../src/graph/index.js';
import { buildScenario, type Scenario } from '../../../src/scenario/index.js';
import {
  divisors, layoutFacts, microbatchSizes, scheduleAllows, searchedCells, TRAINING_LAYOUT_CELLS, layoutStructures,
} from '../../../src/scenario/optimize/training-layouts.js';
import { type Kept, rankLayouts, searchTrainingLayouts } from '../../../src/scenario/optimize/training-search.js';

const numAt = (g: LiveGraph, id: string): number | undefined => {
  const v = g.get(id);
  return v.ok && typeof v.value === 'number' ? v.value : undefined;
};

const scenario = (model: string, nodes: number, perNode: number, gbs: number, seq?: number): Scenario => ({
  model, hardware: 'H100', system: { node_count: nodes, accelerators_per_node: perNode }, mode: 'training', layout: 'given',
  overrides: { 'communication.global_batch_size': gbs, ...(seq ? { 'communication.seq_len': seq } : {}) },
});

/** Every candidate evaluated, no pruning: the best feasible by the search's own ranking, or undefined. */
function exhaustive(g: LiveGraph): { best?: Kept; feasible: number } {
  const f = layoutFacts(g);
  const kept: Kept[] = [];
  withScratchInputs(g, [...TRAINING_LAYOUT_CELLS], () => {
    for (const s of layoutStructures(f, searchedCells([]), {})) {
      for (const z of s.zeroStages) {
        for (const b of s.microbatchSizes) {
          if (!scheduleAllows(s, b, f.globalBatch)) continue;
          const values = {
            'communication.tp': s.tp, 'communication.pp': s.pp, 'communication.ep': s.ep, 'communication.microbatch_size': b,
            'communication.cp': s.cp, 'communication.virtual_stages': s.virtualStages, 'communication.zero_stage': z,
          };
          writeScratch(g, values);
          const fits = g.get('communication.train_feasible');
          const mfu = numAt(g, 'communication.fleet_mfu');
          const memory = numAt(g, 'communication.train_memory');
          if (fits.ok && fits.value === true && mfu !== undefined && memory !== undefined) kept.push({ values, mfu, memory });
        }
      }
    }
  });
  return { best: kept.sort(rankLayouts)[0], feasible: kept.length };
}

describe('candidate layouts', () => {
  it('divisors, ascending: 96 → 1 2 3 4 6 8 12 16 24 32 48 96; 61 (prime) → 1 61', () => {
    expect(divisors(96)).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 96]);
    expect(divisors(61)).toEqual([1, 61]);
    expect(divisors(1)).toEqual([1]);
  });

  it('pipeline degrees are every divisor of N/t up to L, not only powers of two (12 nodes × 8, Llama-3-70B, L = 80)', () => {
    const g = buildScenario(scenario('Llama3_70B', 12, 8, 96)).graph;
    const f = layoutFacts(g);
    expect(f).toMatchObject({ devices: 96, gpusPerNode: 8, layers: 80, heads: 64, experts: null, globalBatch: 96, seqLen: 2048 });
    const s = layoutStructures(f, searchedCells([]), {});
    const pps = (t: number) => [...new Set(s.filter((x) => x.tp === t && x.cp === 1).map((x) => x.pp))];
    expect(pps(8)).toEqual([1, 2, 3, 4, 6, 12]); // divisors of 96/8 = 12
    expect(pps(1)).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48]); // divisors of 96 up to L = 80
    // tp divides g = 8 (and H = 64); interleaving v: every divisor ≥ 2 of L/p when p | L (p = 4: L/p = 20).
    expect([...new Set(s.map((x) => x.tp))]).toEqual([1, 2, 4, 8]);
    expect([...new Set(s.filter((x) => x.tp === 8 && x.pp === 4 && x.cp === 1).map((x) => x.virtualStages))]).toEqual([1, 2, 4, 5, 10, 20]);
    expect(s.filter((x) => x.pp === 3).every((x) => x.virtualStages === 1)).toBe(true); // 3 ∤ 80
    // cp: divisors of N/(t·p) with S divisible by 2c and ≥ 2c·128 tokens: S = 2048 allows c ≤ 8.
    expect([...new Set(s.filter((x) => x.tp === 1 && x.pp === 1).map((x) => x.cp))]).toEqual([1, 2, 3, 4, 6, 8].filter((c) => c === 1 || 2048 % (2 * c) === 0));
    // Every structure is a whole split of the fleet: devices = t·p·c·dp.
    for (const x of s) expect(x.tp * x.pp * x.cp * x.dp).toBe(96);
  });

  it('experts: e divides dp and E (DeepSeek-V3, E = 256, on 2 × 8 GPUs)', () => {
    const g = buildScenario(scenario('DeepSeek_V3', 2, 8, 64)).graph;
    const s = layoutStructures(layoutFacts(g), searchedCells([]), {});
    const one = s.filter((x) => x.tp === 1 && x.pp === 1 && x.cp === 1);
    expect(one.map((x) => x.ep)).toEqual([1, 2, 4, 8, 16]); // dp = 16
    expect(s.every((x) => x.dp % x.ep === 0 && 256 % x.ep === 0)).toBe(true);
  });

  it('microbatch sizes: powers of two with dp·b ≤ B_g (1 when dp ≥ B_g); ZeRO stages 0–3', () => {
    expect(microbatchSizes(96, 8)).toEqual([1, 2, 4, 8]);
    expect(microbatchSizes(32, 64)).toEqual([1]);
    const g = buildScenario(scenario('Llama3_8B', 1, 8, 32)).graph;
    expect(layoutStructures(layoutFacts(g), searchedCells([]), {})[0].zeroStages).toEqual([0, 1, 2, 3]);
  });

  it('a held cell is one value; v follows a held pp and cp a held tp unless set themselves', () => {
    expect(searchedCells(['communication.zero_stage'])).toEqual(TRAINING_LAYOUT_CELLS.filter((c) => c !== 'communication.zero_stage'));
    expect(searchedCells(['communication.tp', 'communication.pp'])).toEqual([
      'communication.ep', 'communication.microbatch_size', 'communication.zero_stage',
    ]);
    const g = buildScenario(scenario('Llama3_70B', 12, 8, 96)).graph;
    const held = { 'communication.tp': 8, 'communication.pp': 4, 'communication.cp': 1, 'communication.virtual_stages': 1 };
    const s = layoutStructures(layoutFacts(g), searchedCells(['communication.tp', 'communication.pp']), held);
    expect(s.map((x) => [x.tp, x.pp, x.cp, x.virtualStages])).toEqual([[8, 4, 1, 1]]);
  });

  it('the interleaved schedule needs m to be a multiple of p', () => {
    const s = { tp: 1, pp: 4, cp: 1, ep: 1, virtualStages: 2, dp: 2, zeroStages: [0], microbatchSizes: [1] };
    expect(scheduleAllows(s, 1, 16)).toBe(true); // m = 8
    expect(scheduleAllows(s, 4, 16)).toBe(false); // m = 2
    expect(scheduleAllows({ ...s, virtualStages: 1 }, 4, 16)).toBe(true);
  });
});

describe('searchTrainingLayouts', () => {
  it('agrees with an exhaustive evaluation of the same candidates (Llama-3-70B on 2 × 8 H100, B_g = 64)', () => {
    const g = buildScenario(scenario('Llama3_70B', 2, 8, 64)).graph;
    const want = exhaustive(g);
    const r = searchTrainingLayouts(g);
    expect(want.best).toBeDefined();
    expect(r.best!.values).toEqual(want.best!.values);
    expect(r.best!.objective).toBe(want.best!.mfu);
    expect(r.feasible).toBe(want.feasible); // memory pruning drops no layout that fits
    expect(r.best!.metrics['communication.train_feasible']).toBe(true);
    expect(r.searched).toEqual([...TRAINING_LAYOUT_CELLS]);
    // The live graph is left as it was.
    expect(g.value('communication.tp')).toBe(1);
  });

  it('ranks by MFU, then the smaller memory per GPU, then the simpler layout', () => {
    const base = {
      'communication.tp': 1, 'communication.pp': 1, 'communication.ep': 1, 'communication.microbatch_size': 1,
      'communication.cp': 1, 'communication.virtual_stages': 1, 'communication.zero_stage': 0,
    };
    const a: Kept = { values: { ...base, 'communication.tp': 2 }, mfu: 0.4, memory: 10 };
    const b: Kept = { values: { ...base }, mfu: 0.4, memory: 20 };
    const c: Kept = { values: { ...base, 'communication.zero_stage': 1 }, mfu: 0.4, memory: 20 };
    const d: Kept = { values: { ...base, 'communication.tp': 8 }, mfu: 0.5, memory: 70 };
    expect([b, c, a, d].sort(rankLayouts)).toEqual([d, a, b, c]);
  });

  it('at equal MFU the smaller context-parallel ring wins before memory: cp = 2 halves the activations but buys no MFU', () => {
    const base = {
      'communication.tp': 1, 'communication.pp': 1, 'communication.ep': 1, 'communication.microbatch_size': 1,
      'communication.cp': 1, 'communication.virtual_stages': 1, 'communication.zero_stage': 0,
    };
    const ring: Kept = { values: { ...base, 'communication.cp': 2 }, mfu: 0.4, memory: 10 };
    const plain: Kept = { values: { ...base }, mfu: 0.4, memory: 20 };
    const faster: Kept = { values: { ...base, 'communication.cp': 4 }, mfu: 0.41, memory: 5 };
    expect([ring, plain, faster].sort(rankLayouts)).toEqual([faster, plain, ring]);
  });

  it('property: never an infeasible layout while one fits; the best is what brute force finds', () => {
    const cases = fc.tuple(fc.constantFrom('Llama3_8B', 'Llama3_70B', 'Mixtral_8x7B'), fc.constantFrom(1, 2, 3), fc.constantFrom(4, 8), fc.constantFrom(8, 32, 128));
    fc.assert(fc.property(cases, ([model, nodes, perNode, gbs]) => {
      const g = buildScenario(scenario(model, nodes, perNode, gbs)).graph;
      const want = exhaustive(g);
      const r = searchTrainingLayouts(g);
      if (!want.best) return r.feasible === 0 && (r.best === undefined || r.best.metrics['communication.train_feasible'] !== true);
      return r.best!.metrics['communication.train_feasible'] === true && r.best!.objective === want.best.mfu;
    }), { numRuns: 8 });
  });

  it('when nothing fits it shows the layout with the smallest memory per GPU, marked infeasible', () => {
    const g = buildScenario(scenario('Llama3_405B', 1, 2, 8)).graph;
    const r = searchTrainingLayouts(g);
    expect(r.feasible).toBe(0);
    expect(r.message).toMatch(/no layout fits in memory/);
    expect(r.best!.metrics['communication.train_feasible']).toBe(false);
    // The least memory over every candidate, evaluated one by one.
    const f = layoutFacts(g);
    let least = Infinity;
    withScratchInputs(g, [...TRAINING_LAYOUT_CELLS], () => {
      for (const x of layoutStructures(f, searchedCells([]), {})) {
        for (const z of x.zeroStages) {
          for (const b of x.microbatchSizes) {
            if (!scheduleAllows(x, b, f.globalBatch)) continue;
            writeScratch(g, {
              'communication.tp': x.tp, 'communication.pp': x.pp, 'communication.ep': x.ep, 'communication.microbatch_size': b,
              'communication.cp': x.cp, 'communication.virtual_stages': x.virtualStages, 'communication.zero_stage': z,
            });
            least = Math.min(least, numAt(g, 'communication.train_memory') ?? Infinity);
          }
        }
      }
    });
    expect(r.best!.metrics['communication.train_memory']).toBe(least);
  });

  it('held cells stay as set: zero_stage = 1 on the example cluster (8 × 8 H100, Llama-3-70B, B_g = 4096) still fits', () => {
    const s: Scenario = { ...scenario('Llama3_70B', 8, 8, 4096), overrides: { 'communication.global_batch_size': 4096 } };
    const g = buildScenario(s).graph;
    const r = searchTrainingLayouts(g, { fixed: { 'communication.zero_stage': 1 } });
    expect(r.best!.values['communication.zero_stage']).toBe(1);
    expect(r.searched).not.toContain('communication.zero_stage');
    expect(r.best!.metrics['communication.train_feasible']).toBe(true);
    expect(r.best!.metrics['communication.train_memory'] as number).toBeLessThanOrEqual(80e9);
  });
});
