/**
 * Goal seek within feasibility (physics.md wall 22.2 require_feasible; issue "No silent wrong
 * answers" item 3) and the scenario questions "the longest context that fits" and "the fewest
 * devices", against hand-derived boundaries.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek } from '../../src/graph/index.js';
import { buildScenario } from '../../src/scenario/index.js';
import { scenarioFits, seekScenario } from '../../src/scenario/seek-scenario.js';

describe('goal seek searches within feasibility', () => {
  it('the largest batch with ITL ≤ 50 ms on one H100 is the largest that fits, and says so (not a batch that needs 140 GB)', () => {
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' }).graph;
    const o = { input: 'scenario.batch_size', output: 'serving.itl', target: 0.05, lo: 1, hi: 1000, goal: 'at_most' as const };
    // Without feasibility the answer is a batch whose KV cache does not fit.
    const blind = goalSeek(g, o);
    expect(blind.ok).toBe(true);
    g.set('scenario.batch_size', blind.ok ? blind.solution : 0);
    expect(scenarioFits(g)).toBe(false);
    g.reset('scenario.batch_size');
    const r = goalSeek(g, { ...o, feasible: scenarioFits });
    expect(r.ok && r.limitedBy).toBe('feasibility');
    if (!r.ok) return;
    expect(r.achieved).toBeLessThanOrEqual(0.05);
    g.set('scenario.batch_size', r.solution);
    expect(scenarioFits(g)).toBe(true);
    g.set('scenario.batch_size', r.solution + 1);
    expect(scenarioFits(g)).toBe(false);
    const itl = g.value('serving.itl') as number;
    expect(itl).toBeLessThanOrEqual(0.05); // the next batch meets the target: memory is what binds
  });

  it('a target met inside what fits is limited by the target', () => {
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100' }).graph;
    const r = goalSeek(g, { input: 'scenario.batch_size', output: 'compute.latency', target: 0.006, lo: 1, hi: 256, goal: 'at_most', feasible: scenarioFits });
    expect(r.ok && r.limitedBy).toBe('target');
  });

  it('nothing fits anywhere in the range: no_solution with infeasible, no closest point', () => {
    const g = buildScenario({ model: 'Llama3_405B', hardware: 'H100' }).graph;
    const r = goalSeek(g, { input: 'scenario.batch_size', output: 'compute.latency', target: 0.01, lo: 1, hi: 64, goal: 'at_most', feasible: scenarioFits });
    expect(r).toMatchObject({ ok: false, kind: 'no_solution', infeasible: true });
    expect(!r.ok && r.message).toMatch(/no feasible value of scenario.batch_size .* the scenario does not fit anywhere in the range/);
  });

  it('feasible points exist but none meets the target: no_solution, the closest point that fits', () => {
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100' }).graph;
    const r = goalSeek(g, { input: 'scenario.batch_size', output: 'compute.latency', target: 1e-4, lo: 1, hi: 256, goal: 'at_most', feasible: scenarioFits });
    expect(r).toMatchObject({ ok: false, kind: 'no_solution' });
    expect(!r.ok && r.infeasible).toBeFalsy();
    expect(!r.ok && r.closest?.x).toBe(1);
  });
});

describe('seek the longest context that fits', () => {
  it('Llama-3-8B on one H100, B = 1: x ≤ (80e9 − 16.06e9 − A_work)/131 072 B per token → 487 822 tokens', () => {
    // M_foot = W + x·kv_tok + A_work(1, 1) = 16.06e9 + 131 072·x + 16·4096·2 ≤ 80e9.
    const want = Math.floor((80e9 - 16.06e9 - 16 * 4096 * 2) / 131_072);
    expect(want).toBe(487_822);
    const r = seekScenario({ model: 'Llama3_8B', hardware: 'H100' }, {}, { question: 'context' });
    expect(r.solution).toBe(want);
    expect(r.next).toMatchObject({ x: want + 1, fits: false });
    expect(r.next!.reason).toMatch(/^does not fit: memory 80\.0 GB \/ 80\.0 GB per device \(.* over\)$/);
    // Past the model's 131 072-token context: said, not hidden.
    expect(r.warnings.join()).toMatch(/supports 131072 tokens of context/);
  });

  it('Mistral-7B keeps a 4096-token window on every layer: at B = 16 its KV stops growing and the whole range fits', () => {
    const r = seekScenario({ model: 'Mistral_7B', hardware: 'H100', overrides: { 'scenario.batch_size': 16 } }, {}, { question: 'context', hi: 1_000_000 });
    expect(r.solution).toBe(1_000_000);
    expect(r.next).toBeUndefined();
  });

  it('nothing fits: Llama-3-405B on one H100 (810 GB of weights) is infeasible over the whole range', () => {
    const r = seekScenario({ model: 'Llama3_405B', hardware: 'H100' }, {}, { question: 'context', lo: 1, hi: 100 });
    expect(r.solution).toBeUndefined();
    expect(r.infeasible).toBe(true);
    expect(r.none!.reason).toMatch(/does not fit: memory 810\.0 GB/);
  });
});

describe('seek the fewest devices', () => {
  it('training Llama-3-8B with ZeRO-3: 128.48e9/N + 9.1268e9 (activations) + 1.80675e9 (buffers) ≤ 80e9 → N = 2', () => {
    // ZeRO-3 shards weights, gradients and Adam state: (2 + 2 + 12)·8.03e9/N; activations
    // s·b·h·34 per layer (t = 1, selective) × 32; buffers 0.05·2·8.03e9 + 2 gathered layers 2·16.06e9/32.
    const s = { model: 'Llama3_8B', hardware: 'H100', mode: 'training' as const, layout: 'given' as const, overrides: { 'communication.zero_stage': 3 } };
    const fixed = 9_126_805_504 + 803_000_000 + 1_003_750_000;
    expect(2048 * 4096 * 34 * 32).toBe(9_126_805_504);
    expect(128.48e9 / 1 + fixed).toBeGreaterThan(80e9);
    expect(128.48e9 / 2 + fixed).toBeLessThanOrEqual(80e9);
    const r = seekScenario(s, {}, { question: 'devices' });
    expect(r.solution).toBe(2);
    expect(r.built!.graph.value('communication.train_memory')).toBe(128.48e9 / 2 + fixed);
    expect(r.next).toMatchObject({ x: 1, fits: false });
    // Devices are whole nodes past one node: 1, 2, 4, 8 (the DGX node's divisors), then 16, 24, …
    expect(r.built!.graph.value('communication.num_devices')).toBe(2);
  });

  it('with a target the answer also meets it (training step ≤ the one-device time / 3 → more devices)', () => {
    const s = { model: 'Llama3_8B', hardware: 'H100', mode: 'training' as const, layout: 'given' as const, overrides: { 'communication.zero_stage': 3, 'communication.global_batch_size': 64 } };
    const two = seekScenario(s, {}, { question: 'devices' });
    const t2 = two.built!.graph.value('communication.step_latency') as number;
    const r = seekScenario(s, {}, { question: 'devices', target: { cell: 'communication.step_latency', goal: 'at_most', value: t2 / 3 } });
    expect(r.solution).toBeGreaterThan(2);
    expect(r.built!.graph.value('communication.step_latency') as number).toBeLessThanOrEqual(t2 / 3);
    expect(r.next!.meets).toBe(false);
  });
});
