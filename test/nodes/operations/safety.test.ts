/**
 * Wall 20 (Safety): the DP-SGD slowdown prior and the subgroup data requirement.
 *
 *   dp_epsilon, dp_sgd_coefficient ─► dp_slowdown_factor ─┬► effective_training_time
 *   base_training_time ?? complexity.time_to_train ───────┘
 *   min_subgroup_prevalence ─► additional_data_factor ─► required_dataset_size
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { safetyCells } from '../../../src/nodes/operations/safety.js';
import { expectClose } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context } from '../fixtures.js';

const DAY = 86400;

describe('wall 20 safety', () => {
  it('is inactive and PASS without ε or π', () => {
    const g = standaloneGraph(safetyCells(context('inference')), {});
    expect(g.value('safety.active')).toBe(false);
    expect(g.value('safety.dp_slowdown_factor')).toBe(1);
    expect(g.value('safety.status')).toBe('PASS');
  });

  it('ε = 1: slowdown 1 + 2/1 = 3, which is not above 3 (PASS); ε = 0.5 gives 5 (WARN)', () => {
    const g = standaloneGraph(safetyCells(context('inference')), { 'safety.dp_epsilon': 1, 'safety.base_training_time': 10 * DAY });
    expect(g.value('safety.active')).toBe(true);
    expectClose(g.value('safety.dp_slowdown_factor'), 3, 1e-15);
    expectClose(g.value('safety.effective_training_time'), 30 * DAY, 1e-15);
    expect(g.value('safety.status')).toBe('PASS');
    g.set('safety.dp_epsilon', 0.5);
    expectClose(g.value('safety.dp_slowdown_factor'), 5, 1e-15);
    expect(g.value('safety.status')).toBe('WARN');
  });

  it('ε below 0.01 is invalid_input, never clamped', () => {
    const g = standaloneGraph(safetyCells(context('inference')), {});
    const out = g.set('safety.dp_epsilon', 0.001);
    expect(out.ok).toBe(false);
    const v = g.get('safety.dp_slowdown_factor');
    expect(!v.ok && v.error.kind).toBe('upstream');
  });

  it('subgroup coverage: π = 0.005 needs 200× data (WARN); n_min = 1000 needs 200 000 examples', () => {
    const g = standaloneGraph(safetyCells(context('inference')), { 'safety.min_subgroup_prevalence': 0.005, 'safety.min_examples_per_subgroup': 1000 });
    expectClose(g.value('safety.additional_data_factor'), 200, 1e-12);
    expectClose(g.value('safety.required_dataset_size'), 200000, 1e-12);
    expect(g.value('safety.status')).toBe('WARN');
    expect(g.value('safety.status_reason')).toContain('200');
  });

  it('training mode wires wall 11 time_to_train as the base time', () => {
    const g = standaloneGraph(safetyCells(context('training')), { 'complexity.time_to_train': 207 * DAY, 'safety.dp_epsilon': 8 });
    // 1 + 2/8 = 1.25 → 258.75 days.
    expectClose(g.value('safety.effective_training_time'), 258.75 * DAY, 1e-12);
  });

  it('without a training time in inference mode, effective_training_time is missing_data', () => {
    const g = standaloneGraph(safetyCells(context('inference')), { 'safety.dp_epsilon': 8 });
    const v = g.get('safety.effective_training_time');
    expect(!v.ok && v.error.kind).toBe('upstream');
    expect(!v.ok && v.error.message).toContain('set safety.base_training_time');
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(safetyCells(context('inference')), { 'safety.dp_epsilon': 2, 'safety.base_training_time': DAY, 'safety.min_subgroup_prevalence': 0.1, 'safety.min_examples_per_subgroup': 5 })).toEqual([]);
  });
});
