/**
 * Architecture facts with their documented defaults and checks (physics.md §2.1), and the
 * mixture-of-experts split (§2.2). Formulas read the `_effective` cells, never the raw inputs.
 */
import { type CellDef, derived, fail, number, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import type { BuildContext } from '../context.js';

const s21 = spec('§2.1');

export function architectureCells(ctx: BuildContext): CellDef[] {
  const id = ctx.model.id;
  const moe = ctx.model.family === 'moe_lm';
  const need = (v: number | null, field: string, what: string) => required(v, id, field, what);
  return [
    derived({
      id: 'workload.active_params_effective',
      label: 'Active parameters P_a (effective)',
      doc: 'Parameters used per token: active_params, or P for a dense model.',
      unit: 'params',
      layer: 'A',
      formula: moe ? 'P_a (required for moe_lm), 0 < P_a ≤ P' : 'P_a = active_params ?? P',
      inputs: { params: optNumber('workload.params'), active: optNumber('workload.active_params') },
      compute: ({ params, active }) => {
        // A model without a parameter count (DLRM) leaves P_a unset too.
        if (active === null) return moe ? fail('missing_data', `${id} has no active_params; the mixture-of-experts split needs it`) : params;
        // An unset P cannot bound a given P_a.
        if (params === null || active > params) return fail('invalid_input', `active_params (${active}) must not exceed params (${params})`);
        return active;
      },
      source: s21,
    }),
    derived({
      id: 'workload.kv_heads_effective',
      label: 'KV heads H_kv (effective)',
      doc: 'Key/value heads: kv_heads, or H (multi-head attention) with a warning.',
      unit: 'count',
      layer: 'A',
      formula: 'H_kv = kv_heads ?? H; 1 ≤ H_kv ≤ H',
      inputs: { queryHeads: optNumber('workload.heads'), kvHeads: optNumber('workload.kv_heads') },
      compute: ({ queryHeads, kvHeads }) => {
        const heads = need(queryHeads, 'heads', 'the KV head count');
        if (typeof heads !== 'number') return heads;
        if (kvHeads === null) return warn(heads, 'kv_heads not given; assuming multi-head attention');
        if (kvHeads > heads) return fail('invalid_input', `kv_heads (${kvHeads}) must be between 1 and heads (${heads})`);
        if (heads % kvHeads !== 0) return warn(kvHeads, `heads (${heads}) is not a multiple of kv_heads (${kvHeads})`);
        return kvHeads;
      },
      source: s21,
    }),
    derived({
      id: 'workload.head_dim_effective',
      label: 'Head size d_h (effective)',
      doc: 'Query/key width per head: head_dim, or d/H when H divides d.',
      unit: 'elements',
      layer: 'A',
      formula: 'd_h = head_dim ?? d/H',
      inputs: { given: optNumber('workload.head_dim'), hiddenDim: optNumber('workload.hidden_dim'), queryHeads: optNumber('workload.heads') },
      compute: ({ given, hiddenDim, queryHeads }) => {
        if (given !== null) return given;
        const hidden = need(hiddenDim, 'hidden_dim', 'the head size');
        if (typeof hidden !== 'number') return hidden;
        const heads = need(queryHeads, 'heads', 'the head size');
        if (typeof heads !== 'number') return heads;
        if (hidden % heads !== 0) return fail('missing_data', `${id} has no head_dim, and heads (${heads}) does not divide hidden_dim (${hidden})`);
        return hidden / heads;
      },
      source: s21,
    }),
    derived({
      id: 'workload.v_head_dim_effective',
      label: 'Value head size d_v (effective)',
      doc: 'Value width per head: v_head_dim, or d_h.',
      unit: 'elements',
      layer: 'A',
      formula: 'd_v = v_head_dim ?? d_h',
      inputs: { given: optNumber('workload.v_head_dim'), headDim: number('workload.head_dim_effective') },
      compute: ({ given, headDim }) => given ?? headDim,
      source: s21,
    }),
    derived({
      id: 'workload.uses_mla',
      label: 'Multi-head latent attention',
      doc: 'True when both MLA widths (kv_lora_rank, qk_rope_head_dim) are set; setting only one is an error.',
      unit: 'bool',
      layer: 'A',
      formula: 'kv_lora_rank and qk_rope_head_dim both set',
      inputs: { kvLoraRank: optNumber('workload.kv_lora_rank'), ropeDim: optNumber('workload.qk_rope_head_dim') },
      compute: ({ kvLoraRank, ropeDim }) => {
        const a = kvLoraRank !== null;
        const b = ropeDim !== null;
        if (a !== b) return fail('invalid_input', 'kv_lora_rank and qk_rope_head_dim must both be set (MLA) or both unset');
        return a;
      },
      source: s21,
    }),
    derived({
      id: 'workload.moe_layers_effective',
      label: 'MoE layers L_moe (effective)',
      doc: 'Layers with experts: moe_layers, or every layer.',
      unit: 'layers',
      layer: 'A',
      formula: 'L_moe = moe_layers ?? L; 1 ≤ L_moe ≤ L',
      inputs: { given: optNumber('workload.moe_layers'), allLayers: optNumber('workload.layers') },
      compute: ({ given, allLayers }) => {
        const layers = need(allLayers, 'layers', 'the MoE layer count');
        if (typeof layers !== 'number') return layers;
        if (given === null) return layers;
        if (given > layers) return fail('invalid_input', `moe_layers (${given}) must not exceed layers (${layers})`);
        return given;
      },
      source: s21,
    }),
    ...moeSplitCells(ctx),
  ];
}

/** P_e and P_dense (physics.md §2.2). */
function moeSplitCells(ctx: BuildContext): CellDef[] {
  const s22 = spec('§2.2');
  if (ctx.model.family !== 'moe_lm') {
    return [
      derived({ id: 'workload.expert_params', label: 'Expert parameters P_e', doc: 'Parameters of one expert over all MoE layers (0 for a dense model).', unit: 'params', layer: 'A', formula: 'P_e = 0 (dense)', inputs: {}, compute: () => 0, source: s22 }),
      derived({ id: 'workload.dense_params', label: 'Dense parameters P_dense', doc: 'Parameters every token uses (all of them for a dense model).', unit: 'params', layer: 'A', formula: 'P_dense = P', inputs: { params: optNumber('workload.params') }, compute: ({ params }) => params, source: s22 }),
    ];
  }
  const id = ctx.model.id;
  const split = (v: number | null, field: string) => required(v, id, field, 'the mixture-of-experts split');
  return [
    derived({
      id: 'workload.expert_params',
      label: 'Expert parameters P_e',
      doc: 'Parameters of one expert summed over all MoE layers.',
      unit: 'params',
      layer: 'A',
      formula: 'P_e = (P − P_a)/(E − k)',
      inputs: {
        params: optNumber('workload.params'), activeParams: optNumber('workload.active_params_effective'),
        allExperts: optNumber('workload.experts'), routed: optNumber('workload.experts_per_token'),
      },
      compute: ({ params, activeParams, allExperts, routed }) => {
        // An unset P or P_a has already blocked this cell through active_params_effective.
        const total = split(params, 'params');
        if (typeof total !== 'number') return total;
        const active = split(activeParams, 'active_params');
        if (typeof active !== 'number') return active;
        const experts = split(allExperts, 'experts');
        if (typeof experts !== 'number') return experts;
        const perToken = split(routed, 'experts_per_token');
        if (typeof perToken !== 'number') return perToken;
        if (perToken >= experts) return fail('invalid_input', `experts_per_token (${perToken}) must be below experts (${experts})`);
        return (total - active) / (experts - perToken);
      },
      source: s22,
    }),
    derived({
      id: 'workload.dense_params',
      label: 'Dense parameters P_dense',
      doc: 'Parameters every token uses: attention, embeddings and shared experts.',
      unit: 'params',
      layer: 'A',
      formula: 'P_dense = P − E·P_e (≥ 0)',
      inputs: { params: optNumber('workload.params'), expertParams: number('workload.expert_params'), allExperts: optNumber('workload.experts') },
      compute: ({ params, expertParams, allExperts }) => {
        // An unset P or E has already blocked this cell through expert_params.
        const total = split(params, 'params');
        if (typeof total !== 'number') return total;
        const experts = split(allExperts, 'experts');
        if (typeof experts !== 'number') return experts;
        const dense = total - experts * expertParams;
        // Relative tolerance: P − E·P_e may round to a tiny negative for an all-expert model.
        if (dense < -1e-9 * total) return fail('invalid_input', 'active/total parameters inconsistent with E and k');
        return Math.max(dense, 0);
      },
      source: s22,
    }),
  ];
}
