/**
 * Forward FLOPs (physics.md §2.3): the linear part F_lin = 2·P_a, the attention coefficient
 * A = 2·L·H·(d_h + d_v), attended pairs Ψ(n, C) (pairs.ts, windowed layers included), block
 * and decode-token FLOPs, and the per-sample figure of non-LM models. Pure functions first
 * (walls 4, 5, 12 reuse them), then the cells.
 *
 * MLA decode (DeepSeek-V2/V3) reads the compressed latent cache with the key and value
 * up-projections absorbed (DeepSeek-AI 2024, arXiv 2405.04434 §2.1.2–2.1.3: "W^UK can be
 * absorbed into W^Q, and W^UV can be absorbed into W^O"; DeepSeek-V3 inference/model.py,
 * attn_impl "absorb"): per attended token and layer each head scores its query against the
 * r_kv-wide latent plus the d_r-wide RoPE key and sums r_kv-wide latents, so the decode
 * coefficient is A_dec = 2·L·H·(2·r_kv + d_r) instead of 2·L·H·(d_h + d_v). The absorbed
 * projections (W^UK applied to the query, W^UV to the attention output) cost per token what
 * the expanded form spends on the new token's key and value, which F_lin = 2·P_a already
 * counts. Prefill and training keep the expanded form A (the keys and values of the whole
 * block are up-projected once, then attended per head).
 */
