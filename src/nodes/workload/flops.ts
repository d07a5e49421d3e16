/**
 * Forward FLOPs (physics.md §2.3): the linear part F_lin = 2·P_a, the attention coefficient
 * A = 2·L·H·(d_h + d_v), attended pairs Ψ(n, C), block and decode-token FLOPs, and the
 * per-sample figure of non-LM models. Pure functions first (walls 4, 5, 12 reuse them), then
 * the cells.
 */
import { type CellDef, choice, derived, input, number, optNumber } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import { ATTENTION_CONVENTIONS, type AttentionConvention } from '../common/scenario-inputs.js';
import type { BuildContext } from '../context.js';

/**
 * Attended (query, key) pairs for n new tokens after C cached ones (§2.3):
 * causal n·C + n·(n+1)/2; full n·(C + n); none 0.
 */
export function attendedPairs(n: number, cached: number, convention: AttentionConvention): number {
  switch (convention) {
    case 'causal':
      return n * cached + (n * (n + 1)) / 2;
    case 'full':
      return n * (cached + n);
    case 'none':
      return 0;
  }
}

/** F_block(n, C) = F_lin·n + A·Ψ(n, C): FLOPs of one sequence's block of n new tokens (§2.3). */
export function blockFlops(linearPerToken: number, attentionCoeff: number, n: number, cached: number, convention: AttentionConvention): number {
  return linearPerToken * n + attentionCoeff * attendedPairs(n, cached, convention);
}

/**
 * F_tok(x): one decode token at context x (x counts the token itself), i.e. F_block(1, x − 1)
 * = F_lin + A·x under causal and full (§2.3).
 */
export function decodeTokenFlops(linearPerToken: number, attentionCoeff: number, context: number, convention: AttentionConvention): number {
  return blockFlops(linearPerToken, attentionCoeff, 1, context - 1, convention);
}

export function flopsCells(ctx: BuildContext): CellDef[] {
  const id = ctx.model.id;
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
      // A model without a parameter count (DLRM) counts no linear FLOPs.
      compute: ({ flopsPerMac, activeParams }) => flopsPerMac * (activeParams ?? 0),
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
      id: 'workload.decode_flops_per_token',
      label: 'Decode FLOPs per token F_tok(x)',
      doc: 'FLOPs to generate one token at the scenario context (the token itself included).',
      unit: 'FLOP/token',
      layer: 'A',
      formula: 'F_tok(x) = F_lin + A·Ψ(1, x − 1) = F_lin + A·x',
      inputs: {
        linear: number('workload.linear_flops_per_token'), attentionCoeff: number('workload.attention_flops_coeff'),
        context: number('scenario.context_len'), convention: choice('scenario.attention_flops_convention', ATTENTION_CONVENTIONS),
      },
      compute: ({ linear, attentionCoeff, context, convention }) => decodeTokenFlops(linear, attentionCoeff, context, convention),
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
        return basis === 'mac' ? 2 * flops : flops;
      },
      source: s23,
    }),
  ];
}
