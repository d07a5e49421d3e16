/**
 * Training the transformer embodied policies (physics.md §2.7, Korthikanti et al. 2022, Table 2):
 * Octo-Base and ACT carry a hidden width, so their training activations come from the transformer
 * table, which needs the head count a. Heads from the sources (locators in the catalogue notes):
 *   Octo-Base: octo transformer.py common_transformer_sizes('vit_b') → 12 heads, width 768, 12 layers.
 *   ACT: act imitate_episodes.py → nheads 8, width 512 (catalogue layers 8).
 *
 * Hand-derived figures, 16-bit activations (b_act = 2, so the table value is the byte count),
 * one microbatch of one sequence, t = 1 (no sequence parallelism), recompute none:
 *   a_layer = s·b·h·(10 + 24/t + 5·a·s/(h·t)) = s·h·34 + 5·a·s².
 *   Octo-Base at its own token count s = 658 (2 × (256 + 64 + 1) + 16, catalogue notes):
 *     658·768·34 + 5·12·658² = 17 181 696 + 25 977 840 = 43 159 536 B per layer;
 *     × 12 layers = 517 914 432 B.
 *   ACT at s = 1202 (1200 image tokens + latent + proprioception, catalogue notes):
 *     1202·512·34 + 5·8·1202² = 20 924 416 + 57 792 160 = 78 716 576 B per layer;
 *     × 8 layers = 629 732 608 B.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../../src/registry/index.js';
import { evaluate } from '../../../src/scenario/index.js';
import { value } from '../node/scenario-graph.js';

function train(model: string, seqLen: number) {
  return evaluate({
    model, hardware: 'H100', mode: 'training',
    overrides: { 'scenario.precision': 'bf16', 'communication.seq_len': seqLen, 'communication.recompute': 'none' },
  });
}

describe('embodied transformer policies train (§2.7 activation table)', () => {
  it('the catalogue gives the sources\' head counts: Octo-Base 12, ACT 8', () => {
    expect(registry().get('model', 'Octo_Base')?.heads).toBe(12);
    expect(registry().get('model', 'ACT_ALOHA')?.heads).toBe(8);
  });

  it('Octo-Base, s = 658, no recompute: 43 159 536 B per layer, 517 914 432 B over 12 layers', () => {
    const e = train('Octo_Base', 658);
    expect(e.exit_code).toBe(0);
    expect(value(e.built.graph, 'workload.activation_bytes_per_layer')).toBe(658 * 768 * 34 + 5 * 12 * 658 * 658);
    expect(value(e.built.graph, 'workload.activation_bytes_per_layer')).toBe(43_159_536);
    expect(value(e.built.graph, 'communication.train_activations')).toBe(517_914_432);
  });

  it('ACT, s = 1202, no recompute: 78 716 576 B per layer, 629 732 608 B over 8 layers', () => {
    const e = train('ACT_ALOHA', 1202);
    expect(e.exit_code).toBe(0);
    expect(value(e.built.graph, 'workload.activation_bytes_per_layer')).toBe(78_716_576);
    expect(value(e.built.graph, 'communication.train_activations')).toBe(629_732_608);
  });
});
