import { describe, expect, it } from 'vitest';
import { Failure } from '../../../src/graph/index.js';
import { activationBytesPerGpu, activationBytesPerLayer, activationWorkingSet } from '../../../src/nodes/workload/activations.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';

describe('activation memory (§2.7 Korthikanti et al., §2.8 working set)', () => {
  it('ref.activation_memory_korthikanti: none / selective / full at s 1024, h 768, a 12, t 1, no SP; fp32 doubles', () => {
    const c = goldenCase('ref.activation_memory_korthikanti');
    const x = c.inputs as Record<string, number>;
    const layout = { seqLen: x.seq_len, microbatch: x.microbatch, hidden: x.hidden_dim, heads: x.heads, tp: x.tp, sequenceParallel: false, activationWidth: x.bytes_per_activation };
    for (const rc of ['none', 'selective', 'full']) {
      expectClose(activationBytesPerLayer({ ...layout, recompute: rc }), c.expected[`activation_bytes_per_layer[${rc}]`], c.tolerance_rel, rc);
    }
    const fp32 = activationBytesPerLayer({ ...layout, recompute: 'selective', activationWidth: 4 }) as number;
    expectClose(fp32 / (activationBytesPerLayer({ ...layout, recompute: 'selective' }) as number), c.expected.fp32_over_fp16_ratio, c.tolerance_rel);
    const bad = activationBytesPerLayer({ ...layout, recompute: 'unknown' });
    expect(bad).toBeInstanceOf(Failure);
    expect((bad as Failure).kind).toBe(c.expected['recompute=unknown']);
  });

  it('sequence parallelism divides every term by t (§12.2: s·b·h·34/t = 285 212 672 B)', () => {
    expect(activationBytesPerLayer({ seqLen: 8192, microbatch: 1, hidden: 8192, heads: 64, tp: 8, sequenceParallel: true, recompute: 'selective', activationWidth: 2 })).toBe(285_212_672);
  });

  it('A_gpu counts min(m, p) microbatches in flight on the first stage, more when interleaved (§12.2: 22 817 013 760 B)', () => {
    expect(activationBytesPerGpu(285_212_672, 20, 32, 4, 1)).toBe(22_817_013_760);
    // v = 2: ι = 1 + 3/8.
    expect(activationBytesPerGpu(1, 10, 32, 4, 2)).toBe(10 * 4 * 1.375);
    expect(activationBytesPerGpu(1, 10, 2, 4, 1)).toBe(20);
  });

  it('A_work(B, n) = B·n·κ·d·b_act (§12.1: 1·1·16·4096·2 = 131 072 B)', () => {
    expect(activationWorkingSet(1, 1, 16, 4096, 2)).toBe(131_072);
    expect(activationWorkingSet(64, 1, 16, 4096, 2)).toBe(8_388_608);
  });
});
