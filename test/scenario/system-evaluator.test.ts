import { describe, expect, it } from 'vitest';
import { Hardware, Models } from '../../src/registry/index.js';
import { SystemEvaluator } from '../../src/scenario/system-evaluator.js';
import { cli } from '../cli/helpers.js';

describe('SystemEvaluator.evaluate (the seed API in TypeScript)', () => {
  it('prints the same scorecard as `mlsysim eval` with the same flags', async () => {
    const r = SystemEvaluator.evaluate({ model: Models.Language.Llama3_8B, hardware: Hardware.Cloud.H100, batchSize: 32, precision: 'fp16', efficiency: 0.45 });
    const run = await cli(['eval', 'Llama3_8B', 'H100', '--batch-size', '32', '--precision', 'fp16', '--efficiency', '0.45']);
    expect(run.code).toBe(0);
    expect(r.scorecard() + '\n').toBe(run.stdout);
  });

  it('maps batchSize, precision, efficiency and seqLen to the cells the CLI flags set (physics §11.4)', () => {
    const r = SystemEvaluator.evaluate({ name: 'Llama-3 8B on H100', model: 'Llama3_8B', hardware: 'H100', batchSize: 8, precision: 'bf16', efficiency: 0.3, seqLen: 4096 });
    expect(r.value('scenario.batch_size')).toBe(8);
    expect(r.value('scenario.precision')).toBe('bf16');
    expect(r.value('scenario.efficiency')).toBe(0.3);
    expect(r.value('scenario.context_len')).toBe(4096);
    expect(r.scorecard()).toContain('Llama-3 8B on H100 (inference)');
    expect(r.exitCode).toBe(0);
  });

  it('reads a metric in its display unit: memory used in GB is the weights plus KV plus working set (physics §11.2)', () => {
    const r = SystemEvaluator.evaluate({ model: Models.Language.Llama3_8B, hardware: Hardware.Cloud.H100 });
    const bytes = r.value('memory.memory_footprint') as number;
    expect(r.metric('feasibility.memory_used_gb')).toBeCloseTo(bytes / 1e9, 12);
    expect(r.toJSON().f_status).toBe('PASS');
  });

  it('refuses bad input naming the field', () => {
    expect(() => SystemEvaluator.evaluate({ model: 'Llama3_8C', hardware: 'H100' })).toThrow(/Llama3_8B/);
  });
});
