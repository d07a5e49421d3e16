/**
 * Wall 14, parameters per GPU (physics.md §8.3): the dense part is split by the stage share
 * and TP; the expert part (E·P_e, §2.2) also by EP.
 */
import { derived, number, optNumber, type CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

const S = 'communication';
const W = 14;

export function paramsCells(_ctx: BuildContext): CellDef[] {
  return [
    derived({
      id: `${S}.dense_params_per_gpu`, label: 'Dense parameters per GPU',
      doc: 'Dense (non-expert) parameters held by one GPU of the slowest stage (§8.3).',
      unit: 'params', layer: 'D', wall: W, formula: 'P_dense,gpu = P_dense · (L_stage/L) / t',
      inputs: { dense: optNumber('workload.dense_params'), share: number(`${S}.stage_layer_fraction`), t: number(`${S}.tp`) },
      // An entry without a parameter count (P_dense unset) holds no dense parameters here.
      compute: ({ dense, share, t }) => ((dense ?? 0) * share) / t,
    }),
    derived({
      id: `${S}.expert_params_per_gpu`, label: 'Expert parameters per GPU',
      doc: 'Expert parameters held by one GPU: all E experts of the stage, split by TP and EP (§8.3).',
      unit: 'params', layer: 'D', wall: W, formula: 'P_exp,gpu = E · P_e · (L_stage/L) / (t · e)',
      inputs: {
        experts: optNumber('workload.experts'), perExpert: number('workload.expert_params'), share: number(`${S}.stage_layer_fraction`),
        t: number(`${S}.tp`), e: number(`${S}.ep`),
      },
      compute: ({ experts, perExpert, share, t, e }) => {
        if (experts === null || perExpert === 0) return 0; // dense model: P_e = 0 (§2.2)
        return (experts * perExpert * share) / (t * e);
      },
    }),
    derived({
      id: `${S}.params_per_gpu`, label: 'Parameters per GPU', doc: 'Parameters held by one GPU of the slowest stage (§8.3).',
      unit: 'params', layer: 'D', wall: W, formula: 'P_gpu = P_dense,gpu + P_exp,gpu',
      inputs: { dense: number(`${S}.dense_params_per_gpu`), expert: number(`${S}.expert_params_per_gpu`) },
      compute: ({ dense, expert }) => dense + expert,
    }),
    derived({
      id: `${S}.weight_bytes_per_gpu`, label: 'Weight bytes per GPU', doc: 'Working weights of one GPU at the training width b_p (§8.3).',
      unit: 'B', displayUnit: 'GB', layer: 'D', wall: W, formula: 'W_gpu = b_p · P_gpu',
      inputs: { paramBytes: number('scenario.param_bytes_per_element'), params: number(`${S}.params_per_gpu`) },
      compute: ({ paramBytes, params }) => paramBytes * params,
    }),
  ];
}
