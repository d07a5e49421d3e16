/**
 * The foundation graph as a whole: scenario + hardware + workload + walls 1–3.
 *
 *   scenario.*  hardware.*  workload.*      (layers A, B)
 *         \         |          /
 *      compute.flops_per_step, memory_traffic, memory.memory_footprint   (§4.0)
 *         |              \
 *   memory.effective_bandwidth → compute.t_memory → compute.latency → software.overhead_fraction
 *   software.efficiency_effective → compute.t_compute ↗
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, input, LiveGraph, type Plain } from '../../../src/graph/index.js';
import { buildScenarioDefs, WALL_FACTORIES } from '../../../src/nodes/all-walls.js';
import { goldenCase } from '../../helpers/golden.js';
import { context, ESP32_S3, GPT4, H100, LLAMA3_70B, LLAMA3_8B, RESNET50_CATALOGUE, DEEPSEEK_V3 } from '../fixtures.js';
import { foundationDefs, foundationGraph } from './scenario-graph.js';

describe('the foundation graph', () => {
  it('buildScenarioDefs(ctx) concatenates the wall factories, foundation first', () => {
    expect(WALL_FACTORIES.length).toBeGreaterThanOrEqual(3);
    const ids = buildScenarioDefs(context('inference')).map((d) => d.id);
    expect(ids[0]).toBe('scenario.mode');
    for (const id of foundationDefs('inference').map((d) => d.id)) expect(ids).toContain(id);
  });

  it('every cell is documented: label, one-sentence doc, unit, layer; derived cells have a formula; constants a source', () => {
    for (const d of foundationDefs('inference')) {
      expect(d.label, d.id).not.toBe('');
      expect(d.doc, d.id).toMatch(/\.$/);
      expect(d.unit, d.id).not.toBe('');
      if (d.kind === 'derived') expect(d.formula, d.id).not.toBe('');
      if (d.kind === 'input' && (d.provenance ?? 'default') === 'default' && d.default !== null && !d.id.startsWith('workload.')) {
        expect(d.source, d.id).toBeDefined();
      }
    }
  });

  describe('is dimensionally consistent (checkDimensions)', () => {
    const cases: [string, ReturnType<typeof foundationDefs>, Record<string, Plain>][] = [
      ['Llama-3-8B decode on H100 at B = 8', foundationDefs('inference'), { 'scenario.batch_size': 8 }],
      ['Llama-3-70B offload on H100 with a latency target', foundationDefs('inference', LLAMA3_70B), { 'scenario.target_latency': 0.5, 'scenario.target_throughput': 10 }],
      ['DeepSeek-V3 (MoE, MLA) at B = 16 with fp8 weights', foundationDefs('inference', DEEPSEEK_V3), { 'scenario.batch_size': 16, 'scenario.weight_precision': 'fp8' }],
      ['ResNet-50 forward on H100 at B = 64', foundationDefs('inference', RESNET50_CATALOGUE), { 'scenario.batch_size': 64, 'workload.activation_traffic_per_sample': 1e7 }],
      ['GPT-4 on a microcontroller at fp32', foundationDefs('inference', GPT4, ESP32_S3), { 'scenario.precision': 'fp32' }],
    ];
    for (const [name, defs, overrides] of cases) {
      it(name, () => expect(checkDimensions(defs, overrides)).toEqual([]));
    }

    it('Llama-3-70B training microbatch (wall 14 cells as typed stand-ins)', () => {
      const standIn = (id: string, unit: string, v: Plain) =>
        input({ id, label: id, doc: 'Stand-in for a wall 14 cell.', unit, layer: 'E', default: v, domain: typeof v === 'number' ? { kind: 'number' } : typeof v === 'boolean' ? { kind: 'boolean' } : { kind: 'text' } });
      const defs = [
        ...foundationDefs('training', LLAMA3_70B, H100),
        standIn('communication.seq_len_effective', 'tokens', 8192), standIn('communication.recompute', 'enum', 'selective'),
        standIn('communication.microbatch_size', 'sequences', 1), standIn('communication.tp', 'count', 8),
        standIn('communication.sequence_parallel', 'bool', true), standIn('communication.hw_flops_per_microbatch', 'FLOP', 1.19e14),
        standIn('communication.model_flops_per_microbatch', 'FLOP', 1.17e14), standIn('communication.passes_per_microbatch', 'passes', 3),
        standIn('communication.weight_bytes_per_gpu', 'B', 4.4e9), standIn('communication.train_memory', 'B', 3.3e10),
        standIn('communication.layers_per_stage', 'layers', 20), standIn('communication.tokens_per_microbatch', 'tokens', 8192),
      ];
      expect(checkDimensions(defs, { 'scenario.precision': 'bf16' })).toEqual([]);
    });
  });

  it('editing scenario.efficiency recomputes exactly its downstream cone, each cell once', () => {
    const g = foundationGraph('inference');
    for (const id of g.topology.ids) g.get(id);
    g.resetEvaluationCounts();
    g.set('scenario.efficiency', 0.4);
    for (const id of g.topology.ids) g.get(id);
    const cone = new Set(g.topology.downstream('scenario.efficiency'));
    // The cone: η → t_compute → latency → everything timed, and the status cells.
    expect(cone.has('compute.t_compute') && cone.has('software.overhead_fraction') && cone.has('compute.energy_per_item')).toBe(true);
    expect(cone.has('compute.t_memory') || cone.has('workload.kv_bytes')).toBe(false);
    for (const [id, n] of g.evaluationCounts()) expect(n, id).toBe(cone.has(id) ? 1 : 0);
  });

  it('ref.serving_input_validation: bad scenario inputs are invalid_input errors that block what depends on them', () => {
    const c = goldenCase('ref.serving_input_validation');
    for (const [key, kind] of Object.entries(c.expected)) {
      const [id, raw] = key.split('=');
      if (!id.startsWith('scenario.')) continue; // serving.* inputs belong to wall 4
      const g = foundationGraph('inference');
      const v = id === 'scenario.precision' ? raw : Number(raw);
      expect(g.set(id, v).ok, key).toBe(false);
      const cell = g.get(id);
      expect(cell.ok ? 'ok' : cell.error.kind, key).toBe(kind);
      const latency = g.get('compute.latency');
      expect(latency.ok ? 'ok' : latency.error.kind, key).toBe('upstream');
    }
  });

  it('an invalid precision names the valid keys; keys match case-insensitively', () => {
    const g = foundationGraph('inference');
    expect(g.set('scenario.precision', 'float7').message).toBe(
      'scenario.precision must be one of fp32, tf32, bf16, fp16, fp8, int8, int4, fp4 (got "float7")',
    );
    g.set('scenario.precision', ' FP8 ');
    const p = g.get('scenario.precision');
    expect(p.ok && p.value).toBe('fp8');
  });

  it('a non-integer batch is refused, never rounded', () => {
    const g = foundationGraph('inference');
    expect(g.set('scenario.batch_size', 1.5).message).toBe('scenario.batch_size must be an integer ≥ 1 (got 1.5)');
  });

  it('the mode is fixed per graph: another mode is refused (the builder rebuilds the graph instead)', () => {
    const g = foundationGraph('inference');
    expect(g.set('scenario.mode', 'training').ok).toBe(false);
    expect(g.set('scenario.mode', 'INFERENCE').ok).toBe(true);
  });

  it('builds a valid live graph for every mode and family combination (other walls as stand-ins)', () => {
    for (const model of [LLAMA3_8B, DEEPSEEK_V3, RESNET50_CATALOGUE]) {
      expect(() => new LiveGraph(foundationDefs('inference', model))).not.toThrow();
    }
  });
});
