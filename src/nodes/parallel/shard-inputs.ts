/**
 * The shard as named, typed inputs: the layout cells (layout-cells.ts) and the link figures
 * of wall 14 (fleet/links.ts) a step reads, and the decoder that turns them into a `Shard`
 * (null when t = p = e = c = 1, so a one-device replica takes the single-device formulas). A
 * serving cell spreads `shardInputs()` through `lmFactInputs(ctx)`; keys start with `sh` so
 * they never collide with another bundle's.
 */
import { type ArgsOf, fail, Failure, flag, gate, number, optNumber } from '../../graph/index.js';
import { linkFigures, linkInputs, pickLink } from '../fleet/links.js';
import type { Shard } from './shard.js';

const S = 'communication';

export const shardInputs = () => ({
  shTp: number(`${S}.tp`),
  shPp: number(`${S}.pp`),
  shEp: number(`${S}.ep`),
  shCp: number(`${S}.cp`),
  // Read only so that an invalid split (tp·pp ∤ N, ep ∤ dp, cp > 1 …) blocks every step.
  shReplicas: gate(`${S}.replicas`),
  shStageLayers: number(`${S}.layers_per_stage`),
  shStageFraction: number(`${S}.stage_layer_fraction`),
  shMoeStageLayers: number(`${S}.moe_layers_per_stage`),
  shKvFraction: number(`${S}.kv_shard_fraction`),
  shWeightBytes: number(`${S}.weight_bytes_per_gpu`),
  shTokenBytes: number(`${S}.token_activation_bytes`),
  shKvLayerBytes: number(`${S}.kv_block_bytes_per_token`),
  shExpertsPerToken: optNumber('workload.experts_per_token'),
  shTpIntra: flag(`${S}.tp_intra_node`),
  shEpIntra: flag(`${S}.ep_intra_node`),
  shPpInter: flag(`${S}.pp_inter_node`),
  shCpIntra: flag(`${S}.cp_intra_node`),
  shBetaA2a: optNumber(`${S}.all_to_all_bandwidth_per_gpu`),
  ...linkInputs,
});
export type ShardArgs = ArgsOf<ReturnType<typeof shardInputs>>;

/** Whether a cell's arguments carry the shard bundle (it is spread only when the scenario has a layout). */
export function hasShardArgs(a: Partial<ShardArgs>): a is ShardArgs {
  return a.shTp !== undefined;
}

/** The shard, null for a one-device replica, or missing_data naming the link a collective needs. */
export function shardOf(a: ShardArgs): Shard | null | Failure {
  const { shTp: t, shPp: p, shEp: e, shCp: c } = a;
  if (t === 1 && p === 1 && e === 1 && c === 1) return null;
  const figures = linkFigures(a);
  const tpLink = t > 1 ? pickLink(figures, a.shTpIntra, `a TP group of ${t}`) : null;
  if (tpLink instanceof Failure) return tpLink;
  // EP across nodes uses β_a2a, the topology-derated fabric share (wall 10), as in training (§8.4).
  // A MoE model split by EP needs k for its all-to-all message; a dense model has no experts (k = 0).
  if (e > 1 && a.shMoeStageLayers > 0 && a.shExpertsPerToken === null) {
    return fail('missing_data', 'workload.experts_per_token is unknown: the expert all-to-all message B·d·b_act·k needs it');
  }
  const epLink = e > 1 ? pickLink(a.shEpIntra ? figures : { ...figures, betaNet: a.shBetaA2a }, a.shEpIntra, `an EP group of ${e}`) : null;
  if (epLink instanceof Failure) return epLink;
  const ppLink = p > 1 ? pickLink(figures, !a.shPpInter, 'a pipeline stage hand-off') : null;
  if (ppLink instanceof Failure) return ppLink;
  // The ring's c ranks are strided by t (Megatron order tp-cp-…): inside a node iff t·c ≤ g.
  const cpLink = c > 1 ? pickLink(figures, a.shCpIntra, `a context-parallel ring of ${c}`) : null;
  if (cpLink instanceof Failure) return cpLink;
  return {
    tp: t, pp: p, ep: e, stageLayers: a.shStageLayers, stageFraction: a.shStageFraction, moeStageLayers: a.shMoeStageLayers,
    kvFraction: a.shKvFraction, weightBytes: a.shWeightBytes, tokenBytes: a.shTokenBytes, expertsPerToken: a.shExpertsPerToken ?? 0,
    tpLink, epLink, ppLink, cp: c, cpLink, kvLayerBytes: a.shKvLayerBytes,
  };
}
