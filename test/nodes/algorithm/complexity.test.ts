/**
 * Wall 11 (Complexity): Chinchilla, the budget conversion, training FLOPs and time to train.
 *
 *   compute_budget | device_time·peak·mfu | training_flops (training) ─► budget_flops ─► optimal_params/tokens
 *   workload.training_tokens ?? r_c·P ─► training_tokens ─► training_flops, time_to_train, tokens_per_param
 *   communication.fleet_throughput, fragility.goodput ─► time_to_train
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, input, type Plain } from '../../../src/graph/index.js';
import { complexityCells } from '../../../src/nodes/algorithm/complexity.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context, LLAMA3_70B } from '../fixtures.js';
import { inferenceDefs } from '../infra/wall-graphs.js';

const DAY = 86400;

/** Inference-mode wall 11 alone; stand-ins for the few cells it reads. */
function inferenceWall(values: Record<string, Plain>) {
  // workload.training_tokens is an optional number (a catalogue fact); a null stand-in would be text.
  const trainingTokens = input({
    id: 'workload.training_tokens', label: 'Training tokens', doc: 'stand-in for the catalogue fact', unit: 'tokens', layer: 'A',
    default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
  });
  return standaloneGraph([...complexityCells(context('inference')), trainingTokens], {
    'workload.training_tokens': null, 'workload.params': 8.03e9, 'hardware.peak_flops': 989e12, ...values,
  });
}

describe('wall 11 golden cases', () => {
  for (const id of ['spec-12.6-chinchilla-1e24', 'ref.chinchilla_optimal', 'ref.chinchilla_target_size']) {
    it(id, () => {
      const c = goldenCase(id);
      const i = c.inputs as Record<string, number>;
      const g = inferenceWall({
        'complexity.compute_budget': i.compute_budget_flop, 'complexity.target_params': i.target_params ?? null,
        'complexity.chinchilla_tokens_per_param': i.chinchilla_tokens_per_param ?? 20,
      });
      for (const [k, want] of Object.entries(c.expected)) expectClose(g.value(k), want, c.tolerance_rel, k);
    });
  }

  it('spec-12.6-budget-one-h100-day: 86 400 s · 989e12 FLOP/s · 0.40 = 3.41798e19 FLOP', () => {
    const c = goldenCase('spec-12.6-budget-one-h100-day');
    const i = c.inputs as Record<string, number>;
    const g = inferenceWall({
      'complexity.compute_budget_device_time': i.compute_budget_device_time_s, 'complexity.budget_peak_flops': i.budget_peak_flops_flop_per_s,
      'complexity.budget_mfu': i.budget_mfu,
    });
    expectClose(g.value('complexity.budget_flops'), c.expected['complexity.budget_flops'], c.tolerance_rel);
    // Defaults give the same: the scenario device's peak and budget_mfu_default 0.40.
    g.setMany({ 'complexity.budget_peak_flops': null, 'complexity.budget_mfu': null });
    expectClose(g.value('complexity.budget_flops'), 86400 * 989e12 * 0.4, 1e-12);
  });

  it('ref.training_flops_6PD_gpt3: D·3·(F_lin + A·(S+1)/2)', () => {
    const c = goldenCase('ref.training_flops_6PD_gpt3');
    const i = c.inputs as Record<string, number>;
    // A = 4·L·d = 4·96·12 288 = 4 718 592; per token 3·(2·175e9 + A·2049/2).
    const perToken = 3 * (2 * i.params + 4 * i.layers * i.hidden_dim * ((i.seq_len_for_attention + 1) / 2));
    const g = standaloneGraph(complexityCells(context('training')), {
      'workload.training_tokens': i.training_tokens, 'workload.params': i.params, 'workload.train_model_flops_per_token': perToken,
      'hardware.peak_flops': 989e12, 'communication.fleet_mfu': 0.4, 'communication.fleet_throughput': 1e6, 'fragility.goodput': 1,
    });
    expectClose(6 * i.params * i.training_tokens, c.expected.six_P_D_linear_part, c.tolerance_rel);
    expectClose(g.value('complexity.training_flops'), c.expected['complexity.training_flops'], c.tolerance_rel);
  });

  it('spec-12.2-further-time-to-train (wall 11 part; walls 14/15 as stand-ins)', () => {
    const c = goldenCase('spec-12.2-further-time-to-train');
    const e = c.expected as Record<string, number>;
    const u = c.expected_unnamed as Record<string, number>;
    // §2.4 for Llama-3-70B at S = 8192: A = 4·80·8192 = 2 621 440; 3·(2·70.6e9 + A·8193/2) = 4.55816e11 FLOP/token.
    const perToken = 3 * (2 * 70.6e9 + 2621440 * (8193 / 2));
    // fleet_throughput from §12.2's "15e12 tokens take 207.089 days at goodput 1" (838 341 tokens/s).
    const fleetThroughput = 15e12 / (u.time_to_train_at_goodput_1_days * DAY);
    const g = standaloneGraph(complexityCells(context('training', LLAMA3_70B)), {
      'workload.training_tokens': 15e12, 'workload.params': 70.6e9, 'workload.train_model_flops_per_token': perToken,
      'hardware.peak_flops': 989e12, 'communication.fleet_mfu': 0.377324, 'communication.fleet_throughput': fleetThroughput,
      'fragility.goodput': e['fragility.goodput'],
    });
    expectClose(fleetThroughput, 838341, 1e-6);
    expectClose(g.value('complexity.training_flops'), e['complexity.training_flops'], c.tolerance_rel);
    expectClose(g.value('complexity.time_to_train'), e['complexity.time_to_train'], c.tolerance_rel);
    expectClose((g.value('complexity.time_to_train') as number) / DAY, u.time_to_train_days, c.tolerance_rel);
    // No budget given: C is the run's own training FLOPs, so P* = √(C/120).
    expectClose(g.value('complexity.optimal_params'), Math.sqrt(e['complexity.training_flops'] / 120), 1e-9);
    // 15e12/70.6e9 = 212.465 tokens per parameter: PASS.
    expectClose(g.value('complexity.tokens_per_param'), 15e12 / 70.6e9, 1e-12);
    expect(g.value('complexity.status')).toBe('PASS');
    expect(g.value('complexity.active')).toBe(true);
  });
});

