import { describe, expect, it } from 'vitest';
import { checkDimensions, LiveGraph } from '../../../src/graph/index.js';
import { buildScenarioDefs } from '../../../src/nodes/all-walls.js';
import { servingWall } from '../../../src/nodes/serving/index.js';
import { context, LLAMA3_8B, RESNET50 } from '../fixtures.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { goldenScenarioValues, scenarioDefs, scenarioGraph, valueOf } from './graph.js';

const serving = context('serving');
// §12.1 shared values: W = 1.606e10 B, kv_tok = 131 072 B, A = 524 288, F_lin = 1.606e10,
// peak·η = 494.5e12 FLOP/s, BW = 3.35e12 B/s, T_ov = 10 µs + 32 × 10 µs = 0.33 ms.
const W = 1.606e10, KV = 131072, A = 524288, FLIN = 1.606e10, PEAK_ETA = 989e12 * 0.5, BW = 3.35e12, TOV = 330e-6;

describe('wall 4 golden cases', () => {
  for (const id of ['spec-12.1-serving-prefill-causal', 'spec-12.1-serving-prefill-full', 'spec-12.1-serving-chunked-512']) {
    it(id, () => {
      const c = goldenCase(id);
      const g = scenarioGraph(serving, goldenScenarioValues(c));
      for (const [key, want] of Object.entries(c.expected)) {
        if (!key.startsWith('serving.')) continue; // p_* keys are the scorecard's (display ms)
        expectClose(valueOf(g, key), want, c.tolerance_rel, key);
      }
      const unnamed = c.expected_unnamed ?? {};
      if ('prefill_mfu' in unnamed) expectClose(valueOf(g, 'serving.prefill_mfu'), unnamed.prefill_mfu, c.tolerance_rel, 'prefill_mfu');
      if ('chunk_latencies_s' in unnamed) {
        const chunks = unnamed.chunk_latencies_s as number[];
        expectClose(valueOf(g, 'serving.prefill_chunk_time'), chunks[0], c.tolerance_rel, 'T_1');
        expectClose(valueOf(g, 'serving.decode_stall_bound'), Math.max(...chunks), c.tolerance_rel, 'max T_j');
      }
    });
  }

  it('spec-12.1 cases also hold through the full scenario assembly (WALL_FACTORIES, real wall 3 η)', () => {
    for (const id of ['spec-12.1-serving-prefill-causal', 'spec-12.1-serving-prefill-full', 'spec-12.1-serving-chunked-512']) {
      const c = goldenCase(id);
      const g = new LiveGraph(buildScenarioDefs(serving));
      g.setMany(goldenScenarioValues(c));
      for (const [key, want] of Object.entries(c.expected)) {
        if (key.startsWith('serving.')) expectClose(valueOf(g, key), want, c.tolerance_rel, `${id} ${key}`);
      }
    }
  });

  it('ref.serving_chunked_prefill_counts', () => {
    const c = goldenCase('ref.serving_chunked_prefill_counts');
    const g = scenarioGraph(serving, { 'serving.cached_prefix_len': 0 });
    const runs = (c.inputs as { runs: { prompt_len: number; prefill_chunk_tokens: number | null }[] }).runs;
    const keys = ['[4096,4096]', '[4096,512]', '[4097,512]', '[no chunking]'];
    runs.forEach((run, i) => {
      g.setMany({ 'serving.prompt_len': run.prompt_len, 'serving.prefill_chunk_tokens': run.prefill_chunk_tokens });
      expectClose(valueOf(g, 'serving.prefill_chunks'), c.expected[`serving.prefill_chunks${keys[i]}`], c.tolerance_rel, keys[i]);
    });
  });

  it('ref.serving_input_validation: each bad value alone is an invalid_input error', () => {
    const c = goldenCase('ref.serving_input_validation');
    const bad = (c.inputs as { bad_inputs: { cell: string; value: number | string }[] }).bad_inputs;
    const keys = Object.keys(c.expected); // "scenario.efficiency=0.0": the JSON spelling of each bad value
    expect(keys.length).toBe(bad.length);
    bad.forEach(({ cell, value }, i) => {
      const g = scenarioGraph(serving, goldenScenarioValues(c));
      g.set(cell, value);
      const v = g.get(cell);
      expect(v.ok, `${cell}=${value}`).toBe(false);
      expect(keys[i].startsWith(`${cell}=`)).toBe(true);
      if (!v.ok) expect(v.error.kind).toBe(c.expected[keys[i]]);
      // Never clamped: everything downstream is blocked (an `upstream` error), nothing computes.
      const cone = g.topology.downstream(cell).filter((d) => d !== cell);
      expect(cone.length).toBeGreaterThan(0);
      for (const d of cone) expect(g.get(d).ok, `${d} after ${cell}=${value}`).toBe(false);
    });
  });
});

