/**
 * The layout of an inference or serving scenario whose devices split one model, when the
 * scenario leaves it unset (src/scenario/replica-layout.ts): searched like training's `auto`,
 * chosen for the mode's headline, said, and never a silent fall-back to one device per replica.
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph } from '../../src/graph/index.js';
import { buildScenario, evaluate, optimizeParallelism, type Scenario } from '../../src/scenario/index.js';

const DGX = { model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100' } as const;
/** The §12 calibration the hand derivations of test/fixtures/parallel assume, pinned. */
const PINNED = { 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1, 'scenario.layer_tax': 10e-6, 'scenario.precision': 'fp16' };

const num = (g: LiveGraph, id: string): number => g.value(id) as number;

describe('serve Llama3_70B DGX_H100 (the question users ask most)', () => {
  it('answers feasible with a split layout, says which, and gives a sensible ITL', () => {
    const e = evaluate({ ...DGX, mode: 'serving', overrides: PINNED });
    const g = e.built.graph;
    expect(e.exit_code).toBe(0);
    expect(e.layout?.auto).toBe(true);
    const t = e.layout!.values['communication.tp'] as number;
    expect(t).toBeGreaterThanOrEqual(4); // 70B at fp16 needs ≥ 2 GPUs of weights; KV room needs more
    expect(g.value('serving.serving_feasible')).toBe(true);
    expect(e.warnings.some((w) => w.startsWith(`layout (auto): tp=${t}`))).toBe(true);
    // ITL of the chosen layout is between the hand-derived TP 8 (7.234 ms) and TP 4 (11.89 ms) values
    expect(num(g, 'serving.itl')).toBeGreaterThanOrEqual(7.2338e-3);
    expect(num(g, 'serving.itl')).toBeLessThanOrEqual(11.887e-3);
  });

  it('picks the layout with the most tokens/s at capacity over all replicas', () => {
    const chosen = evaluate({ ...DGX, mode: 'serving', overrides: PINNED });
    const best = chosen.built.graph.value('communication.fleet_throughput') as number;
    for (const [tp, pp] of [[8, 1], [4, 1], [2, 1], [4, 2], [2, 4], [1, 8]]) {
      const g = buildScenario({ ...DGX, mode: 'serving', overrides: { ...PINNED, 'communication.tp': tp, 'communication.pp': pp } }).graph;
      if (g.value('serving.serving_feasible') === true && g.value('batching.batching_feasible') === true) {
        expect(num(g, 'communication.fleet_throughput'), `tp=${tp} pp=${pp}`).toBeLessThanOrEqual(best);
      }
    }
  });

  it('an ITL target is part of the choice: the layout meets it', () => {
    const e = evaluate({ ...DGX, mode: 'serving', overrides: { ...PINNED, 'serving.itl_target': 0.01 } });
    // TP 4 (11.89 ms) misses 10 ms; TP 8 (7.234 ms) meets it
    expect(e.layout!.values['communication.tp']).toBe(8);
    expect(num(e.built.graph, 'serving.itl')).toBeLessThanOrEqual(0.01);
  });
});

describe('eval (inference): the lowest decode step', () => {
  it('Llama3_70B on one DGX H100 takes TP 8 (7.234 ms < TP 4 11.89 ms < any pipeline)', () => {
    const e = evaluate({ ...DGX, mode: 'inference', overrides: PINNED });
    expect(e.layout?.values).toEqual({ 'communication.tp': 8, 'communication.pp': 1, 'communication.ep': 1 });
    expect(e.built.graph.value('performance.latency')).toBeCloseTo(7.233891826, 6); // ms, hand-derived in test/fixtures/parallel
  });

  it('setting one layout cell holds it and searches the rest', () => {
    const e = evaluate({ ...DGX, mode: 'inference', overrides: { ...PINNED, 'communication.pp': 2 } });
    expect(e.layout?.values).toEqual({ 'communication.tp': 4, 'communication.pp': 2, 'communication.ep': 1 });
    expect(e.layout?.note).toContain('pp=2 held as set');
  });

  it('layout: given searches nothing (t = p = e = 1: eight replicas of one device)', () => {
    const b = buildScenario({ ...DGX, mode: 'inference', layout: 'given', overrides: PINNED });
    expect(b.layout).toBeUndefined();
    expect(b.graph.value('communication.replicas')).toBe(8);
  });

  it('when nothing fits, the layout with the least memory per GPU is shown as infeasible, never one device per replica', () => {
    const e = evaluate({ model: 'Llama3_405B', hardware: 'H100', system: 'DGX_H100', mode: 'inference', overrides: PINNED });
    expect(e.layout?.feasible).toBe(0);
    expect(e.layout?.note).toContain('no layout fits');
    const v = e.layout!.values;
    expect((v['communication.tp'] as number) * (v['communication.pp'] as number)).toBe(8);
    expect(e.exit_code).toBe(2);
  });

  it('one device and training keep their behaviour (no search outside training on one device)', () => {
    expect(buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' }).layout).toBeUndefined();
  });
});

describe('optimize parallelism in every mode', () => {
  const scenario = (mode: 'inference' | 'serving'): Scenario => ({ ...DGX, mode, layout: 'given', overrides: PINNED });

  it('inference: minimises the decode step over layouts that fit', () => {
    const r = optimizeParallelism(buildScenario(scenario('inference')).graph);
    expect(r.objective).toEqual({ name: 'communication.decode_step_time', sense: 'min', unit: 's' });
    expect(r.best?.values['communication.tp']).toBe(8);
    expect(r.best?.objective).toBeCloseTo(7.233891826e-3, 12);
    expect(r.feasible).toBeGreaterThan(0);
  });

  it('serving: maximises the fleet tokens/s at capacity', () => {
    const r = optimizeParallelism(buildScenario(scenario('serving')).graph);
    expect(r.objective.name).toBe('communication.fleet_throughput');
    expect(r.top.map((c) => c.objective)).toEqual([...r.top.map((c) => c.objective)].sort((a, b) => b - a));
  });

  it('one device has nothing to search, and says why', () => {
    const r = optimizeParallelism(buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' }).graph);
    expect(r.total).toBe(0);
    expect(r.message).toContain('more than one device');
  });
});
