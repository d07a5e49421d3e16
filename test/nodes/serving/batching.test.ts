import { describe, expect, it } from 'vitest';
import { checkDimensions } from '../../../src/graph/index.js';
import { batchingWall, requestThroughput, slotServiceTime, slotsThatFit } from '../../../src/nodes/serving/batching.js';
import { context, LLAMA3_70B, LLAMA3_8B, RESNET50 } from '../fixtures.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { scenarioDefs, scenarioGraph, valueOf } from './graph.js';

const serving = context('serving');
// Llama-3-8B on H100, fp16, S = 2048, N_out = 128, B_max = 32 (physics.md §12.1 figures).
const W = 1.606e10, KV = 131072, A = 524288, FLIN = 1.606e10, PEAK_ETA = 494.5e12, BW = 3.35e12, TOV = 330e-6;
const AWORK_PER_SEQ = 16 * 4096 * 2; // κ_act·d·b_act = 131 072 B per sequence-token
const BUDGET = 0.9 * 80e9 - W - 32 * AWORK_PER_SEQ; // 5.59358e10 B
const PER_SLOT = 2176 * KV; // ⌈2176/16⌉·16 = 2176 tokens, 2.85213e8 B
const itlFn = (x: number, b: number) => Math.max((b * (FLIN + A * x)) / PEAK_ETA, (W + b * x * KV) / BW) + TOV;
const TPC = (FLIN * 2048 + A * ((2048 * 2049) / 2)) / PEAK_ETA; // 68.738 ms

describe('wall 5 continuous batching (Llama-3-8B, H100)', () => {
  const g = scenarioGraph(serving);

  it('fits R = min(B_max, ⌊kv_budget/kv_bytes_per_seq⌋) slots', () => {
    expect(valueOf(g, 'batching.max_sequence_tokens')).toBe(2176);
    expectClose(valueOf(g, 'batching.kv_bytes_per_seq'), PER_SLOT, 1e-12);
    expect(valueOf(g, 'batching.kv_fragmentation')).toBe(0);
    expectClose(valueOf(g, 'batching.kv_budget'), BUDGET, 1e-12);
    expect(Math.floor(BUDGET / PER_SLOT)).toBe(196);
    expect(valueOf(g, 'batching.max_active_requests')).toBe(32);
    expect(valueOf(g, 'batching.batching_feasible')).toBe(true);
    expect(valueOf(g, 'batching.status')).toBe('PASS');
  });

  it('turns R slots over in N_out·ITL_R + R·T_pc', () => {
    const itl = itlFn(2112, 32); // 7.76832 ms, memory-bound
    expectClose(valueOf(g, 'batching.itl_at_capacity'), itl, 1e-9);
    expectClose(valueOf(g, 'batching.prefill_compute_per_request'), TPC, 1e-9);
    const tsvc = 128 * itl + 32 * TPC; // 3.19396 s
    expectClose(valueOf(g, 'batching.slot_service_time'), tsvc, 1e-9);
    expectClose(valueOf(g, 'batching.request_throughput'), 32 / tsvc, 1e-9); // 10.02 requests/s
    expectClose(valueOf(g, 'batching.throughput_tokens_per_second'), (128 * 32) / tsvc, 1e-9);
    expectClose(valueOf(g, 'batching.ttft_single'), 0.0690679747193, 1e-9);
    // T_base = ttft + 127·(ITL_R + R·T_pc/N_out) = 3.23808 s
    expectClose(valueOf(g, 'batching.request_latency_at_capacity'), 0.0690679747193 + 127 * (itl + (32 * TPC) / 128), 1e-9);
  });

  it('compares with a static allocator that reserves 2·(S + N_out) tokens', () => {
    const h = scenarioGraph(serving, { 'batching.max_batch_size': 256 });
    expect(valueOf(h, 'batching.max_active_requests')).toBe(196);
    expect(valueOf(h, 'batching.status')).toBe('WARN');
    expect(valueOf(h, 'batching.static_reserved_tokens_effective')).toBe(4352);
    const budget = 0.9 * 80e9 - W - 256 * AWORK_PER_SEQ;
    const rs = Math.floor(budget / (4352 * KV)); // ⌊5.59064e10/5.70425e8⌋ = 98
    expect(valueOf(h, 'batching.static_max_requests')).toBe(rs);
    const paged = (128 * 196) / (128 * itlFn(2112, 196) + 196 * TPC);
    const fixed = (128 * rs) / (128 * itlFn(2112, rs) + rs * TPC);
    expectClose(valueOf(h, 'batching.speedup_vs_static'), paged / fixed, 1e-9);
    h.set('batching.static_reserved_tokens', 2000);
    const v = h.get('batching.static_reserved_tokens_effective');
    expect(v.ok ? 'ok' : v.error.kind).toBe('invalid_input');
  });

  it('FAILs with R = 0 when the weights leave no KV budget, and still reports throughputs', () => {
    const h = scenarioGraph(context('serving', LLAMA3_70B)); // W = 141.2 GB > 0.9 × 80 GB
    expect(valueOf(h, 'batching.max_active_requests')).toBe(0);
    expect(valueOf(h, 'batching.batching_feasible')).toBe(false);
    expect(valueOf(h, 'batching.status')).toBe('FAIL');
    expect(valueOf(h, 'batching.request_throughput')).toBe(0);
    expect(valueOf(h, 'batching.slot_service_time')).toBeGreaterThan(0);
    const rs = h.get('batching.static_max_requests');
    expect(rs.ok && rs.warnings).toEqual(['static baseline cannot hold one sequence; compared at 1']);
  });
});

