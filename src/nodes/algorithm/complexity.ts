/**
 * Wall 11: Complexity (Chinchilla, training budget, time to train), physics.md §7 wall 11.
 *
 * The budget C is, in order: `compute_budget` (FLOP); `compute_budget_device_time` converted
 * with the device peak and budget MFU (§13.30); in training mode with no budget given, the
 * scenario's own training run (`training_flops`), so optimal_params answers "what size
 * would this run's compute have trained best". Otherwise C is unset and the
 * compute-optimal cells are `missing_data`.
 *
 * training_flops and time_to_train exist in training mode only (they read wall 14's
 * fleet_throughput and the §2.4 training FLOPs, which exist only there).
 */
import { derived, fail, flag, input, number, optNumber, warn, type CellDef, type ComputeResult } from '../../graph/index.js';
import { statusCells, verdict } from '../common/status.js';
import type { BuildContext } from '../context.js';

/**
 * `f(P)`, or missing_data naming the field when the model lists no params (DLRM's catalogue
 * entry has none): tokens per parameter is not defined without P, and never counted as 0.
 */
function withParams(model: string, params: number | null, need: string, f: (p: number) => ComputeResult): ComputeResult {
  return params === null ? fail('missing_data', `${model} has no params (workload.params); ${need} needs it`) : f(params);
}

/** §11.3 wall 11: WARN when tokens_per_param < 10. */
const UNDERTRAINED_TOKENS_PER_PARAM = 10;

/** Cell 2: compute-optimal (params, tokens) for budget C, or the tokens for a fixed size P_t. */
export function chinchillaOptimum(
  budget: number, flopsPerParamToken: number, tokensPerParam: number, targetParams: number | null,
): { params: number; tokens: number } {
  if (targetParams !== null) return { params: targetParams, tokens: budget / (flopsPerParamToken * targetParams) };
  const params = Math.sqrt(budget / (flopsPerParamToken * tokensPerParam));
  return { params, tokens: tokensPerParam * params };
}

