/**
 * Training FLOPs per token (physics.md §2.4; per sample for non-LM models). Model FLOPs
 * (3·F_fwd) exist in every mode, for walls that cost a training run; the hardware FLOPs and the
 * backward share depend on wall 14's `communication.recompute`, so they exist in training
 * mode only (never read a cell that the mode does not build).
 */
import { type CellDef, choice, derived, fail, type Failure, number } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { ATTENTION_CONVENTIONS, type AttentionConvention } from '../common/scenario-inputs.js';
import { type BuildContext, isLM } from '../context.js';
import { type AttentionWindow, layerAveragedPairs } from './pairs.js';
import { windowInputs, windowOf } from './window.js';

export const RECOMPUTE_MODES = ['none', 'selective', 'full'] as const;
export type Recompute = (typeof RECOMPUTE_MODES)[number];

/**
 * Attention FLOPs per token of a length-S sequence processed from scratch: A·Ψ(S, 0)/S, with
 * Ψ averaged over the layers when some are windowed (pairs.ts). Training uses the expanded
 * attention (for MLA too): keys and values are up-projected once per token, then attended.
 */
export function attentionFlopsPerToken(attentionCoeff: number, seqLen: number, convention: AttentionConvention, window: AttentionWindow | null = null): number {
  return (attentionCoeff * layerAveragedPairs(seqLen, 0, convention, window)) / seqLen;
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
  const conventionInput = choice('scenario.attention_flops_convention', ATTENTION_CONVENTIONS);
  const cells: CellDef[] = [
    lm
      ? derived({
          id: 'workload.forward_flops_per_token',
          label: 'Forward FLOPs per token F_fwd',
          doc: 'Forward FLOPs per token of a training sequence of length S (causal: attention A·(S+1)/2).',
          unit: 'FLOP/token',
          layer: 'A',
          formula: 'F_fwd = F_lin + A·Ψ(S, 0)/S (windowed layers: Ψ with min(·, w))',
          inputs: {
            linear: number('workload.linear_flops_per_token'), attentionCoeff: number('workload.attention_flops_coeff'), seqLen: number(S), convention: conventionInput,
            ...windowInputs,
          },
          compute: ({ linear, attentionCoeff, seqLen, convention, ...w }) => linear + attentionFlopsPerToken(attentionCoeff, seqLen, convention, windowOf(w)),
          source: s24,
        })
      : derived({
          id: 'workload.forward_flops_per_token',
          label: 'Forward FLOPs per sample F_fwd',
          doc: 'Forward FLOPs per training sample of a non-LM model (F_s).',
          unit: 'FLOP/sample',
          layer: 'A',
          formula: 'F_fwd = F_s',
          inputs: { perSample: number('workload.flops_per_sample_eff') },
          compute: ({ perSample }) => perSample,
          source: s24,
        }),
    derived({
      id: 'workload.train_model_flops_per_token',
      label: 'Training model FLOPs per token',
      doc: 'Model FLOPs of one training token (sample): forward plus a backward that costs twice the forward; MFU uses these.',
      unit: lm ? 'FLOP/token' : 'FLOP/sample',
      layer: 'A',
      formula: '3·F_fwd',
      inputs: { forward: number('workload.forward_flops_per_token') },
      compute: ({ forward }) => 3 * forward,
      source: s24,
    }),
  ];
  if (ctx.mode !== 'training') return cells;
  return [
    ...cells,
    ...(lm ? [derived({
      id: 'workload.attention_flops_per_token',
      label: 'Attention FLOPs per token',
      doc: 'Forward attention-core FLOPs per token of a training sequence (QKᵀ and AV; windowed layers use min(·, w)); context parallelism overlaps its ring traffic with this work.',
      unit: 'FLOP/token',
      layer: 'A',
      formula: 'A·Ψ(S, 0)/S',
      inputs: { attentionCoeff: number('workload.attention_flops_coeff'), seqLen: number(S), convention: conventionInput, ...windowInputs },
      compute: ({ attentionCoeff, seqLen, convention, ...w }) => attentionFlopsPerToken(attentionCoeff, seqLen, convention, windowOf(w)),
      source: s24,
    })] : []),
    derived({
      id: 'workload.recompute_flops_per_token',
      label: 'Recompute FLOPs per token Rc',
      doc: 'Forward work repeated in the backward pass: none, the attention core (selective) or the whole forward (full).',
      unit: lm ? 'FLOP/token' : 'FLOP/sample',
      layer: 'A',
      formula: 'Rc = 0 | A·Ψ(S, 0)/S | F_fwd',
      inputs: {
        recompute: choice('communication.recompute', RECOMPUTE_MODES), forward: number('workload.forward_flops_per_token'),
        // Non-LMs have no attention core to recompute.
        ...(lm ? { attentionCoeff: number('workload.attention_flops_coeff'), seqLen: number(S), convention: conventionInput, ...windowInputs } : {}),
      },
      compute: ({ recompute, forward, attentionCoeff, seqLen, convention, windowTokens, windowedLayers, allLayers }) => {
        const window = windowTokens === undefined ? null : windowOf({ windowTokens, windowedLayers: windowedLayers ?? null, allLayers: allLayers ?? null });
        const attention = attentionCoeff !== undefined && seqLen !== undefined && convention !== undefined
          ? attentionFlopsPerToken(attentionCoeff, seqLen, convention, window)
          : 0;
        return recomputeFlops(recompute, forward, attention);
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
      inputs: { forward: number('workload.forward_flops_per_token'), recomputed: number('workload.recompute_flops_per_token') },
      compute: ({ forward, recomputed }) => 3 * forward + recomputed,
      source: s24,
    }),
    derived({
      id: 'workload.backward_fraction',
      label: 'Backward fraction φ',
      doc: 'Share of the hardware FLOPs spent in the backward pass (recompute included).',
      unit: '1',
      layer: 'A',
      formula: 'φ = (2·F_fwd + Rc)/(3·F_fwd + Rc)',
      inputs: { forward: number('workload.forward_flops_per_token'), recomputed: number('workload.recompute_flops_per_token') },
      compute: ({ forward, recomputed }) => backwardFraction(forward, recomputed),
      source: s24,
    }),
  ];
}
