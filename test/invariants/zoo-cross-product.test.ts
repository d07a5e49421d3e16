/**
 * Every zoo model × every zoo device evaluates (issue "every zoo entry evaluates"): exit 0, or
 * exit 2 with the feasibility reason; never bad input from the catalogue itself, never an
 * exception, and no NaN or `numeric` error anywhere in the scorecard. Inference for every
 * model, serving for the language models (physics.md §2.1), and training for the non-LM
 * models whose catalogue entry carries their stored activations (CNNs, the MLP autoencoder) or
 * a transformer width and head count for the §2.7 table (Octo-Base, ACT).
 *
 * Every non-LM entry has a per-sample FLOPs figure: stated by a source, or derived from the
 * architecture a source states (LeNet-1, Octo-Base, Diffusion Policy, ACT; the derivation is in
 * the catalogue notes and the scenario warns "FLOPs estimated from the architecture").
 */
import { describe, expect, it } from 'vitest';
import { type Model, registry } from '../../src/registry/index.js';
import { evaluateCase, isLanguageModel, label, numericProblems, type ZooMode, zooCases } from './zoo.js';

/** What is wrong with one case, or undefined when it holds. */
function problem(c: ReturnType<typeof zooCases>[number]): string | undefined {
  const res = evaluateCase(c);
  if ('thrown' in res) return `${label(c)} threw: ${res.thrown}`;
  const { r } = res;
  const numeric = numericProblems(r);
  if (numeric.length) return `${label(c)}: ${numeric.join('; ')}`;
  if (r.exit_code !== 0 && r.exit_code !== 2) return `${label(c)}: exit ${r.exit_code} (${r.input_error ?? 'no reason'})`;
  if (r.exit_code === 2 && r.card.feasibility.reasons.length === 0) return `${label(c)}: exit 2 without a feasibility reason`;
  return undefined;
}

function sweep(mode: ZooMode, filter: (c: ReturnType<typeof zooCases>[number]) => boolean = () => true): string[] {
  return zooCases(mode).filter(filter).map(problem).filter((p): p is string => p !== undefined);
}

describe('the zoo cross product', () => {
  it('every non-LM model has a FLOPs figure', () => {
    const missing = registry().list('model').filter((m) => !isLanguageModel(m) && m.flops_per_sample === undefined).map((m) => m.id);
    expect(missing).toEqual([]);
  });

  it('inference: every model on every device exits 0 or 2 (with its reason), with no NaN', () => {
    expect(sweep('inference')).toEqual([]);
  }, 600_000);

  it('serving: every language model on every device exits 0 or 2 (with its reason), with no NaN', () => {
    expect(sweep('serving')).toEqual([]);
  }, 600_000);

  it('training: every model with stored activations, and the embodied transformers, on every device exits 0 or 2 (with its reason), with no NaN', () => {
    // Stored activations per sample (§2.8), or an embodied transformer policy with a width (the §2.7 table, which also needs its heads).
    const trains = (m: Model) => m.activation_stored_elements !== undefined || (m.category === 'Embodied' && m.hidden_dim !== undefined);
    const withActivations = new Set(registry().list('model').filter(trains).map((m) => m.id));
    expect(withActivations.size).toBeGreaterThan(0);
    expect(sweep('training', (c) => withActivations.has(c.model))).toEqual([]);
  }, 600_000);
});