export function complexityCells(ctx: BuildContext): CellDef[] {
  const wall = 11;
  const layer = 'E' as const;
  const training = ctx.mode === 'training';
  const noBudget = 'no compute budget: set complexity.compute_budget or complexity.compute_budget_device_time';
  const budgetInputs = {
    budget: optNumber('complexity.compute_budget'), deviceTime: optNumber('complexity.compute_budget_device_time'),
    peak: number('complexity.budget_peak_flops_effective'), mfu: number('complexity.budget_mfu_effective'),
  };
  const optimumInputs = {
    budget: optNumber('complexity.budget_flops'), flopsPerParamToken: number('complexity.flops_per_param_token'),
    tokensPerParam: number('complexity.chinchilla_tokens_per_param'), targetParams: optNumber('complexity.target_params'),
  };
  const cells: CellDef[] = [
    input({
      id: 'complexity.compute_budget', label: 'Compute budget', doc: 'Training compute budget in FLOP; unset means no budget query.',
      unit: 'FLOP', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: 'complexity.compute_budget_device_time', label: 'Compute budget (device time)', doc: 'Training budget as device time (GPU-hours, GPU-days); do not set both budgets.',
      unit: 's', displayUnit: 'day', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: 'complexity.budget_mfu_default', label: 'Default budget MFU', doc: 'MFU assumed to convert device time to FLOP outside training mode.',
      unit: '1', layer, wall, source: { kind: 'spec', ref: 'physics.md §1.5 budget_mfu_default' },
      default: 0.4, domain: { kind: 'number', min: 0, max: 1, minExclusive: true },
    }),
    input({
      id: 'complexity.budget_mfu', label: 'Budget MFU (override)', doc: 'MFU for the device-time conversion; unset uses the fleet MFU (training) or the default.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0, max: 1, minExclusive: true, optional: true },
    }),
    derived({
      id: 'complexity.budget_mfu_effective', label: 'Budget MFU', doc: 'MFU used to convert device time to FLOP.',
      unit: '1', layer, wall, formula: training ? 'budget_mfu ?? communication.fleet_mfu' : 'budget_mfu ?? budget_mfu_default',
      inputs: { override: optNumber('complexity.budget_mfu'), fallback: number(training ? 'communication.fleet_mfu' : 'complexity.budget_mfu_default') },
      compute: ({ override, fallback }) => override ?? fallback,
    }),
    input({
      id: 'complexity.budget_peak_flops', label: 'Budget peak (override)', doc: 'Peak FLOP/s for the device-time conversion; unset uses the scenario device.',
      unit: 'FLOP/s', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'complexity.budget_peak_flops_effective', label: 'Budget peak', doc: 'Peak FLOP/s used to convert device time to FLOP.',
      unit: 'FLOP/s', layer, wall, formula: 'budget_peak_flops ?? hardware.peak_flops',
      inputs: { override: optNumber('complexity.budget_peak_flops'), peak: number('hardware.peak_flops') },
      compute: ({ override, peak }) => override ?? peak,
    }),
    input({
      id: 'complexity.target_params', label: 'Target model size', doc: 'Fix the model size and ask for the tokens the budget buys; unset asks for the optimum.',
      unit: 'params', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: 'complexity.flops_per_param_token', label: 'FLOPs per parameter per token',
      doc: 'Training FLOPs per parameter per token in the law C ≈ 6·P·D (part of its definition).',
      unit: 'FLOP', layer, wall, source: { kind: 'paper', ref: 'Kaplan et al. 2020; Hoffmann et al. 2022; physics.md §7 wall 11 (C ≈ 6PD)' },
      default: 6, domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    input({
      id: 'complexity.chinchilla_tokens_per_param', label: 'Chinchilla tokens per parameter', doc: 'Compute-optimal training tokens per parameter.',
      unit: '1', layer, wall, source: { kind: 'paper', ref: 'Hoffmann et al. 2022 (Chinchilla); physics.md §1.5' },
      default: 20, domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    derived({
      id: 'complexity.training_tokens', label: 'Training tokens', doc: 'Tokens the scenario model is trained on: the catalogue figure, else r_c·P.',
      unit: 'tokens', layer, wall, formula: 'D_train = workload.training_tokens ?? r_c·P',
      inputs: { catalogue: optNumber('workload.training_tokens'), tokensPerParam: number('complexity.chinchilla_tokens_per_param'), params: optNumber('workload.params') },
      compute: ({ catalogue, tokensPerParam, params }) =>
        catalogue !== null
          ? catalogue
          : withParams(ctx.model.id, params, 'the compute-optimal training tokens r_c·P (or set workload.training_tokens)', (p) =>
            warn(tokensPerParam * p, `${ctx.model.id} has no training_tokens; assuming the compute-optimal ${tokensPerParam} tokens per parameter`)),
    }),
    derived({
      id: 'complexity.has_budget', label: 'Budget given', doc: 'True when a compute budget (FLOP or device time) is set.',
      unit: 'bool', layer, wall, formula: 'compute_budget set ∨ compute_budget_device_time set',
      inputs: { budget: optNumber('complexity.compute_budget'), deviceTime: optNumber('complexity.compute_budget_device_time') },
      compute: ({ budget, deviceTime }) => budget !== null || deviceTime !== null,
    }),
    derived({
      id: 'complexity.active', label: 'Complexity active', doc: 'Wall 11 is active in training mode or when a budget is given.',
      unit: 'bool', layer, wall, formula: 'active ⇔ training ∨ budget given',
      inputs: { hasBudget: flag('complexity.has_budget') }, compute: ({ hasBudget }) => training || hasBudget,
    }),
    derived({
      id: 'complexity.budget_flops', label: 'Budget (FLOP)', doc: 'The compute budget in FLOP (unset without a budget outside training).',
      unit: 'FLOP', layer, wall,
      formula: training ? 'C = compute_budget ?? device_time·peak·mfu ?? training_flops' : 'C = compute_budget ?? device_time·peak·mfu',
      inputs: { ...budgetInputs, ...(training ? { trainingFlops: number('complexity.training_flops') } : {}) },
      compute: ({ budget, deviceTime, peak, mfu, trainingFlops }): ComputeResult => {
        if (budget !== null && deviceTime !== null) return fail('invalid_input', 'set either complexity.compute_budget or complexity.compute_budget_device_time, not both');
        if (budget !== null) return budget;
        if (deviceTime !== null) return deviceTime * peak * mfu;
        return trainingFlops === undefined ? null : trainingFlops;
      },
    }),
    derived({
      id: 'complexity.optimal_params', label: 'Compute-optimal parameters', doc: 'Model size the budget trains best (or the target size).',
      unit: 'params', layer, wall, formula: 'P* = √(C/(6·r_c)), or P_t (6 = flops_per_param_token)',
      inputs: optimumInputs,
      compute: ({ budget, flopsPerParamToken, tokensPerParam, targetParams }): ComputeResult =>
        budget === null ? fail('missing_data', noBudget) : chinchillaOptimum(budget, flopsPerParamToken, tokensPerParam, targetParams).params,
    }),
    derived({
      id: 'complexity.optimal_tokens', label: 'Compute-optimal tokens', doc: 'Training tokens the budget buys at the optimal (or target) size.',
      unit: 'tokens', layer, wall, formula: 'D* = r_c·P*, or C/(6·P_t)',
      inputs: optimumInputs,
      compute: ({ budget, flopsPerParamToken, tokensPerParam, targetParams }): ComputeResult =>
        budget === null ? fail('missing_data', noBudget) : chinchillaOptimum(budget, flopsPerParamToken, tokensPerParam, targetParams).tokens,
    }),
    derived({
      id: 'complexity.tokens_per_param', label: 'Tokens per parameter', doc: 'D*/P* for a budget query, else D_train/P for the scenario model.',
      unit: '1', layer, wall, formula: 'budget given ? D*/P* : D_train/P',
      inputs: {
        hasBudget: flag('complexity.has_budget'), ...optimumInputs,
        trainingTokens: number('complexity.training_tokens'), params: optNumber('workload.params'),
      },
      compute: ({ hasBudget, budget, flopsPerParamToken, tokensPerParam, targetParams, trainingTokens, params }) => {
        if (!hasBudget) return withParams(ctx.model.id, params, 'tokens per parameter D_train/P', (p) => trainingTokens / p);
        if (budget === null) return fail('missing_data', noBudget);
        const o = chinchillaOptimum(budget, flopsPerParamToken, tokensPerParam, targetParams);
        return o.tokens / o.params;
      },
    }),
    // WARN when the scenario model sees fewer than 10 tokens per parameter (§11.3); never FAIL.
    ...statusCells({
      scope: 'complexity', wall, layer, formula: 'WARN D_train/P < 10',
      inputs: { trainingTokens: number('complexity.training_tokens'), params: optNumber('workload.params') },
      judge: ({ trainingTokens, params }) => {
        if (params === null) return fail('missing_data', `${ctx.model.id} has no params (workload.params); tokens per parameter D_train/P needs it`);
        const ratio = trainingTokens / params;
        return verdict([], ratio < UNDERTRAINED_TOKENS_PER_PARAM
          ? [`under-trained relative to compute-optimal: ${ratio.toPrecision(4)} tokens per parameter (< ${UNDERTRAINED_TOKENS_PER_PARAM})`]
          : []);
      },
    }),
  ];
  if (training) {
    cells.push(
      derived({
        id: 'complexity.training_flops', label: 'Training FLOPs', doc: 'Model FLOPs of the whole training run, attention included (§2.4).',
        unit: 'FLOP', layer, wall, formula: 'training_flops = D_train·train_model_flops_per_token',
        inputs: { trainingTokens: number('complexity.training_tokens'), flopsPerToken: number('workload.train_model_flops_per_token') },
        compute: ({ trainingTokens, flopsPerToken }) => trainingTokens * flopsPerToken,
      }),
      derived({
        id: 'complexity.time_to_train', label: 'Time to train', doc: 'Wall-clock time to train on D_train tokens at the fleet throughput and goodput.',
        unit: 's', displayUnit: 'day', layer, wall, formula: 'time_to_train = D_train/(fleet_throughput·goodput)',
        inputs: { trainingTokens: number('complexity.training_tokens'), throughput: number('communication.fleet_throughput'), goodput: number('fragility.goodput') },
        compute: ({ trainingTokens, throughput, goodput }) => trainingTokens / (throughput * goodput),
      }),
    );
  }
  return cells;
}