describe('wall 11 cells', () => {
  it('setting both budgets is invalid_input', () => {
    const g = inferenceWall({ 'complexity.compute_budget': 1e24, 'complexity.compute_budget_device_time': DAY });
    const v = g.get('complexity.budget_flops');
    expect(!v.ok && v.error.kind).toBe('invalid_input');
  });

  it('without a budget outside training: inactive, optimum missing_data, tokens_per_param from the model', () => {
    const g = inferenceWall({});
    expect(g.value('complexity.active')).toBe(false);
    const v = g.get('complexity.optimal_params');
    expect(!v.ok && v.error.kind).toBe('missing_data');
    // No catalogue training_tokens: D_train = 20·P with a warning, so 20 tokens/param.
    const d = g.get('complexity.training_tokens');
    expect(d.ok && d.warnings.length).toBe(1);
    expectClose(g.value('complexity.tokens_per_param'), 20, 1e-12);
  });

  it('WARNs when the scenario model sees fewer than 10 tokens per parameter', () => {
    const g = inferenceWall({ 'workload.training_tokens': 5 * 8.03e9 });
    expect(g.value('complexity.status')).toBe('WARN');
    expect(g.value('complexity.status_reason')).toContain('under-trained');
  });

  it('training_flops and time_to_train exist only in training mode', () => {
    const ids = complexityCells(context('inference')).map((d) => d.id);
    expect(ids).not.toContain('complexity.time_to_train');
    expect(complexityCells(context('training')).map((d) => d.id)).toContain('complexity.time_to_train');
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(inferenceDefs(context('inference')), { 'complexity.compute_budget': 1e24, 'complexity.target_params': 1e9 })).toEqual([]);
    expect(checkDimensions(inferenceDefs(context('inference')), { 'complexity.compute_budget_device_time': DAY })).toEqual([]);
  });
});
