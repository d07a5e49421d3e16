/**
 * The workload family of a model (physics.md §2.1): which layer-A cells apply to it.
 *
 * Rule, first match wins (the catalogue has no family field; this reads its `workload_type`,
 * `architecture`, `category` and architecture fields):
 *   1. an explicit `family` (custom entries) is kept;
 *   2. `experts` and `active_experts_per_token` set → moe_lm (Mixtral_8x7B, DeepSeek_V3, GPT4);
 *   3. architecture says "encoder-only" → encoder (BERT_Base, BERT_Large);
 *   4. layers, hidden_dim and heads all set → dense_lm: autoregressive decoders, including
 *      OpenVLA_7B whose generated action tokens come from a Llama-2 decoder;
 *   5. category Vision / GenerativeVision, or a CNN architecture → vision (ResNet, YOLO,
 *      Stable Diffusion, DS_CNN, WakeVision, DiffusionPolicy_PushT);
 *   6. otherwise generic (Mamba SSMs, the MLP autoencoder, DLRM, Octo, ACT).
 * Only dense_lm and moe_lm get the autoregressive LM physics; the rest use `flops_per_sample`.
 */
export type ModelFamily = 'dense_lm' | 'moe_lm' | 'encoder' | 'vision' | 'generic';

/** The fields the rule reads (a subset of a raw catalogue model). */
interface FamilyInputs {
  family?: ModelFamily;
  category?: string;
  architecture?: string | null;
  layers?: number | null;
  hidden_dim?: number | null;
  heads?: number | null;
  experts?: number | null;
  active_experts_per_token?: number | null;
}

export function deriveFamily(m: FamilyInputs): ModelFamily {
  if (m.family) return m.family;
  if (m.experts != null && m.active_experts_per_token != null) return 'moe_lm';
  const arch = (m.architecture ?? '').toLowerCase();
  if (arch.includes('encoder-only')) return 'encoder';
  if (m.layers != null && m.hidden_dim != null && m.heads != null) return 'dense_lm';
  if (m.category === 'Vision' || m.category === 'GenerativeVision' || /\bcnn\b/.test(arch)) return 'vision';
  return 'generic';
}

/** True for the autoregressive families (physics §2.1: "dense_lm and moe_lm are … LM"). */
export function isLanguageModelFamily(family: ModelFamily): boolean {
  return family === 'dense_lm' || family === 'moe_lm';
}
