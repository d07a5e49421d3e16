/**
 * The bottleneck class the sources state, scored by `validate`, and the two reliability
 * readings (node failures per 1000 node-days, a job's MTTF) worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseValidationSet, validationCases, validationSet, type ValidationCase } from '../../src/registry/index.js';
import { runCase, summarize, type CaseResult } from '../../src/scenario/index.js';
import { expectClose } from '../helpers/golden.js';

const byId = (id: string): ValidationCase => {
  const c = validationCases().find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
};

const result = (over: Partial<CaseResult>): CaseResult => ({
  id: 'x', title: 'x', category: 'inference', split: 'tune', source: { title: 't', url: 'https://e.org' }, locator: 'l',
  quantity: 'ttft', unit: 'ms', measured: 1, status: 'ok', bottleneck: 'compute', warnings: [], ...over,
});

describe('expected bottleneck class', () => {
  it('the share is right / evaluated over the cases that state a class; a case without one does not count', () => {
    const s = summarize([
      result({ id: 'a', expected_bottleneck: 'compute', bottleneck_right: true }),
      result({ id: 'b', expected_bottleneck: 'memory', bottleneck: 'compute', bottleneck_right: false }),
      result({ id: 'c', expected_bottleneck: 'memory', bottleneck: 'memory', bottleneck_right: true }),
      result({ id: 'd' }),
      result({ id: 'e', expected_bottleneck: 'compute', status: 'not_evaluated', bottleneck: 'none' }),
    ]);
    expect(s.bottleneck_class).toEqual({ stated: 4, evaluated: 3, right: 2, share: 2 / 3, wrong: ['b'] });
    expect(summarize([result({})]).bottleneck_class).toEqual({ stated: 0, evaluated: 0, right: 0, wrong: [] });
  });

  it('runCase compares its predicted class with the stated one: a 2,048-token prompt at batch 1 is compute-bound (Splitwise)', () => {
    const r = runCase(byId('trtllm-h100-llama2-7b-ttft-2048'));
    expect(r.expected_bottleneck).toBe('compute');
    expect(r.bottleneck_right).toBe(r.bottleneck === 'compute');
  });

  it('a stated class names its basis; only measured cases may state one, and only a known class', () => {
    for (const c of validationCases().filter((x) => x.expected_bottleneck)) {
      expect(c.category, c.id).not.toBe('identity');
      expect(c.expected_bottleneck!.basis.length, c.id).toBeGreaterThan(40);
    }
    const base = validationSet();
    const identity = base.cases.find((c) => c.category === 'identity')!;
    const withClass = (c: ValidationCase, cls: string) => ({ ...base, cases: [{ ...c, expected_bottleneck: { class: cls, basis: 'a source says so' } }] });
    expect(() => parseValidationSet(withClass(identity, 'compute'))).toThrow(/expected_bottleneck.*must be absent for an identity case/);
    expect(() => parseValidationSet(withClass(byId('trtllm-h100-llama2-7b-ttft-2048'), 'speed'))).toThrow(/expected_bottleneck\.class/);
  });
});

describe('reliability readings', () => {
  // The engine's failure rates are the Llama 3 root-cause table (16,384 H100 × 54 days = 21,233,664 GPU-hours,
  // 2,048 servers × 1,296 h = 2,654,208 node-hours): GPU 268 and NIC 7 per GPU- (NIC-) hour, host 46 + network 35
  // + software 63 per node-hour. A DGX A100 node: 8 GPUs, 8 NICs, 6 PSUs (3 spare, not in series).
  const perNodeHour = (268 * 8 + 7 * 8) / 21_233_664 + (46 + 35 + 63) / 2_654_208;

  it('node failures per 1000 node-days = λ_n × 24 h × 1000 = 3.7887 on a DGX A100 node', () => {
    const r = runCase(byId('kokolis-rsc1-a100-node-failure-rate'));
    expect(r.status).toBe('ok');
    expectClose(r.predicted!, perNodeHour * 24 * 1000, 1e-9, 'failures per 1000 node-days');
    expectClose(r.predicted!, 3.7887, 1e-4, 'rounded');
  });

  it('OPT-175B on 124 nodes for 60 days expects 124 × 1,440 h × λ_n = 28.19 failures', () => {
    const r = runCase(byId('opt-175b-a100-hardware-restarts-2mo'));
    expectClose(r.predicted!, 124 * 1440 * perNodeHour, 1e-9, 'expected failures');
    expectClose(r.predicted!, 28.188, 1e-4, 'rounded');
  });

  it('a 1,024-GPU job (128 nodes) has MTTF 1/(128·λ_n) = 49.49 h', () => {
    const r = runCase(byId('kokolis-rsc1-a100-1024gpu-job-mttf'));
    expectClose(r.predicted!, 1 / (128 * perNodeHour), 1e-9, 'MTTF h');
    expectClose(r.predicted!, 49.489, 1e-4, 'rounded');
  });
});
