/**
 * Wall 14, data-parallel gradient synchronisation and the optimizer update (physics.md §8.5
 * items 3–4): gradient bytes, the ZeRO volume factor, the all-reduce on the right links,
 * the overlap window and the exposed part, and the memory-bound optimizer step.
 */
import { choice, derived, Failure, flag, number, optNumber, type CellDef } from '../../graph/index.js';
import { required } from '../common/plain.js';
import type { BuildContext } from '../context.js';
import { hierarchicalAllreduce, ringAllreduce } from '../templates/collectives.js';
import { fabricLink, type LinkFigures, linkFigures, linkInputs, scaleUpLink } from './links.js';

const S = 'communication';
const W = 14;
/** The choices of communication.dp_algorithm (inputs.ts). */
const DP_ALGORITHMS = ['auto', 'ring', 'hierarchical'] as const;

/** ζ, all-reduce equivalents per step: 1 (z ≤ 1), (m + 1)/2 (z = 2), 1.5·m (z = 3) (§8.5 item 3). */
export function zeroVolumeFactor(zeroStage: number, microbatches: number): number {
  if (zeroStage <= 1) return 1;
  return zeroStage === 2 ? (microbatches + 1) / 2 : 1.5 * microbatches;
}

/**
 * One gradient all-reduce of `bytes` over `ranks` = k ranks per node × n nodes (§8.5 item 3):
 * a ring on NVLink when n = 1, a ring on the fabric when k = 1, else hierarchical. `ring`
 * forces one flat ring at min(β_nv, β_net) and the larger α. κ_c applies to fabric phases.
 * No bytes means no collective is issued (0), e.g. the expert term of a dense model.
 */
export function gradientAllreduce(
  bytes: number, ranks: number, k: number, n: number, algorithm: string, f: LinkFigures, what: string,
): number | Failure {
  if (bytes === 0 || ranks === 1) return 0;
  if (n === 1) {
    const link = scaleUpLink(f, what);
    return link instanceof Failure ? link : ringAllreduce(bytes, ranks, link.beta, link.alpha);
  }
  const fabric = fabricLink(f, what);
  if (fabric instanceof Failure) return fabric;
  if (k === 1) return fabric.congestion * ringAllreduce(bytes, ranks, fabric.beta, fabric.alpha);
  const nv = scaleUpLink(f, what);
  if (nv instanceof Failure) return nv;
  if (algorithm === 'ring') {
    const beta = Math.min(nv.beta, fabric.beta);
    const alpha = Math.max(nv.alpha, fabric.alpha);
    return fabric.congestion * ringAllreduce(bytes, ranks, beta, alpha);
  }
  return hierarchicalAllreduce(bytes, k, n, {
    betaIn: nv.beta, alphaIn: nv.alpha, betaOut: fabric.beta, alphaOut: fabric.alpha, congestion: fabric.congestion,
  });
}

const shardIf = (on: boolean, ways: number): number => (on ? ways : 1);

