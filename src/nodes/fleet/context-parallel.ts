/**
 * Wall 14, context parallelism in training (physics.md Amendments: "cp = 1 is lifted"): ring
 * attention (Liu, Zaharia & Abbeel 2023, "Ring Attention with Blockwise Transformers",
 * arXiv 2310.01889; Megatron-Core context parallelism). Each of the c ranks of a CP group
 * holds S/c tokens of every sequence (load-balanced chunks, so each does 1/c of the causal
 * attention work); for every layer the key/value blocks travel once around the ring, c − 1
 * point-to-point steps, each overlapped with the attention of the block already received.
 *
 *   M_kv   = b·⌈S/c⌉·H_kv·(d_h + d_v)·b_act / min(t, H_kv)   one KV block of one layer
 *   T_ring = n_ring · L_stage · (c − 1) · p2p(M_kv, β_cp, α_cp)   n_ring = 3 (forward KV;
 *            backward KV and dKV, Liu et al. §3), 4 with full recompute (the forward repeats)
 *   T_attn = tokens · (3 + [recompute ≠ none]) · F_attn · (L_stage/L) / (t · peak · η)
 *   exposed = max(0, T_ring − T_attn)                    (communication hidden up to the compute)
 *
 * β_cp is the scale-up link when the ring fits in a node (t·c ≤ g), else the fabric (× κ_c).
 * Activations and the stored K/V are divided by c (train-memory.ts); the weights are not.
 */
import { choice, derived, Failure, flag, number, type CellDef } from '../../graph/index.js';
import { isLM, type BuildContext } from '../context.js';
import { p2p } from '../templates/collectives.js';
import { linkFigures, linkInputs, pickLink } from './links.js';

const S = 'communication';
const W = 14;
const RECOMPUTE = ['none', 'selective', 'full'] as const;
const source = { kind: 'paper' as const, ref: 'Liu, Zaharia & Abbeel 2023, Ring Attention with Blockwise Transformers (arXiv:2310.01889) §3; Megatron-Core context parallelism' };

/** Ring passes per layer per microbatch: forward KV, backward KV + dKV; full recompute repeats the forward. */
export const ringPassesFor = (recompute: string): number => (recompute === 'full' ? 4 : 3);

/** Tokens of one sequence a CP rank holds: S/c, or ⌈S/c⌉ on the slowest rank when c ∤ S. */
export const tokensPerRank = (seqLen: number, c: number): number => Math.ceil(seqLen / c);

