/**
 * Wall 14, step time and efficiency (physics.md §8.5 items 1–2 and 5–11): the 1F1B pipeline
 * with its bubble, the step latency, exposed communication, fleet throughput, MFU/HFU and
 * scaling efficiency, and the §11.5 split of the step into the parts walls 1, 2, 3 and 14 own.
 */
import { derived, fail, number, type CellDef } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { isLM, type BuildContext } from '../context.js';

const S = 'communication';
const W = 14;

/** f_b = (p − 1)/(v·m + p − 1), with p, v, m integers ≥ 1 (§8.5 item 1). */
export function bubbleFraction(p: number, microbatches: number, v: number) {
  for (const [name, x] of [['pp', p], ['num_microbatches', microbatches], ['virtual_stages', v]] as const) {
    if (!Number.isInteger(x) || x < 1) return fail('invalid_input', `${name} must be an integer ≥ 1 (got ${x})`);
  }
  return (p - 1) / (v * microbatches + p - 1);
}

export function stepCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  const perItem = lm ? 'tokens' : 'samples';
  // Tokens per sequence: S for LMs; a non-LM step counts samples (§8.5 items 7–8).
  const seqInput = lm ? { seq: number(`${S}.seq_len_effective`) } : {};
  const perSequence = (seq: number | undefined): number => (seq === undefined ? 1 : seq);
  return [
    derived({
      id: `${S}.bubble_fraction`, label: 'Pipeline bubble fraction', doc: 'Idle share of the 1F1B pipeline (§8.5 item 1).',
      unit: '1', layer: 'E', wall: W, formula: 'f_b = (p − 1) / (v · m + p − 1)',
      inputs: { p: number(`${S}.pp`), m: number(`${S}.num_microbatches`), v: number(`${S}.virtual_stages`) },
      compute: ({ p, m, v }) => bubbleFraction(p, m, v),
    }),
    derived({
      id: `${S}.pipeline_bubble`, label: 'Pipeline bubble', doc: 'Fill and drain time of the pipeline per step (§8.5 item 2).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: '((p − 1)/v) · T_mb',
      inputs: { p: number(`${S}.pp`), v: number(`${S}.virtual_stages`), microbatch: number(`${S}.microbatch_time`) },
      compute: ({ p, v, microbatch }) => ((p - 1) / v) * microbatch,
    }),
    derived({
      id: `${S}.pipeline_time`, label: 'Pipeline time', doc: 'Time to push m microbatches through the pipeline, bubble included (§8.5 item 2).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_pipe = (m + (p − 1)/v) · T_mb',
      inputs: { m: number(`${S}.num_microbatches`), microbatch: number(`${S}.microbatch_time`), bubble: number(`${S}.pipeline_bubble`) },
      compute: ({ m, microbatch, bubble }) => m * microbatch + bubble,
    }),
    derived({
      id: `${S}.step_latency`, label: 'Step time', doc: 'Wall-clock time of one optimizer step on the fleet (§8.5 item 5).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_step = κ_s · (T_pipe + dp_exposed + T_opt)',
      inputs: {
        straggler: number(`${S}.straggler_factor`), pipe: number(`${S}.pipeline_time`), dpExposed: number(`${S}.dp_exposed`),
        optimizer: number(`${S}.optimizer_step_time`),
      },
      compute: ({ straggler, pipe, dpExposed, optimizer }) => straggler * (pipe + dpExposed + optimizer),
    }),
    derived({
      id: `${S}.comm_overhead`, label: 'Exposed communication', doc: 'Communication on the critical path per step, bubble excluded (§8.5 item 6).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'm · (T_tp + T_ep + T_pp + T_cp,exposed) + dp_exposed',
      inputs: {
        m: number(`${S}.num_microbatches`), tp: number(`${S}.tp_comm_per_microbatch`), ep: number(`${S}.ep_comm_per_microbatch`),
        pp: number(`${S}.pp_comm_per_microbatch`), dpExposed: number(`${S}.dp_exposed`), cp: number(`${S}.cp_exposed_per_microbatch`),
      },
      compute: ({ m, tp, ep, pp, dpExposed, cp }) => m * (tp + ep + pp + cp) + dpExposed,
    }),
    derived({
      id: `${S}.fleet_throughput`, label: 'Fleet throughput', doc: `Training ${perItem} processed per second by the whole fleet (§8.5 item 7).`,
      unit: `${perItem}/s`, layer: 'E', wall: W, formula: lm ? 'B_eff · S / T_step' : 'B_eff / T_step',
      inputs: { batch: number(`${S}.effective_global_batch`), step: number(`${S}.step_latency`), ...seqInput },
      compute: ({ batch, step, seq }) => (batch * perSequence(seq)) / step,
    }),
    derived({
      id: `${S}.samples_per_second`, label: 'Sequences per second', doc: 'Sequences (samples) per second through the fleet (§8.5 item 11).',
      unit: 'samples/s', layer: 'E', wall: W, formula: 'B_eff / T_step',
      inputs: { batch: number(`${S}.effective_global_batch`), step: number(`${S}.step_latency`) },
      compute: ({ batch, step }) => batch / step,
    }),
    derived({
      id: `${S}.model_flops_per_step`, label: 'Model FLOPs per step', doc: 'Model FLOPs of one step over the whole fleet (§8.5 item 8).',
      unit: 'FLOP', layer: 'E', wall: W, formula: lm ? 'B_eff · S · F_model' : 'B_eff · F_model',
      inputs: { batch: number(`${S}.effective_global_batch`), modelFlops: number('workload.train_model_flops_per_token'), ...seqInput },
      compute: ({ batch, modelFlops, seq }) => batch * perSequence(seq) * modelFlops,
    }),
    derived({
      id: `${S}.hw_flops_per_step`, label: 'Hardware FLOPs per step', doc: 'Hardware FLOPs (recompute included, κ_m excluded) of one step over the fleet (§8.5 item 8).',
      unit: 'FLOP', layer: 'E', wall: W, formula: lm ? 'B_eff · S · F_hw' : 'B_eff · F_hw',
      inputs: { batch: number(`${S}.effective_global_batch`), hwFlops: number('workload.train_hw_flops_per_token'), ...seqInput },
      compute: ({ batch, hwFlops, seq }) => batch * perSequence(seq) * hwFlops,
    }),
    derived({
      id: `${S}.fleet_mfu`, label: 'Fleet MFU', doc: 'Model FLOPs utilisation of the whole fleet (§8.5 item 8).',
      unit: '1', layer: 'E', wall: W, formula: 'MFU = model_flops_per_step / (T_step · N · peak)',
      inputs: { flops: number(`${S}.model_flops_per_step`), step: number(`${S}.step_latency`), n: number(`${S}.num_devices`), peak: number('hardware.peak_flops') },
      compute: ({ flops, step, n, peak }) => flops / (step * n * peak),
    }),
    derived({
      id: `${S}.fleet_hfu`, label: 'Fleet HFU', doc: 'Hardware FLOPs utilisation of the whole fleet (§8.5 item 8).',
      unit: '1', layer: 'E', wall: W, formula: 'HFU = hw_flops_per_step / (T_step · N · peak)',
      inputs: { flops: number(`${S}.hw_flops_per_step`), step: number(`${S}.step_latency`), n: number(`${S}.num_devices`), peak: number('hardware.peak_flops') },
      compute: ({ flops, step, n, peak }) => flops / (step * n * peak),
    }),
    derived({
      id: `${S}.node_mfu`, label: 'Per-GPU MFU', doc: 'MFU of one GPU with no parallel overheads (§8.5 item 9).',
      unit: '1', layer: 'E', wall: W, formula: 'F_mod,mb / (T_roof · peak)',
      inputs: { flops: number(`${S}.model_flops_per_microbatch`), roof: number(`${S}.microbatch_roofline_time`), peak: number('hardware.peak_flops') },
      compute: ({ flops, roof, peak }) => flops / (roof * peak),
    }),
    derived({
      id: `${S}.scaling_efficiency`, label: 'Scaling efficiency', doc: 'Share of the step spent in per-GPU roofline work (§8.5 item 10).',
      unit: '1', layer: 'E', wall: W, formula: 'm · T_roof / T_step',
      inputs: { m: number(`${S}.num_microbatches`), roof: number(`${S}.microbatch_roofline_time`), step: number(`${S}.step_latency`) },
      compute: ({ m, roof, step }) => (m * roof) / step,
    }),
    // §11.5 training row: the step is split into disjoint parts, one per owning wall, named
    // `<scope>.binding_part` as in the inference row (node/binding.ts). They sum to T_step.
    derived({
      id: 'compute.binding_part', label: 'Wall 1 share of the step', doc: 'm·T_roof when the microbatch is compute-bound (T_c ≥ T_m), else 0 (§11.5).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: 1, formula: 'm · T_roof if T_c ≥ T_m, else 0', source: spec('§11.5'),
      inputs: { m: number(`${S}.num_microbatches`), tc: number(`${S}.microbatch_t_compute`), tm: number(`${S}.microbatch_t_memory`) },
      compute: ({ m, tc, tm }) => (tc >= tm ? m * tc : 0),
    }),
    derived({
      id: 'memory.binding_part', label: 'Wall 2 share of the step', doc: 'm·T_roof when the microbatch is memory-bound (T_m > T_c), plus the optimizer step (§11.5).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: 2, formula: '(m · T_roof if T_m > T_c, else 0) + T_opt', source: spec('§11.5'),
      inputs: {
        m: number(`${S}.num_microbatches`), tc: number(`${S}.microbatch_t_compute`), tm: number(`${S}.microbatch_t_memory`),
        optimizer: number(`${S}.optimizer_step_time`),
      },
      compute: ({ m, tc, tm, optimizer }) => (tm > tc ? m * tm : 0) + optimizer,
    }),
    derived({
      id: 'software.binding_part', label: 'Wall 3 share of the step', doc: 'm·T_ov: launch overhead of every microbatch (§11.5).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: 3, formula: 'm · T_ov', source: spec('§11.5'),
      inputs: { m: number(`${S}.num_microbatches`), overhead: number(`${S}.microbatch_t_overhead`) },
      compute: ({ m, overhead }) => m * overhead,
    }),
    derived({
      id: `${S}.binding_part`, label: 'Wall 14 share of the step',
      doc: 'Exposed communication, the pipeline bubble and the straggler slowdown (§11.5).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, source: spec('§11.5'),
      formula: 'm·(T_tp + T_ep + T_pp + T_cp,exposed) + dp_exposed + pipeline_bubble + (κ_s − 1)·(T_pipe + dp_exposed + T_opt)',
      inputs: {
        comm: number(`${S}.comm_overhead`), bubble: number(`${S}.pipeline_bubble`), straggler: number(`${S}.straggler_factor`),
        pipe: number(`${S}.pipeline_time`), dpExposed: number(`${S}.dp_exposed`), optimizer: number(`${S}.optimizer_step_time`),
      },
      compute: ({ comm, bubble, straggler, pipe, dpExposed, optimizer }) => comm + bubble + (straggler - 1) * (pipe + dpExposed + optimizer),
    }),
  ];
}
