/**
 * Wall 14 layout cells (physics.md §8.2): the data-parallel degree and the validation of the
 * split, layers per stage, microbatches, and where each group sits (inside a node or across
 * the fabric). Megatron order: TP fastest-varying, then DP with EP inside it, then PP.
 */
import { derived, fail, warn, type CellDef } from '../../graph/index.js';
import { isLM, type BuildContext } from '../context.js';
import { bool, num, optNum } from './common.js';

const S = 'communication';
const W = 14;

/** `invalid_input` unless the split t·p·(EP inside DP) fits N accelerators and g per node (§8.2 cells 2, 4). */
export function dataParallelDegree(n: number, t: number, p: number, g: number, lm: boolean) {
  if (!lm && (t > 1 || p > 1)) {
    return fail('invalid_input', `tensor/pipeline parallelism needs a transformer layer structure (tp = ${t}, pp = ${p}; a non-LM model trains with data parallelism only)`);
  }
  if (n % (t * p) !== 0) {
    return fail('invalid_input', `tp·pp must divide N: tp·pp = ${t}·${p} = ${t * p} does not divide N = ${n} accelerators`);
  }
  if (g % t !== 0 && t % g !== 0) {
    return fail('invalid_input', `tp must divide the accelerators per node or be a multiple of them: tp = ${t}, g = ${g}`);
  }
  return n / (t * p);
}

