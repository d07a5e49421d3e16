import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioInputError } from '../../src/scenario/index.js';
import { loadPlanText, planToYaml } from '../../src/scenario/yaml-text.js';
import { goldenCase } from '../helpers/golden.js';

const example = readFileSync(new URL('../../examples/example_cluster.yaml', import.meta.url), 'utf8');

/** A plan with the given top-level sections replacing the defaults. */
function plan(parts: { workload?: string; hardware?: string; extra?: string; version?: string } = {}): string {
  return [
    `version: ${parts.version ?? '"1.0"'}`,
    'name: test',
    `workload:\n${parts.workload ?? '  name: Llama3_8B\n  batch_size: 1'}`,
    `hardware:\n${parts.hardware ?? '  name: H100\n  precision: fp16\n  efficiency: 0.5'}`,
    parts.extra ?? '',
  ].join('\n');
}

function failure(text: string): ScenarioInputError {
  try {
    loadPlanText(text, { filename: 'bad.yaml' });
  } catch (e) {
    if (e instanceof ScenarioInputError) return e;
    throw e;
  }
  throw new Error(`plan loaded without error:\n${text}`);
}

describe('loadPlanText reads the seed example plan', () => {
  const { scenario, warnings } = loadPlanText(example);
  it('as a training scenario on 64 accelerators with the auto layout', () => {
    expect(scenario.mode).toBe('training');
    expect(scenario.layout).toBe('auto');
    expect(scenario.system).toEqual({ node_count: 8, accelerators_per_node: 8, node: 'DGX_H100' });
    // The plan names no node: DGX_H100 (8 NICs, 6 PSUs in catalog.json) is assumed, and said.
    expect(warnings).toEqual([expect.stringMatching(/names no node; assuming DGX_H100, .*8 NICs and 6 PSUs per node/)]);
  });
  it('with region, duration, workload cells and asserts', () => {
    expect(scenario.model).toBe('Llama3_70B');
    expect(scenario.hardware).toBe('H100');
    expect(scenario.region).toBe('Quebec');
    expect(scenario.ops).toEqual({ duration_days: 14 });
    expect(scenario.overrides).toEqual({
      'scenario.batch_size': 4096, 'communication.global_batch_size': 4096,
      'scenario.precision': 'bf16', 'scenario.efficiency': 0.5,
    });
    expect(scenario.asserts).toEqual([{ metric: 'performance.latency', max: 50 }]);
  });
});

describe('loadPlanText maps plan keys to cells', () => {
  it('a single-device plan is inference without a system or layout', () => {
    const { scenario } = loadPlanText(plan({ workload: '  name: Llama3_8B\n  batch_size: 8\n  seq_len: 4096' }));
    expect(scenario.mode).toBe('inference');
    expect(scenario.system).toBeUndefined();
    expect(scenario.layout).toBeUndefined();
    expect(scenario.overrides).toEqual({
      'scenario.batch_size': 8, 'scenario.context_len': 4096, 'scenario.precision': 'fp16', 'scenario.efficiency': 0.5,
    });
  });
  it('training plans set the global batch and sequence length too', () => {
    const { scenario } = loadPlanText(plan({
      workload: '  name: Llama3_70B\n  batch_size: 1024\n  seq_len: 8192',
      hardware: '  name: H100\n  node_count: 128\n  accelerators_per_node: 8\n  precision: BF16',
    }));
    expect(scenario.overrides).toMatchObject({
      'communication.global_batch_size': 1024, 'communication.seq_len': 8192, 'scenario.precision': 'bf16',
    });
    expect(scenario.system).toMatchObject({ node_count: 128, accelerators_per_node: 8 });
  });
  it('parses bandwidth quantities with units: "400 GB/s" → 4e11, "200 Gbit/s" → 2.5e10', () => {
    const { scenario } = loadPlanText(plan({
      hardware: '  name: H100\n  accelerators: 16\n  intra_node_bw: "400 GB/s"\n  fabric_bandwidth: "200 Gbit/s"',
    }));
    expect(scenario.overrides?.['hardware.scaleup_bandwidth']).toBe(4e11);
    expect(scenario.overrides?.['communication.fabric_bandwidth']).toBe(2.5e10);
  });
  it('accelerators alone use the catalogue node size when it divides the count', () => {
    expect(loadPlanText(plan({ hardware: '  name: H100\n  accelerators: 16' })).scenario.system)
      .toEqual({ node_count: 2, accelerators_per_node: 8, node: 'DGX_H100' });
    expect(loadPlanText(plan({ hardware: '  name: H100\n  accelerators: 4' })).scenario.system)
      .toEqual({ node_count: 1, accelerators_per_node: 4 });
  });
  it('accelerators that fit no node become N × 1, with a note', () => {
    const r = loadPlanText(plan({ hardware: '  name: H100\n  accelerators: 12' }));
    expect(r.scenario.system).toEqual({ node_count: 12, accelerators_per_node: 1 });
    expect(r.warnings.join()).toMatch(/12 nodes × 1 accelerator/);
  });
  it('a bare bandwidth number is B/s, and a tiny one warns', () => {
    const r = loadPlanText(plan({ hardware: '  name: H100\n  fabric_bandwidth: 400' }));
    expect(r.scenario.overrides?.['communication.fabric_bandwidth']).toBe(400);
    expect(r.warnings.join()).toMatch(/hardware\.fabric_bandwidth=400 read as 400 B\/s — did you mean 400 GB\/s\?/);
  });
  it('ops without a duration still activates Macro (ops present)', () => {
    expect(loadPlanText(plan({ extra: 'ops:\n  region: France' })).scenario).toMatchObject({ ops: {}, region: 'France' });
  });
  it('asserts keep bounds with units as written', () => {
    const { scenario } = loadPlanText(plan({
      extra: 'constraints:\n  assert:\n    - {metric: performance.latency, min: "1 ms", max: "0.05 s"}',
    }));
    expect(scenario.asserts).toEqual([{ metric: 'performance.latency', min: '1 ms', max: '0.05 s' }]);
  });
});

