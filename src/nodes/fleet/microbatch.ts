/**
 * Wall 14, one microbatch on the slowest pipeline stage (physics.md §8.4): the per-GPU
 * roofline (compute against k_pass weight reads), the exposed TP all-reduces, EP
 * all-to-alls and PP sends, and the launch overhead.
 */
import { choice, derived, fail, Failure, flag, number, optNumber, warn, type CellDef } from '../../graph/index.js';
import { required } from '../common/plain.js';
import { isLM, type BuildContext } from '../context.js';
import { allToAll, p2p, ringAllreduce } from '../templates/collectives.js';
import { seqSplitCheck, tokensPerRank } from './context-parallel.js';
import { linkFigures, linkInputs, pickLink } from './links.js';

const S = 'communication';
const W = 14;
const fmt = (x: number): string => String(Number(x.toPrecision(4)));
/** The choices of communication.recompute (inputs.ts). */
const RECOMPUTE = ['none', 'selective', 'full'] as const;
const recomputeInput = choice(`${S}.recompute`, RECOMPUTE);

/** k_pass: forward + two backward GEMMs, plus a recomputed forward under full recompute (§8.4). */
export const passesFor = (recompute: string): number => (recompute === 'full' ? 4 : 3);

export function microbatchCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  return [
    derived({
      id: `${S}.tokens_per_microbatch`, label: 'Tokens per microbatch',
      doc: lm ? 'Tokens of one microbatch on one GPU: b·S, split c ways by context parallelism (§8.4).' : 'Samples in one microbatch, b (§8.4, non-LM).',
      unit: lm ? 'tokens' : 'samples', layer: 'E', wall: W, formula: lm ? 'b · S / c (b · ⌈S/c⌉ when c ∤ S)' : 'b',
      inputs: { b: number(`${S}.microbatch_size`), ...(lm ? { seq: number(`${S}.seq_len_effective`), c: number(`${S}.cp`) } : {}) },
      compute: ({ b, seq, c }) => {
        if (seq === undefined || c === undefined) return b;
        if (c === 1) return b * seq;
        const uneven = seqSplitCheck(seq, c);
        return uneven ? warn(b * tokensPerRank(seq, c), uneven) : b * tokensPerRank(seq, c);
      },
    }),
    derived({
      id: `${S}.passes_per_microbatch`, label: 'Passes per microbatch',
      doc: 'Weight-reading passes per microbatch, k_pass: 3, or 4 with full recompute (§8.4).',
      unit: 'passes', layer: 'E', wall: W, formula: 'k_pass = 3 (none, selective) or 4 (full)',
      inputs: { recompute: recomputeInput }, compute: ({ recompute }) => passesFor(recompute),
    }),
    derived({
      id: `${S}.hw_flops_per_microbatch`, label: 'Hardware FLOPs per microbatch',
      doc: 'Hardware FLOPs one GPU executes per microbatch, recompute included, expert share inflated by κ_m when e > 1 (§8.4).',
      unit: 'FLOP', layer: 'E', wall: W,
      formula: "F_hw,mb = tokens · F'_hw · (L_stage/L) / t,  F'_hw = F_hw + k_pass·2·(κ_m − 1)·k·P_e",
      inputs: {
        tokens: number(`${S}.tokens_per_microbatch`), hwFlops: number('workload.train_hw_flops_per_token'), share: number(`${S}.stage_layer_fraction`),
        t: number(`${S}.tp`), e: number(`${S}.ep`), kappaM: number(`${S}.moe_imbalance`), k: optNumber('workload.experts_per_token'),
        perExpert: number('workload.expert_params'), passes: number(`${S}.passes_per_microbatch`),
      },
      compute: ({ tokens, hwFlops, share, t, e, kappaM, k, perExpert, passes }) => {
        const imbalance = e > 1 ? kappaM - 1 : 0; // κ_m is used only when e > 1 (§8.1)
        if (imbalance > 0 && k === null) return fail('missing_data', `${ctx.model.id} has no experts_per_token; the expert load imbalance κ_m needs it`);
        const extra = imbalance > 0 && k !== null ? passes * 2 * imbalance * k * perExpert : 0;
        return (tokens * (hwFlops + extra) * share) / t;
      },
    }),
    derived({
      id: `${S}.model_flops_per_microbatch`, label: 'Model FLOPs per microbatch',
      doc: 'Model FLOPs (no recompute, no imbalance) one GPU contributes per microbatch (§8.4).',
      unit: 'FLOP', layer: 'E', wall: W, formula: 'F_mod,mb = tokens · F_model · (L_stage/L) / t',
      inputs: {
        tokens: number(`${S}.tokens_per_microbatch`), modelFlops: number('workload.train_model_flops_per_token'),
        share: number(`${S}.stage_layer_fraction`), t: number(`${S}.tp`),
      },
      compute: ({ tokens, modelFlops, share, t }) => (tokens * modelFlops * share) / t,
    }),
    derived({
      id: `${S}.microbatch_t_compute`, label: 'Microbatch compute time',
      doc: 'Compute time of one microbatch on one GPU, at the clock a power cap leaves (§8.4; wall 1\'s compute.power_cap_clock, 1 without a binding cap).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_c = F_hw,mb / (peak · η · s)',
      inputs: {
        flops: number(`${S}.hw_flops_per_microbatch`), peak: number('hardware.peak_flops'), eta: number('software.efficiency_effective'),
        clock: number('compute.power_cap_clock'),
      },
      compute: ({ flops, peak, eta, clock }) => {
        const tc = flops / (peak * eta);
        // Wall 1's step in training is this microbatch (execution-unit.ts), so its cap clock is this one's.
        if (clock === 1) return tc;
        return warn(tc / clock, `the power cap runs the compute clock at ${fmt(clock)} of its rate (compute.power_cap_clock): ` +
          `the microbatch's compute time is ×${fmt(1 / clock)}, so the fleet trains slower`);
      },
    }),
    derived({
      id: `${S}.microbatch_t_memory`, label: 'Microbatch memory time',
      doc: 'Weight-read time of one microbatch: the forward pass and both backward GEMMs read the weights (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_m = k_pass · W_gpu / (BW · η_bw)',
      inputs: {
        passes: number(`${S}.passes_per_microbatch`), weights: number(`${S}.weight_bytes_per_gpu`),
        bandwidth: optNumber('hardware.memory_bandwidth'), eta: number('scenario.bandwidth_efficiency'),
      },
      compute: ({ passes, weights, bandwidth, eta }) => {
        const bw = required(bandwidth, ctx.device.id, 'memory_bandwidth', 'the microbatch memory time');
        return typeof bw === 'number' ? (passes * weights) / (bw * eta) : bw;
      },
    }),
    derived({
      id: `${S}.microbatch_roofline_time`, label: 'Microbatch roofline time', doc: 'Roofline time of one microbatch, the larger of compute and memory (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_roof = max(T_c, T_m)',
      inputs: { tc: number(`${S}.microbatch_t_compute`), tm: number(`${S}.microbatch_t_memory`) },
      compute: ({ tc, tm }) => Math.max(tc, tm),
    }),
    tpMessageCell(ctx, lm),
    derived({
      id: `${S}.tp_allreduce_time`, label: 'One TP all-reduce', doc: 'Time of one ring all-reduce of M_tp over the t ranks of a TP group (§3.2, §8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'ring_allreduce(M_tp, t, β_tp, α_tp); NVLink if t ≤ g, else fabric × κ_c',
      inputs: { message: number(`${S}.tp_message_bytes`), t: number(`${S}.tp`), intra: flag(`${S}.tp_intra_node`), ...linkInputs },
      compute: ({ message, t, intra, ...links }) => {
        if (t === 1) return 0;
        const link = pickLink(linkFigures(links), intra, `a TP group of ${t}`);
        if (link instanceof Failure) return link;
        return link.congestion * ringAllreduce(message, t, link.beta, link.alpha);
      },
    }),
    derived({
      id: `${S}.tp_comm_per_microbatch`, label: 'TP communication per microbatch',
      doc: 'Exposed TP all-reduces of one microbatch: 4 per layer (2 forward, 2 backward), 6 with full recompute (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_tp = n_ar · L_stage · ring_allreduce(M_tp, t, β_tp, α_tp), n_ar = 4 or 6',
      inputs: { recompute: recomputeInput, stageLayers: number(`${S}.layers_per_stage`), one: number(`${S}.tp_allreduce_time`) },
      compute: ({ recompute, stageLayers, one }) => (recompute === 'full' ? 6 : 4) * stageLayers * one,
    }),
    epCommCell(ctx, lm),
    derived({
      id: `${S}.pp_comm_per_microbatch`, label: 'PP communication per microbatch',
      doc: 'Exposed pipeline sends of one microbatch: one activation forward and one gradient backward per virtual stage (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_pp = 2 · v · p2p(M_tp/t_sp, β_pp, α_pp) (p > 1)',
      inputs: {
        p: number(`${S}.pp`), v: number(`${S}.virtual_stages`), message: number(`${S}.tp_message_bytes`), t: number(`${S}.tp`),
        sequenceParallel: flag(`${S}.sequence_parallel_effective`), inter: flag(`${S}.pp_inter_node`), ...linkInputs,
      },
      compute: ({ p, v, message, t, sequenceParallel, inter, ...links }) => {
        if (p === 1) return 0;
        const link = pickLink(linkFigures(links), !inter, 'a pipeline send');
        if (link instanceof Failure) return link;
        const tsp = sequenceParallel ? t : 1;
        return 2 * v * link.congestion * p2p(message / tsp, link.beta, link.alpha);
      },
    }),
    derived({
      id: `${S}.microbatch_t_overhead`, label: 'Microbatch overhead', doc: 'Launch overhead of one microbatch: dispatch plus the layer tax per pass (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_ov = dispatch_tax + k_pass · L_stage · layer_tax',
      inputs: {
        dispatchTax: number('scenario.dispatch_tax'), passes: number(`${S}.passes_per_microbatch`),
        stageLayers: number(`${S}.layers_per_stage`), layerTax: number('scenario.layer_tax'),
      },
      compute: ({ dispatchTax, passes, stageLayers, layerTax }) => dispatchTax + passes * stageLayers * layerTax,
    }),
    derived({
      id: `${S}.microbatch_time`, label: 'Microbatch time', doc: 'Time of one microbatch on the slowest stage; TP, EP and PP traffic is exposed, CP ring traffic beyond the attention compute (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_mb = T_roof + T_tp + T_ep + T_pp + T_ov + T_cp,exposed',
      inputs: {
        roof: number(`${S}.microbatch_roofline_time`), tp: number(`${S}.tp_comm_per_microbatch`), ep: number(`${S}.ep_comm_per_microbatch`),
        pp: number(`${S}.pp_comm_per_microbatch`), overhead: number(`${S}.microbatch_t_overhead`), cp: number(`${S}.cp_exposed_per_microbatch`),
      },
      compute: ({ roof, tp, ep, pp, overhead, cp }) => roof + tp + ep + pp + overhead + cp,
    }),
  ];
}

