/**
 * Training FLOPs per token (physics.md §2.4; per sample for non-LM models). Model FLOPs
 * (3·F_fwd) exist in every mode, for walls that cost a training run; the hardware FLOPs and the
 * backward share depend on wall 14's `communication.recompute`, so they exist in training
 * mode only (never read a cell that the mode does not build).
 */
import { type CellDef, derived, fail, type Failure } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { num, str } from '../common/plain.js';
import type { AttentionConvention } from '../common/scenario-inputs.js';
import { type BuildContext, isLM } from '../context.js';
import { attendedPairs } from './flops.js';

export const RECOMPUTE_MODES = ['none', 'selective', 'full'] as const;
export type Recompute = (typeof RECOMPUTE_MODES)[number];

/** Attention FLOPs per token of a length-S sequence processed from scratch: A·Ψ(S, 0)/S. */
export function attentionFlopsPerToken(attentionCoeff: number, seqLen: number, convention: AttentionConvention): number {
  return (attentionCoeff * attendedPairs(seqLen, 0, convention)) / seqLen;
}

/**
 * Recompute FLOPs per token Rc (§2.4): none 0; selective the attention core; full the whole
 * forward. `attentionPart` is A·Ψ(S, 0)/S (0 for non-LM models, which have no attention core).
 */
export function recomputeFlops(recompute: string, forward: number, attentionPart: number): number | Failure {
  switch (recompute) {
    case 'none':
      return 0;
    case 'selective':
      return attentionPart;
    case 'full':
      return forward;
    default:
      return fail('invalid_input', `recompute must be one of ${RECOMPUTE_MODES.join(', ')} (got ${JSON.stringify(recompute)})`);
  }
}

/** φ = (2·F_fwd + Rc)/(3·F_fwd + Rc): the backward share of the hardware FLOPs (§2.4). */
export function backwardFraction(forward: number, recompute: number): number {
  return (2 * forward + recompute) / (3 * forward + recompute);
}

/** The sequence length S used for training FLOPs in this mode. */
export function trainingSeqLenId(ctx: BuildContext): string {
  return ctx.mode === 'training' ? 'communication.seq_len_effective' : 'scenario.context_len';
}

export function trainingFlopsCells(ctx: BuildContext): CellDef[] {
  const s24 = spec('§2.4');
  const lm = isLM(ctx.model.family);
  const S = trainingSeqLenId(ctx);
  const cells: CellDef[] = [
    lm
      ? derived({
          id: 'workload.forward_flops_per_token',
          label: 'Forward FLOPs per token F_fwd',
          doc: 'Forward FLOPs per token of a training sequence of length S (causal: attention A·(S+1)/2).',
          unit: 'FLOP/token',
          layer: 'A',
          formula: 'F_fwd = F_lin + A·Ψ(S, 0)/S',
          inputs: ['workload.linear_flops_per_token', 'workload.attention_flops_coeff', S, 'scenario.attention_flops_convention'],
          compute: (fl, a, s, conv) => num(fl) + attentionFlopsPerToken(num(a), num(s), str(conv) as AttentionConvention),
          source: s24,
        })
      : derived({
          id: 'workload.forward_flops_per_token',
          label: 'Forward FLOPs per sample F_fwd',
          doc: 'Forward FLOPs per training sample of a non-LM model (F_s).',
          unit: 'FLOP/sample',
          layer: 'A',
          formula: 'F_fwd = F_s',
          inputs: ['workload.flops_per_sample_eff'],
          compute: (fs) => num(fs),
          source: s24,
        }),
    derived({
      id: 'workload.train_model_flops_per_token',
      label: 'Training model FLOPs per token',
      doc: 'Model FLOPs of one training token (sample): forward plus a backward that costs twice the forward; MFU uses these.',
      unit: lm ? 'FLOP/token' : 'FLOP/sample',
      layer: 'A',
      formula: '3·F_fwd',
      inputs: ['workload.forward_flops_per_token'],
      compute: (f) => 3 * num(f),
      source: s24,
    }),
  ];
  if (ctx.mode !== 'training') return cells;
  const rcInputs = lm
    ? ['communication.recompute', 'workload.forward_flops_per_token', 'workload.attention_flops_coeff', S, 'scenario.attention_flops_convention']
    : ['communication.recompute', 'workload.forward_flops_per_token'];
  return [
    ...cells,
    derived({
      id: 'workload.recompute_flops_per_token',
      label: 'Recompute FLOPs per token Rc',
      doc: 'Forward work repeated in the backward pass: none, the attention core (selective) or the whole forward (full).',
      unit: lm ? 'FLOP/token' : 'FLOP/sample',
      layer: 'A',
      formula: 'Rc = 0 | A·Ψ(S, 0)/S | F_fwd',
      inputs: rcInputs,
      // Non-LMs declare only (recompute, F_fwd): read the rest through the rest parameter.
      compute: (...v) => {
        const [rc, f, a, s, conv] = v;
        const attention = lm ? attentionFlopsPerToken(num(a), num(s), str(conv) as AttentionConvention) : 0;
        return recomputeFlops(str(rc), num(f), attention);
      },
      source: s24,
    }),
    derived({
      id: 'workload.train_hw_flops_per_token',
      label: 'Training hardware FLOPs per token',
      doc: 'FLOPs the hardware executes per training token (sample), recompute included; HFU uses these.',
      unit: lm ? 'FLOP/token' : 'FLOP/sample',
      layer: 'A',
      formula: '3·F_fwd + Rc',
      inputs: ['workload.forward_flops_per_token', 'workload.recompute_flops_per_token'],
      compute: (f, rc) => 3 * num(f) + num(rc),
      source: s24,
    }),
    derived({
      id: 'workload.backward_fraction',
      label: 'Backward fraction φ',
      doc: 'Share of the hardware FLOPs spent in the backward pass (recompute included).',
      unit: '1',
      layer: 'A',
      formula: 'φ = (2·F_fwd + Rc)/(3·F_fwd + Rc)',
      inputs: ['workload.forward_flops_per_token', 'workload.recompute_flops_per_token'],
      compute: (f, rc) => backwardFraction(num(f), num(rc)),
      source: s24,
    }),
  ];
}