describe("the seed's legacy hardware.nodes", () => {
  it('reads nodes: 64 as 64 accelerators, with a warning naming the newer keys', () => {
    const r = loadPlanText(plan({ hardware: '  name: H100\n  nodes: 64' }));
    expect(r.scenario.system).toEqual({ node_count: 8, accelerators_per_node: 8, node: 'DGX_H100' });
    expect(r.scenario.mode).toBe('training');
    // The second says the node assumed (DGX_H100's NICs and PSUs).
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/hardware\.nodes.*hardware\.accelerators.*node_count.*accelerators_per_node/);
    expect(r.warnings[1]).toMatch(/names no node; assuming DGX_H100/);
  });
  it('nodes with accelerators_per_node must divide', () => {
    expect(failure(plan({ hardware: '  name: H100\n  nodes: 10\n  accelerators_per_node: 4' })).message)
      .toMatch(/hardware\.nodes \(10\) must be divisible by accelerators_per_node \(4\)/);
  });
});

describe('golden ref.plan_schema_validation', () => {
  const g = goldenCase('ref.plan_schema_validation');
  const [indivisible, stray] = g.inputs.plans as string[];
  it('rejects 10 accelerators at 4 per node, naming both numbers', () => {
    const e = failure(indivisible);
    expect(e.path).toBe('hardware.accelerators');
    expect(e.message).toMatch(/hardware\.accelerators \(10\) must be divisible by accelerators_per_node \(4\)/);
  });
  it('rejects workload.stray_field, listing the allowed keys', () => {
    const e = failure(stray);
    expect(e.path).toBe('workload.stray_field');
    expect(e.message).toMatch(/workload\.stray_field is not a known key \(allowed: name, batch_size, seq_len\)/);
  });
});

describe('the other golden plans load', () => {
  for (const id of ['spec-12.2-train-70b-1024-h100', 'ref.distributed_invalid_split', 'ref.training_memory_zero2_dp4',
    'ref.cli_eval_sla_assert_fails_exit3']) {
    it(id, () => {
      const text = goldenCase(id).inputs.plan_yaml as string;
      expect(loadPlanText(text).scenario.model).toMatch(/^Llama3_/);
    });
  }
  it('1e-06 is a number bound', () => {
    const text = goldenCase('ref.cli_eval_sla_assert_fails_exit3').inputs.plan_yaml as string;
    expect(loadPlanText(text).scenario.asserts).toEqual([{ metric: 'performance.latency', max: 1e-6 }]);
  });
});

describe('planToYaml', () => {
  it('round-trips the example plan with nothing dropped', () => {
    const { scenario } = loadPlanText(example);
    const out = planToYaml(scenario);
    expect(out.dropped).toEqual([]);
    expect(loadPlanText(out.yaml).scenario).toEqual(scenario);
  });
  it('writes bandwidths as GB/s and lists what a plan cannot express', () => {
    const out = planToYaml({
      model: 'Llama3_8B', hardware: 'H100', system: 'Lab_64_H100', mode: 'training', layout: 'given',
      overrides: { 'communication.fabric_bandwidth': 5e10, 'communication.tp': 8 },
      sweeps: [{ x: { cell: 'scenario.batch_size', start: 1, stop: 8, points: 4, scale: 'log' }, outputs: ['performance.latency'] }],
    });
    expect(out.yaml).toMatch(/fabric_bandwidth: 50 GB\/s/);
    expect(out.yaml).toMatch(/node_count: 8/);
    expect(out.dropped).toEqual([
      'system.fabric (InfiniBand_HDR, from cluster Lab_64_H100)', 'layout (given)',
      "overrides['communication.tp'] (8)", 'sweeps (1)',
    ]);
    expect(loadPlanText(out.yaml).scenario.overrides?.['communication.fabric_bandwidth']).toBe(5e10);
  });
  it('refuses custom devices', () => {
    expect(() => planToYaml({
      model: 'Llama3_8B',
      hardware: { id: 'MyChip', peak_tflops: { fp16: 100 }, memory_capacity_gb: 16, memory_bandwidth_gbs: 500 },
    })).toThrow(/hardware must be a catalogue id/);
  });
});
