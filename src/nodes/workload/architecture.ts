/**
 * Architecture facts with their documented defaults and checks (physics.md §2.1), and the
 * mixture-of-experts split (§2.2). Formulas read the `_effective` cells, never the raw inputs.
 */
import { type CellDef, derived, fail, type Plain, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { firstFailure, num, numOrNull, required } from '../common/plain.js';
import type { BuildContext } from '../context.js';

const s21 = spec('§2.1');

export function architectureCells(ctx: BuildContext): CellDef[] {
  const id = ctx.model.id;
  const moe = ctx.model.family === 'moe_lm';
  const need = (v: Plain, field: string, what: string) => required(v, id, field, what);
  return [
    derived({
      id: 'workload.active_params_effective',
      label: 'Active parameters P_a (effective)',
      doc: 'Parameters used per token: active_params, or P for a dense model.',
      unit: 'params',
      layer: 'A',
      formula: moe ? 'P_a (required for moe_lm), 0 < P_a ≤ P' : 'P_a = active_params ?? P',
      inputs: ['workload.params', 'workload.active_params'],
      compute: (p, pa) => {
        const active = numOrNull(pa);
        if (active === null) return moe ? fail('missing_data', `${id} has no active_params; the mixture-of-experts split needs it`) : num(p);
        if (active > num(p)) return fail('invalid_input', `active_params (${active}) must not exceed params (${num(p)})`);
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
      inputs: ['workload.heads', 'workload.kv_heads'],
      compute: (h, hkv) => {
        const heads = need(h, 'heads', 'the KV head count');
        if (typeof heads !== 'number') return heads;
        const kv = numOrNull(hkv);
        if (kv === null) return warn(heads, 'kv_heads not given; assuming multi-head attention');
        if (kv > heads) return fail('invalid_input', `kv_heads (${kv}) must be between 1 and heads (${heads})`);
        if (heads % kv !== 0) return warn(kv, `heads (${heads}) is not a multiple of kv_heads (${kv})`);
        return kv;
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
      inputs: ['workload.head_dim', 'workload.hidden_dim', 'workload.heads'],
      compute: (dh, d, h) => {
        const given = numOrNull(dh);
        if (given !== null) return given;
        const hidden = need(d, 'hidden_dim', 'the head size');
        const heads = need(h, 'heads', 'the head size');
        const bad = firstFailure(hidden, heads);
        if (bad) return bad;
        if ((hidden as number) % (heads as number) !== 0) {
          return fail('missing_data', `${id} has no head_dim, and heads (${heads as number}) does not divide hidden_dim (${hidden as number})`);
        }
        return (hidden as number) / (heads as number);
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
      inputs: ['workload.v_head_dim', 'workload.head_dim_effective'],
      compute: (dv, dh) => numOrNull(dv) ?? num(dh),
      source: s21,
    }),
    derived({
      id: 'workload.uses_mla',
      label: 'Multi-head latent attention',
      doc: 'True when both MLA widths (kv_lora_rank, qk_rope_head_dim) are set; setting only one is an error.',
      unit: 'bool',
      layer: 'A',
      formula: 'kv_lora_rank and qk_rope_head_dim both set',
      inputs: ['workload.kv_lora_rank', 'workload.qk_rope_head_dim'],
      compute: (r, dr) => {
        const a = numOrNull(r) !== null;
        const b = numOrNull(dr) !== null;
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
      inputs: ['workload.moe_layers', 'workload.layers'],
      compute: (lm, l) => {
        const layers = need(l, 'layers', 'the MoE layer count');
        if (typeof layers !== 'number') return layers;
        const given = numOrNull(lm);
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
      derived({ id: 'workload.expert_params', label: 'Expert parameters P_e', doc: 'Parameters of one expert over all MoE layers (0 for a dense model).', unit: 'params', layer: 'A', formula: 'P_e = 0 (dense)', inputs: [], compute: () => 0, source: s22 }),
      derived({ id: 'workload.dense_params', label: 'Dense parameters P_dense', doc: 'Parameters every token uses (all of them for a dense model).', unit: 'params', layer: 'A', formula: 'P_dense = P', inputs: ['workload.params'], compute: (p) => num(p), source: s22 }),
    ];
  }
  const id = ctx.model.id;
  return [
    derived({
      id: 'workload.expert_params',
      label: 'Expert parameters P_e',
      doc: 'Parameters of one expert summed over all MoE layers.',
      unit: 'params',
      layer: 'A',
      formula: 'P_e = (P − P_a)/(E − k)',
      inputs: ['workload.params', 'workload.active_params_effective', 'workload.experts', 'workload.experts_per_token'],
      compute: (p, pa, e, k) => {
        const experts = required(e, id, 'experts', 'the mixture-of-experts split');
        const perToken = required(k, id, 'experts_per_token', 'the mixture-of-experts split');
        const bad = firstFailure(experts, perToken);
        if (bad) return bad;
        if ((perToken as number) >= (experts as number)) {
          return fail('invalid_input', `experts_per_token (${perToken as number}) must be below experts (${experts as number})`);
        }
        return (num(p) - num(pa)) / ((experts as number) - (perToken as number));
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
      inputs: ['workload.params', 'workload.expert_params', 'workload.experts'],
      compute: (p, pe, e) => {
        const dense = num(p) - num(e) * num(pe);
        // Relative tolerance: P − E·P_e may round to a tiny negative for an all-expert model.
        if (dense < -1e-9 * num(p)) return fail('invalid_input', 'active/total parameters inconsistent with E and k');
        return Math.max(dense, 0);
      },
      source: s22,
    }),
  ];
}
