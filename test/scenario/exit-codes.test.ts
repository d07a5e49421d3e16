/**
 * The exit code and the scorecard agree (README "Exit codes", physics.md §11.6):
 * - a wall that lacks catalogue data for this scenario (its error is `missing_data` at the root)
 *   is n/a: SKIPPED "n/a: <why>", and it does not colour its lens;
 * - a lens in ERROR is a real inconsistency and exits 1, with the reason;
 * - a failed assert sets `passed_all` false (and exits 3 on a feasible scenario).
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/registry/index.js';
import { evaluate, flatResult, type Scenario } from '../../src/scenario/index.js';

const wall = (e: ReturnType<typeof evaluate>, n: number) => e.walls.find((w) => w.wall === n)!;

describe('walls without data are n/a, not ERROR', () => {
  it('Llama3_8B on TPUv6: the catalogue lists no storage or host link, so wall 8 (ingestion) is n/a and Performance is not ERROR', () => {
    // The premise, from the catalogue entry itself: TPUv6 gives neither ingest path.
    const tpu = registry().get('hardware', 'TPUv6');
    expect(tpu).toBeDefined();
    expect(tpu?.storage_bandwidth).toBeUndefined();
    expect(tpu?.host_link_bandwidth).toBeUndefined();
    const e = evaluate({ model: 'Llama3_8B', hardware: 'TPUv6' });
    expect(wall(e, 8).status).toBe('SKIPPED');
    expect(wall(e, 8).reason).toMatch(/^n\/a: ingestion\.\w+: no ingest path: TPUv6 lists neither storage_bandwidth nor host_link_bandwidth/);
    expect(e.card.performance.status).not.toBe('ERROR');
    expect(e.card.performance.reasons.join(' ')).not.toMatch(/Ingestion/);
    expect(e.exit_code).toBe(0);
    expect(e.card.passed_all).toBe(true);
  });

  it('no device turns Llama3_8B inference to a lens ERROR through a missing catalogue figure', () => {
    const devices = registry().list('hardware').map((d) => d.id);
    const errored = devices
      .map((hardware) => ({ hardware, e: evaluate({ model: 'Llama3_8B', hardware }) }))
      .filter(({ e }) => [e.card.feasibility, e.card.performance, e.card.macro].some((l) => l.status === 'ERROR'))
      .map(({ hardware, e }) => `${hardware}: ${e.card.performance.reasons.join('; ')}`);
    expect(errored).toEqual([]);
  });
});

describe('a lens in ERROR exits 1', () => {
  it('quantizing fp16 weights "to" fp32 is inconsistent: wall 13 ERROR, Performance ERROR, exit 1 naming the field', () => {
    // fp32 has 32 bits, fp16 16: a quantization target must have fewer bits (physics.md wall 13).
    const e = evaluate({
      model: 'Llama3_8B', hardware: 'H100',
      overrides: { 'fidelity.compression_method': 'quantization', 'fidelity.target_precision': 'fp32' },
    });
    expect(wall(e, 13).status).toBe('ERROR');
    expect(e.card.performance.status).toBe('ERROR');
    expect(e.card.passed_all).toBe(false);
    expect(e.exit_code).toBe(1);
    expect(e.input_error).toMatch(/fidelity\.target_precision fp32 must have fewer bits than weight_precision fp16/);
  });

  it('infeasible wins over an ERROR lens: exit 2 iff Feasibility FAILs', () => {
    // 70B fp16 weights are 141 GB against the H100's 80 GB (feasibility FAIL), with the same inconsistency.
    const e = evaluate({
      model: 'Llama3_70B', hardware: 'H100',
      overrides: { 'fidelity.compression_method': 'quantization', 'fidelity.target_precision': 'fp32' },
    });
    expect(e.card.feasibility.status).toBe('FAIL');
    expect(e.exit_code).toBe(2);
  });
});

describe('a failed assert sets passed_all false', () => {
  const llama = (max: number): Scenario => ({
    model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.bandwidth_efficiency': 1 },
    asserts: [{ metric: 'performance.latency', max }],
  });

  it('latency ≤ 1 ms fails (8.03 G fp16 params = 16.1 GB over 3.35 TB/s is ≥ 4.8 ms): exit 3 and passed_all false', () => {
    const e = evaluate(llama(1));
    expect(e.asserts[0].passed).toBe(false);
    expect(e.exit_code).toBe(3);
    expect(e.card.passed_all).toBe(false);
    expect(flatResult(e).passed_all).toBe(false);
  });

  it('latency ≤ 1000 ms passes: exit 0 and passed_all true', () => {
    const e = evaluate(llama(1000));
    expect(e.asserts[0].passed).toBe(true);
    expect(e.exit_code).toBe(0);
    expect(e.card.passed_all).toBe(true);
  });
});
