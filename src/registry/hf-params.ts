/**
 * Parameter count of a decoder-only transformer from its Hugging Face `config.json` fields.
 *
 * Per layer (Llama-family layout, transformers `modeling_llama.py` and relatives):
 *   attention  q: d·H·d_h, k and v: d·H_kv·d_h each, o: H·d_h·d, plus biases where the family
 *              has them (Qwen2: q/k/v biases — `modeling_qwen2.py` Linear(bias=True) for
 *              q_proj/k_proj/v_proj; Llama `attention_bias`: q/k/v/o biases);
 *   MLA        (DeepSeek-V2/V3, `modeling_deepseek.py`): q_a d·r_q + norm r_q + q_b r_q·H·(d_nope+d_rope)
 *              (or d·H·(d_nope+d_rope) without q_lora_rank), kv_a d·(r_kv+d_rope) + norm r_kv,
 *              kv_b r_kv·H·(d_nope+d_v), o H·d_v·d;
 *   gated MLP  gate, up, down: 3·d·d_ff (SwiGLU; Shazeer 2020);
 *   MoE MLP    router d·E (+E score-correction bias for DeepSeek-V3 `noaux_tc`), E experts of
 *              3·d·d_moe, shared experts of 3·d·d_moe each (Qwen2-MoE: one shared expert of
 *              `shared_expert_intermediate_size` plus a d→1 gate);
 *   norms      two RMSNorm weight vectors, 2·d.
 * Plus token embeddings V·d, a final norm d, and the LM head V·d unless tie_word_embeddings.
 * Active parameters (MoE): total − (E − k)·(one expert)·(MoE layers) — the router, shared
 * experts, attention and embeddings always run.
 * Not counted: multi-token-prediction heads (DeepSeek-V3's extra 14 B are excluded from its
 * published 671 B too), vision towers, LayerNorm biases of non-Llama families.
 */

/** The config fields the count reads (already validated numbers). */
export interface HfArchitecture {
  readonly model_type?: string;
  readonly hidden_size: number;
  readonly num_hidden_layers: number;
  readonly num_attention_heads: number;
  readonly num_key_value_heads: number;
  readonly head_dim: number;
  readonly intermediate_size?: number;
  readonly vocab_size: number;
  readonly tie_word_embeddings: boolean;
  readonly attention_bias: boolean;
  readonly mlp_bias: boolean;
  // MoE
  readonly experts?: number;
  readonly experts_per_token?: number;
  readonly moe_intermediate_size?: number;
  readonly shared_experts?: number;
  readonly shared_expert_intermediate_size?: number;
  readonly first_k_dense_replace?: number;
  readonly moe_layer_freq?: number;
  readonly decoder_sparse_step?: number;
  readonly mlp_only_layers?: readonly number[];
  readonly topk_method?: string;
  // MLA
  readonly kv_lora_rank?: number;
  readonly q_lora_rank?: number;
  readonly qk_rope_head_dim?: number;
  readonly qk_nope_head_dim?: number;
  readonly v_head_dim?: number;
}

export interface ParamCount {
  readonly total: number;
  /** Equal to total for dense models. */
  readonly active: number;
  /** Layers whose MLP is a mixture of experts. */
  readonly moe_layers: number;
}

/** Families whose q/k/v projections carry biases although `attention_bias` is absent. */
const QKV_BIAS_FAMILIES = new Set(['qwen2', 'qwen2_moe', 'qwen2_vl', 'qwen2_5_vl']);

function attentionParams(a: HfArchitecture): number {
  const d = a.hidden_size;
  const H = a.num_attention_heads;
  if (a.kv_lora_rank !== undefined && a.qk_rope_head_dim !== undefined) {
    const nope = a.qk_nope_head_dim ?? a.head_dim - a.qk_rope_head_dim;
    const dv = a.v_head_dim ?? a.head_dim;
    const qk = nope + a.qk_rope_head_dim;
    const q = a.q_lora_rank !== undefined ? d * a.q_lora_rank + a.q_lora_rank + a.q_lora_rank * H * qk : d * H * qk;
    const kvA = d * (a.kv_lora_rank + a.qk_rope_head_dim) + a.kv_lora_rank;
    const kvB = a.kv_lora_rank * H * (nope + dv);
    return q + kvA + kvB + H * dv * d;
  }
  const dh = a.head_dim;
  const Hkv = a.num_key_value_heads;
  const qkvBias = a.attention_bias || QKV_BIAS_FAMILIES.has(a.model_type ?? '');
  const weights = d * H * dh + 2 * d * Hkv * dh + H * dh * d;
  const biases = (qkvBias ? H * dh + 2 * Hkv * dh : 0) + (a.attention_bias ? d : 0);
  return weights + biases;
}

/** Gated MLP of width f: gate, up, down (+ their biases with mlp_bias). */
function mlpParams(d: number, f: number, bias: boolean): number {
  return 3 * d * f + (bias ? 2 * f + d : 0);
}

/** Whether layer i has an MoE MLP (DeepSeek first_k_dense_replace/moe_layer_freq; Qwen2-MoE sparse step). */
function isMoeLayer(a: HfArchitecture, i: number): boolean {
  if (a.experts === undefined) return false;
  if (a.first_k_dense_replace !== undefined && i < a.first_k_dense_replace) return false;
  if (a.moe_layer_freq !== undefined && i % a.moe_layer_freq !== 0) return false;
  if (a.mlp_only_layers?.includes(i)) return false;
  if (a.decoder_sparse_step !== undefined && (i + 1) % a.decoder_sparse_step !== 0) return false;
  return true;
}

export function countHfParams(a: HfArchitecture): ParamCount {
  const d = a.hidden_size;
  const attention = attentionParams(a);
  const norms = 2 * d;
  const dense = a.intermediate_size !== undefined ? mlpParams(d, a.intermediate_size, a.mlp_bias) : 0;
  const E = a.experts ?? 0;
  const expertWidth = a.moe_intermediate_size ?? a.intermediate_size ?? 0;
  const oneExpert = mlpParams(d, expertWidth, false);
  const router = d * E + (a.topk_method === 'noaux_tc' ? E : 0);
  const shared =
    a.shared_expert_intermediate_size !== undefined
      ? mlpParams(d, a.shared_expert_intermediate_size, false) + d
      : (a.shared_experts ?? 0) * oneExpert;
  let total = 0;
  let moeLayers = 0;
  for (let i = 0; i < a.num_hidden_layers; i++) {
    const moe = isMoeLayer(a, i);
    if (moe) moeLayers++;
    total += attention + norms + (moe ? router + E * oneExpert + shared : dense);
  }
  const embeddings = a.vocab_size * d;
  total += embeddings + d + (a.tie_word_embeddings ? 0 : embeddings);
  const k = a.experts_per_token ?? E;
  const active = total - (E - k) * oneExpert * moeLayers;
  return { total, active, moe_layers: moeLayers };
}