export function layoutCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  const moe = ctx.model.family === 'moe_lm';
  return [
    derived({
      id: `${S}.dp`, label: 'Data parallel degree', doc: 'Data-parallel degree dp = N/(t·p); the split must be exact (§8.2 cell 2).',
      unit: 'count', layer: 'D', wall: W, formula: 'dp = N / (t · p)',
      inputs: [`${S}.num_devices`, `${S}.tp`, `${S}.pp`, `${S}.gpus_per_node`],
      compute: (n, t, p, g) => dataParallelDegree(num(n), num(t), num(p), num(g), lm),
    }),
    derived({
      id: `${S}.expert_dp`, label: 'Expert data parallel degree',
      doc: 'Replicas of each expert shard, dp/e: EP groups are carved out of DP (§8.2 cell 3).',
      unit: 'count', layer: 'D', wall: W, formula: 'dp_e = dp / e, with e | dp and E mod e = 0',
      inputs: [`${S}.dp`, `${S}.ep`, 'workload.experts'],
      compute: (dpv, ev, experts) => {
        const dp = num(dpv);
        const e = num(ev);
        if (e === 1) return dp;
        if (!moe) return fail('invalid_input', `expert parallelism (ep = ${e}) needs a mixture-of-experts model`);
        if (dp % e !== 0) return fail('invalid_input', `ep must divide dp: ep = ${e}, dp = ${dp}`);
        const E = optNum(experts);
        if (E === null) return fail('missing_data', `${ctx.model.id} has no expert count; expert parallelism needs it`);
        if (E % e !== 0) return fail('invalid_input', `ep must divide the expert count: ep = ${e}, E = ${E}`);
        return dp / e;
      },
    }),
    derived({
      id: `${S}.layers_per_stage`, label: 'Layers per stage', doc: 'Layers on the slowest pipeline stage, L_stage = ⌈L/p⌉ (§8.2 cell 5).',
      unit: 'layers', layer: 'D', wall: W, formula: 'L_stage = ⌈L / p⌉',
      inputs: ['workload.layers', `${S}.pp`, `${S}.virtual_stages`],
      compute: (lv, pv, vv) => {
        const p = num(pv);
        const v = num(vv);
        if (v > 1 && p === 1) return fail('invalid_input', `virtual_stages = ${v} requires pp > 1`);
        const L = optNum(lv);
        if (L === null) {
          if (lm) return fail('missing_data', `${ctx.model.id} has no layer count; pipeline stages need it`);
          return warn(1, 'layer count unknown; counting one layer per pass for the layer tax');
        }
        if (p > L) return fail('invalid_input', `pp = ${p} exceeds the layer count L = ${L}`);
        const stage = Math.ceil(L / p);
        const warnings: string[] = [];
        if (L % p !== 0) warnings.push(`pp = ${p} does not divide L = ${L}; the slowest stage has ${stage} layers`);
        if (v > 1 && L % (p * v) !== 0) warnings.push(`pp·v = ${p * v} does not divide L = ${L}; virtual stages are uneven`);
        return warnings.length ? warn(stage, ...warnings) : stage;
      },
    }),
    derived({
      id: `${S}.stage_layer_fraction`, label: 'Stage share of layers',
      doc: 'Share of the model on the slowest stage, L_stage/L (1 when the layer count is unknown, non-LM).',
      unit: '1', layer: 'D', wall: W, formula: 'L_stage / L',
      inputs: [`${S}.layers_per_stage`, 'workload.layers'],
      compute: (ls, lv) => (optNum(lv) === null ? 1 : num(ls) / num(lv)),
    }),
    derived({
      id: `${S}.num_microbatches`, label: 'Microbatches', doc: 'Microbatches per step (also the gradient-accumulation count), m = ⌈B_g/(dp·b)⌉ (§8.2 cell 6).',
      unit: 'microbatches', layer: 'D', wall: W, formula: 'm = ⌈B_g / (dp · b)⌉',
      inputs: [`${S}.global_batch_size_effective`, `${S}.dp`, `${S}.microbatch_size`, `${S}.virtual_stages`, `${S}.pp`],
      compute: (bg, dp, b, v, p) => {
        const m = Math.ceil(num(bg) / (num(dp) * num(b)));
        if (num(v) > 1 && m % num(p) !== 0) return warn(m, `interleaved schedule: m = ${m} is not a multiple of pp = ${num(p)}`);
        return m;
      },
    }),
    derived({
      id: `${S}.effective_global_batch`, label: 'Effective global batch', doc: 'Sequences actually processed per step, B_eff = dp·b·m (§8.2 cell 6).',
      unit: 'sequences', layer: 'D', wall: W, formula: 'B_eff = dp · b · m',
      inputs: [`${S}.dp`, `${S}.microbatch_size`, `${S}.num_microbatches`, `${S}.global_batch_size_effective`],
      compute: (dp, b, m, bg) => {
        const eff = num(dp) * num(b) * num(m);
        return eff !== num(bg) ? warn(eff, `global batch rounded up from ${num(bg)} to ${eff} (dp·b·m)`) : eff;
      },
    }),
    derived({
      id: `${S}.tp_intra_node`, label: 'TP inside a node', doc: 'The tensor-parallel group fits in one node (t ≤ g), so it uses the scale-up link.',
      unit: 'bool', layer: 'D', wall: W, formula: 't ≤ g', inputs: [`${S}.tp`, `${S}.gpus_per_node`],
      compute: (t, g) => num(t) <= num(g),
    }),
    derived({
      id: `${S}.dp_ranks_per_node`, label: 'DP ranks per node', doc: 'Ranks of one DP group inside a node, k_dp = min(dp, max(1, g/t)) (§8.2 cell 7).',
      unit: 'count', layer: 'D', wall: W, formula: 'k_dp = min(dp, max(1, g/t))',
      inputs: [`${S}.dp`, `${S}.gpus_per_node`, `${S}.tp`],
      compute: (dp, g, t) => Math.min(num(dp), Math.max(1, Math.floor(num(g) / num(t)))),
    }),
    derived({
      id: `${S}.dp_nodes`, label: 'DP nodes', doc: 'Nodes one DP group spans, n_dp = ⌈dp/k_dp⌉ (§8.2 cell 7).',
      unit: 'nodes', layer: 'D', wall: W, formula: 'n_dp = ⌈dp / k_dp⌉',
      inputs: [`${S}.dp`, `${S}.dp_ranks_per_node`],
      compute: (dp, k) => {
        const n = Math.ceil(num(dp) / num(k));
        return num(dp) % num(k) !== 0 ? warn(n, `irregular DP placement: dp = ${num(dp)} is not a multiple of ${num(k)} ranks per node`) : n;
      },
    }),
    derived({
      id: `${S}.expert_dp_ranks_per_node`, label: 'Expert-DP ranks per node',
      doc: 'Ranks of one expert-gradient group (dp/e ranks, strided by t·e) inside a node.',
      unit: 'count', layer: 'D', wall: W, formula: 'k_e = min(dp/e, max(1, ⌊g/(t·e)⌋))',
      inputs: [`${S}.expert_dp`, `${S}.gpus_per_node`, `${S}.tp`, `${S}.ep`],
      compute: (dpe, g, t, e) => Math.min(num(dpe), Math.max(1, Math.floor(num(g) / (num(t) * num(e))))),
    }),
    derived({
      id: `${S}.expert_dp_nodes`, label: 'Expert-DP nodes', doc: 'Nodes one expert-gradient group spans, ⌈(dp/e)/k_e⌉.',
      unit: 'nodes', layer: 'D', wall: W, formula: 'n_e = ⌈(dp/e) / k_e⌉',
      inputs: [`${S}.expert_dp`, `${S}.expert_dp_ranks_per_node`],
      compute: (dpe, k) => Math.ceil(num(dpe) / num(k)),
    }),
    derived({
      id: `${S}.pp_inter_node`, label: 'Pipeline crosses nodes', doc: 'Neighbouring pipeline stages sit on different nodes (t·dp ≥ g).',
      unit: 'bool', layer: 'D', wall: W, formula: 't · dp ≥ g', inputs: [`${S}.tp`, `${S}.dp`, `${S}.gpus_per_node`],
      compute: (t, dp, g) => num(t) * num(dp) >= num(g),
    }),
    derived({
      id: `${S}.ep_intra_node`, label: 'EP inside a node', doc: 'The expert-parallel group fits in one node (t·e ≤ g).',
      unit: 'bool', layer: 'D', wall: W, formula: 't · e ≤ g', inputs: [`${S}.tp`, `${S}.ep`, `${S}.gpus_per_node`],
      compute: (t, e, g) => num(t) * num(e) <= num(g),
    }),
    derived({
      id: `${S}.all_to_all_bandwidth_per_gpu`, label: 'All-to-all bandwidth per GPU',
      doc: 'Fabric bandwidth per GPU for all-to-all, derated by the topology when wall 10 is active (§8.2 cell 8).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: W, formula: 'β_a2a = β_net · topology_factor (1 if wall 10 inactive)',
      inputs: [`${S}.net_bandwidth_per_gpu`, 'locality.active', 'locality.topology_factor'],
      compute: (bn, active, tf) => (bn === null ? null : num(bn) * (bool(active) ? num(tf) : 1)),
    }),
  ];
}