export function dpSyncCells(ctx: BuildContext): CellDef[] {
  return [
    derived({
      id: `${S}.dense_gradient_bytes`, label: 'Dense gradient bytes', doc: 'Dense gradient bytes one GPU reduces per step (§8.5 item 3).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'G_d = b_p · f_tr · P_dense,gpu',
      inputs: { paramBytes: number('scenario.param_bytes_per_element'), trainable: number(`${S}.trainable_fraction`), params: number(`${S}.dense_params_per_gpu`) },
      compute: ({ paramBytes, trainable, params }) => paramBytes * trainable * params,
    }),
    derived({
      id: `${S}.expert_gradient_bytes`, label: 'Expert gradient bytes', doc: 'Expert gradient bytes one GPU reduces per step (§8.5 item 3).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'G_e = b_p · f_tr · P_exp,gpu',
      inputs: { paramBytes: number('scenario.param_bytes_per_element'), trainable: number(`${S}.trainable_fraction`), params: number(`${S}.expert_params_per_gpu`) },
      compute: ({ paramBytes, trainable, params }) => paramBytes * trainable * params,
    }),
    derived({
      id: `${S}.zero_volume_factor`, label: 'ZeRO volume factor', doc: 'DP traffic per step in all-reduce equivalents, ζ, set by the ZeRO stage (§8.5 item 3).',
      unit: '1', layer: 'E', wall: W, formula: 'ζ = 1 (z ≤ 1), (m + 1)/2 (z = 2), 1.5·m (z = 3)',
      inputs: { zeroStage: number(`${S}.zero_stage`), m: number(`${S}.num_microbatches`) },
      compute: ({ zeroStage, m }) => zeroVolumeFactor(zeroStage, m),
    }),
    derived({
      id: `${S}.dp_comm`, label: 'DP communication', doc: 'Gradient synchronisation time per step, dense over the dp·c ranks that hold the same weights and experts over (dp/e)·c (§8.5 item 3).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_dp = ζ · [AR(G_d, dp·c) + AR(G_e, (dp/e)·c)]',
      inputs: {
        zeta: number(`${S}.zero_volume_factor`), denseBytes: number(`${S}.dense_gradient_bytes`), dp: number(`${S}.gradient_group`),
        denseRanksPerNode: number(`${S}.dp_ranks_per_node`), denseNodes: number(`${S}.dp_nodes`),
        expertBytes: number(`${S}.expert_gradient_bytes`), expertDp: number(`${S}.expert_gradient_group`),
        expertRanksPerNode: number(`${S}.expert_dp_ranks_per_node`), expertNodes: number(`${S}.expert_dp_nodes`),
        algorithm: choice(`${S}.dp_algorithm`, DP_ALGORITHMS), ...linkInputs,
      },
      compute: ({ zeta, denseBytes, dp, denseRanksPerNode, denseNodes, expertBytes, expertDp, expertRanksPerNode, expertNodes, algorithm, ...links }) => {
        const f = linkFigures(links);
        const dense = gradientAllreduce(denseBytes, dp, denseRanksPerNode, denseNodes, algorithm, f, 'the DP gradient all-reduce');
        if (dense instanceof Failure) return dense;
        const expert = gradientAllreduce(expertBytes, expertDp, expertRanksPerNode, expertNodes, algorithm, f, 'the expert gradient all-reduce');
        if (expert instanceof Failure) return expert;
        return zeta * (dense + expert);
      },
    }),
    derived({
      id: `${S}.overlap_window`, label: 'Overlap window',
      doc: 'Compute time the DP traffic can hide under: the last backward (z ≤ 1), every backward (z = 2), every microbatch (z = 3) (§8.5 item 3).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'W_ov = φ·T_c (z ≤ 1), m·φ·T_c (z = 2), m·T_c (z = 3)',
      inputs: {
        zeroStage: number(`${S}.zero_stage`), m: number(`${S}.num_microbatches`), backward: number('workload.backward_fraction'),
        tc: number(`${S}.microbatch_t_compute`),
      },
      compute: ({ zeroStage, m, backward, tc }) => {
        if (zeroStage <= 1) return backward * tc;
        return zeroStage === 2 ? m * backward * tc : m * tc;
      },
    }),
    derived({
      id: `${S}.dp_exposed`, label: 'Exposed DP communication', doc: 'DP communication left on the critical path after overlap (§8.5 item 3).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_dp − min(ω · T_dp, W_ov) if overlap_dp, else T_dp',
      inputs: { tdp: number(`${S}.dp_comm`), overlap: flag(`${S}.overlap_dp`), omega: number(`${S}.overlap_efficiency`), overlapWindow: number(`${S}.overlap_window`) },
      compute: ({ tdp, overlap, omega, overlapWindow }) => (overlap ? tdp - Math.min(omega * tdp, overlapWindow) : tdp),
    }),
    derived({
      id: `${S}.optimizer_update_params`, label: 'Parameters updated per GPU',
      doc: 'Parameters whose optimizer step one GPU runs; ZeRO ≥ 1 shards them over the dp·c ranks holding the same weights (§8.5 item 4).',
      unit: 'params', layer: 'E', wall: W, formula: 'P_upd = P_dense,gpu/(dp·c if z ≥ 1) + P_exp,gpu/((dp/e)·c if z ≥ 1)',
      inputs: {
        zeroStage: number(`${S}.zero_stage`), dense: number(`${S}.dense_params_per_gpu`), dp: number(`${S}.gradient_group`),
        expert: number(`${S}.expert_params_per_gpu`), expertDp: number(`${S}.expert_gradient_group`),
      },
      compute: ({ zeroStage, dense, dp, expert, expertDp }) => {
        const sharded = zeroStage >= 1;
        return dense / shardIf(sharded, dp) + expert / shardIf(sharded, expertDp);
      },
    }),
    derived({
      id: `${S}.optimizer_step_time`, label: 'Optimizer step time',
      doc: 'Memory-bound optimizer update: state read and written, gradient read, weight written (§8.5 item 4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_opt = f_tr · P_upd · (2·o_b + 2·b_p) / (BW · η_bw)',
      inputs: {
        trainable: number(`${S}.trainable_fraction`), params: number(`${S}.optimizer_update_params`), stateBytes: number(`${S}.optimizer_bytes_per_param`),
        paramBytes: number('scenario.param_bytes_per_element'), bandwidth: optNumber('hardware.memory_bandwidth'), eta: number('scenario.bandwidth_efficiency'),
      },
      compute: ({ trainable, params, stateBytes, paramBytes, bandwidth, eta }) => {
        const bw = required(bandwidth, ctx.device.id, 'memory_bandwidth', 'the optimizer step');
        return typeof bw === 'number' ? (trainable * params * (2 * stateBytes + 2 * paramBytes)) / (bw * eta) : bw;
      },
    }),
  ];
}
