/**
 * Tensor, pipeline and expert parallelism in a decode step (src/nodes/parallel): the
 * hand-derived cases of test/fixtures/parallel/cases.json, and properties of the split.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiveGraph, type Plain } from '../../../src/graph/index.js';
import type { FleetSpec, Mode, ModelSpec } from '../../../src/nodes/context.js';
import { expectClose } from '../../helpers/golden.js';
import { H100, LLAMA3_70B, LLAMA3_8B, MIXTRAL_8X7B, ONE_DEVICE, ONE_NODE_8 } from '../fixtures.js';
import { splitGraph, value } from '../split-graph.js';

interface Case {
  readonly id: string;
  readonly inputs: Record<string, Plain>;
  readonly expected: Record<string, number | boolean>;
  readonly tolerance_rel: number;
}
const CASES = (JSON.parse(readFileSync(new URL('../../fixtures/parallel/cases.json', import.meta.url), 'utf8')) as { cases: Case[] }).cases;
const byId = (id: string): Case => CASES.find((c) => c.id === id)!;

const graph = (mode: Mode, model: ModelSpec, fleet: FleetSpec, values: Record<string, Plain> = {}): LiveGraph => splitGraph(mode, model, H100, fleet, values);


const TWO_H100: FleetSpec = { num_nodes: 1, gpus_per_node: 2 };

describe('Llama3_70B decode on one DGX H100 at TP 2, 4, 8 (Megatron-LM all-reduces, §3.2 ring)', () => {
  for (const t of [2, 4, 8]) {
    const c = byId(`tp.llama3_70b_dgx_h100_tp${t}`);
    it(`tp = ${t}: weights per GPU, all-reduce bytes and time per token, ITL`, () => {
      const g = graph('serving', LLAMA3_70B, ONE_NODE_8, c.inputs);
      const e = c.expected;
      expect(value(g, 'communication.replicas')).toBe(e['communication.replicas']);
      expectClose(value(g, 'communication.weight_bytes_per_gpu'), e['communication.weight_bytes_per_gpu'], c.tolerance_rel, 'W_dev');
      // one all-reduce moves B·d·b_act bytes; 2 per layer over 80 layers
      expect((value(g, 'scenario.batch_size') as number) * (value(g, 'communication.token_activation_bytes') as number)).toBe(e.tp_allreduce_bytes);
      expect(2 * (value(g, 'communication.layers_per_stage') as number)).toBe(e.tp_allreduces_per_token);
      expectClose(value(g, 'communication.decode_tp_comm'), e['communication.decode_tp_comm'], c.tolerance_rel, 'T_tp');
      expectClose((value(g, 'communication.decode_tp_comm') as number) / 160, e.tp_allreduce_time, c.tolerance_rel, 'one all-reduce');
      expectClose(value(g, 'compute.latency'), e['compute.latency'], c.tolerance_rel, 'one device');
      expectClose(value(g, 'serving.itl'), e['serving.itl'], c.tolerance_rel, 'ITL');
      // wall 14's step at the same point is the same number
      expectClose(value(g, 'communication.decode_step_time'), e['serving.itl'], 1e-12, 'T_step');
    });
  }

  it('TP 8 fits where one device does not: 17.65 GB of weights per GPU, serving feasible', () => {
    const g = graph('serving', LLAMA3_70B, ONE_NODE_8, { 'communication.tp': 8 });
    expect(value(g, 'serving.serving_feasible')).toBe(true);
    expect(value(g, 'batching.batching_feasible')).toBe(true);
    const one = graph('serving', LLAMA3_70B, ONE_NODE_8, { 'communication.tp': 1 });
    expect(value(one, 'serving.serving_feasible')).toBe(false);
  });
});

describe('disaggregated prefill/decode on top of the split', () => {
  it('each device ships its share of the prompt KV on its own link: B·S·kv_tok·κ_kv/β_x + α_x', () => {
    // TP 8 over H_kv = 8 heads: κ_kv = 1/8; 2048·327 680 B/8 = 83 886 080 B at the 50e9 B/s fallback, + 5 µs
    const g = graph('serving', LLAMA3_70B, ONE_NODE_8, { 'communication.tp': 8, 'serving.decode_device': 'H100 pool' });
    expectClose(value(g, 'serving.kv_transfer_time'), 83886080 / 50e9 + 5e-6, 1e-12, 'kv transfer');
    const together = graph('serving', LLAMA3_70B, ONE_NODE_8, { 'communication.tp': 8 });
    // the decode pool has the same devices and layout: the same ITL, the TTFT grows by the transfer
    expect(value(g, 'serving.itl')).toBe(value(together, 'serving.itl'));
    expectClose(value(g, 'serving.ttft'), (value(together, 'serving.ttft') as number) + 83886080 / 50e9 + 5e-6, 1e-12, 'ttft');
  });
});

describe('pipeline stages (GPipe hand-offs)', () => {
  it('Llama3_70B at pp = 2: 40 layers per stage, one hand-off, two stages in turn', () => {
    const c = byId('pp.llama3_70b_dgx_h100_pp2');
    const g = graph('serving', LLAMA3_70B, ONE_NODE_8, c.inputs);
    for (const [id, want] of Object.entries(c.expected)) expectClose(value(g, id), want, c.tolerance_rel, id);
  });

});

describe('expert parallelism (GShard/Switch all-to-all)', () => {
  it('Mixtral_8x7B on 2 H100 with ep = 2 evaluates: experts split, all-to-all per MoE layer', () => {
    const c = byId('ep.mixtral_8x7b_2_h100_ep2');
    const g = graph('serving', MIXTRAL_8X7B, TWO_H100, c.inputs);
    for (const [id, want] of Object.entries(c.expected)) {
      if (typeof want === 'boolean') expect(value(g, id), id).toBe(want);
      else expectClose(value(g, id), want, c.tolerance_rel, id);
    }
  });

  it('ep on a dense model, or one that does not divide the replicas, is refused with a message', () => {
    const dense = graph('serving', LLAMA3_8B, TWO_H100, { 'communication.ep': 2 });
    const v = dense.get('serving.itl');
    expect(!v.ok && v.error.message).toContain('needs a mixture-of-experts model');
    const odd = graph('serving', MIXTRAL_8X7B, TWO_H100, { 'communication.ep': 2, 'communication.tp': 2 });
    const w = odd.get('serving.itl');
    expect(!w.ok && w.error.message).toContain('ep must divide dp');
  });
});

describe('properties of the split', () => {
  const layouts = [[1, 1], [2, 1], [4, 1], [8, 1], [1, 2], [2, 2], [2, 4], [1, 8], [4, 2], [8, 1]] as const;

  it('replicas × t·p·c = devices', () => {
    for (const [t, p] of layouts) {
      const g = graph('inference', LLAMA3_70B, ONE_NODE_8, { 'communication.tp': t, 'communication.pp': p });
      expect((value(g, 'communication.replicas') as number) * (value(g, 'communication.devices_per_replica') as number)).toBe(8);
    }
    const wide: FleetSpec = { num_nodes: 4, gpus_per_node: 8, fabric_bandwidth: 50e9, nics_per_node: 8 };
    for (const [t, p] of [[8, 4], [16, 1], [2, 8], [1, 32]] as const) {
      const g = graph('serving', LLAMA3_70B, wide, { 'communication.tp': t, 'communication.pp': p });
      expect((value(g, 'communication.replicas') as number) * (value(g, 'communication.devices_per_replica') as number)).toBe(32);
    }
  });

  it('more TP never raises weights per GPU, nor KV per token per GPU', () => {
    for (const model of [LLAMA3_70B, LLAMA3_8B, MIXTRAL_8X7B]) {
      let w = Infinity;
      let kv = Infinity;
      for (const t of [1, 2, 4, 8]) {
        const g = graph('serving', model, ONE_NODE_8, { 'communication.tp': t });
        const wt = value(g, 'communication.weight_bytes_per_gpu') as number;
        const kt = value(g, 'communication.kv_bytes_per_token_per_gpu') as number;
        expect(wt).toBeLessThanOrEqual(w);
        expect(kt).toBeLessThanOrEqual(kv);
        w = wt;
        kv = kt;
      }
    }
  });

  it('ITL at TP = 1 on a system equals the single-device value exactly', () => {
    for (const model of [LLAMA3_8B, LLAMA3_70B, MIXTRAL_8X7B]) {
      for (const mode of ['serving', 'inference'] as const) {
        const one = graph(mode, model, ONE_DEVICE, { 'scenario.batch_size': 4 });
        const many = graph(mode, model, ONE_NODE_8, { 'scenario.batch_size': 4, 'communication.tp': 1 });
        expect(value(many, 'compute.latency')).toBe(value(one, 'compute.latency'));
        expect(value(many, 'memory.memory_footprint')).toBe(value(one, 'memory.memory_footprint'));
        expect(value(many, 'communication.decode_step_time')).toBe(value(one, 'compute.latency'));
        if (mode === 'serving') {
          for (const id of ['serving.itl', 'serving.ttft', 'serving.memory_required', 'batching.max_active_requests', 'batching.itl_at_capacity']) {
            expect(value(many, id), `${model.id} ${id}`).toBe(value(one, id));
          }
        }
      }
    }
  });

  it('context parallelism is modelled outside training, never ignored: cp = 2 halves the replicas and adds the merge of the sharded KV', () => {
    const g = graph('serving', LLAMA3_70B, ONE_NODE_8, { 'communication.tp': 4, 'communication.cp': 2 });
    expect(value(g, 'communication.replicas')).toBe(1); // 8 / (4·1·2)
    expect(value(g, 'communication.decode_cp_comm') as number).toBeGreaterThan(0);
    expect(value(g, 'serving.itl')).toBe(value(g, 'communication.decode_step_time'));
  });

  it('a MoE model without k (experts per token): the EP all-to-all is missing_data naming it, never a silent 0', () => {
    const g = graph('serving', { ...MIXTRAL_8X7B, experts_per_token: undefined }, TWO_H100, { 'communication.ep': 2, 'communication.tp': 1 });
    const v = g.get('communication.decode_ep_comm');
    expect(!v.ok && v.error.message).toContain('experts_per_token');
  });

  it('one device has no layout cells (the graph is unchanged)', () => {
    const g = graph('serving', LLAMA3_70B, ONE_DEVICE);
    expect(g.has('communication.tp')).toBe(false);
    expect(g.has('communication.decode_step_time')).toBe(false);
  });

  it('MLA keeps its latent cache whole on every TP rank; GQA splits its KV heads', () => {
    const mla: ModelSpec = { ...LLAMA3_8B, id: 'MLA_like', kv_lora_rank: 512, qk_rope_head_dim: 64 };
    const g = graph('serving', mla, ONE_NODE_8, { 'communication.tp': 8 });
    expect(value(g, 'communication.kv_shard_fraction')).toBe(1);
    const h = graph('serving', LLAMA3_8B, ONE_NODE_8, { 'communication.tp': 8 });
    expect(value(h, 'communication.kv_shard_fraction')).toBe(1 / 8);
    // t > H_kv replicates heads: 16-way TP over 8 KV heads keeps one head (1/8) per GPU
    const wide: FleetSpec = { num_nodes: 2, gpus_per_node: 8, fabric_bandwidth: 50e9, nics_per_node: 8 };
    const k = graph('serving', LLAMA3_8B, wide, { 'communication.tp': 16 });
    expect(value(k, 'communication.kv_shard_fraction')).toBe(1 / 8);
  });
});
