/**
 * Wall 12 (Reasoning): K·τ tokens after one prefill, on the wall 4 step physics.
 *
 *   reasoning_steps K, tokens_per_reasoning_step τ ─► tokens_generated N_g ─► mean_context S + N_g/2
 *   ─► itl_at_mean_context ─► time_per_step, total_reasoning_time (+ ttft), energy_per_query (+ mfus)
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, type DerivedDef, LiveGraph } from '../../../src/graph/index.js';
import { reasoningCells } from '../../../src/nodes/algorithm/reasoning.js';
import { servingWalls } from '../../../src/nodes/serving/index.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, RESNET50 } from '../fixtures.js';
import { inferenceDefs, inferenceGraph, numberAt } from '../infra/wall-graphs.js';
import { goldenScenarioValues, scenarioDefs } from '../serving/graph.js';

describe('wall 12 reasoning', () => {
  it('ref.inference_scaling_llama3_8b_h100_k8 (real walls 1–3 and workload cells, inference mode)', () => {
    const c = goldenCase('ref.inference_scaling_llama3_8b_h100_k8');
    const g = inferenceGraph(context('inference'), goldenScenarioValues(c));
    for (const [k, want] of Object.entries(c.expected)) expectClose(g.value(k), want, c.tolerance_rel, k);
    expect(g.value('reasoning.active')).toBe(true);
    expect(g.value('reasoning.status')).toBe('PASS');
  });

  it('matches a hand calculation at context 2048 + 400/2 = 2248 (§12.1 figures)', () => {
    const g = inferenceGraph(context('inference'), { 'reasoning.reasoning_steps': 8, 'scenario.efficiency': 0.5 }); // §12.1's η (issue 19)
    // itl_fn(2248, 1): Q = 1.606e10 + 2248·131 072 = 1.63546e10 B → /3.35e12 = 4.88199 ms, + T_ov 0.33 ms.
    const itl = (1.606e10 + 2248 * 131072) / 3.35e12 + 0.33e-3;
    expectClose(numberAt(g, 'reasoning.itl_at_mean_context'), itl, 1e-9);
    // ttft = §12.1 prefill 69.0680 ms; total = ttft + 399·itl.
    expectClose(numberAt(g, 'reasoning.ttft'), 69.068e-3, 1e-5);
    expectClose(numberAt(g, 'reasoning.total_reasoning_time'), numberAt(g, 'reasoning.ttft') + 399 * itl, 1e-12);
    // prefill MFU 0.497611 (§12.1 wall 4).
    expectClose(numberAt(g, 'reasoning.prefill_mfu'), 0.497611, 1e-5);
    // Energy: [700·(0.3 + 0.7·0.497611)·ttft + 700·(0.3 + 0.7·u_d)·399·itl]/1 with u_d = F_tok(2248)/(itl·989e12).
    const ud = (2 * 8.03e9 + 524288 * 2248) / (itl * 989e12);
    const energy = 700 * (0.3 + 0.7 * numberAt(g, 'reasoning.prefill_mfu')) * numberAt(g, 'reasoning.ttft') + 700 * (0.3 + 0.7 * ud) * 399 * itl;
    expectClose(numberAt(g, 'reasoning.energy_per_query'), energy, 1e-9);
  });

  it('inactive while reasoning_steps is unset (8 assumed)', () => {
    const g = inferenceGraph(context('inference'));
    expect(g.value('reasoning.active')).toBe(false);
    expect(g.value('reasoning.tokens_generated')).toBe(400);
  });

  it('budget status: FAIL over the budget, WARN at ≥ 90 %', () => {
    const g = inferenceGraph(context('inference'), { 'reasoning.reasoning_steps': 8, 'reasoning.reasoning_latency_budget': 2 });
    expect(g.value('reasoning.status')).toBe('FAIL'); // 2.14865 s > 2 s
    g.set('reasoning.reasoning_latency_budget', 2.3); // 2.14865 ≥ 0.9·2.3 = 2.07
    expect(g.value('reasoning.status')).toBe('WARN');
    g.set('reasoning.reasoning_latency_budget', 3);
    expect(g.value('reasoning.status')).toBe('PASS');
  });

  it('FAILs when the reasoning context does not fit', () => {
    const g = inferenceGraph(context('inference'), { 'reasoning.reasoning_steps': 8, 'scenario.batch_size': 256 });
    // 1.606e10 + 256·2448·131 072 B alone exceeds 80e9 B.
    expect(g.value('reasoning.reasoning_feasible')).toBe(false);
    expect(g.value('reasoning.status')).toBe('FAIL');
  });

  it('serving mode reads wall 4 ttft and gives the same answer without chunking or speculation', () => {
    const ctx = context('serving');
    const g = new LiveGraph(scenarioDefs(ctx, (cx) => [...servingWalls(cx), ...reasoningCells(cx)]));
    g.setMany({ 'reasoning.reasoning_steps': 8 });
    expect(g.def('reasoning.ttft').kind === 'derived' && (g.def('reasoning.ttft') as DerivedDef).reads).toEqual(['serving.ttft']);
    expectClose(g.value('reasoning.total_reasoning_time'), 2.14865000234, 1e-6);
    expectClose(g.value('reasoning.energy_per_query'), 471.465108721, 1e-6);
  });

  it('a non-LM model has no reasoning: unsupported', () => {
    const g = inferenceGraph(context('inference', RESNET50), { 'reasoning.reasoning_steps': 8 });
    const v = g.get('reasoning.total_reasoning_time');
    expect(!v.ok && v.error.kind).toBe('unsupported');
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(inferenceDefs(context('inference')), { 'reasoning.reasoning_steps': 8, 'reasoning.reasoning_latency_budget': 2.3 })).toEqual([]);
  });
});
