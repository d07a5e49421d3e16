/**
 * Wall 14 layout cells (physics.md §8.2): the data-parallel degree and the validation of the
 * split, layers per stage, microbatches, and where each group sits (inside a node or across
 * the fabric). Megatron order: TP fastest-varying, then CP, then DP with EP inside it, then PP
 * (Megatron-Core parallel_state, order tp-cp-ep-dp-pp).
 *
 * Context parallelism (training; physics.md Amendments, "cp = 1 is lifted"): the c ranks of a
 * CP group hold the same weights and split each sequence into c chunks (ring attention, Liu et
 * al. 2023), so the data-parallel degree is dp = N/(t·p·c) and the ranks that hold the same
 * weights — the gradient all-reduce and ZeRO sharding group — are dp·c (Megatron-Core
 * `get_data_parallel_group(with_context_parallel=True)`); for experts, (dp/e)·c.
 */
import { derived, fail, flag, number, optNumber, warn, type CellDef } from '../../graph/index.js';
import { isLM, type BuildContext } from '../context.js';

const S = 'communication';
const W = 14;

/**
 * `invalid_input` unless the split t·p·c·(EP inside DP) fits N accelerators and g per node
 * (§8.2 cells 2, 4). Context parallelism (c > 1) is modelled in every mode: ring attention in
 * training (context-parallel.ts) and in a long prompt's prefill (src/nodes/parallel/ring.ts).
 */
export function dataParallelDegree(n: number, t: number, p: number, g: number, lm: boolean, c = 1) {
  if (!lm && c > 1) {
    return fail('invalid_input', `context parallelism splits a sequence (cp = ${c}); a non-LM model trains with data parallelism only`);
  }
  if (!lm && (t > 1 || p > 1)) {
    return fail('invalid_input', `tensor/pipeline parallelism needs a transformer layer structure (tp = ${t}, pp = ${p}; a non-LM model trains with data parallelism only)`);
  }
  if (c > 1 && n % (t * p * c) !== 0) {
    return fail('invalid_input', `tp·pp·cp must divide N: tp·pp·cp = ${t}·${p}·${c} = ${t * p * c} does not divide N = ${n} accelerators`);
  }
  if (n % (t * p) !== 0) {
    return fail('invalid_input', `tp·pp must divide N: tp·pp = ${t}·${p} = ${t * p} does not divide N = ${n} accelerators`);
  }
  if (g % t !== 0 && t % g !== 0) {
    return fail('invalid_input', `tp must divide the accelerators per node or be a multiple of them: tp = ${t}, g = ${g}`);
  }
  return n / (t * p * c);
}

/**
 * Ranks of a gradient group (the `group` ranks that hold the same dense weights: dp·c, strided
 * by t) inside one node: min(group, max(1, ⌊g/t⌋)) (§8.2 cell 7 with dp → dp·c).
 */
export function gradientRanksPerNode(group: number, g: number, t: number): number {
  return Math.min(group, Math.max(1, Math.floor(g / t)));
}

/**
 * Ranks of an expert-gradient group ((dp/e)·c ranks holding the same expert shard) inside one
 * node. In tp-cp-ep-dp order the c CP ranks are strided by t and the dp/e outer ranks by t·c·e:
 * a node of ⌊g/t⌋ TP groups holds c·⌊g/(t·c·e)⌋ of them when ⌊g/t⌋ ≥ c·e, else the
 * min(c, ⌊g/t⌋) CP ranks of one expert shard. With c = 1: min(dp/e, max(1, ⌊g/(t·e)⌋)).
 */
export function expertGradientRanksPerNode(group: number, g: number, t: number, c: number, e: number): number {
  const tpGroups = Math.floor(g / t);
  const inNode = tpGroups >= c * e ? c * Math.floor(tpGroups / (c * e)) : Math.min(c, tpGroups);
  return Math.min(group, Math.max(1, inNode));
}

