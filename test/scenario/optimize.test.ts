/**
 * The §11.4 optimizers on small spaces against brute force written here from the spec's
 * rules, and the Pareto front of a two-objective grid search.
 */
import { describe, expect, it } from 'vitest';
import { type Candidate, gridSearch, type LiveGraph, type Plain } from '../../src/graph/index.js';
import { registry } from '../../src/registry/index.js';
import { buildScenario, optimizeBatching, optimizeParallelism, optimizePlacement, type Scenario } from '../../src/scenario/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js';

const numAt = (g: LiveGraph, id: string): number | undefined => {
  const v = g.get(id);
  return v.ok && typeof v.value === 'number' ? v.value : undefined;
};

describe('optimizeParallelism agrees with brute force (Llama3_8B, 2 nodes × 8 H100, B_g = 32)', () => {
  const s: Scenario = {
    // One NIC per node as written; unset, the fleet takes DGX_H100's 8 (and the best layout moves).
    model: 'Llama3_8B', hardware: 'H100', system: { node_count: 2, accelerators_per_node: 8, nics_per_node: 1 }, mode: 'training', layout: 'given',
    overrides: { ...FIRST_BUILD_DEFAULTS, 'communication.global_batch_size': 32 }, // first-build η pinned (issue 19)
  };
  it('max fleet MFU among train_feasible layouts of the full space; ties to less memory, then the simpler layout', () => {
    const g = buildScenario(s).graph;
    const N = 16;
    const L = 32;
    const S = 2048;
    const divides = (d: number, n: number) => n % d === 0;
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    type Found = { t: number; p: number; c: number; v: number; z: number; b: number; mfu: number; memory: number };
    const found: Found[] = [];
    // The widened §11.4 space, written out: t | g = 8 (and H = 32); p | N/t, p ≤ L; c | N/(t·p) with
    // 2c | S and S ≥ 2c·128; e = 1 (dense); v = 1, or v ≥ 2 dividing L/p when p > 1 divides L
    // (interleaving then needs m mod p = 0); z = 0…3; b powers of two with dp·b ≤ B_g.
    for (const t of upTo(8).filter((x) => divides(x, 8) && divides(x, 32))) {
      for (const p of upTo(L).filter((x) => divides(x, N / t))) {
        for (const c of upTo(N / (t * p)).filter((x) => divides(x, N / (t * p)) && (x === 1 || (divides(2 * x, S) && S >= 256 * x)))) {
          const dp = N / (t * p * c);
          const vs = [1, ...(p > 1 && divides(p, L) ? upTo(L / p).filter((x) => x >= 2 && divides(x, L / p)) : [])];
          for (const v of vs) {
            for (const z of [0, 1, 2, 3]) {
              for (let b = 1; b === 1 || dp * b <= 32; b *= 2) {
                if (v > 1 && Math.ceil(32 / (dp * b)) % p !== 0) continue;
                g.setMany({
                  'communication.tp': t, 'communication.pp': p, 'communication.cp': c, 'communication.virtual_stages': v,
                  'communication.zero_stage': z, 'communication.microbatch_size': b,
                });
                const feasible = g.get('communication.train_feasible');
                const mfu = numAt(g, 'communication.fleet_mfu');
                const memory = numAt(g, 'communication.train_memory');
                if (feasible.ok && feasible.value === true && mfu !== undefined && memory !== undefined) found.push({ t, p, c, v, z, b, mfu, memory });
              }
            }
          }
        }
      }
    }
    found.sort((x, y) => y.mfu - x.mfu || x.memory - y.memory || x.t * x.p - y.t * y.p || x.t - y.t || x.c - y.c || x.v - y.v || x.z - y.z || x.b - y.b);
    const want = found[0];
    expect(found.length).toBeGreaterThan(1);

    const r = optimizeParallelism(buildScenario(s).graph, { topK: 5 });
    expect(r.feasible).toBe(found.length);
    expect(r.best!.values).toEqual({
      'communication.tp': want.t, 'communication.pp': want.p, 'communication.ep': 1, 'communication.microbatch_size': want.b,
      'communication.cp': want.c, 'communication.virtual_stages': want.v, 'communication.zero_stage': want.z,
    });
    expect(r.best!.objective).toBe(want.mfu);
    expect(r.best!.metrics['communication.train_feasible']).toBe(true);
    expect(r.top.map((c) => c.objective)).toEqual(found.slice(0, r.top.length).map((f) => f.mfu));
  });
});

