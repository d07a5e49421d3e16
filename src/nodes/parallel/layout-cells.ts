/**
 * The layout of an inference or serving deployment on more than one device (physics.md
 * Amendments, "Parallelism outside training"): the same cells as training's wall 14 — the
 * inputs `communication.tp`, `pp`, `ep`, `cp`, the data-parallel degree, the stage split, the
 * placement of each group and the parameters per GPU are wall 14's own cells (fleet/layout.ts,
 * fleet/params.ts), reused here — plus what a decode step needs that training does not: the
 * weights at the storage width b_w and each device's share of the KV cache.
 *
 * Replicas. Megatron order (TP fastest-varying, then CP, then DP with EP inside it, then PP;
 * Shoeybi et al. 2019, Megatron-Core): a replica is t·p·c devices that hold one copy of the
 * model's dense part, `communication.dp` = N/(t·p·c) replicas serve independently, and an EP
 * group of e replicas shares one copy of the experts (each device holds E/e of them), so
 * replicas × t·p·c = N exactly. Context parallelism (c > 1) splits a long prompt's prefill over
 * the c ranks of a ring and leaves the KV cache sharded over them for decode (ring.ts).
 */
import { type CellDef, derived, fail, flag, gate, number, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { type BuildContext, isLM } from '../context.js';
import { congestionInputCell, layoutInputCells } from '../fleet/inputs.js';
import { layoutCells } from '../fleet/layout.js';
import { paramsCells } from '../fleet/params.js';
import { expertShardBytesTouched } from './shard.js';

const S = 'communication';
const W = 14;
const amended = spec('Amendments, parallelism outside training; §8.2–8.3');

/** Whether the scenario's devices split one model (inference or serving, an LM, more than one device). */
export function hasParallelLayout(ctx: BuildContext): boolean {
  return ctx.mode !== 'training' && isLM(ctx.model.family) && ctx.fleet.num_nodes * ctx.fleet.gpus_per_node > 1;
}

/** Wall 14's layout and parameter cells that mean the same in every mode. */
const REUSED = [
  `${S}.dp`, `${S}.expert_dp`, `${S}.stage_layer_fraction`, `${S}.tp_intra_node`, `${S}.ep_intra_node`, `${S}.pp_inter_node`, `${S}.cp_intra_node`,
  `${S}.all_to_all_bandwidth_per_gpu`, `${S}.dense_params_per_gpu`, `${S}.expert_params_per_gpu`, `${S}.params_per_gpu`,
];

function reused(ctx: BuildContext): CellDef[] {
  const wanted = new Set(REUSED);
  const cells = [...layoutCells(ctx), ...paramsCells(ctx)].filter((c) => wanted.has(c.id));
  if (cells.length !== REUSED.length) throw new Error(`wall 14 no longer defines ${REUSED.filter((id) => !cells.some((c) => c.id === id)).join(', ')}`);
  return cells;
}

/** t = p = e = 1: the replica is one device, and every cell must give the single-device value bit for bit. */
const oneDevice = (t: number, p: number, e: number): boolean => t === 1 && p === 1 && e === 1;

export function parallelLayoutCells(ctx: BuildContext): CellDef[] {
  if (!hasParallelLayout(ctx)) return [];
  const model = ctx.model.id;
  const common = { layer: 'D' as const, wall: W, source: amended };
  return [
    ...layoutInputCells(),
    congestionInputCell(),
    ...reused(ctx),
    derived({
      ...common, id: `${S}.layers_per_stage`, label: 'Layers per stage', unit: 'layers', formula: 'L_stage = ⌈L / p⌉',
      doc: 'Layers on the slowest pipeline stage of a replica (§8.2 cell 5).',
      inputs: { layers: optNumber('workload.layers'), p: number(`${S}.pp`) },
      compute: ({ layers, p }) => {
        if (layers === null) return fail('missing_data', `${model} has no layer count; pipeline stages need it`);
        if (p > layers) return fail('invalid_input', `pp = ${p} exceeds the layer count L = ${layers}`);
        const stage = Math.ceil(layers / p);
        return layers % p !== 0 ? warn(stage, `pp = ${p} does not divide L = ${layers}; the slowest stage has ${stage} layers`) : stage;
      },
    }),
    derived({
      ...common, id: `${S}.moe_layers_per_stage`, label: 'MoE layers per stage', unit: 'layers', formula: '⌈L_moe / p⌉ (0 for a dense model)',
      doc: 'Mixture-of-experts layers on the slowest stage: each adds an expert all-to-all pair.',
      inputs: { moeLayers: optNumber('workload.moe_layers_effective'), p: number(`${S}.pp`) },
      compute: ({ moeLayers, p }) => (ctx.model.family === 'moe_lm' && moeLayers !== null ? Math.ceil(moeLayers / p) : 0),
    }),
    derived({
      ...common, id: `${S}.devices_per_replica`, label: 'Devices per replica', unit: 'GPUs', formula: 't · p · c',
      doc: 'Devices that hold one copy of the model (the EP group of e replicas shares its experts).',
      inputs: { t: number(`${S}.tp`), p: number(`${S}.pp`), c: number(`${S}.cp`), dp: gate(`${S}.dp`), expertDp: gate(`${S}.expert_dp`) },
      compute: ({ t, p, c }) => t * p * c,
    }),
    derived({
      ...common, id: `${S}.replicas`, label: 'Replicas', unit: 'replicas', formula: 'replicas = dp = N / (t · p · c)',
      doc: 'Copies of the model serving requests independently; replicas × devices per replica = N.',
      inputs: { dp: number(`${S}.dp`), expertDp: gate(`${S}.expert_dp`) },
      compute: ({ dp }) => dp,
    }),
    derived({
      ...common, id: `${S}.kv_shard_fraction`, label: 'KV share per device κ_kv', unit: '1',
      formula: 'κ_kv = (L_stage/L)/(min(t, H_kv)·c); (L_stage/L)/c with MLA',
      doc: 'Share of one sequence\'s KV cache a device holds: TP splits the KV heads (replicating them when t > H_kv), '
        + 'but not the MLA latent, which every TP rank keeps whole (vLLM; kaito PR #2139); a CP ring of c ranks holds 1/c of the tokens each.',
      inputs: {
        share: number(`${S}.stage_layer_fraction`), t: number(`${S}.tp`), c: number(`${S}.cp`),
        kvHeads: number('workload.kv_heads_effective'), mla: flag('workload.uses_mla'),
      },
      // c = 1 divides by 1: the value is the TP/PP share bit for bit.
      compute: ({ share, t, c, kvHeads, mla }) => (mla ? share / c : share / (Math.min(t, kvHeads) * c)),
    }),
    derived({
      ...common, id: `${S}.kv_block_bytes_per_token`, label: 'KV bytes per token per layer per TP rank', unit: 'B/token',
      formula: 'kv_layer = kv_tok / (L · min(t, H_kv)); kv_tok / L with MLA',
      doc: 'The KV one token adds in one layer on one TP rank: per token, the block a context-parallel rank passes around its ring.',
      inputs: {
        kvPerToken: number('workload.kv_bytes_per_token'), layers: optNumber('workload.layers'), t: number(`${S}.tp`),
        kvHeads: number('workload.kv_heads_effective'), mla: flag('workload.uses_mla'),
      },
      compute: ({ kvPerToken, layers, t, kvHeads, mla }) => {
        if (layers === null) return fail('missing_data', `${model} has no layer count; the KV block per layer needs it`);
        return mla ? kvPerToken / layers : kvPerToken / (layers * Math.min(t, kvHeads));
      },
    }),
    derived({
      ...common, id: `${S}.kv_bytes_per_token_per_gpu`, label: 'KV bytes per token per GPU', unit: 'B/token', formula: 'kv_tok · κ_kv',
      doc: 'KV-cache bytes one token of a sequence adds on one device of its replica.',
      inputs: { kvPerToken: number('workload.kv_bytes_per_token'), fraction: number(`${S}.kv_shard_fraction`) },
      compute: ({ kvPerToken, fraction }) => kvPerToken * fraction,
    }),
    derived({
      ...common, id: `${S}.weight_bytes_per_gpu`, label: 'Weight bytes per GPU', unit: 'B', displayUnit: 'GB',
      formula: 'W_dev = b_w · P_gpu = b_w·(P_dense/t + E·P_e/(t·e))·L_stage/L; W when t = p = e = 1',
      doc: 'Weights one device of a replica stores, at the storage width b_w (§8.3 split).',
      inputs: {
        weightWidth: number('scenario.weight_bytes_per_element'), params: number(`${S}.params_per_gpu`), weights: number('workload.weight_bytes'),
        t: number(`${S}.tp`), p: number(`${S}.pp`), e: number(`${S}.ep`),
      },
      // One device per replica holds the whole model: W itself (P_dense + E·P_e may differ from P in the last bit).
      compute: ({ weightWidth, params, weights, t, p, e }) => (oneDevice(t, p, e) ? weights : weightWidth * params),
    }),
    derived({
      ...common, id: `${S}.weight_bytes_touched_per_gpu`, label: 'Weight bytes touched per GPU', unit: 'B', displayUnit: 'GB',
      formula: 'W_t,dev(B) = W_dev (dense); b_w·(L_stage/L)/t·(P_dense + P_e·E_touched(e·B)/e) (MoE)',
      doc: 'Weight bytes one device reads in a decode step of its replica\'s B sequences (the EP group routes e·B tokens).',
      inputs: {
        weights: number(`${S}.weight_bytes_per_gpu`), touched: number('workload.weight_bytes_touched'), batch: number('scenario.batch_size'),
        t: number(`${S}.tp`), p: number(`${S}.pp`), e: number(`${S}.ep`), share: number(`${S}.stage_layer_fraction`),
        weightWidth: number('scenario.weight_bytes_per_element'), dense: number('workload.dense_params'), perExpert: number('workload.expert_params'),
        experts: optNumber('workload.experts'), k: optNumber('workload.experts_per_token'),
      },
      compute: (a) => {
        if (oneDevice(a.t, a.p, a.e)) return a.touched;
        if (a.experts === null || a.k === null || a.perExpert === 0) return a.weights;
        const moe = { denseParams: a.dense, expertParams: a.perExpert, experts: a.experts, expertsPerToken: a.k, weightWidth: a.weightWidth };
        return expertShardBytesTouched(moe, a.t, a.e, a.share, a.batch);
      },
    }),
    derived({
      ...common, id: `${S}.token_activation_bytes`, label: 'Activation bytes per token', unit: 'B/token', formula: 'd · b_act',
      doc: 'Bytes of one token\'s hidden state: what a TP all-reduce reduces and a stage hand-off sends, per token.',
      inputs: { hidden: optNumber('workload.hidden_dim'), actWidth: number('scenario.activation_bytes_per_element') },
      compute: ({ hidden, actWidth }) => (hidden === null ? fail('missing_data', `${model} has no hidden_dim; tensor-parallel message size needs it`) : hidden * actWidth),
    }),
  ];
}
