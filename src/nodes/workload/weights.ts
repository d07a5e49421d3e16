/**
 * Weight bytes and the bytes a step touches (physics.md §2.5). MoE stores every expert but a
 * step of T tokens only reads the experts its tokens route to.
 */
import { type CellDef, derived, gate, number, optNumber } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import type { BuildContext } from '../context.js';

/** E_touched(T) = E·(1 − (1 − k/E)^T): expected distinct experts hit by T tokens (uniform routing). */
export function expertsTouched(experts: number, perToken: number, tokens: number): number {
  return experts * (1 - (1 - perToken / experts) ** tokens);
}

/** W_t(T) = b_w·(P_dense + P_e·E_touched(T)) for MoE (T ≥ 1). */
export function moeWeightBytesTouched(
  weightWidth: number, denseParams: number, expertParams: number, experts: number, perToken: number, tokens: number,
): number {
  return weightWidth * (denseParams + expertParams * expertsTouched(experts, perToken, tokens));
}

export function weightCells(ctx: BuildContext): CellDef[] {
  const s25 = spec('§2.5');
  const moe = ctx.model.family === 'moe_lm';
  const id = ctx.model.id;
  const weightBytes = derived({
    id: 'workload.weight_bytes',
    label: 'Weight bytes W',
    doc: 'Bytes of all stored weights (MoE: every expert).',
    unit: 'B',
    layer: 'A',
    formula: 'W = P·b_w',
    inputs: { params: optNumber('workload.params'), weightWidth: number('scenario.weight_bytes_per_element') },
    compute: ({ params, weightWidth }) => {
      const p = required(params, id, 'params', 'the weight bytes W = P·b_w');
      return typeof p === 'number' ? p * weightWidth : p;
    },
    source: s25,
  });
  if (!moe) {
    return [
      weightBytes,
      derived({ id: 'workload.experts_touched', label: 'Experts touched', doc: 'Distinct experts a decode step reads (none for a dense model).', unit: 'experts', layer: 'A', formula: '0 (dense)', inputs: {}, compute: () => 0, source: s25 }),
      derived({
        id: 'workload.weight_bytes_touched',
        label: 'Weight bytes touched W_t(B)',
        doc: 'Weight bytes one decode step of B tokens reads: all of them for a dense model.',
        unit: 'B',
        layer: 'A',
        formula: 'W_t = W (dense)',
        inputs: { weightBytes: number('workload.weight_bytes') },
        compute: ({ weightBytes }) => weightBytes,
        source: s25,
      }),
    ];
  }
  return [
    weightBytes,
    derived({
      id: 'workload.experts_touched',
      label: 'Experts touched E_touched(B)',
      doc: 'Expected distinct experts per MoE layer that the B tokens of a decode step route to.',
      unit: 'experts',
      layer: 'A',
      formula: 'E_touched(B) = E·(1 − (1 − k/E)^B)',
      inputs: {
        experts: optNumber('workload.experts'), perToken: optNumber('workload.experts_per_token'), batch: number('scenario.batch_size'),
        // Read only so that its E/k checks (missing or inconsistent E and k) block this cell too.
        expertParams: gate('workload.expert_params'),
      },
      compute: ({ experts, perToken, batch }) => {
        // Unset E or k already blocks this cell through expert_params; these only name the fact.
        const e = required(experts, id, 'experts', 'the mixture-of-experts split');
        if (typeof e !== 'number') return e;
        const k = required(perToken, id, 'experts_per_token', 'the mixture-of-experts split');
        if (typeof k !== 'number') return k;
        return expertsTouched(e, k, batch);
      },
      source: s25,
    }),
    derived({
      id: 'workload.weight_bytes_touched',
      label: 'Weight bytes touched W_t(B)',
      doc: 'Weight bytes one decode step of B tokens reads: the dense part plus the experts touched.',
      unit: 'B',
      layer: 'A',
      formula: 'W_t(B) = b_w·(P_dense + P_e·E_touched(B))',
      inputs: {
        weightWidth: number('scenario.weight_bytes_per_element'), denseParams: number('workload.dense_params'),
        expertParams: number('workload.expert_params'), touched: number('workload.experts_touched'),
      },
      compute: ({ weightWidth, denseParams, expertParams, touched }) => weightWidth * (denseParams + expertParams * touched),
      source: s25,
    }),
  ];
}