/** M_tp, the activation bytes of one TP all-reduce; a non-LM model has no TP and no message. */
function tpMessageCell(ctx: BuildContext, lm: boolean): CellDef {
  const cell = {
    id: `${S}.tp_message_bytes`, label: 'TP message size',
    doc: 'Activation bytes one TP all-reduce moves, M_tp = b·S·d·b_act (§8.4); 0 for non-LM models (no TP).',
    unit: 'B', displayUnit: 'MB', layer: 'E', wall: W, formula: lm ? 'M_tp = b · S · d · b_act' : 'M_tp = 0 (non-LM)',
  } as const;
  if (!lm) return derived({ ...cell, inputs: {}, compute: () => 0 });
  return derived({
    ...cell,
    inputs: {
      tokens: number(`${S}.tokens_per_microbatch`), hidden: optNumber('workload.hidden_dim'),
      actBytes: number('scenario.activation_bytes_per_element'),
    },
    compute: ({ tokens, hidden, actBytes }) => {
      if (hidden === null) return fail('missing_data', `${ctx.model.id} has no hidden_dim; tensor-parallel message size needs it`);
      return tokens * hidden * actBytes;
    },
  });
}

/** T_ep, the exposed expert all-to-alls of one microbatch. */
function epCommCell(ctx: BuildContext, lm: boolean): CellDef {
  const cell = {
    id: `${S}.ep_comm_per_microbatch`, label: 'EP communication per microbatch',
    doc: 'Exposed expert all-to-alls of one microbatch: dispatch and combine, forward and backward, per MoE layer of the stage (§8.4).',
    unit: 's', displayUnit: 'ms', layer: 'E', wall: W,
    formula: lm ? 'T_ep = n_a2a · ⌈L_moe/p⌉ · all_to_all(b·S·d·b_act·k·κ_m/t_sp, e, β_ep, α_ep), n_a2a = 4 or 6' : 'T_ep = 0 (non-LM: e = 1)',
  } as const;
  // A non-LM model has no expert layers (e = 1 is enforced by communication.dp).
  if (!lm) return derived({ ...cell, inputs: {}, compute: () => 0 });
  return derived({
    ...cell,
    inputs: {
      e: number(`${S}.ep`), message: number(`${S}.tp_message_bytes`), k: optNumber('workload.experts_per_token'),
      kappaM: number(`${S}.moe_imbalance`), t: number(`${S}.tp`), sequenceParallel: flag(`${S}.sequence_parallel_effective`),
      moeLayers: number('workload.moe_layers_effective'), p: number(`${S}.pp`), recompute: recomputeInput,
      intra: flag(`${S}.ep_intra_node`), betaA2a: optNumber(`${S}.all_to_all_bandwidth_per_gpu`), ...linkInputs,
    },
    compute: ({ e, message, k, kappaM, t, sequenceParallel, moeLayers, p, recompute, intra, betaA2a, ...links }) => {
      if (e === 1) return 0;
      if (k === null) return fail('missing_data', `${ctx.model.id} has no experts_per_token or moe_layers; expert all-to-all needs them`);
      const figures = linkFigures(links);
      // Inter-node all-to-all uses β_a2a, the topology-derated fabric share (wall 10).
      const link = intra
        ? pickLink(figures, true, `an EP group of ${e}`)
        : pickLink({ ...figures, betaNet: betaA2a }, false, `an EP group of ${e}`);
      if (link instanceof Failure) return link;
      const tsp = sequenceParallel ? t : 1;
      const perLayer = recompute === 'full' ? 6 : 4;
      return perLayer * Math.ceil(moeLayers / p) * link.congestion * allToAll((message * k * kappaM) / tsp, e, link.beta, link.alpha);
    },
  });
}
