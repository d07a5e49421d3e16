/**
 * KV cache (physics.md §2.6): bytes per token for MHA/GQA/MQA (through H_kv) and for MLA
 * (one compressed latent plus the shared RoPE key per layer), resident bytes, and paging.
 */
import { type CellDef, derived } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { bool, num, numOrNull, required } from '../common/plain.js';
import type { BuildContext } from '../context.js';

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
      inputs: [
        'workload.uses_mla', 'workload.layers', 'workload.kv_heads_effective', 'workload.head_dim_effective',
        'workload.v_head_dim_effective', 'workload.kv_lora_rank', 'workload.qk_rope_head_dim', 'scenario.kv_bytes_per_element',
      ],
      compute: (mla, l, hkv, dh, dv, r, dr, bkv) => {
        const layers = required(l, id, 'layers', 'the KV cache size');
        if (typeof layers !== 'number') return layers;
        if (bool(mla)) return kvBytesPerTokenMla(layers, numOrNull(r)!, numOrNull(dr)!, num(bkv));
        return kvBytesPerTokenStandard(layers, num(hkv), num(dh), num(dv), num(bkv));
      },
      source: s26,
    }),
    derived({
      id: 'workload.kv_bytes',
      label: 'KV bytes (resident)',
      doc: 'KV cache held for B sequences at the scenario context.',
      unit: 'B',
      layer: 'A',
      formula: 'kv_bytes = B·x·kv_tok',
      inputs: ['scenario.batch_size', 'scenario.context_len', 'workload.kv_bytes_per_token'],
      compute: (b, x, kv) => num(b) * num(x) * num(kv),
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
      doc: 'KV storage of one sequence at the scenario context, rounded up to whole pages.',
      unit: 'B',
      layer: 'A',
      formula: '⌈x/p_g⌉·p_g·kv_tok',
      inputs: ['scenario.context_len', 'batching.kv_page_size', 'workload.kv_bytes_per_token'],
      compute: (x, p, kv) => pagedTokens(num(x), num(p)) * num(kv),
      source: s26,
    }),
    derived({
      id: 'workload.kv_fragmentation',
      label: 'KV fragmentation',
      doc: 'Share of a paged sequence’s KV storage left unused in its last page.',
      unit: '1',
      layer: 'A',
      formula: '(⌈x/p_g⌉·p_g − x)/(⌈x/p_g⌉·p_g)',
      inputs: ['scenario.context_len', 'batching.kv_page_size'],
      compute: (x, p) => kvFragmentation(num(x), num(p)),
      source: s26,
    }),
  ];
}
