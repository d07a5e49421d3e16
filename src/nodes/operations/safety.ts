/**
 * Wall 20: Safety (differential privacy and subgroup coverage), physics.md §9 wall 20.
 * Active when `dp_epsilon` or `min_subgroup_prevalence` is set. Both formulas are
 * heuristic priors, not predictions.
 *
 * The base training time is wall 11's time_to_train in training mode; in other modes there
 * is none, so `safety.base_training_time` must be set for effective_training_time.
 */
import { type CellDef, derived, fail, input, number, optNumber } from '../../graph/index.js';
import { reasons, statusCells, verdict, type Verdict } from '../common/status.js';
import type { BuildContext } from '../context.js';

/** §11.3 wall 20 WARN thresholds. */
const SLOWDOWN_WARN = 3;
const DATA_FACTOR_WARN = 100;

function safetyStatus(slowdown: number, dataFactor: number): Verdict {
  return verdict([], reasons([
    slowdown > SLOWDOWN_WARN && `DP-SGD slows training ${slowdown.toPrecision(4)}× (> ${SLOWDOWN_WARN}×)`,
    dataFactor > DATA_FACTOR_WARN && `the rarest subgroup needs ${dataFactor.toPrecision(4)}× more data (> ${DATA_FACTOR_WARN}×)`,
  ]));
}

export function safetyCells(ctx: BuildContext): CellDef[] {
  const wall = 20;
  const layer = 'E' as const;
  const baseDefault = ctx.mode === 'training' ? 'complexity.time_to_train' : null;
  return [
    input({
      id: 'safety.dp_epsilon', label: 'DP ε', doc: 'Differential-privacy budget ε; unset means no DP-SGD.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0.01, optional: true },
    }),
    input({
      id: 'safety.dp_delta', label: 'DP δ', doc: 'Differential-privacy δ; recorded, not used by the heuristic.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true, optional: true },
    }),
    input({
      id: 'safety.dp_sgd_coefficient', label: 'DP-SGD coefficient', doc: 'Slowdown coefficient of the DP-SGD prior.',
      unit: '1', layer, wall, source: { kind: 'spec', ref: 'physics.md §1.5 dp_sgd_coefficient' },
      default: 2.0, domain: { kind: 'number', min: 0 },
    }),
    input({
      id: 'safety.min_subgroup_prevalence', label: 'Rarest subgroup prevalence', doc: 'Fraction of the data in the rarest subgroup to cover.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0, max: 1, minExclusive: true, optional: true },
    }),
    input({
      id: 'safety.min_examples_per_subgroup', label: 'Examples per subgroup', doc: 'Examples each subgroup needs.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 1, integer: true, optional: true },
    }),
    input({
      id: 'safety.base_training_time', label: 'Base training time (override)',
      doc: 'Training time without DP; unset uses time_to_train of wall 11 (training mode).',
      unit: 's', displayUnit: 'day', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'safety.active', label: 'Safety active', doc: 'Wall 20 is active when dp_epsilon or min_subgroup_prevalence is set.',
      unit: 'bool', layer, wall, formula: 'active ⇔ ε set ∨ π set',
      inputs: { epsilon: optNumber('safety.dp_epsilon'), prevalence: optNumber('safety.min_subgroup_prevalence') },
      compute: ({ epsilon, prevalence }) => epsilon !== null || prevalence !== null,
    }),
    derived({
      id: 'safety.dp_slowdown_factor', label: 'DP-SGD slowdown', doc: 'Training-time multiplier of DP-SGD (1 without DP).',
      unit: '1', layer, wall, formula: 'dp_slowdown_factor = 1 + dp_sgd_coefficient/ε',
      inputs: { coefficient: number('safety.dp_sgd_coefficient'), epsilon: optNumber('safety.dp_epsilon') },
      compute: ({ coefficient, epsilon }) => (epsilon === null ? 1 : 1 + coefficient / epsilon),
    }),
    derived({
      id: 'safety.base_training_time_effective', label: 'Base training time', doc: 'The override, else wall 11\'s time_to_train.',
      unit: 's', displayUnit: 'day', layer, wall, formula: baseDefault ? `T_base = base_training_time ?? ${baseDefault}` : 'T_base = base_training_time',
      inputs: { override: optNumber('safety.base_training_time'), ...(baseDefault ? { timeToTrain: number(baseDefault) } : {}) },
      compute: ({ override, timeToTrain }) => {
        if (override !== null) return override;
        if (timeToTrain !== undefined) return timeToTrain;
        return fail('missing_data', `no training time in ${ctx.mode} mode; set safety.base_training_time`);
      },
    }),
    derived({
      id: 'safety.effective_training_time', label: 'Training time with DP', doc: 'Base training time times the DP-SGD slowdown.',
      unit: 's', displayUnit: 'day', layer, wall, formula: 'effective_training_time = T_base·dp_slowdown_factor',
      inputs: { baseTime: number('safety.base_training_time_effective'), slowdown: number('safety.dp_slowdown_factor') },
      compute: ({ baseTime, slowdown }) => baseTime * slowdown,
    }),
    derived({
      id: 'safety.additional_data_factor', label: 'Additional data factor', doc: 'Data multiplier to see enough of the rarest subgroup (1 when unset).',
      unit: '1', layer, wall, formula: 'additional_data_factor = 1/π',
      inputs: { prevalence: optNumber('safety.min_subgroup_prevalence') }, compute: ({ prevalence }) => (prevalence === null ? 1 : 1 / prevalence),
    }),
    derived({
      id: 'safety.required_dataset_size', label: 'Required dataset size', doc: 'Examples needed so the rarest subgroup has n_min; unset without n_min.',
      unit: '1', layer, wall, formula: 'required_dataset_size = n_min/π',
      inputs: { minExamples: optNumber('safety.min_examples_per_subgroup'), dataFactor: number('safety.additional_data_factor') },
      compute: ({ minExamples, dataFactor }) => (minExamples === null ? null : minExamples * dataFactor),
    }),
    ...statusCells({
      scope: 'safety', wall, formula: 'WARN slowdown > 3 ∨ data factor > 100',
      inputs: { slowdown: number('safety.dp_slowdown_factor'), dataFactor: number('safety.additional_data_factor') },
      judge: ({ slowdown, dataFactor }) => safetyStatus(slowdown, dataFactor),
    }),
  ];
}
