import { describe, expect, it } from 'vitest';
import { Warned } from '../../../src/graph/index.js';
import { efficiencyDefault, efficiencyEstimate, judgeSoftware, KERNEL_CLASSES, softwareCells } from '../../../src/nodes/node/software.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { A100, context, H100, LLAMA3_8B, RESNET50, RESNET50_CATALOGUE } from '../fixtures.js';
import { foundationGraph, value } from './scenario-graph.js';

describe('wall 3: software efficiency', () => {
  it('ref.efficiency_model_workload_types: estimate = min(base·s_m, cap) per kernel class; achievable = peak·η', () => {
    const c = goldenCase('ref.efficiency_model_workload_types');
    const x = c.inputs as Record<string, number>;
    const g = standaloneGraph(softwareCells(context('inference')), {
      'scenario.efficiency': 0.5, 'scenario.compute_precision_effective': 'fp16', 'scenario.efficiency_warn': 0.6, 'hardware.peak_flops': x.peak_flops_flop_per_s,
      'compute.t_overhead': 1e-3, 'compute.latency': 1e-2, 'software.efficiency_mode': 'estimated', 'software.software_maturity': x.software_maturity,
    });
    for (const [key, want] of Object.entries(c.expected)) {
      const [, cell, kernel] = /^(.+)\[(.+)\]$/.exec(key)!;
      g.set('software.kernel_class', kernel);
      expectClose(value(g, cell), want, c.tolerance_rel, key);
    }
  });

  it('maturity scales the estimate up to the class cap', () => {
    expect(efficiencyEstimate('gemm', 2)).toBe(0.6);
    expect(efficiencyEstimate('conv', 1.25)).toBe(0.5);
    expect(efficiencyEstimate('attention_flash', 0.5)).toBe(0.375);
    for (const k of KERNEL_CLASSES) expect(efficiencyEstimate(k, 2)).toBeLessThanOrEqual(0.85);
  });

  it('the kernel class defaults to gemm for LMs, conv for vision and other otherwise', () => {
    const defaultOf = (m: typeof LLAMA3_8B) => softwareCells(context('inference', m)).find((d) => d.id === 'software.kernel_class');
    expect(defaultOf(LLAMA3_8B)).toMatchObject({ default: 'gemm' });
    expect(defaultOf(RESNET50)).toMatchObject({ default: 'conv' });
    expect(defaultOf({ ...RESNET50, family: 'generic' })).toMatchObject({ default: 'other' });
  });

  it('η given by the user is used unless the mode is estimated; unset, the sourced table is', () => {
    const g = foundationGraph('inference', RESNET50_CATALOGUE);
    // H100 at fp16: the bf16 matmul ceiling 794.5 of 989 TFLOP/s × the 180/271.2 a training step reaches of it (Bekman).
    const table = (794.5 / 989) * (180 / 271.2);
    expectClose(value(g, 'software.efficiency_default'), table, 1e-12, 'table η');
    expectClose(value(g, 'software.efficiency_effective'), table, 1e-12, 'unset → table');
    g.set('scenario.efficiency', 0.5);
    expect(value(g, 'software.efficiency_effective')).toBe(0.5);
    g.set('software.efficiency_mode', 'estimated');
    expect(value(g, 'software.efficiency_effective')).toBe(0.4);
  });

  it('the table η by device generation and precision: A100 bf16, H100 fp8, and the flat 0.5 with a warning for a device without a matmul measurement', () => {
    const a100 = efficiencyDefault(A100, 'bf16', 'training');
    expectClose(a100, (271.2 / 312) * (180 / 271.2), 1e-12, 'A100 bf16');
    expectClose(efficiencyDefault(H100, 'fp8', 'inference'), (1402.6 / 1979) * (180 / 271.2), 1e-12, 'H100 fp8');
    const t4 = efficiencyDefault({ ...H100, id: 'T4' }, 'fp16', 'inference');
    expect(t4).toBeInstanceOf(Warned);
    if (t4 instanceof Warned) {
      expect(t4.value).toBe(0.5);
      expect(t4.warnings[0]).toMatch(/no measured matmul ceiling for T4/);
    }
    // A precision without its own measurement uses the bf16 fraction, and says so.
    const int8 = efficiencyDefault(H100, 'int8', 'inference');
    expect(int8).toBeInstanceOf(Warned);
  });

  it('the table η carries its fallback warning only while it is in use', () => {
    const g = foundationGraph('inference', LLAMA3_8B, { ...H100, id: 'T4' });
    const before = g.get('software.efficiency_default');
    expect(before.ok && before.warnings.length).toBe(1);
    g.set('scenario.efficiency', 0.3);
    const v = g.get('software.efficiency_default');
    expect(v.ok && v.warnings).toEqual([]);
  });

  it('WARNs above the efficiency warning level and when launch overhead dominates; never FAILs', () => {
    expect(judgeSoftware(0.5, 0.6, 0.1)).toEqual({ status: 'PASS', reason: '' });
    expect(judgeSoftware(0.7, 0.6, 0.1)).toEqual({ status: 'WARN', reason: 'efficiency above 60 % is rarely sustained; check against traces' });
    expect(judgeSoftware(0.5, 0.6, 0.51)).toEqual({ status: 'WARN', reason: 'launch-overhead bound' });
    expect(judgeSoftware(1, 0.6, 1).status).toBe('WARN');
  });

  it('an eval with efficiency 0.7 raises the wall 3 warning (§11.4)', () => {
    const g = foundationGraph('inference', LLAMA3_8B, undefined, { 'scenario.efficiency': 0.7 });
    expect(value(g, 'software.status')).toBe('WARN');
  });
});