describe('wall 4 decode (§12.1, B = 1, S = 2048, N_out = 128)', () => {
  const g = scenarioGraph(serving);
  it('itl is the decode step at S and itl_mean the step at S + N_out/2', () => {
    expectClose(valueOf(g, 'serving.itl'), 5.20416e-3, 1e-5);
    // itl_mean: Q = W + 2112·kv_tok = 1.63368e10 B → T_m = 4.87666 ms; + 0.33 ms.
    expectClose(valueOf(g, 'serving.itl_mean'), (W + 2112 * KV) / BW + TOV, 1e-9);
    expectClose(valueOf(g, 'serving.itl_mean'), 5.20666e-3, 1e-5);
    expectClose(valueOf(g, 'serving.request_latency'), 0.730314, 1e-5);
    expectClose(valueOf(g, 'serving.tokens_per_second'), 1 / 5.20416e-3, 1e-5);
    expect(valueOf(g, 'serving.decode_bottleneck')).toBe('Memory');
  });

  it('without speculation the draft cells are null and E_r follows α and γ', () => {
    expect(valueOf(g, 'serving.speculative')).toBe(false);
    expect(valueOf(g, 'serving.draft_step_time')).toBeNull();
    expectClose(valueOf(g, 'serving.expected_tokens_per_round'), (1 - 0.7 ** 5) / 0.3, 1e-12); // 2.7731
  });
});

describe('wall 4 speculative decoding', () => {
  // Draft: 1e9 params (W_d = 2e9 B), 16 layers, kv 32 768 B/token, A_d = 131 072; γ = 4, α = 0.7.
  const draft = {
    'serving.draft_model': 'Draft1B', 'serving.draft_params': 1e9, 'serving.draft_layers': 16,
    'serving.draft_kv_bytes_per_token': 32768, 'serving.draft_attention_flops_coeff': 131072,
  };
  const td = Math.max((2e9 + 131072 * 2048) / PEAK_ETA, (2e9 + 2048 * 32768) / BW) + 10e-6 + 16 * 10e-6; // 0.787 ms
  const tv = Math.max((5 * (FLIN + A * 2048)) / PEAK_ETA, (W + (2048 + 4) * KV) / BW) + TOV; // 5.2043 ms, memory-bound
  const er = (1 - 0.7 ** 5) / (1 - 0.7);

  it('itl = (γ·T_d + T_v)/E_r', () => {
    const g = scenarioGraph(serving, draft);
    expectClose(valueOf(g, 'serving.draft_step_time'), td, 1e-9);
    expectClose(valueOf(g, 'serving.verify_step_time'), tv, 1e-9);
    expectClose(valueOf(g, 'serving.itl'), (4 * td + tv) / er, 1e-9); // ≈ 3.012 ms
  });

  it('α = 1 gives E_r = γ + 1; the draft adds its weights and KV to decode memory', () => {
    const g = scenarioGraph(serving, { ...draft, 'serving.draft_acceptance_rate': 1 });
    expect(valueOf(g, 'serving.expected_tokens_per_round')).toBe(5);
    // W + (2048+128)·kv_tok + A_work(1,1) + W_d + (2048+128)·kv_d
    expectClose(valueOf(g, 'serving.decode_memory'), W + 2176 * KV + 16 * 4096 * 2 + 2e9 + 2176 * 32768, 1e-12);
  });

  it('a draft without its size is missing_data', () => {
    const g = scenarioGraph(serving, { 'serving.draft_model': 'Mystery' });
    const v = g.get('serving.itl');
    expect(v.ok ? 'ok' : v.error.kind).toBe('missing_data');
  });
});