describe('ref.paged_kv_cache_formula', () => {
  it('pads 2050 tokens to 129 pages of 16', () => {
    const c = goldenCase('ref.paged_kv_cache_formula');
    const mha = { ...LLAMA3_8B, kv_heads: 32 }; // L 32, H_kv 32, d_h = d_v = 128, b = 2
    const g = scenarioGraph(context('serving', mha), { 'scenario.output_tokens': 2, 'batching.kv_page_size': 16 });
    expectClose(valueOf(g, 'workload.kv_bytes_per_token'), c.expected['workload.kv_bytes_per_token'], c.tolerance_rel);
    for (const x of [2048, 2050]) {
      g.set('serving.prompt_len', x - 2); // x_max = S + N_out = x
      expectClose(valueOf(g, 'batching.kv_bytes_per_seq'), c.expected[`kv_bytes_per_seq_paged[${x}]`], c.tolerance_rel, `paged ${x}`);
      expectClose(valueOf(g, 'batching.kv_fragmentation'), c.expected[`kv_fragmentation[${x}]`], c.tolerance_rel, `frag ${x}`);
    }
  });
});

describe('wall 5 helpers and structure', () => {
  it('slotsThatFit is 0 without budget and capped by B_max', () => {
    expect(slotsThatFit(32, -1, 10)).toBe(0);
    expect(slotsThatFit(32, 1000, 10)).toBe(32);
    expect(slotsThatFit(32, 105, 10)).toBe(10);
    expectClose(requestThroughput(4, 100, 0.01, 0.05), 4 / (100 * 0.01 + 4 * 0.05), 1e-12);
    expectClose(slotServiceTime(4, 100, 0.01, 0.05), 1.2, 1e-12);
  });

  it('exists only in serving mode; a non-LM gets invalid_input outputs but keeps kv_page_size', () => {
    expect(batchingWall(context('inference'))).toEqual([]);
    const g = scenarioGraph(context('serving', RESNET50));
    expect(valueOf(g, 'batching.kv_page_size')).toBe(16);
    const v = g.get('batching.max_active_requests');
    expect(v.ok ? 'ok' : v.error.kind).toBe('invalid_input');
  });

  it('is dimensionally consistent', () => {
    // Status reasons are text that quotes values ("p99 124.5 s > target 5 s"), so they change
    // under rescaling by design; every numeric cell of the wall must scale by its unit.
    const mine = (v: { id: string }[]) => v.filter((x) => x.id.startsWith('batching.') && x.id !== 'batching.status_reason');
    expect(mine(checkDimensions(scenarioDefs(serving), {}))).toEqual([]);
    expect(mine(checkDimensions(scenarioDefs(serving), { 'batching.max_batch_size': 256 }))).toEqual([]);
  });
});