describe('optimizePlacement agrees with brute force over every catalogue grid', () => {
  const s: Scenario = {
    model: 'Llama3_8B', hardware: 'H100', system: { node_count: 1, accelerators_per_node: 8 }, ops: { duration_days: 30 },
    overrides: { 'communication.tp': 8 },
  };
  for (const tax of [0, 200]) {
    it(`minimises tco_usd + carbon[t] × ${tax} USD/t`, () => {
      const g = buildScenario(s).graph;
      const J_PER_KWH = 3.6e6; // §1.1
      const scores: [string, number][] = [];
      for (const grid of registry().list('grid')) {
        g.setMany({
          'infra.carbon_intensity': grid.carbon_intensity_g_per_kwh / J_PER_KWH,
          'infra.pue': grid.pue ?? 1.12,
          'infra.wue': (grid.wue_l_per_kwh ?? 1.8) / J_PER_KWH,
          'infra.electricity_price': grid.electricity_price_usd_per_kwh === undefined ? null : grid.electricity_price_usd_per_kwh / J_PER_KWH,
        });
        // The same numbers as a scenario built in that region.
        const there = buildScenario({ ...s, region: grid.id }).graph;
        expect(numAt(g, 'capital.tco_usd'), grid.id).toBeCloseTo(numAt(there, 'capital.tco_usd')!, 6);
        scores.push([grid.id, numAt(g, 'capital.tco_usd')! + (numAt(g, 'sustainability.carbon_footprint')! / 1e6) * tax]);
      }
      scores.sort((a, b) => a[1] - b[1]);
      const r = optimizePlacement(buildScenario(s).graph, { carbonTax: tax, topK: 3 });
      expect(r.best!.values).toEqual({ region: scores[0][0] });
      expect(r.best!.objective).toBeCloseTo(scores[0][1], 6);
      expect(r.top.map((c) => c.values.region)).toEqual(scores.slice(0, 3).map((x) => x[0]));
      expect(r.feasible).toBe(scores.length);
    });
  }
});

describe('optimizeBatching agrees with brute force over b = 1…256 (Llama3_8B serving on one H100)', () => {
  it('the largest b with wall 4 memory feasible and a stable queue (c = N·b) with p99 ≤ SLA', () => {
    const qps = 5;
    const slaS = 5;
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' }).graph;
    let want: { b: number; throughput: number } | undefined;
    for (let b = 1; b <= 256; b++) {
      g.setMany({ 'scenario.batch_size': b, 'batching.max_batch_size': b, 'tail_latency.arrival_rate': qps, 'tail_latency.num_replicas': 1 });
      const feasible = g.value('serving.serving_feasible') === true;
      const stable = g.value('tail_latency.is_stable') === true;
      const p99 = numAt(g, 'tail_latency.p99_latency');
      if (feasible && numAt(g, 'tail_latency.servers') === b && stable && p99 !== undefined && p99 <= slaS) {
        want = { b, throughput: numAt(g, 'batching.throughput_tokens_per_second')! };
      }
    }
    expect(want).toBeDefined();
    const r = optimizeBatching(buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' }).graph, { slaMs: slaS * 1e3, qps });
    expect(r.best!.values).toEqual({ 'scenario.batch_size': want!.b });
    // max_throughput is the capacity N·Θ_tok(b), N = 1.
    expect(r.best!.metrics.max_throughput).toBeCloseTo(want!.throughput, 9);
  });
});

describe('gridSearch with two objectives: the Pareto front', () => {
  it('contains no dominated point, and every point off the front is dominated', () => {
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100' }).graph;
    const batches: Plain[] = [1, 2, 4, 8, 16, 32, 64, 128, 256];
    const r = gridSearch(g, {
      axes: [{ input: 'scenario.batch_size', values: batches }, { input: 'scenario.context_len', values: [512, 2048, 8192] }],
      objective: { cell: 'compute.latency', sense: 'min' },
      secondObjective: { cell: 'compute.throughput', sense: 'max' },
      topK: Number.MAX_SAFE_INTEGER,
    });
    const all = r.top;
    const front = r.pareto!;
    expect(all).toHaveLength(27);
    const dominates = (a: Candidate, b: Candidate) =>
      a.objective <= b.objective && a.objective2! >= b.objective2! && (a.objective < b.objective || a.objective2! > b.objective2!);
    expect(front.length).toBeGreaterThan(1);
    for (const p of front) expect(all.some((q) => dominates(q, p))).toBe(false);
    for (const p of all.filter((c) => !front.includes(c))) expect(all.some((q) => dominates(q, p))).toBe(true);
    // The fastest point (B = 1, x = 512) is on the front.
    expect(front.some((c) => c.values['scenario.batch_size'] === 1 && c.values['scenario.context_len'] === 512)).toBe(true);
  });
});