import { type CellDef, choice, derived, flag, input, number, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import { ATTENTION_CONVENTIONS, type AttentionConvention } from '../common/scenario-inputs.js';
import type { BuildContext } from '../context.js';
import { attendedPairs, type AttentionWindow, layerAveragedPairs } from './pairs.js';
import { windowInputs, windowOf } from './window.js';

export { attendedPairs };

/**
 * F_block(n, C) = F_lin·n + A·Ψ(n, C): FLOPs of one sequence's block of n new tokens (§2.3).
 * With windowed layers Ψ is averaged over the layers (pairs.ts); without, exactly §2.3.
 */
export function blockFlops(
  linearPerToken: number, attentionCoeff: number, n: number, cached: number, convention: AttentionConvention, window: AttentionWindow | null = null,
): number {
  return linearPerToken * n + attentionCoeff * layerAveragedPairs(n, cached, convention, window);
}

/**
 * F_tok(x): one decode token at context x (x counts the token itself), i.e. F_block(1, x − 1)
 * = F_lin + A·x under causal and full (§2.3); min(x, w) on windowed layers. For MLA pass the
 * absorbed coefficient A_dec (mlaDecodeAttentionCoeff).
 */
export function decodeTokenFlops(
  linearPerToken: number, attentionCoeff: number, context: number, convention: AttentionConvention, window: AttentionWindow | null = null,
): number {
  return blockFlops(linearPerToken, attentionCoeff, 1, context - 1, convention, window);
}

/** A_dec = (FLOP per MAC)·L·H·(2·r_kv + d_r): absorbed MLA attention per attended token (see above). */
export function mlaDecodeAttentionCoeff(flopsPerMac: number, layers: number, heads: number, kvLoraRank: number, ropeDim: number): number {
  return flopsPerMac * layers * heads * (2 * kvLoraRank + ropeDim);
}

export function flopsCells(ctx: BuildContext): CellDef[] {
  const id = ctx.model.id;
  const estimate = ctx.model.flops_estimate;
  const s23 = spec('§2.3');
  return [
    input({
      id: 'workload.flops_per_mac',
      label: 'FLOP per multiply-add',
      doc: 'One multiply-accumulate counts as two FLOPs (a unit convention, not a calibration).',
      unit: 'FLOP',
      layer: 'A',
      default: 2,
      domain: { kind: 'number', min: 0, minExclusive: true },
      source: spec('§1.1'),
    }),
    derived({
      id: 'workload.linear_flops_per_token',
      label: 'Linear FLOPs per token F_lin',
      doc: 'Matrix-multiply FLOPs per token: every active parameter is one multiply-add ("2P").',
      unit: 'FLOP/token',
      layer: 'A',
      formula: 'F_lin = 2·P_a',
      inputs: { flopsPerMac: number('workload.flops_per_mac'), activeParams: optNumber('workload.active_params_effective') },
      // P_a falls back to P (active_params_effective); with neither there is nothing to count.
      compute: ({ flopsPerMac, activeParams }) => {
        const active = required(activeParams, id, 'params', 'the linear FLOPs F_lin = 2·P_a');
        return typeof active === 'number' ? flopsPerMac * active : active;
      },
      source: s23,
    }),
    derived({
      id: 'workload.attention_flops_coeff',
      label: 'Attention FLOPs coefficient A',
      doc: 'Attention FLOPs per (new token × attended token): QKᵀ and AV over the query heads.',
      unit: 'FLOP/token/token',
      layer: 'A',
      formula: 'A = 2·L·H·(d_h + d_v)',
      inputs: {
        flopsPerMac: number('workload.flops_per_mac'), layers: optNumber('workload.layers'), heads: optNumber('workload.heads'),
        headDim: number('workload.head_dim_effective'), vHeadDim: number('workload.v_head_dim_effective'),
      },
      compute: ({ flopsPerMac, layers, heads, headDim, vHeadDim }) => {
        const l = required(layers, id, 'layers', 'attention FLOPs');
        if (typeof l !== 'number') return l;
        const h = required(heads, id, 'heads', 'attention FLOPs');
        if (typeof h !== 'number') return h;
        return flopsPerMac * l * h * (headDim + vHeadDim);
      },
      source: s23,
    }),
    derived({
      id: 'workload.decode_attention_flops_coeff',
      label: 'Decode attention FLOPs coefficient A_dec',
      doc: 'Attention FLOPs per (decoded token × attended token): A, or for MLA the absorbed form over the latent cache (DeepSeek-V2 §2.1.3).',
      unit: 'FLOP/token/token',
      layer: 'A',
      formula: 'A_dec = A; MLA: 2·L·H·(2·r_kv + d_r) (scores over r_kv + d_r, values over r_kv)',
      inputs: {
        attentionCoeff: number('workload.attention_flops_coeff'), mla: flag('workload.uses_mla'), flopsPerMac: number('workload.flops_per_mac'),
        layers: optNumber('workload.layers'), heads: optNumber('workload.heads'),
        kvLoraRank: optNumber('workload.kv_lora_rank'), ropeDim: optNumber('workload.qk_rope_head_dim'),
      },
      compute: ({ attentionCoeff, mla, flopsPerMac, layers, heads, kvLoraRank, ropeDim }) =>
        // uses_mla is true exactly when both widths are set; A (already computed) vouches for L and H.
        mla && kvLoraRank !== null && ropeDim !== null && layers !== null && heads !== null
          ? mlaDecodeAttentionCoeff(flopsPerMac, layers, heads, kvLoraRank, ropeDim)
          : attentionCoeff,
      source: { kind: 'paper', ref: 'DeepSeek-AI 2024, DeepSeek-V2 (arXiv 2405.04434) §2.1.2–2.1.3, absorbed MLA; DeepSeek-V3 inference/model.py attn_impl "absorb"' },
    }),
    derived({
      id: 'workload.decode_flops_per_token',
      label: 'Decode FLOPs per token F_tok(x)',
      doc: 'FLOPs to generate one token at the scenario context (the token itself included); windowed layers attend min(x, w) tokens.',
      unit: 'FLOP/token',
      layer: 'A',
      formula: 'F_tok(x) = F_lin + A_dec·Ψ(1, x − 1) = F_lin + A_dec·x; windowed layers: x → min(x, w), averaged over L',
      inputs: {
        linear: number('workload.linear_flops_per_token'), attentionCoeff: number('workload.decode_attention_flops_coeff'),
        context: number('scenario.context_len'), convention: choice('scenario.attention_flops_convention', ATTENTION_CONVENTIONS),
        ...windowInputs,
      },
      compute: ({ linear, attentionCoeff, context, convention, ...w }) => decodeTokenFlops(linear, attentionCoeff, context, convention, windowOf(w)),
      source: s23,
    }),
    derived({
      id: 'workload.flops_per_sample_eff',
      label: 'FLOPs per sample F_s',
      doc: 'Forward FLOPs per sample of a non-LM model (MAC figures doubled).',
      unit: 'FLOP/sample',
      layer: 'A',
      formula: 'F_s = flops_per_sample × (2 if basis = mac else 1)',
      inputs: { perSample: optNumber('workload.flops_per_sample'), basis: choice('workload.flops_basis', ['flop', 'mac']) },
      compute: ({ perSample, basis }) => {
        const flops = required(perSample, id, 'flops_per_sample', 'the per-sample forward FLOPs');
        if (typeof flops !== 'number') return flops;
        const value = basis === 'mac' ? 2 * flops : flops;
        // The catalogue's figure derived from the architecture (no source states one) is said
        // as such; a figure the user sets is theirs.
        return estimate !== undefined && flops === ctx.model.flops_per_sample ? warn(value, `FLOPs estimated from the architecture: ${estimate}`) : value;
      },
      source: s23,
    }),
  ];
}
