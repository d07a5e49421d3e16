/**
 * Raw catalogue model → `Model` (SI; physics §2.1 names).
 */
import { compact, toProvenance } from './convert-common.js';
import { deriveFamily, isLanguageModelFamily } from './model-family.js';
import type { RawModel } from './schema-model.js';
import type { Model } from './types.js';
import { BYTES_PER_GB, JOULES_PER_KWH, opt, scaled } from './units.js';

/** 1 day = 86 400 s (physics §1.1). */
const SECONDS_PER_DAY = 86_400;
/** 1 MWh = 1000 kWh = 3.6e9 J (physics §1.1). */
const JOULES_PER_MWH = 1000 * JOULES_PER_KWH;
/**
 * `inference_energy_mj` is read as millijoules: the one value (MobileNetV2, 0.1) is a mobile
 * per-image anchor — 0.6 GFLOP at ~1 TOPS/W is ~0.6 mJ — and 0.1 MJ per image is absurd.
 */
const JOULES_PER_MILLIJOULE = 1e-3;

export function convertModel(raw: RawModel): Model {
  const family = deriveFamily({ ...raw, category: raw.category });
  const isMoe = raw.experts != null;
  const flopsBasis = raw.flops_basis ?? 'flop';
  return compact<Model>({
    kind: 'model',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    category: raw.category ?? (isLanguageModelFamily(family) ? 'Language' : 'Vision'),
    family,
    workload_type: opt(raw.workload_type),
    architecture: opt(raw.architecture),
    attention_type: opt(raw.attention_type),
    params: opt(raw.params),
    active_params: opt(raw.active_params),
    layers: opt(raw.layers),
    hidden_dim: opt(raw.hidden_dim),
    heads: opt(raw.heads),
    kv_heads: opt(raw.kv_heads),
    head_dim: opt(raw.head_dim),
    v_head_dim: opt(raw.v_head_dim),
    kv_lora_rank: opt(raw.kv_lora_rank),
    q_lora_rank: opt(raw.q_lora_rank),
    qk_rope_head_dim: opt(raw.qk_rope_head_dim),
    qk_nope_head_dim: opt(raw.qk_nope_head_dim),
    experts: opt(raw.experts),
    shared_experts: opt(raw.shared_experts),
    experts_per_token: opt(raw.active_experts_per_token),
    // MoE layers = all layers but the leading dense ones (DeepSeek-V3: 61 − 3 = 58).
    moe_layers: isMoe && raw.layers != null ? raw.layers - (raw.dense_layers ?? 0) : undefined,
    moe_ffn_dim: opt(raw.moe_ffn_dim),
    ffn_dim: opt(raw.ffn_dim),
    vocab_size: opt(raw.vocab_size),
    max_context_tokens: opt(raw.max_context_tokens),
    sliding_window_tokens: opt(raw.sliding_window_tokens),
    sliding_window_layers: opt(raw.sliding_window_layers),
    state_size: opt(raw.state_size),
    kv_cache_elems_per_token_per_layer: opt(raw.kv_cache_elems_per_token_per_layer),
    flops_per_inference: opt(raw.flops_per_inference),
    flops_per_inference_basis: opt(raw.flops_per_inference_basis),
    // Non-LMs are costed per sample (physics §2.1); the catalogue figure is that sample's FLOPs.
    flops_per_sample: isLanguageModelFamily(family) ? undefined : opt(raw.flops_per_inference),
    flops_basis: flopsBasis,
    flops_estimate: opt(raw.flops_per_inference_estimate),
    activation_peak_elements: opt(raw.activation_peak_elements),
    activation_stored_elements: opt(raw.activation_stored_elements),
    activation_basis: opt(raw.activation_basis),
    denoising_steps: opt(raw.denoising_steps),
    resolution_px: opt(raw.resolution_px),
    flops_per_denoising_step: opt(raw.flops_per_denoising_step),
    flops_text_encoder: opt(raw.flops_text_encoder),
    flops_vae_decoder: opt(raw.flops_vae_decoder),
    action_chunk_horizon: opt(raw.action_chunk_horizon),
    action_dim: opt(raw.action_dim),
    training_tokens: opt(raw.training_tokens),
    training_flops: opt(raw.training_ops_flop),
    training_dataset_size: scaled(raw.training_dataset_size_gb, BYTES_PER_GB),
    training_accelerators_ref: opt(raw.training_accelerators_ref),
    training_time_ref: scaled(raw.training_days_ref, SECONDS_PER_DAY),
    training_energy: scaled(raw.training_energy_mwh, JOULES_PER_MWH),
    training_gpu_time: scaled(raw.training_gpu_days, SECONDS_PER_DAY),
    training_hardware_label: opt(raw.training_hardware_label),
    inference_energy: scaled(raw.inference_energy_mj, JOULES_PER_MILLIJOULE),
    model_size: scaled(raw.model_size_gb, BYTES_PER_GB),
    embedding_entries: opt(raw.embedding_entries),
    params_range_min: opt(raw.params_range_min),
    params_range_max: opt(raw.params_range_max),
    legacy_aliases: raw.legacy_aliases ?? [],
    ...toProvenance(raw),
  });
}
