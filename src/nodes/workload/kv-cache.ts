/**
 * KV cache (physics.md §2.6): bytes per token for MHA/GQA/MQA (through H_kv) and for MLA
 * (one compressed latent plus the shared RoPE key per layer), resident bytes, and paging.
 * kv_bytes_per_token is what one token adds over all L layers; a windowed layer keeps only the
 * last w tokens (a rolling buffer), so the bytes a sequence holds use min(x, w) there
 * (window.ts, physics.md Amendments).
 */
import { type CellDef, derived, flag, number, optNumber } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import type { BuildContext } from '../context.js';
import { kvBytesPerSequence, windowInputs, windowOf } from './window.js';

/** kv_tok = L·H_kv·(d_h + d_v)·b_kv (= 2·L·H_kv·d_h·b_kv when d_v = d_h). */
export function kvBytesPerTokenStandard(layers: number, kvHeads: number, headDim: number, vHeadDim: number, kvWidth: number): number {
  return layers * kvHeads * (headDim + vHeadDim) * kvWidth;
}

/** MLA: kv_tok = L·(r_kv + d_r)·b_kv — no factor 2 and no H_kv. */
export function kvBytesPerTokenMla(layers: number, kvLoraRank: number, ropeDim: number, kvWidth: number): number {
  return layers * (kvLoraRank + ropeDim) * kvWidth;
}

/** ⌈x/p_g⌉·p_g: tokens of KV storage a paged sequence of x tokens occupies. */
export function pagedTokens(tokens: number, pageSize: number): number {
  return Math.ceil(tokens / pageSize) * pageSize;
}

/** (⌈x/p_g⌉·p_g − x)/(⌈x/p_g⌉·p_g): the unused share of a sequence's last page. */
export function kvFragmentation(tokens: number, pageSize: number): number {
  const padded = pagedTokens(tokens, pageSize);
  return (padded - tokens) / padded;
}

export function kvCacheCells(ctx: BuildContext): CellDef[] {
  const s26 = spec('§2.6');
  const id = ctx.model.id;
  const cells: CellDef[] = [
    derived({
      id: 'workload.kv_bytes_per_token',
      label: 'KV bytes per token',
      doc: 'KV-cache bytes one token adds over all layers.',
      unit: 'B/token',
      layer: 'A',
      formula: 'kv_tok = L·H_kv·(d_h + d_v)·b_kv, or L·(r_kv + d_r)·b_kv (MLA)',
      inputs: {
        mla: flag('workload.uses_mla'), layers: optNumber('workload.layers'), kvHeads: number('workload.kv_heads_effective'),
        headDim: number('workload.head_dim_effective'), vHeadDim: number('workload.v_head_dim_effective'),
        kvLoraRank: optNumber('workload.kv_lora_rank'), ropeDim: optNumber('workload.qk_rope_head_dim'),
        kvWidth: number('scenario.kv_bytes_per_element'),
      },
      compute: ({ mla, layers, kvHeads, headDim, vHeadDim, kvLoraRank, ropeDim, kvWidth }) => {
        const l = required(layers, id, 'layers', 'the KV cache size');
        if (typeof l !== 'number') return l;
        // uses_mla is true exactly when both MLA widths are set.
        if (mla && kvLoraRank !== null && ropeDim !== null) return kvBytesPerTokenMla(l, kvLoraRank, ropeDim, kvWidth);
        return kvBytesPerTokenStandard(l, kvHeads, headDim, vHeadDim, kvWidth);
      },
      source: s26,
    }),
    derived({
      id: 'workload.kv_bytes',
      label: 'KV bytes (resident)',
      doc: 'KV cache held for B sequences at the scenario context; windowed layers hold at most w tokens.',
      unit: 'B',
      layer: 'A',
      formula: 'kv_bytes = B·x·kv_tok; windowed: B·(kv_tok/L)·((L − L_w)·x + L_w·min(x, w))',
      inputs: { batch: number('scenario.batch_size'), context: number('scenario.context_len'), kvPerToken: number('workload.kv_bytes_per_token'), ...windowInputs },
      compute: (a) => {
        const { batch, context, kvPerToken } = a;
        const window = windowOf(a); // the arguments hold windowInputs (no rest copy per call)
        // Without a window this is §2.6's B·x·kv_tok, in its own order of operations.
        return window ? batch * kvBytesPerSequence(context, kvPerToken, window) : batch * context * kvPerToken;
      },
      source: s26,
    }),
  ];
  // Paging needs wall 5's page size, which exists in serving mode (physics.md §1.5, wall 5).
  if (ctx.mode !== 'serving') return cells;
  return [
    ...cells,
    derived({
      id: 'workload.kv_bytes_per_seq_paged',
      label: 'KV bytes per sequence (paged)',
      doc: 'KV storage of one sequence at the scenario context, rounded up to whole pages (a windowed layer pages its w-token buffer).',
      unit: 'B',
      layer: 'A',
      formula: '⌈x/p_g⌉·p_g·kv_tok; windowed layers: ⌈min(x, w)/p_g⌉·p_g',
      inputs: { context: number('scenario.context_len'), pageSize: number('batching.kv_page_size'), kvPerToken: number('workload.kv_bytes_per_token'), ...windowInputs },
      compute: (a) => kvBytesPerSequence(a.context, a.kvPerToken, windowOf(a), (x) => pagedTokens(x, a.pageSize)),
      source: s26,
    }),
    derived({
      id: 'workload.kv_fragmentation',
      label: 'KV fragmentation',
      doc: 'Share of a paged sequence’s KV storage left unused in its last page.',
      unit: '1',
      layer: 'A',
      formula: '(⌈x/p_g⌉·p_g − x)/(⌈x/p_g⌉·p_g)',
      inputs: { context: number('scenario.context_len'), pageSize: number('batching.kv_page_size') },
      compute: ({ context, pageSize }) => kvFragmentation(context, pageSize),
      source: s26,
    }),
  ];
}