export function contextParallelCells(ctx: BuildContext): CellDef[] {
  // A non-LM has no sequence to split; communication.dp refuses c > 1 for it.
  if (!isLM(ctx.model.family)) {
    return [derived({
      id: `${S}.cp_exposed_per_microbatch`, label: 'Exposed CP communication per microbatch', doc: 'No context parallelism for a non-LM model (c = 1).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: '0 (non-LM: c = 1)', inputs: {}, compute: () => 0, source,
    })];
  }
  return [
    derived({
      id: `${S}.cp_message_bytes`, label: 'CP block size',
      doc: 'Bytes of one key/value block a CP rank passes to its ring neighbour for one layer: its tokens’ K and V over its TP share of the KV heads.',
      unit: 'B', displayUnit: 'MB', layer: 'E', wall: W, formula: 'M_kv = b · ⌈S/c⌉ · H_kv · (d_h + d_v) · b_act / min(t, H_kv)',
      inputs: {
        b: number(`${S}.microbatch_size`), seq: number(`${S}.seq_len_effective`), c: number(`${S}.cp`), t: number(`${S}.tp`),
        kvHeads: number('workload.kv_heads_effective'), headDim: number('workload.head_dim_effective'), vHeadDim: number('workload.v_head_dim_effective'),
        actBytes: number('scenario.activation_bytes_per_element'),
      },
      compute: ({ b, seq, c, t, kvHeads, headDim, vHeadDim, actBytes }) =>
        (b * tokensPerRank(seq, c) * kvHeads * (headDim + vHeadDim) * actBytes) / Math.min(t, kvHeads),
      source,
    }),
    derived({
      id: `${S}.cp_comm_per_microbatch`, label: 'CP ring traffic per microbatch',
      doc: 'Time of the ring-attention KV passes of one microbatch on the slowest stage, before overlap: (c − 1) steps per pass, 3 passes per layer (4 with full recompute).',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_ring = n_ring · L_stage · (c − 1) · p2p(M_kv, β_cp, α_cp); NVLink if t·c ≤ g, else fabric × κ_c',
      inputs: {
        c: number(`${S}.cp`), message: number(`${S}.cp_message_bytes`), stageLayers: number(`${S}.layers_per_stage`),
        recompute: choice(`${S}.recompute`, RECOMPUTE), intra: flag(`${S}.cp_intra_node`), ...linkInputs,
      },
      compute: ({ c, message, stageLayers, recompute, intra, ...links }) => {
        if (c === 1) return 0;
        const link = pickLink(linkFigures(links), intra, `a context-parallel ring of ${c}`);
        if (link instanceof Failure) return link;
        return ringPassesFor(recompute) * stageLayers * (c - 1) * link.congestion * p2p(message, link.beta, link.alpha);
      },
      source,
    }),
    derived({
      id: `${S}.cp_attention_time`, label: 'Attention compute per microbatch',
      doc: 'Attention-core compute of one microbatch on one GPU of the slowest stage (forward, backward and any recompute), the work ring traffic hides under.',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'T_attn = tokens · (3 + [recompute ≠ none]) · F_attn · (L_stage/L) / (t · peak · η)',
      inputs: {
        tokens: number(`${S}.tokens_per_microbatch`), perToken: number('workload.attention_flops_per_token'), recompute: choice(`${S}.recompute`, RECOMPUTE),
        share: number(`${S}.stage_layer_fraction`), t: number(`${S}.tp`), peak: number('hardware.peak_flops'), eta: number('software.efficiency_effective'),
      },
      compute: ({ tokens, perToken, recompute, share, t, peak, eta }) =>
        (tokens * (recompute === 'none' ? 3 : 4) * perToken * share) / (t * peak * eta),
      source,
    }),
    derived({
      id: `${S}.cp_exposed_per_microbatch`, label: 'Exposed CP communication per microbatch',
      doc: 'Ring-attention traffic left on the critical path: overlapped with the attention compute up to its length.',
      unit: 's', displayUnit: 'ms', layer: 'E', wall: W, formula: 'max(0, T_ring − T_attn)',
      inputs: { ring: number(`${S}.cp_comm_per_microbatch`), attention: number(`${S}.cp_attention_time`) },
      compute: ({ ring, attention }) => Math.max(0, ring - attention),
      source,
    }),
    derived({
      id: `${S}.cp_ring_bytes_per_step`, label: 'CP ring bytes per step',
      doc: 'Bytes one GPU sends around the context-parallel ring in one optimizer step (every pass, layer and microbatch).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'm · n_ring · L_stage · (c − 1) · M_kv',
      inputs: {
        m: number(`${S}.num_microbatches`), c: number(`${S}.cp`), message: number(`${S}.cp_message_bytes`),
        stageLayers: number(`${S}.layers_per_stage`), recompute: choice(`${S}.recompute`, RECOMPUTE),
      },
      compute: ({ m, c, message, stageLayers, recompute }) => m * ringPassesFor(recompute) * stageLayers * (c - 1) * message,
      source,
    }),
  ];
}

/** S must split into c chunks: the slowest rank holds ⌈S/c⌉ tokens (a warning when c ∤ S). */
export function seqSplitCheck(seq: number, c: number): string | undefined {
  return c > 1 && seq % c !== 0 ? `seq_len S = ${seq} is not a multiple of cp = ${c}; the slowest rank holds ${tokensPerRank(seq, c)} tokens` : undefined;
}
