/**
 * Wall 14, one microbatch on the slowest pipeline stage (physics.md §8.4): the per-GPU
 * roofline (compute against k_pass weight reads), the exposed TP all-reduces, EP
 * all-to-alls and PP sends, and the launch overhead.
 */
import { derived, fail, Failure, type CellDef } from '../../graph/index.js';
import { isLM, type BuildContext } from '../context.js';
import { allToAll, p2p, ringAllreduce } from '../templates/collectives.js';
import { bool, num, optNum, str } from './common.js';
import { LINK_INPUTS, linkFigures, pickLink } from './links.js';

const S = 'communication';
const W = 14;

/** k_pass: forward + two backward GEMMs, plus a recomputed forward under full recompute (§8.4). */
export const passesFor = (recompute: string): number => (recompute === 'full' ? 4 : 3);

export function microbatchCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  return [
    derived({
      id: `${S}.tokens_per_microbatch`, label: 'Tokens per microbatch',
      doc: lm ? 'Tokens in one microbatch, b·S (§8.4).' : 'Samples in one microbatch, b (§8.4, non-LM).',
      unit: lm ? 'tokens' : 'samples', layer: 'E', wall: W, formula: lm ? 'b · S' : 'b',
      inputs: lm ? [`${S}.microbatch_size`, `${S}.seq_len_effective`] : [`${S}.microbatch_size`],
      compute: (...v) => num(v[0]) * (lm ? num(v[1]) : 1),
    }),
    derived({
      id: `${S}.passes_per_microbatch`, label: 'Passes per microbatch',
      doc: 'Weight-reading passes per microbatch, k_pass: 3, or 4 with full recompute (§8.4).',
      unit: 'passes', layer: 'E', wall: W, formula: 'k_pass = 3 (none, selective) or 4 (full)',
      inputs: [`${S}.recompute`], compute: (r) => passesFor(str(r)),
    }),
    derived({
      id: `${S}.hw_flops_per_microbatch`, label: 'Hardware FLOPs per microbatch',
      doc: 'Hardware FLOPs one GPU executes per microbatch, recompute included, expert share inflated by κ_m when e > 1 (§8.4).',
      unit: 'FLOP', layer: 'E', wall: W,
      formula: "F_hw,mb = tokens · F'_hw · (L_stage/L) / t,  F'_hw = F_hw + k_pass·2·(κ_m − 1)·k·P_e",
      inputs: [`${S}.tokens_per_microbatch`, 'workload.train_hw_flops_per_token', `${S}.stage_layer_fraction`, `${S}.tp`,
        `${S}.ep`, `${S}.moe_imbalance`, 'workload.experts_per_token', 'workload.expert_params', `${S}.passes_per_microbatch`],
      compute: (tok, fhw, share, t, e, km, k, pe, kp) => {
        const imbalance = num(e) > 1 ? num(km) - 1 : 0; // κ_m is used only when e > 1 (§8.1)
        const extra = imbalance > 0 ? num(kp) * 2 * imbalance * (optNum(k) ?? 0) * (optNum(pe) ?? 0) : 0;
        return (num(tok) * (num(fhw) + extra) * num(share)) / num(t);
      },
    }),
    derived({
      id: `${S}.model_flops_per_microbatch`, label: 'Model FLOPs per microbatch',
      doc: 'Model FLOPs (no recompute, no imbalance) one GPU contributes per microbatch (§8.4).',
      unit: 'FLOP', layer: 'E', wall: W, formula: 'F_mod,mb = tokens · F_model · (L_stage/L) / t',
      inputs: [`${S}.tokens_per_microbatch`, 'workload.train_model_flops_per_token', `${S}.stage_layer_fraction`, `${S}.tp`],
      compute: (tok, fm, share, t) => (num(tok) * num(fm) * num(share)) / num(t),
    }),
    derived({
      id: `${S}.microbatch_t_compute`, label: 'Microbatch compute time', doc: 'Compute time of one microbatch on one GPU (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_c = F_hw,mb / (peak · η)',
      inputs: [`${S}.hw_flops_per_microbatch`, 'hardware.peak_flops', 'software.efficiency_effective'],
      compute: (f, peak, eta) => num(f) / (num(peak) * num(eta)),
    }),
    derived({
      id: `${S}.microbatch_t_memory`, label: 'Microbatch memory time',
      doc: 'Weight-read time of one microbatch: the forward pass and both backward GEMMs read the weights (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_m = k_pass · W_gpu / (BW · η_bw)',
      inputs: [`${S}.passes_per_microbatch`, `${S}.weight_bytes_per_gpu`, 'hardware.memory_bandwidth', 'scenario.bandwidth_efficiency'],
      compute: (kp, w, bw, eta) => (num(kp) * num(w)) / (num(bw) * num(eta)),
    }),
    derived({
      id: `${S}.microbatch_roofline_time`, label: 'Microbatch roofline time', doc: 'Roofline time of one microbatch, the larger of compute and memory (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_roof = max(T_c, T_m)',
      inputs: [`${S}.microbatch_t_compute`, `${S}.microbatch_t_memory`],
      compute: (c, m) => Math.max(num(c), num(m)),
    }),
    derived({
      id: `${S}.tp_message_bytes`, label: 'TP message size',
      doc: 'Activation bytes one TP all-reduce moves, M_tp = b·S·d·b_act (§8.4); 0 for non-LM models (no TP).',
      unit: 'B', displayUnit: 'MB', layer: 'E', wall: W, formula: lm ? 'M_tp = b · S · d · b_act' : 'M_tp = 0 (non-LM)',
      inputs: lm ? [`${S}.tokens_per_microbatch`, 'workload.hidden_dim', 'scenario.activation_bytes_per_element'] : [],
      compute: (...v) => {
        if (!lm) return 0;
        const [tok, d, bact] = v;
        const hidden = optNum(d);
        if (hidden === null) return fail('missing_data', `${ctx.model.id} has no hidden_dim; tensor-parallel message size needs it`);
        return num(tok) * hidden * num(bact);
      },
    }),
    derived({
      id: `${S}.tp_allreduce_time`, label: 'One TP all-reduce', doc: 'Time of one ring all-reduce of M_tp over the t ranks of a TP group (§3.2, §8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'ring_allreduce(M_tp, t, β_tp, α_tp); NVLink if t ≤ g, else fabric × κ_c',
      inputs: [`${S}.tp_message_bytes`, `${S}.tp`, `${S}.tp_intra_node`, ...LINK_INPUTS],
      compute: (m, t, intra, ...links) => {
        if (num(t) === 1) return 0;
        const link = pickLink(linkFigures(links), bool(intra), `a TP group of ${num(t)}`);
        if (link instanceof Failure) return link;
        return link.congestion * ringAllreduce(num(m), num(t), link.beta, link.alpha);
      },
    }),
    derived({
      id: `${S}.tp_comm_per_microbatch`, label: 'TP communication per microbatch',
      doc: 'Exposed TP all-reduces of one microbatch: 4 per layer (2 forward, 2 backward), 6 with full recompute (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_tp = n_ar · L_stage · ring_allreduce(M_tp, t, β_tp, α_tp), n_ar = 4 or 6',
      inputs: [`${S}.recompute`, `${S}.layers_per_stage`, `${S}.tp_allreduce_time`],
      compute: (r, ls, one) => (str(r) === 'full' ? 6 : 4) * num(ls) * num(one),
    }),
    derived({
      id: `${S}.ep_comm_per_microbatch`, label: 'EP communication per microbatch',
      doc: 'Exposed expert all-to-alls of one microbatch: dispatch and combine, forward and backward, per MoE layer of the stage (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W,
      formula: lm ? 'T_ep = n_a2a · ⌈L_moe/p⌉ · all_to_all(b·S·d·b_act·k·κ_m/t_sp, e, β_ep, α_ep), n_a2a = 4 or 6' : 'T_ep = 0 (non-LM: e = 1)',
      // A non-LM model has no expert layers (e = 1 is enforced by communication.dp).
      inputs: !lm ? [] : [`${S}.ep`, `${S}.tp_message_bytes`, 'workload.experts_per_token', `${S}.moe_imbalance`, `${S}.tp`,
        `${S}.sequence_parallel_effective`, 'workload.moe_layers_effective', `${S}.pp`, `${S}.recompute`, `${S}.ep_intra_node`,
        `${S}.all_to_all_bandwidth_per_gpu`, ...LINK_INPUTS],
      compute: (...v) => {
        if (!lm) return 0;
        const [ev, mtp, kv, km, t, sp, lmoe, p, r, intra, ba2a, ...links] = v;
        const e = num(ev);
        if (e === 1) return 0;
        const k = optNum(kv);
        const moeLayers = optNum(lmoe);
        if (k === null || moeLayers === null) return fail('missing_data', `${ctx.model.id} has no experts_per_token or moe_layers; expert all-to-all needs them`);
        const figures = linkFigures(links);
        // Inter-node all-to-all uses β_a2a, the topology-derated fabric share (wall 10).
        const link = bool(intra)
          ? pickLink(figures, true, `an EP group of ${e}`)
          : pickLink({ ...figures, betaNet: optNum(ba2a) }, false, `an EP group of ${e}`);
        if (link instanceof Failure) return link;
        const tsp = bool(sp) ? num(t) : 1;
        const message = (num(mtp) * k * num(km)) / tsp;
        const perLayer = str(r) === 'full' ? 6 : 4;
        return perLayer * Math.ceil(moeLayers / num(p)) * link.congestion * allToAll(message, e, link.beta, link.alpha);
      },
    }),
    derived({
      id: `${S}.pp_comm_per_microbatch`, label: 'PP communication per microbatch',
      doc: 'Exposed pipeline sends of one microbatch: one activation forward and one gradient backward per virtual stage (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_pp = 2 · v · p2p(M_tp/t_sp, β_pp, α_pp) (p > 1)',
      inputs: [`${S}.pp`, `${S}.virtual_stages`, `${S}.tp_message_bytes`, `${S}.tp`, `${S}.sequence_parallel_effective`,
        `${S}.pp_inter_node`, ...LINK_INPUTS],
      compute: (p, v, mtp, t, sp, inter, ...links) => {
        if (num(p) === 1) return 0;
        const link = pickLink(linkFigures(links), !bool(inter), 'a pipeline send');
        if (link instanceof Failure) return link;
        const tsp = bool(sp) ? num(t) : 1;
        return 2 * num(v) * link.congestion * p2p(num(mtp) / tsp, link.beta, link.alpha);
      },
    }),
    derived({
      id: `${S}.microbatch_t_overhead`, label: 'Microbatch overhead', doc: 'Launch overhead of one microbatch: dispatch plus the layer tax per pass (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_ov = dispatch_tax + k_pass · L_stage · layer_tax',
      inputs: ['scenario.dispatch_tax', `${S}.passes_per_microbatch`, `${S}.layers_per_stage`, 'scenario.layer_tax'],
      compute: (dt, kp, ls, lt) => num(dt) + num(kp) * num(ls) * num(lt),
    }),
    derived({
      id: `${S}.microbatch_time`, label: 'Microbatch time', doc: 'Time of one microbatch on the slowest stage; TP, EP and PP traffic is exposed (§8.4).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_mb = T_roof + T_tp + T_ep + T_pp + T_ov',
      inputs: [`${S}.microbatch_roofline_time`, `${S}.tp_comm_per_microbatch`, `${S}.ep_comm_per_microbatch`,
        `${S}.pp_comm_per_microbatch`, `${S}.microbatch_t_overhead`],
      compute: (roof, tp, ep, pp, ov) => num(roof) + num(tp) + num(ep) + num(pp) + num(ov),
    }),
  ];
}