describe('wall 4 disaggregation, cached prefix and memory', () => {
  it('ships B·S·kv_tok over β_x when decode runs on another device', () => {
    const g = scenarioGraph(serving, { 'serving.decode_device': 'H100-decode-pool' });
    const transfer = (2048 * KV) / 50e9 + 5e-6; // 5.37371 ms
    expectClose(valueOf(g, 'serving.kv_transfer_time'), transfer, 1e-12);
    expectClose(valueOf(g, 'serving.ttft'), 0.0690679747193 + transfer, 1e-9);
    g.set('serving.decode_memory_bandwidth', 1.675e12); // a half-speed decode device doubles T_m
    expectClose(valueOf(g, 'serving.itl'), (W + 2048 * KV) / 1.675e12 + TOV, 1e-9);
  });

  it('skips the cached prefix and refuses a prefix as long as the prompt', () => {
    const g = scenarioGraph(serving, { 'serving.cached_prefix_len': 1024 });
    expect(valueOf(g, 'serving.new_tokens')).toBe(1024);
    expect(valueOf(g, 'serving.prompt_cache_hit_ratio')).toBe(0.5);
    // F = F_lin·1024 + A·(1024·1024 + 1024·1025/2)
    expectClose(valueOf(g, 'serving.prefill_flops'), FLIN * 1024 + A * (1024 * 1024 + (1024 * 1025) / 2), 1e-12);
    g.set('serving.cached_prefix_len', 2048);
    const v = g.get('serving.new_tokens');
    expect(v.ok ? 'ok' : v.error.kind).toBe('invalid_input');
  });

  it('refuses more than 10⁶ prefill chunks', () => {
    const g = scenarioGraph(serving, { 'serving.prompt_len': 1_000_001, 'serving.prefill_chunk_tokens': 1 });
    const v = g.get('serving.prefill_chunks');
    expect(v.ok ? 'ok' : v.error.kind).toBe('invalid_input');
  });

  it('checks max(decode, prefill) memory on a shared device', () => {
    const g = scenarioGraph(serving);
    const decode = W + 2176 * KV + 16 * 4096 * 2; // A_work(1,1) = 16·4096·2
    const prefill = W + 2048 * KV + 2048 * 16 * 4096 * 2; // A_work(1, 2048)
    expectClose(valueOf(g, 'serving.decode_memory'), decode, 1e-12);
    expectClose(valueOf(g, 'serving.prefill_memory'), prefill, 1e-12);
    expectClose(valueOf(g, 'serving.memory_required'), prefill, 1e-12);
    expectClose(valueOf(g, 'serving.memory_utilization'), prefill / 80e9, 1e-12);
    expectClose(valueOf(g, 'serving.kv_cache_bytes'), 2176 * KV, 1e-12);
    expect(valueOf(g, 'serving.serving_feasible')).toBe(true);
    g.set('scenario.batch_size', 512); // 512·2176·kv_tok = 146 GB > 80 GB
    expect(valueOf(g, 'serving.serving_feasible')).toBe(false);
    expect(valueOf(g, 'serving.status')).toBe('FAIL');
  });
});

describe('wall 4 status', () => {
  it('FAILs above a TTFT target, WARNs at 90 % of it, PASSes without', () => {
    const g = scenarioGraph(serving);
    expect(valueOf(g, 'serving.status')).toBe('PASS');
    expect(valueOf(g, 'serving.status_reason')).toBe('');
    g.set('serving.ttft_target', 0.05);
    expect(valueOf(g, 'serving.status')).toBe('FAIL');
    g.set('serving.ttft_target', 0.075); // 69.07 ms ≥ 0.9 × 75 ms
    expect(valueOf(g, 'serving.status')).toBe('WARN');
    g.setMany({ 'serving.ttft_target': null, 'serving.itl_target': 0.005 });
    expect(valueOf(g, 'serving.status')).toBe('FAIL');
  });
});

describe('which wall 4 cells exist', () => {
  it('is active in serving mode, present but inactive in inference mode, absent in training', () => {
    expect(valueOf(scenarioGraph(serving), 'serving.active')).toBe(true);
    expect(valueOf(scenarioGraph(context('inference')), 'serving.active')).toBe(false);
    expect(servingWall(context('training'))).toEqual([]);
  });

  it('is invalid_input for a non-LM in serving mode and absent in its inference mode', () => {
    const g = scenarioGraph(context('serving', RESNET50));
    for (const id of ['serving.ttft', 'serving.itl', 'serving.status']) {
      const v = g.get(id);
      expect(v.ok ? 'ok' : v.error.kind, id).toBe('invalid_input');
    }
    expect(servingWall(context('inference', RESNET50))).toEqual([]);
  });
});

describe('wall 4 as a graph', () => {
  it('is dimensionally consistent (plain, chunked, speculative, disaggregated)', () => {
    const defs = scenarioDefs(serving);
    // Status reasons are text that quotes values ("p99 124.5 s > target 5 s"), so they change
    // under rescaling by design; every numeric cell of the wall must scale by its unit.
    const mine = (v: { id: string }[]) => v.filter((x) => x.id.startsWith('serving.') && x.id !== 'serving.status_reason');
    expect(mine(checkDimensions(defs, {}))).toEqual([]);
    expect(mine(checkDimensions(defs, {
      'serving.prefill_chunk_tokens': 512, 'serving.decode_device': 'other', 'serving.draft_params': 1e9, 'serving.draft_layers': 16,
      'serving.draft_kv_bytes_per_token': 32768, 'serving.draft_attention_flops_coeff': 131072, 'serving.ttft_target': 0.1,
    }))).toEqual([]);
  });

  it('recomputes only the decode side when output_tokens changes', () => {
    const defs = scenarioDefs(context('serving', LLAMA3_8B));
    const g = scenarioGraph(serving);
    const ids = defs.map((d) => d.id);
    ids.forEach((i) => g.get(i));
    g.resetEvaluationCounts();
    g.set('scenario.output_tokens', 256);
    ids.forEach((i) => g.get(i));
    for (const id of ['serving.prefill_time', 'serving.ttft', 'serving.itl', 'serving.prefill_memory']) expect(g.evaluations(id), id).toBe(0);
    for (const id of ['serving.itl_mean', 'serving.request_latency', 'serving.decode_memory']) expect(g.evaluations(id), id).toBe(1);
  });
});
