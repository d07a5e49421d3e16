import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allGather, allToAll, hierarchicalAllreduce, p2p, reduceScatter, ringAllreduce, treeAllreduce,
} from '../../../src/nodes/templates/collectives.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';

describe('ringAllreduce(M, N, β, α)', () => {
  it('matches ref.ring_allreduce: 1 GB over 8 ranks at 50 GB/s, α 0.5 µs', () => {
    const c = goldenCase('ref.ring_allreduce');
    const i = c.inputs as { message_bytes: number; ranks: number; bandwidth_B_per_s: number; latency_s: number };
    const got = ringAllreduce(i.message_bytes, i.ranks, i.bandwidth_B_per_s, i.latency_s);
    expectClose(got, c.expected.ring_allreduce_s, c.tolerance_rel, 'ring_allreduce_s');
  });

  it('is 0 for one rank, whatever the message', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 1e6, max: 1e13, noNaN: true }),
      (m, beta) => ringAllreduce(m, 1, beta, 1e-6) === 0));
  });

  it('gives the §12.2 TP all-reduce: 134 217 728 B over 8 NVLink ranks = 0.528958 ms', () => {
    // 2·7/8 · 134217728/450e9 + 2·7·0.5e-6 = 5.21958e-4 + 7e-6 = 5.28958e-4 s
    expectClose(ringAllreduce(134217728, 8, 450e9, 0.5e-6), 0.000528957831111, 1e-9);
  });

  it('approaches 2M/β as N grows (bandwidth-optimal)', () => {
    expectClose(ringAllreduce(1e9, 1e6, 1e9, 0), 2 * (1 - 1e-6), 1e-12);
  });

  it('never decreases when β falls', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4096 }), fc.double({ min: 1e6, max: 1e12, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }), (n, beta, f) => ringAllreduce(1e8, n, beta * f, 1e-6) >= ringAllreduce(1e8, n, beta, 1e-6)));
  });

  it('refuses invalid arguments instead of returning NaN', () => {
    expect(() => ringAllreduce(-1, 2, 1, 0)).toThrow(RangeError);
    expect(() => ringAllreduce(1, 0, 1, 0)).toThrow(RangeError);
    expect(() => ringAllreduce(1, 2.5, 1, 0)).toThrow(RangeError);
    expect(() => ringAllreduce(1, 2, 0, 0)).toThrow(RangeError);
    expect(() => ringAllreduce(1, 2, 1, -1)).toThrow(RangeError);
  });
});

describe('reduceScatter, allGather, allToAll, p2p', () => {
  it('reduce-scatter and all-gather each cost half a ring all-reduce', () => {
    // (N−1)/N·M/β + (N−1)·α = 7/8 · 1e9/1e11 + 7e-6 = 8.757e-3 s
    expectClose(reduceScatter(1e9, 8, 1e11, 1e-6), 0.008757, 1e-12);
    expect(allGather(1e9, 8, 1e11, 1e-6)).toBe(reduceScatter(1e9, 8, 1e11, 1e-6));
    expectClose(2 * reduceScatter(1e9, 8, 1e11, 1e-6), ringAllreduce(1e9, 8, 1e11, 1e-6), 1e-12);
  });

  it('all-to-all sends (N−1)/N of the message', () => {
    expectClose(allToAll(8e8, 4, 1e11, 2e-6), (3 / 4) * 8e-3 + 3 * 2e-6, 1e-12);
    expect(allToAll(8e8, 1, 1e11, 2e-6)).toBe(0);
  });

  it('p2p is M/β + α: the §12.2 PP send of 16 777 216 B on 50 GB/s is 0.340544 ms', () => {
    expectClose(p2p(16777216, 50e9, 5e-6), 16777216 / 50e9 + 5e-6, 1e-12);
  });
});

describe('hierarchicalAllreduce(M, k, n, links)', () => {
  const links = { betaIn: 450e9, alphaIn: 0.5e-6, betaOut: 50e9, alphaOut: 5e-6 };

  it('is 2·reduce_scatter inside + ring of M/k across', () => {
    // k = 8, n = 16, M = 1e9: 2·(7/8·1e9/450e9 + 7·0.5e-6) + (2·15/16·1.25e8/50e9 + 30·5e-6)
    const want = 2 * ((7 / 8) * (1e9 / 450e9) + 7 * 0.5e-6) + ((2 * 15) / 16) * (1.25e8 / 50e9) + 30 * 5e-6;
    expectClose(hierarchicalAllreduce(1e9, 8, 16, links), want, 1e-12);
  });

  it('reduces to the intra-node ring when n = 1 and to the fabric ring when k = 1', () => {
    expectClose(hierarchicalAllreduce(1e9, 8, 1, links), ringAllreduce(1e9, 8, 450e9, 0.5e-6), 1e-12);
    expectClose(hierarchicalAllreduce(1e9, 1, 32, links), ringAllreduce(1e9, 32, 50e9, 5e-6), 1e-12);
  });

  it('applies congestion to the fabric phase only', () => {
    const base = hierarchicalAllreduce(1e9, 8, 16, links);
    const congested = hierarchicalAllreduce(1e9, 8, 16, { ...links, congestion: 2 });
    expectClose(congested - base, ringAllreduce(1e9 / 8, 16, 50e9, 5e-6), 1e-9);
    expect(() => hierarchicalAllreduce(1e9, 8, 16, { ...links, congestion: 0.5 })).toThrow(RangeError);
  });

  it('beats a flat ring on the slow link for large messages', () => {
    expect(hierarchicalAllreduce(1e9, 8, 16, links)).toBeLessThan(ringAllreduce(1e9, 128, 50e9, 5e-6));
  });
});

describe('treeAllreduce(M, N, β, α)', () => {
  it('has log-depth latency: 2·⌈log₂N⌉·α + 2M/β', () => {
    expectClose(treeAllreduce(1e6, 1024, 1e10, 1e-5), 2 * 10 * 1e-5 + 2e-4, 1e-12);
    expect(treeAllreduce(1e6, 1, 1e10, 1e-5)).toBe(0);
  });

  it('beats the ring for tiny messages on many ranks', () => {
    expect(treeAllreduce(1e3, 1024, 1e10, 1e-5)).toBeLessThan(ringAllreduce(1e3, 1024, 1e10, 1e-5));
  });
});
