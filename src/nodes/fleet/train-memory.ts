/**
 * Wall 14, training memory per GPU (physics.md §8.6) and the wall's status (§8.6 "Status",
 * §11.3 row 14). Sharding reads dp for dense parameters and dp/e for expert parameters.
 */
import { derived, type CellDef, type Plain } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { alwaysActive, bool, frac, gb, num, reasons, statusCells, verdict } from './common.js';

const S = 'communication';
const W = 14;

/** Dense and expert parameter counts per GPU, each divided by its DP degree when `sharded`. */
const perGpu = (sharded: boolean, pd: Plain, dp: Plain, pe: Plain, dpe: Plain): number =>
  num(pd) / (sharded ? num(dp) : 1) + num(pe) / (sharded ? num(dpe) : 1);

const SHARD_INPUTS = [`${S}.zero_stage`, `${S}.dense_params_per_gpu`, `${S}.dp`, `${S}.expert_params_per_gpu`, `${S}.expert_dp`];

/** ι: extra in-flight activations of an interleaved schedule, 1 + (p−1)/(p·v) for v ≥ 2 (§2.7). */
export const interleaveFactor = (p: number, v: number): number => (v >= 2 ? 1 + (p - 1) / (p * v) : 1);

export function trainMemoryCells(_ctx: BuildContext): CellDef[] {
  const terms = ['train_weights', 'train_gradients', 'train_optimizer', 'train_activations', 'train_buffers'].map((t) => `${S}.${t}`);
  return [
    derived({
      id: `${S}.train_weights`, label: 'Weights per GPU', doc: 'Working weights held by one GPU; ZeRO-3 shards them over DP (§8.6 item 1).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'b_p · P_gpu / (dp if z = 3)',
      inputs: [...SHARD_INPUTS, 'scenario.param_bytes_per_element'],
      compute: (z, pd, dp, pe, dpe, bp) => num(bp) * perGpu(num(z) === 3, pd, dp, pe, dpe),
    }),
    derived({
      id: `${S}.train_gradients`, label: 'Gradients per GPU', doc: 'Gradients held by one GPU; ZeRO-2 and -3 shard them over DP (§8.6 item 2).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'b_p · f_tr · P_gpu / (dp if z ≥ 2)',
      inputs: [...SHARD_INPUTS, 'scenario.param_bytes_per_element', `${S}.trainable_fraction`],
      compute: (z, pd, dp, pe, dpe, bp, ftr) => num(bp) * num(ftr) * perGpu(num(z) >= 2, pd, dp, pe, dpe),
    }),
    derived({
      id: `${S}.train_optimizer`, label: 'Optimizer state per GPU', doc: 'Optimizer state held by one GPU; ZeRO ≥ 1 shards it over DP (§8.6 item 3).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'o_b · f_tr · P_gpu / (dp if z ≥ 1)',
      inputs: [...SHARD_INPUTS, `${S}.optimizer_bytes_per_param`, `${S}.trainable_fraction`],
      compute: (z, pd, dp, pe, dpe, ob, ftr) => num(ob) * num(ftr) * perGpu(num(z) >= 1, pd, dp, pe, dpe),
    }),
    derived({
      id: `${S}.train_activations`, label: 'Activations per GPU',
      doc: 'Stored activations on the first pipeline stage under 1F1B: min(m, p) microbatches in flight (§2.7, §8.6 item 4).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'A_gpu = a_layer · L_stage · min(m, p) · ι',
      inputs: ['workload.activation_bytes_per_layer', `${S}.layers_per_stage`, `${S}.num_microbatches`, `${S}.pp`, `${S}.virtual_stages`],
      compute: (a, ls, m, p, v) => num(a) * num(ls) * Math.min(num(m), num(p)) * interleaveFactor(num(p), num(v)),
    }),
    derived({
      id: `${S}.train_buffers`, label: 'Buffers per GPU',
      doc: 'Communication buffers, pipeline send/receive buffers (p > 1) and two gathered layers under ZeRO-3 (§8.6 item 5).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W,
      formula: 'f_buf · b_p · f_tr · P_gpu + [p > 1] 2·M_tp/t_sp + [z = 3] 2·W_gpu/L_stage',
      inputs: [`${S}.comm_buffer_fraction`, 'scenario.param_bytes_per_element', `${S}.trainable_fraction`, `${S}.params_per_gpu`,
        `${S}.pp`, `${S}.tp_message_bytes`, `${S}.tp`, `${S}.sequence_parallel_effective`, `${S}.zero_stage`,
        `${S}.weight_bytes_per_gpu`, `${S}.layers_per_stage`],
      compute: (fbuf, bp, ftr, pgpu, p, mtp, t, sp, z, wgpu, ls) => {
        const comm = num(fbuf) * num(bp) * num(ftr) * num(pgpu);
        const pipeline = num(p) > 1 ? (2 * num(mtp)) / (bool(sp) ? num(t) : 1) : 0;
        const gathered = num(z) === 3 ? (2 * num(wgpu)) / num(ls) : 0;
        return comm + pipeline + gathered;
      },
    }),
    derived({
      id: `${S}.train_memory`, label: 'Training memory per GPU', doc: 'Everything one GPU holds during training (§8.6 item 6).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'weights + gradients + optimizer + activations + buffers',
      inputs: terms, compute: (...v) => v.reduce<number>((s, x) => s + num(x), 0),
    }),
    derived({
      id: `${S}.train_memory_utilization`, label: 'Training memory utilisation', doc: 'Training memory per GPU over its capacity (§8.6 item 6).',
      unit: '1', layer: 'E', wall: W, formula: 'train_memory / memory_capacity',
      inputs: [`${S}.train_memory`, 'hardware.memory_capacity'],
      compute: (m, cap) => num(m) / num(cap),
    }),
    derived({
      id: `${S}.train_feasible`, label: 'Fits per GPU', doc: 'The training state fits in one GPU\'s memory (§8.6 item 6).',
      unit: 'bool', layer: 'E', wall: W, formula: 'train_memory ≤ memory_capacity',
      inputs: [`${S}.train_memory`, 'hardware.memory_capacity'],
      compute: (m, cap) => num(m) <= num(cap),
    }),
    alwaysActive(S, W, 'in training mode (one device or a fleet)'),
    ...statusCells({
      scope: S, wall: W,
      formula: 'FAIL if train_memory > capacity; WARN if utilisation > memory_warn_utilization, scaling_efficiency < 0.5 or bubble_fraction > 0.25',
      inputs: [`${S}.train_feasible`, `${S}.train_memory_utilization`, `${S}.scaling_efficiency`, `${S}.bubble_fraction`,
        'scenario.memory_warn_utilization', `${S}.train_memory`, 'hardware.memory_capacity', ...terms],
      judge: (fits, util, scaling, bubble, warnAt, mem, cap, w, g, o, a, b) =>
        verdict(
          reasons([!bool(fits) && `training needs ${gb(num(mem))} per GPU but the device has ${gb(num(cap))} `
            + `(weights ${gb(num(w))}, gradients ${gb(num(g))}, optimizer ${gb(num(o))}, activations ${gb(num(a))}, buffers ${gb(num(b))})`]),
          reasons([
            num(util) > num(warnAt) && `memory utilisation ${frac(num(util))} per GPU is above ${num(warnAt)}`,
            num(scaling) < 0.5 && `scaling efficiency ${frac(num(scaling))} is below 0.5`,
            num(bubble) > 0.25 && `pipeline bubble ${frac(num(bubble))} is above 0.25`,
          ]),
        ),
    }),
  ];
}
