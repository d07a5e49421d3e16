/**
 * A model without a parameter count: the cells that need P say so (missing_data naming
 * workload.params), never count it as 0.
 *
 *   workload.params (unset) ─► complexity.training_tokens, complexity.tokens_per_param, complexity.status
 *                           ─► fidelity.compressed_weight_bytes (2:4 and sparse storage index metadata only)
 */
import { describe, expect, it } from 'vitest';
import { Failure, type LiveGraph } from '../../../src/graph/index.js';
import { compressedWeightBytes } from '../../../src/nodes/algorithm/fidelity-physics.js';
import type { ModelSpec } from '../../../src/nodes/context.js';
import { context, LLAMA3_8B, RESNET50 } from '../fixtures.js';
import { inferenceGraph } from '../infra/wall-graphs.js';

/** A model object without P, as plain JavaScript callers of the library can build (the type asks for one). */
function withoutParams(m: ModelSpec): ModelSpec {
  const { params: _params, ...rest } = m;
  return rest as ModelSpec;
}

function missing(g: LiveGraph, id: string): string {
  const v = g.get(id);
  expect(v.ok, `${id} should be an error`).toBe(false);
  if (v.ok) return '';
  // missing_data where P is read, upstream (repeating the root message) below it.
  expect(['missing_data', 'upstream']).toContain(v.error.kind);
  return v.error.message;
}

describe('no parameter count (workload.params unset)', () => {
  it('wall 11: training tokens r_c·P, D_train/P and the status name the field', () => {
    const g = inferenceGraph(context('inference', withoutParams(LLAMA3_8B)));
    expect(missing(g, 'complexity.training_tokens')).toContain('workload.params');
    expect(missing(g, 'complexity.status')).toContain('workload.params');
  });

  it('wall 11: with the catalogue\'s training tokens, D_train/P still needs P (not ∞, not PASS)', () => {
    const g = inferenceGraph(context('inference', withoutParams(LLAMA3_8B)));
    g.set('workload.training_tokens', 15e12);
    expect(missing(g, 'complexity.tokens_per_param')).toContain('workload.params');
    expect(missing(g, 'complexity.status')).toContain('workload.params');
  });

  it('wall 13: the compressed weights need P (through W = P·b_w, and for the 2:4 index metadata)', () => {
    const g = inferenceGraph(context('inference', withoutParams(RESNET50)));
    g.setMany({ 'fidelity.compression_method': 'pruning', 'fidelity.sparsity_pattern': 'n_m', 'fidelity.sparsity': 0.5 });
    expect(missing(g, 'fidelity.compressed_weight_bytes')).toMatch(/params/);
  });

  it('compressedWeightBytes(P = null): the 2:4 and sparse-storage metadata are missing_data; structured pruning needs no P', () => {
    const c = { method: 'pruning', pattern: 'n_m', sparsity: 0.5, sparseStorage: true, baseWidth: 2, targetWidth: 2, targetPrecision: 'fp16', weightPrecision: 'fp16' };
    const nm = compressedWeightBytes(c, 1e9, null, 0.125);
    expect(nm instanceof Failure && nm.kind).toBe('missing_data');
    const sparse = compressedWeightBytes({ ...c, pattern: 'unstructured' }, 1e9, null, 0.125);
    expect(sparse instanceof Failure && sparse.kind).toBe('missing_data');
    // structured: W·(1 − s) = 0.5e9 B; with P = 5e8 the 2:4 form is 0.5·1e9 + 5e8·0.125 = 5.625e8 B.
    expect(compressedWeightBytes({ ...c, pattern: 'structured' }, 1e9, null, 0.125)).toBe(0.5e9);
    expect(compressedWeightBytes(c, 1e9, 5e8, 0.125)).toBe(5.625e8);
  });
});
