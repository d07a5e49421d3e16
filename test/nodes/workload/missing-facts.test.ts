/**
 * A catalogue fact that shapes an answer is never a silent zero (issue 18, "no silent wrong
 * answers"): a model without a parameter count says missing_data naming `params` on the weight
 * bytes W = P·b_w and the linear FLOPs F_lin = 2·P_a (physics.md §2.3, §2.5); a FLOPs figure
 * derived from the architecture (no source states one) is said as an estimate.
 */
import { describe, expect, it } from 'vitest';
import { LiveGraph } from '../../../src/graph/index.js';
import { commonCells } from '../../../src/nodes/common/index.js';
import type { ModelSpec } from '../../../src/nodes/context.js';
import { workloadCells } from '../../../src/nodes/workload/index.js';
import { customModel } from '../../../src/registry/index.js';
import { evaluate } from '../../../src/scenario/index.js';
import { context, H100 } from '../fixtures.js';

function workloadGraph(model: ModelSpec): LiveGraph {
  const ctx = context('inference', model, H100);
  return new LiveGraph([...commonCells(ctx), ...workloadCells(ctx)]);
}

describe('a model without a parameter count', () => {
  const noParams = customModel({ id: 'NoParamsCNN', category: 'Vision', architecture: 'CNN', flops_per_inference: 3e8 }) as unknown as ModelSpec;

  it('W = P·b_w is missing_data naming params, not 0 B', () => {
    const cell = workloadGraph(noParams).get('workload.weight_bytes');
    expect(cell.ok).toBe(false);
    const err = cell.ok ? undefined : cell.error;
    expect(err?.kind).toBe('missing_data');
    expect(err?.message).toContain('NoParamsCNN has no params');
  });

  it('F_lin = 2·P_a is missing_data naming params, not 0 FLOP', () => {
    const cell = workloadGraph(noParams).get('workload.linear_flops_per_token');
    expect(cell.ok).toBe(false);
    expect(cell.ok ? undefined : cell.error.message).toContain('NoParamsCNN has no params');
  });
});

describe('FLOPs estimated from the architecture', () => {
  it('Octo-Base evaluates (its 1.294e11 FLOP per chunk is derived, catalogue notes) and says so in the scenario warnings', () => {
    const e = evaluate({ model: 'Octo_Base', hardware: 'H100', mode: 'inference' });
    expect(e.exit_code).toBe(0);
    expect(e.warnings.some((w) => w.startsWith('FLOPs estimated from the architecture for Octo_Base'))).toBe(true);
    const cell = e.built.graph.get('workload.flops_per_sample_eff');
    expect(cell.ok && cell.value).toBe(1.294e11);
    expect(cell.ok && cell.warnings.some((w) => w.startsWith('FLOPs estimated from the architecture'))).toBe(true);
  });

  it('a figure the user sets is theirs: the cell no longer calls it an estimate', () => {
    const e = evaluate({ model: 'Octo_Base', hardware: 'H100', mode: 'inference', overrides: { 'workload.flops_per_sample': 1e11 } });
    const cell = e.built.graph.get('workload.flops_per_sample_eff');
    expect(cell.ok && cell.value).toBe(1e11);
    expect(cell.ok && cell.warnings.length).toBe(0);
  });

  it('a model whose FLOPs a source states is not called an estimate', () => {
    const e = evaluate({ model: 'ResNet50', hardware: 'H100', mode: 'inference' });
    expect(e.warnings.some((w) => w.startsWith('FLOPs estimated'))).toBe(false);
  });
});
