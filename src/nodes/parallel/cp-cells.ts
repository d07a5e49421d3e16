/**
 * Wall 14's context-parallel cells in inference and serving (ring.ts): the ring traffic of a
 * prompt's prefill on one rank and the activations one rank holds. The prefill time itself
 * (serving.prefill_time, ttft) runs each chunk through ringPrefillPass, so the exposed ring
 * time is part of `serving.prefill_comm_time`. All 0 (or the single-rank figure) when c = 1.
 */
import { type CellDef, derived, Failure, fail, number, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import type { BuildContext } from '../context.js';
import { activationWorkingSet } from '../workload/activations.js';
import { hasParallelLayout } from './layout-cells.js';
import { ringBytes, ringTime, ringTokens } from './ring.js';
import type { Shard } from './shard.js';
import { shardInputs, shardOf, type ShardArgs } from './shard-inputs.js';

const S = 'communication';
const source = spec('Amendments, cp = 1 is lifted; Liu, Zaharia & Abbeel 2023 (arXiv:2310.01889) §3; Yang et al. 2024 (arXiv:2411.01783) §3');
const common = { layer: 'E' as const, wall: 14, source };
/** The FlashAttention-2 block along the sequence (Dao 2023, arXiv 2307.08691), as in the layout search's rule. */
const ATTENTION_TILE = 128;

const prefillInputs = () => ({
  ...shardInputs(),
  batch: number('scenario.batch_size'),
  newTokens: number('serving.new_tokens'),
  cached: number('serving.cached_prefix_len'),
  chunkTokens: optNumber('serving.prefill_chunk_tokens'),
});
type PrefillArgs = ShardArgs & { readonly batch: number; readonly newTokens: number; readonly cached: number; readonly chunkTokens: number | null };

/** Σ over the prefill's chunks j (t_j new tokens after C_j) of f(shard, B, C_j + t_j); 0 when c = 1. */
function overChunks(f: (s: Shard, batch: number, contextTokens: number) => number) {
  return (a: PrefillArgs): number | Failure => {
    const s = shardOf(a);
    if (s instanceof Failure) return s;
    if (s === null || s.cp === 1) return 0;
    const size = a.chunkTokens ?? a.newTokens;
    let sum = 0;
    for (let start = 0; start < a.newTokens; start += size) sum += f(s, a.batch, a.cached + Math.min(a.newTokens, start + size));
    return sum;
  };
}

export function contextParallelPrefillCells(ctx: BuildContext): CellDef[] {
  if (!hasParallelLayout(ctx)) return [];
  const model = ctx.model.id;
  return [
    derived({
      ...common, id: `${S}.cp_prefill_ring_bytes`, label: 'CP ring bytes per prefill', unit: 'B', displayUnit: 'GB',
      formula: 'Σ_j L_stage · (c − 1) · B · ⌈(C_j + t_j)/c⌉ · kv_layer',
      doc: 'Bytes one rank of a context-parallel ring sends in a prompt\'s prefill: its KV block, every layer, c − 1 steps around the ring, per chunk.',
      inputs: prefillInputs(), compute: overChunks(ringBytes),
    }),
    derived({
      ...common, id: `${S}.cp_prefill_ring_time`, label: 'CP ring time per prefill', unit: 's', displayUnit: 'ms',
      formula: 'Σ_j L_stage · (c − 1) · κ · p2p(M_kv,j, β_cp, α_cp); NVLink if t·c ≤ g',
      doc: 'Time of the ring passes of a prompt\'s prefill before overlap; the part the attention compute does not hide is in serving.prefill_comm_time.',
      inputs: prefillInputs(), compute: overChunks(ringTime),
    }),
    derived({
      ...common, id: `${S}.cp_prefill_activation_bytes`, label: 'Prefill activations per rank', unit: 'B', displayUnit: 'GB',
      formula: 'A_work(B, ⌈min(chunk, n)/c⌉) = B·⌈n_chunk/c⌉·κ_act·d·b_act',
      doc: 'Live activations of one layer on one rank of the ring during the prefill: the rank holds 1/c of the chunk\'s tokens.',
      inputs: {
        c: number(`${S}.cp`), batch: number('scenario.batch_size'), newTokens: number('serving.new_tokens'), chunkTokens: optNumber('serving.prefill_chunk_tokens'),
        factor: number('scenario.activation_working_set_factor'), hidden: optNumber('workload.hidden_dim'), width: number('scenario.activation_bytes_per_element'),
      },
      compute: ({ c, batch, newTokens, chunkTokens, factor, hidden, width }) => {
        if (hidden === null) return fail('missing_data', `${model} has no hidden_dim; the prefill activations need it`);
        const chunk = chunkTokens === null ? newTokens : Math.min(chunkTokens, newTokens);
        const perRank = ringTokens(chunk, c);
        const bytes = activationWorkingSet(batch, perRank, factor, hidden, width);
        const said = [
          ...(c > 1 && chunk % c !== 0 ? [`the chunk of ${chunk} tokens is not a multiple of cp = ${c}; the slowest rank holds ${perRank}`] : []),
          // Each rank's share is two load-balanced halves; below one FlashAttention-2 tile each (Dao 2023) the kernel runs part empty, which the roofline does not see.
          ...(c > 1 && perRank < 2 * ATTENTION_TILE ? [`each rank of the ring holds ${perRank} tokens, fewer than two ${ATTENTION_TILE}-token attention tiles: the prefill time assumes full tiles`] : []),
        ];
        return said.length ? warn(bytes, ...said) : bytes;
      },
    }),
  ];
}
