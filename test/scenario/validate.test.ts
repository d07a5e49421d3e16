import { describe, expect, it } from 'vitest';
import { validationCases, type ValidationCase } from '../../src/registry/index.js';
import {
  bottleneckClass, evaluate, medianAbsError, runCase, runValidation, scenarioSchema, selectCases, summarize,
  type CaseResult,
} from '../../src/scenario/index.js';

const byId = (id: string): ValidationCase => {
  const c = validationCases().find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
};

/** A result with only what the summaries read. */
const result = (over: Partial<CaseResult>): CaseResult => ({
  id: 'x', title: 'x', category: 'training', split: 'tune', source: { title: 't', url: 'https://e.org' }, locator: 'l',
  quantity: 'training_mfu', unit: 'fraction', measured: 1, status: 'ok', bottleneck: 'compute', warnings: [], ...over,
});

describe('runCase on identity cases (exact arithmetic)', () => {
  it('Llama-3-8B KV bytes per token at fp16 = 2·32·8·128·2 B = 131,072 B (physics §2.6, §12.8): error 0', () => {
    const r = runCase(byId('llama3-8b-kv-bytes-fp16'));
    expect(r.status).toBe('ok');
    expect(r.measured).toBe(2 * 32 * 8 * 128 * 2);
    expect(r.predicted).toBe(131_072);
    expect(r.error).toBe(0);
    expect(r.bottleneck).toBe('none');
  });

  it('DeepSeek-V3 MLA KV bytes per token = 61·(512 + 64)·2 B = 70,272 B, and every identity is exact', () => {
    expect(runCase(byId('deepseek-v3-mla-kv-bytes-fp16')).predicted).toBe(61 * (512 + 64) * 2);
    const report = runValidation(validationCases(), { category: 'identity' });
    expect(report.results.length).toBeGreaterThanOrEqual(5);
    // Exact up to double round-off: the interruption count is a sum of rates × hours (issue 19).
    expect(report.summary.identity.max_abs_error).toBeLessThan(1e-12);
  });
});

describe('runCase on measured cases', () => {
  it('reads the quantity in the measurement unit: TTFT in ms is serving.ttft (s) × 1000', () => {
    const c = byId('trtllm-a100-llama2-7b-ttft-2048');
    const ttft = evaluate(c.scenario).built.graph.value('serving.ttft') as number;
    const r = runCase(c);
    expect(r.unit).toBe('ms');
    expect(r.predicted).toBeCloseTo(ttft * 1000, 9);
    expect(r.error).toBeCloseTo((ttft * 1000 - 133) / 133, 12);
  });

  it('static-batch throughput per GPU is batch × output tokens / request latency', () => {
    const c = byId('trtllm-h100-llama2-7b-b48-2048-2048');
    const g = evaluate(c.scenario).built.graph;
    const r = runCase(c);
    expect(r.predicted).toBeCloseTo((48 * 2048) / (g.value('serving.request_latency') as number), 6);
  });

  it('a stand-in is said as a warning of the case (H100 for the absent H800)', () => {
    const r = runCase(byId('deepseek-v3-h800-training-cost'));
    expect(r.warnings.filter((w) => w.startsWith('stand-in: '))).toEqual([expect.stringMatching(/H800 is absent; the catalogue's H100/)]);
  });

  it('a case the engine cannot build is reported as not evaluated, naming why, and never throws', () => {
    // tensor parallelism on one device: communication.tp is no cell of a one-device serving scenario
    const c = byId('trtllm-h100-llama2-70b-tp4-ttft-2048');
    const { system: _system, ...oneDevice } = c.scenario;
    const r = runCase({ ...c, scenario: oneDevice });
    expect(r.status).toBe('not_evaluated');
    expect(r.predicted).toBeUndefined();
    expect(r.reason).toMatch(/communication\.tp/);
  });

  it('the tensor-parallel serving cases evaluate: TTFT at TP 4 is serving.ttft of the split model', () => {
    const c = byId('trtllm-h100-llama2-70b-tp4-ttft-2048');
    const g = evaluate(c.scenario).built.graph;
    expect(g.value('communication.tp')).toBe(4);
    const r = runCase(c);
    expect(r.status).toBe('ok');
    expect(r.predicted).toBeCloseTo((g.value('serving.ttft') as number) * 1000, 9);
  });

  it('a case whose scenario is not a scenario is not evaluated, with the schema message', () => {
    const bad = { ...byId('llama3-8b-kv-bytes-fp16'), scenario: { model: 'Llama3_8B' } };
    const r = runCase(bad);
    expect(r.status).toBe('not_evaluated');
    expect(r.reason).toMatch(/hardware/);
  });

  it('every bundled case is a valid scenario document', () => {
    for (const c of validationCases()) expect(scenarioSchema.safeParse(c.scenario).success, c.id).toBe(true);
  });
});

describe('summaries', () => {
  it('the median |error| of 0.1, −0.3, 0.2 is 0.2, and of four values the mean of the middle two', () => {
    expect(medianAbsError([result({ error: 0.1 }), result({ error: -0.3 }), result({ error: 0.2 })])).toBe(0.2);
    expect(medianAbsError([result({ error: 0.1 }), result({ error: -0.4 }), result({ error: 0.2 }), result({ error: 0.3 })])).toBeCloseTo(0.25, 15);
    expect(medianAbsError([result({ status: 'not_evaluated' })])).toBeUndefined();
  });

  it('per category, per split and overall; identity cases stay out of the overall median', () => {
    const s = summarize([
      result({ category: 'training', split: 'tune', error: 0.1 }),
      result({ category: 'carbon', split: 'holdout', error: -0.5 }),
      result({ category: 'carbon', split: 'tune', status: 'not_evaluated' }),
      result({ category: 'identity', split: undefined, error: 0 }),
    ]);
    expect(s.categories.training).toEqual({ n: 1, evaluated: 1, median_abs_error: 0.1 });
    expect(s.categories.carbon).toEqual({ n: 2, evaluated: 1, median_abs_error: 0.5 });
    expect(s.overall).toEqual({ n: 3, evaluated: 2, median_abs_error: 0.3 });
    expect(s.splits.tune).toEqual({ n: 2, evaluated: 1, median_abs_error: 0.1 });
    expect(s.splits.holdout).toEqual({ n: 1, evaluated: 1, median_abs_error: 0.5 });
    expect(s.identity).toEqual({ n: 1, evaluated: 1, median_abs_error: 0, max_abs_error: 0 });
  });

  it('selects by category and by split (a split leaves identities out)', () => {
    const all = validationCases();
    expect(selectCases(all, { category: 'carbon' }).every((c) => c.category === 'carbon')).toBe(true);
    const tune = selectCases(all, { split: 'tune' });
    expect(tune.length).toBeGreaterThan(0);
    expect(tune.every((c) => c.split === 'tune' && c.category !== 'identity')).toBe(true);
  });

  it('the binding wall names the bottleneck class (physics §11.5 owners)', () => {
    expect(bottleneckClass(1)).toBe('compute');
    expect(bottleneckClass(2)).toBe('memory');
    expect(bottleneckClass(3)).toBe('overhead');
    expect(bottleneckClass(14)).toBe('communication');
    expect(bottleneckClass(7)).toBe('queueing');
    expect(bottleneckClass(undefined)).toBe('none');
  });
});
