/**
 * The zod schema of one `models[]` entry, in the catalogue's own field spelling
 * (catalog.md "models[]"). Built-in models and custom models share it.
 */
import { z } from 'zod';
import {
  countOrNull, oneOf, positive, positiveOrNull, provenanceShape, strictObject, text, idSchema,
} from './schema-common.js';

/** Model categories: mlsysim's model folders, as the catalogue spells them. */
const MODEL_CATEGORIES = [
  'Language', 'StateSpace', 'Vision', 'GenerativeVision', 'Tiny', 'Recommendation', 'Embodied',
] as const;

/** Workload families of physics.md §2.1. */
const MODEL_FAMILIES = ['dense_lm', 'moe_lm', 'encoder', 'vision', 'generic'] as const;

/** What one FLOP figure counts (physics.md §1.1, §2.1: 1 MAC = 2 FLOP). */
const FLOPS_BASES = ['flop', 'mac'] as const;

const modelShape = {
  id: idSchema,
  display_name: text().optional(),
  category: oneOf(MODEL_CATEGORIES).optional(),
  workload_type: text().nullish(),
  architecture: text().nullish(),
  /** Registry extension: overrides the derived family (rule in convert-model.ts). */
  family: oneOf(MODEL_FAMILIES).optional(),
  params: positiveOrNull(),
  active_params: positiveOrNull(),
  flops_per_inference: positiveOrNull(),
  flops_per_inference_basis: text().nullish(),
  flops_convention: text().nullish(),
  /** Registry extension: the unit of flops_per_inference; the catalogue is all 'flop'. */
  flops_basis: oneOf(FLOPS_BASES).optional(),
  /**
   * Set when no source states flops_per_inference and the figure is derived from the
   * architecture a source does state: the derivation in one line (scenarios warn with it).
   */
  flops_per_inference_estimate: text().nullish(),
  /**
   * Non-LM activations per sample, in elements (physics.md §2.8, docs/physics-notes.md
   * "CNN and encoder activations"): the peak live set of one forward (the largest
   * input + output feature-map pair, with any residual input held across its block) and
   * the sum of the feature maps a training step stores for the backward pass.
   */
  activation_peak_elements: countOrNull(),
  activation_stored_elements: countOrNull(),
  /** What the activation figures count (input size, the tensors summed). */
  activation_basis: text().nullish(),
  layers: countOrNull(),
  hidden_dim: countOrNull(),
  heads: countOrNull(),
  kv_heads: countOrNull(),
  head_dim: countOrNull(),
  vocab_size: countOrNull(),
  max_context_tokens: countOrNull(),
  ffn_dim: countOrNull(),
  attention_type: text().nullish(),
  kv_cache_elems_per_token_per_layer: countOrNull(),
  // MoE
  experts: countOrNull(),
  shared_experts: countOrNull(),
  active_experts_per_token: countOrNull(),
  moe_ffn_dim: countOrNull(),
  dense_layers: countOrNull(),
  // MLA
  kv_lora_rank: countOrNull(),
  q_lora_rank: countOrNull(),
  qk_rope_head_dim: countOrNull(),
  qk_nope_head_dim: countOrNull(),
  v_head_dim: countOrNull(),
  sliding_window_tokens: countOrNull(),
  /** Layers that use the sliding window (all when absent and a window is given). */
  sliding_window_layers: countOrNull(),
  state_size: countOrNull(),
  // Diffusion
  denoising_steps: countOrNull(),
  resolution_px: countOrNull(),
  flops_per_denoising_step: positiveOrNull(),
  flops_per_denoising_step_basis: text().nullish(),
  flops_text_encoder: positiveOrNull(),
  flops_vae_decoder: positiveOrNull(),
  // Robotics
  action_chunk_horizon: countOrNull(),
  action_dim: countOrNull(),
  // Training anchors
  training_tokens: positiveOrNull(),
  training_ops_flop: positiveOrNull(),
  training_dataset_size_gb: positiveOrNull(),
  training_accelerators_ref: countOrNull(),
  training_days_ref: positiveOrNull(),
  training_energy_mwh: positiveOrNull(),
  training_gpu_days: positiveOrNull(),
  training_hardware_label: text().nullish(),
  inference_energy_mj: positiveOrNull(),
  // DLRM
  model_size_gb: positiveOrNull(),
  embedding_entries: positiveOrNull(),
  params_range_min: positiveOrNull(),
  params_range_max: positiveOrNull(),
  extra: z.record(z.string(), positive()).nullish(),
  ...provenanceShape,
};

/**
 * Cross-field rules (physics.md §2.1 domains): P_a ≤ P; 1 ≤ H_kv ≤ H; 1 ≤ k < E with the
 * active count given; MLA ranks both set or both unset; a params range in order.
 */
export const modelSchema = strictObject(modelShape).superRefine((m, ctx) => {
  const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (m.active_params != null && m.params != null && m.active_params > m.params) {
    fail('active_params', `must be ≤ params = ${m.params} (got ${m.active_params})`);
  }
  if (m.kv_heads != null && m.heads != null && m.kv_heads > m.heads) {
    fail('kv_heads', `must be ≤ heads = ${m.heads} (got ${m.kv_heads})`);
  }
  if (m.experts != null) {
    if (m.active_experts_per_token == null) {
      fail('active_experts_per_token', `is required when experts is given (an integer ≥ 1 and < experts = ${m.experts})`);
    } else if (m.active_experts_per_token >= m.experts) {
      fail('active_experts_per_token', `must be < experts = ${m.experts} (got ${m.active_experts_per_token})`);
    }
    if (m.active_params == null) fail('active_params', 'is required when experts is given (a number > 0 and ≤ params)');
  }
  if ((m.kv_lora_rank == null) !== (m.qk_rope_head_dim == null)) {
    fail(m.kv_lora_rank == null ? 'kv_lora_rank' : 'qk_rope_head_dim',
      'is required: MLA needs both kv_lora_rank and qk_rope_head_dim, or neither');
  }
  if (m.sliding_window_layers != null && m.sliding_window_tokens == null) {
    fail('sliding_window_layers', 'needs sliding_window_tokens (the window those layers use)');
  }
  if (m.sliding_window_layers != null && m.layers != null && m.sliding_window_layers > m.layers) {
    fail('sliding_window_layers', `must be ≤ layers = ${m.layers} (got ${m.sliding_window_layers})`);
  }
  if (m.dense_layers != null && m.layers != null && m.dense_layers >= m.layers) {
    fail('dense_layers', `must be < layers = ${m.layers} (got ${m.dense_layers})`);
  }
  if (m.params_range_min != null && m.params_range_max != null && m.params_range_min > m.params_range_max) {
    fail('params_range_min', `must be ≤ params_range_max = ${m.params_range_max} (got ${m.params_range_min})`);
  }
});

export type RawModel = z.infer<typeof modelSchema>;
