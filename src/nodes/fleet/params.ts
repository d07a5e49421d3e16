/**
 * Wall 14, parameters per GPU (physics.md §8.3): the dense part is split by the stage share
 * and TP; the expert part (E·P_e, §2.2) also by EP.
 */
import { derived, type CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { num, optNum } from './common.js';

const S = 'communication';
const W = 14;

export function paramsCells(_ctx: BuildContext): CellDef[] {
  return [
    derived({
      id: `${S}.dense_params_per_gpu`, label: 'Dense parameters per GPU',
      doc: 'Dense (non-expert) parameters held by one GPU of the slowest stage (§8.3).',
      unit: 'params', layer: 'D', wall: W, formula: 'P_dense,gpu = P_dense · (L_stage/L) / t',
      inputs: ['workload.dense_params', `${S}.stage_layer_fraction`, `${S}.tp`],
      compute: (pd, share, t) => (num(pd) * num(share)) / num(t),
    }),
    derived({
      id: `${S}.expert_params_per_gpu`, label: 'Expert parameters per GPU',
      doc: 'Expert parameters held by one GPU: all E experts of the stage, split by TP and EP (§8.3).',
      unit: 'params', layer: 'D', wall: W, formula: 'P_exp,gpu = E · P_e · (L_stage/L) / (t · e)',
      inputs: ['workload.experts', 'workload.expert_params', `${S}.stage_layer_fraction`, `${S}.tp`, `${S}.ep`],
      compute: (E, pe, share, t, e) => {
        const experts = optNum(E);
        const perExpert = optNum(pe);
        if (experts === null || perExpert === null || perExpert === 0) return 0; // dense model: P_e = 0 (§2.2)
        return (experts * perExpert * num(share)) / (num(t) * num(e));
      },
    }),
    derived({
      id: `${S}.params_per_gpu`, label: 'Parameters per GPU', doc: 'Parameters held by one GPU of the slowest stage (§8.3).',
      unit: 'params', layer: 'D', wall: W, formula: 'P_gpu = P_dense,gpu + P_exp,gpu',
      inputs: [`${S}.dense_params_per_gpu`, `${S}.expert_params_per_gpu`],
      compute: (d, e) => num(d) + num(e),
    }),
    derived({
      id: `${S}.weight_bytes_per_gpu`, label: 'Weight bytes per GPU', doc: 'Working weights of one GPU at the training width b_p (§8.3).',
      unit: 'B', displayUnit: 'GB', layer: 'D', wall: W, formula: 'W_gpu = b_p · P_gpu',
      inputs: ['scenario.param_bytes_per_element', `${S}.params_per_gpu`],
      compute: (bp, p) => num(bp) * num(p),
    }),
  ];
}