export function layoutCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  const moe = ctx.model.family === 'moe_lm';
  return [
    derived({
      id: `${S}.dp`, label: 'Data parallel degree', doc: 'Data-parallel degree dp = N/(t·p·c): replicas that see different sequences; the split must be exact (§8.2 cell 2).',
      unit: 'count', layer: 'D', wall: W, formula: 'dp = N / (t · p · c)',
      inputs: { n: number(`${S}.num_devices`), t: number(`${S}.tp`), p: number(`${S}.pp`), g: number(`${S}.gpus_per_node`), c: number(`${S}.cp`) },
      compute: ({ n, t, p, g, c }) => dataParallelDegree(n, t, p, g, lm, c),
    }),
    derived({
      id: `${S}.gradient_group`, label: 'Gradient group', doc: 'Ranks that hold the same dense weights and reduce their gradients together: dp·c (ZeRO shards over them).',
      unit: 'count', layer: 'D', wall: W, formula: 'G_grad = dp · c',
      inputs: { dp: number(`${S}.dp`), c: number(`${S}.cp`) },
      compute: ({ dp, c }) => dp * c,
    }),
    derived({
      id: `${S}.expert_gradient_group`, label: 'Expert gradient group', doc: 'Ranks that hold the same expert shard and reduce its gradients together: (dp/e)·c.',
      unit: 'count', layer: 'D', wall: W, formula: 'G_exp = (dp / e) · c',
      inputs: { expertDp: number(`${S}.expert_dp`), c: number(`${S}.cp`) },
      compute: ({ expertDp, c }) => expertDp * c,
    }),
    derived({
      id: `${S}.expert_dp`, label: 'Expert data parallel degree',
      doc: 'Replicas of each expert shard, dp/e: EP groups are carved out of DP (§8.2 cell 3).',
      unit: 'count', layer: 'D', wall: W, formula: 'dp_e = dp / e, with e | dp and E mod e = 0',
      inputs: { dp: number(`${S}.dp`), e: number(`${S}.ep`), experts: optNumber('workload.experts') },
      compute: ({ dp, e, experts }) => {
        if (e === 1) return dp;
        if (!moe) return fail('invalid_input', `expert parallelism (ep = ${e}) needs a mixture-of-experts model`);
        if (dp % e !== 0) return fail('invalid_input', `ep must divide dp: ep = ${e}, dp = ${dp}`);
        if (experts === null) return fail('missing_data', `${ctx.model.id} has no expert count; expert parallelism needs it`);
        if (experts % e !== 0) return fail('invalid_input', `ep must divide the expert count: ep = ${e}, E = ${experts}`);
        return dp / e;
      },
    }),
    derived({
      id: `${S}.layers_per_stage`, label: 'Layers per stage', doc: 'Layers on the slowest pipeline stage, L_stage = ⌈L/p⌉ (§8.2 cell 5).',
      unit: 'layers', layer: 'D', wall: W, formula: 'L_stage = ⌈L / p⌉',
      inputs: { layers: optNumber('workload.layers'), p: number(`${S}.pp`), v: number(`${S}.virtual_stages`) },
      compute: ({ layers, p, v }) => {
        if (v > 1 && p === 1) return fail('invalid_input', `virtual_stages = ${v} requires pp > 1`);
        if (layers === null) {
          if (lm) return fail('missing_data', `${ctx.model.id} has no layer count; pipeline stages need it`);
          return warn(1, 'layer count unknown; counting one layer per pass for the layer tax');
        }
        if (p > layers) return fail('invalid_input', `pp = ${p} exceeds the layer count L = ${layers}`);
        const stage = Math.ceil(layers / p);
        const warnings: string[] = [];
        if (layers % p !== 0) warnings.push(`pp = ${p} does not divide L = ${layers}; the slowest stage has ${stage} layers`);
        if (v > 1 && layers % (p * v) !== 0) warnings.push(`pp·v = ${p * v} does not divide L = ${layers}; virtual stages are uneven`);
        return warnings.length ? warn(stage, ...warnings) : stage;
      },
    }),
    derived({
      id: `${S}.stage_layer_fraction`, label: 'Stage share of layers',
      doc: 'Share of the model on the slowest stage, L_stage/L (1 when the layer count is unknown, non-LM).',
      unit: '1', layer: 'D', wall: W, formula: 'L_stage / L',
      inputs: { stageLayers: number(`${S}.layers_per_stage`), layers: optNumber('workload.layers') },
      compute: ({ stageLayers, layers }) => (layers === null ? 1 : stageLayers / layers),
    }),
    derived({
      id: `${S}.num_microbatches`, label: 'Microbatches', doc: 'Microbatches per step (also the gradient-accumulation count), m = ⌈B_g/(dp·b)⌉ (§8.2 cell 6).',
      unit: 'microbatches', layer: 'D', wall: W, formula: 'm = ⌈B_g / (dp · b)⌉',
      inputs: {
        globalBatch: number(`${S}.global_batch_size_effective`), dp: number(`${S}.dp`), b: number(`${S}.microbatch_size`),
        v: number(`${S}.virtual_stages`), p: number(`${S}.pp`),
      },
      compute: ({ globalBatch, dp, b, v, p }) => {
        const m = Math.ceil(globalBatch / (dp * b));
        if (v > 1 && m % p !== 0) return warn(m, `interleaved schedule: m = ${m} is not a multiple of pp = ${p}`);
        return m;
      },
    }),
    derived({
      id: `${S}.effective_global_batch`, label: 'Effective global batch', doc: 'Sequences actually processed per step, B_eff = dp·b·m (§8.2 cell 6).',
      unit: 'sequences', layer: 'D', wall: W, formula: 'B_eff = dp · b · m',
      inputs: {
        dp: number(`${S}.dp`), b: number(`${S}.microbatch_size`), m: number(`${S}.num_microbatches`),
        globalBatch: number(`${S}.global_batch_size_effective`),
      },
      compute: ({ dp, b, m, globalBatch }) => {
        const eff = dp * b * m;
        return eff !== globalBatch ? warn(eff, `global batch rounded up from ${globalBatch} to ${eff} (dp·b·m)`) : eff;
      },
    }),
    derived({
      id: `${S}.tp_intra_node`, label: 'TP inside a node', doc: 'The tensor-parallel group fits in one node (t ≤ g), so it uses the scale-up link.',
      unit: 'bool', layer: 'D', wall: W, formula: 't ≤ g',
      inputs: { t: number(`${S}.tp`), g: number(`${S}.gpus_per_node`) },
      compute: ({ t, g }) => t <= g,
    }),
    derived({
      id: `${S}.dp_ranks_per_node`, label: 'DP ranks per node', doc: 'Ranks of one gradient group inside a node, k_dp = min(dp·c, max(1, g/t)) (§8.2 cell 7).',
      unit: 'count', layer: 'D', wall: W, formula: 'k_dp = min(dp·c, max(1, g/t))',
      inputs: { group: number(`${S}.gradient_group`), g: number(`${S}.gpus_per_node`), t: number(`${S}.tp`) },
      compute: ({ group, g, t }) => gradientRanksPerNode(group, g, t),
    }),
    derived({
      id: `${S}.dp_nodes`, label: 'DP nodes', doc: 'Nodes one gradient group spans, n_dp = ⌈dp·c/k_dp⌉ (§8.2 cell 7).',
      unit: 'nodes', layer: 'D', wall: W, formula: 'n_dp = ⌈dp·c / k_dp⌉',
      inputs: { group: number(`${S}.gradient_group`), k: number(`${S}.dp_ranks_per_node`) },
      compute: ({ group, k }) => {
        const n = Math.ceil(group / k);
        return group % k !== 0 ? warn(n, `irregular DP placement: dp = ${group} is not a multiple of ${k} ranks per node`) : n;
      },
    }),
    derived({
      id: `${S}.expert_dp_ranks_per_node`, label: 'Expert-DP ranks per node',
      doc: 'Ranks of one expert-gradient group ((dp/e)·c ranks) inside a node.',
      unit: 'count', layer: 'D', wall: W, formula: 'k_e = min((dp/e)·c, max(1, ⌊g/(t·e)⌋)) at c = 1 (see physics-notes for c > 1)',
      inputs: {
        group: number(`${S}.expert_gradient_group`), g: number(`${S}.gpus_per_node`), t: number(`${S}.tp`), c: number(`${S}.cp`), e: number(`${S}.ep`),
      },
      compute: ({ group, g, t, c, e }) => expertGradientRanksPerNode(group, g, t, c, e),
    }),
    derived({
      id: `${S}.expert_dp_nodes`, label: 'Expert-DP nodes', doc: 'Nodes one expert-gradient group spans, ⌈(dp/e)·c/k_e⌉.',
      unit: 'nodes', layer: 'D', wall: W, formula: 'n_e = ⌈(dp/e)·c / k_e⌉',
      inputs: { group: number(`${S}.expert_gradient_group`), k: number(`${S}.expert_dp_ranks_per_node`) },
      compute: ({ group, k }) => Math.ceil(group / k),
    }),
    derived({
      id: `${S}.pp_inter_node`, label: 'Pipeline crosses nodes', doc: 'Neighbouring pipeline stages sit on different nodes (t·c·dp ≥ g).',
      unit: 'bool', layer: 'D', wall: W, formula: 't · c · dp ≥ g',
      inputs: { t: number(`${S}.tp`), c: number(`${S}.cp`), dp: number(`${S}.dp`), g: number(`${S}.gpus_per_node`) },
      compute: ({ t, c, dp, g }) => t * c * dp >= g,
    }),
    derived({
      id: `${S}.ep_intra_node`, label: 'EP inside a node', doc: 'The expert-parallel group (ranks strided by t·c) fits in one node (t·c·e ≤ g).',
      unit: 'bool', layer: 'D', wall: W, formula: 't · c · e ≤ g',
      inputs: { t: number(`${S}.tp`), c: number(`${S}.cp`), e: number(`${S}.ep`), g: number(`${S}.gpus_per_node`) },
      compute: ({ t, c, e, g }) => t * c * e <= g,
    }),
    derived({
      id: `${S}.cp_intra_node`, label: 'CP inside a node', doc: 'The context-parallel ring (c ranks strided by t) fits in one node (t·c ≤ g).',
      unit: 'bool', layer: 'D', wall: W, formula: 't · c ≤ g',
      inputs: { t: number(`${S}.tp`), c: number(`${S}.cp`), g: number(`${S}.gpus_per_node`) },
      compute: ({ t, c, g }) => t * c <= g,
    }),
    derived({
      id: `${S}.all_to_all_bandwidth_per_gpu`, label: 'All-to-all bandwidth per GPU',
      doc: 'Fabric bandwidth per GPU for all-to-all, derated by the topology when wall 10 is active (§8.2 cell 8).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: W, formula: 'β_a2a = β_net · topology_factor (1 if wall 10 inactive)',
      inputs: { betaNet: optNumber(`${S}.net_bandwidth_per_gpu`), active: flag('locality.active'), topology: number('locality.topology_factor') },
      compute: ({ betaNet, active, topology }) => (betaNet === null ? null : betaNet * (active ? topology : 1)),
    }),
  ];
}
