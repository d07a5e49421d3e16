/**
 * Import a model from a Hugging Face `config.json` (no network): the parsed JSON or its text →
 * a `Model`, exactly as a built-in or custom model. The architecture fields are read from the
 * config; the parameter count is computed from them (hf-params.ts); the result goes through the
 * catalogue's model schema and converter. Browser-safe.
 *
 * Read: hidden_size, num_hidden_layers, num_attention_heads, num_key_value_heads, head_dim,
 * intermediate_size, vocab_size, max_position_embeddings, tie_word_embeddings, sliding_window
 * (with layer_types, sliding_window_pattern, max_window_layers: which layers use it);
 * MoE num_local_experts | n_routed_experts | num_experts, num_experts_per_tok,
 * moe_intermediate_size, n_shared_experts, shared_expert_intermediate_size,
 * first_k_dense_replace, moe_layer_freq, decoder_sparse_step, mlp_only_layers; MLA
 * kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim. Multimodal configs
 * with a nested `text_config` are read from it.
 */
import { z } from 'zod';
import { convertModel } from './convert-model.js';
import { EntryValidationError, formatIssues } from './errors.js';
import { countHfParams } from './hf-params.js';
import type { HfArchitecture } from './hf-params.js';
import { count, num, text } from './schema-common.js';
import { modelSchema } from './schema-model.js';
import type { Model, Source } from './types.js';

const opt = () => count().nullish();
const hfConfigSchema = z.looseObject({
  model_type: text().optional(),
  architectures: z.array(text()).optional(),
  _name_or_path: text().optional(),
  hidden_size: count(),
  num_hidden_layers: count(),
  num_attention_heads: count(),
  num_key_value_heads: opt(),
  head_dim: opt(),
  intermediate_size: opt(),
  vocab_size: count(),
  max_position_embeddings: opt(),
  tie_word_embeddings: z.boolean().nullish(),
  attention_bias: z.boolean().nullish(),
  mlp_bias: z.boolean().nullish(),
  sliding_window: opt(),
  use_sliding_window: z.boolean().nullish(),
  layer_types: z.array(text()).nullish(),
  sliding_window_pattern: opt(),
  max_window_layers: num({ ge: 0, int: true }).nullish(),
  num_local_experts: opt(),
  n_routed_experts: opt(),
  num_experts: opt(),
  num_experts_per_tok: opt(),
  moe_intermediate_size: opt(),
  n_shared_experts: opt(),
  shared_expert_intermediate_size: opt(),
  first_k_dense_replace: num({ ge: 0, int: true }).nullish(),
  moe_layer_freq: opt(),
  decoder_sparse_step: opt(),
  mlp_only_layers: z.array(num({ ge: 0, int: true })).nullish(),
  topk_method: text().nullish(),
  kv_lora_rank: opt(),
  q_lora_rank: opt(),
  qk_rope_head_dim: opt(),
  qk_nope_head_dim: opt(),
  v_head_dim: opt(),
});
type HfConfig = z.infer<typeof hfConfigSchema>;

export interface HfImportOptions {
  /** Registry id of the model (default: from `_name_or_path`, else `<model_type>_import`). */
  readonly id?: string;
  readonly display_name?: string;
  readonly source?: Source;
}

const u = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** The architecture a parameter count needs, with the config's defaults applied. */
function hfArchitecture(c: HfConfig): HfArchitecture {
  const H = c.num_attention_heads;
  const experts = u(c.num_local_experts) ?? u(c.n_routed_experts) ?? u(c.num_experts);
  const mla = c.kv_lora_rank != null && c.qk_rope_head_dim != null;
  return {
    model_type: c.model_type,
    hidden_size: c.hidden_size,
    num_hidden_layers: c.num_hidden_layers,
    num_attention_heads: H,
    // transformers defaults: num_key_value_heads = num_attention_heads; head_dim = hidden/heads.
    num_key_value_heads: u(c.num_key_value_heads) ?? H,
    head_dim: mla ? (c.qk_nope_head_dim ?? 0) + c.qk_rope_head_dim! : (u(c.head_dim) ?? c.hidden_size / H),
    intermediate_size: u(c.intermediate_size),
    vocab_size: c.vocab_size,
    // Llama, Mistral, Mixtral, Qwen2 and DeepSeek configs default to untied embeddings.
    tie_word_embeddings: c.tie_word_embeddings ?? false,
    attention_bias: c.attention_bias ?? false,
    mlp_bias: c.mlp_bias ?? false,
    experts: experts !== undefined && experts > 1 ? experts : undefined,
    experts_per_token: u(c.num_experts_per_tok),
    moe_intermediate_size: u(c.moe_intermediate_size),
    shared_experts: u(c.n_shared_experts),
    shared_expert_intermediate_size: u(c.shared_expert_intermediate_size),
    first_k_dense_replace: u(c.first_k_dense_replace),
    moe_layer_freq: u(c.moe_layer_freq),
    decoder_sparse_step: u(c.decoder_sparse_step),
    mlp_only_layers: u(c.mlp_only_layers),
    topk_method: u(c.topk_method),
    kv_lora_rank: u(c.kv_lora_rank),
    q_lora_rank: u(c.q_lora_rank),
    qk_rope_head_dim: u(c.qk_rope_head_dim),
    qk_nope_head_dim: u(c.qk_nope_head_dim),
    v_head_dim: u(c.v_head_dim),
  };
}

/**
 * How many layers use the sliding window, as transformers lays them out: `layer_types` when
 * the config lists them; Gemma-3's `sliding_window_pattern` (every pattern-th layer global);
 * Gemma-2's default (even layer indices local, configuration_gemma2.py); Qwen2's layers from
 * `max_window_layers` on; otherwise every layer (Mistral). Undefined without a window.
 */
function slidingWindowLayers(c: HfConfig, window: number | undefined): number | undefined {
  if (window === undefined) return undefined;
  const L = c.num_hidden_layers;
  const counted = c.layer_types ? c.layer_types.filter((t) => t === 'sliding_attention').length
    : c.sliding_window_pattern != null ? L - Math.floor(L / c.sliding_window_pattern)
      : c.model_type === 'gemma2' ? Math.ceil(L / 2)
        : c.use_sliding_window === true && c.max_window_layers != null ? Math.max(0, L - c.max_window_layers)
          : L;
  return counted > 0 ? counted : undefined;
}

function defaultId(c: HfConfig): string {
  const name = c._name_or_path?.split('/').pop();
  const base = name && name.length ? name : `${c.model_type ?? 'hf'}_import`;
  return base.replace(/[^A-Za-z0-9_.-]+/g, '_');
}

/**
 * config.json text → a value (Hugging Face writes it with json.dump, so JSON.parse; no YAML
 * parser needed here); anything that is not a string passes through.
 */
function parseConfigText(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new EntryValidationError('config.json', [`config.json is not valid JSON: ${why}`]);
  }
}

function validateConfig(input: unknown): HfConfig {
  let doc = parseConfigText(input);
  // Multimodal wrappers keep the language model under text_config.
  if (doc && typeof doc === 'object' && !('hidden_size' in doc) && 'text_config' in doc) {
    doc = (doc as { text_config: unknown }).text_config;
  }
  const parsed = hfConfigSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) {
    const problems = formatIssues('config.json', parsed.error.issues);
    throw new EntryValidationError('config.json', [...problems, configFix(doc)]);
  }
  return parsed.data;
}

/** GPT-2-era spellings of the fields read here (transformers' GPT2Config attribute_map). */
const GPT2_SPELLINGS: Readonly<Record<string, string>> = {
  n_embd: 'hidden_size', n_layer: 'num_hidden_layers', n_head: 'num_attention_heads', n_positions: 'max_position_embeddings',
};

/** The fix for a config that lacks a field: where the fields come from, or how to rename old spellings. */
function configFix(doc: unknown): string {
  const keys = doc && typeof doc === 'object' ? Object.keys(doc) : [];
  const old = keys.filter((k) => k in GPT2_SPELLINGS);
  const what = (doc as { architectures?: unknown[]; model_type?: unknown } | null);
  const arch = Array.isArray(what?.architectures) && what.architectures.length ? ` (${String(what.architectures[0])})`
    : typeof what?.model_type === 'string' ? ` (model_type ${what.model_type})` : '';
  if (old.length) {
    return `fix: this config${arch} uses the older names ${old.join(', ')}; rename them ${old.map((k) => `${k} → ${GPT2_SPELLINGS[k]}`).join(', ')}`;
  }
  return `fix: a decoder LM's config.json${arch} needs hidden_size, num_hidden_layers, num_attention_heads and vocab_size; ` +
    "copy the missing ones from the model's config.json on the Hugging Face Hub, or describe the model in the catalogue's spelling (a model file)";
}

/** A Model from config.json content (text or parsed JSON). */
export function modelFromHfConfig(input: unknown, options: HfImportOptions = {}): Model {
  const c = validateConfig(input);
  const a = hfArchitecture(c);
  const { total, active, moe_layers } = countHfParams(a);
  const isMoe = a.experts !== undefined;
  const mla = a.kv_lora_rank !== undefined && a.qk_rope_head_dim !== undefined;
  const kvHeads = a.num_key_value_heads;
  const attention = mla ? 'MLA' : kvHeads === 1 ? 'MQA' : kvHeads < a.num_attention_heads ? 'GQA' : 'MHA';
  const configWindow = c.use_sliding_window === false ? undefined : u(c.sliding_window);
  const windowLayers = slidingWindowLayers(c, configWindow);
  const window = windowLayers === undefined ? undefined : configWindow;
  const arch = c.architectures?.[0] ?? c.model_type ?? 'transformer';
  // Built in the catalogue's spelling so it passes the same schema and converter as every model.
  const rawModel = {
    id: options.id ?? defaultId(c),
    display_name: options.display_name ?? (c._name_or_path || options.id || defaultId(c)),
    category: 'Language',
    workload_type: isMoe ? 'SparseTransformerWorkload' : 'TransformerWorkload',
    architecture: `${isMoe ? 'MoE' : 'Decoder-only'} Transformer (${attention}) from config.json (${arch})`,
    family: isMoe ? 'moe_lm' : 'dense_lm',
    params: total,
    active_params: isMoe ? active : null,
    // Catalogue convention: LLM FLOPs per token = 2 × active params (catalog.json conventions.llm_flops).
    flops_per_inference: 2 * active,
    flops_per_inference_basis: 'per token',
    layers: a.num_hidden_layers,
    hidden_dim: a.hidden_size,
    heads: a.num_attention_heads,
    kv_heads: kvHeads,
    head_dim: a.head_dim,
    vocab_size: a.vocab_size,
    max_context_tokens: u(c.max_position_embeddings),
    ffn_dim: a.intermediate_size,
    attention_type: attention,
    // catalog.json conventions.kv_cache: r_kv + d_rope for MLA, else 2·H_kv·d_h.
    kv_cache_elems_per_token_per_layer: mla ? a.kv_lora_rank! + a.qk_rope_head_dim! : 2 * kvHeads * a.head_dim,
    experts: a.experts,
    active_experts_per_token: isMoe ? a.experts_per_token : undefined,
    shared_experts: a.shared_experts,
    moe_ffn_dim: isMoe ? (a.moe_intermediate_size ?? a.intermediate_size) : undefined,
    dense_layers: isMoe && moe_layers < a.num_hidden_layers ? a.num_hidden_layers - moe_layers : undefined,
    kv_lora_rank: a.kv_lora_rank,
    q_lora_rank: a.q_lora_rank,
    qk_rope_head_dim: a.qk_rope_head_dim,
    qk_nope_head_dim: a.qk_nope_head_dim,
    v_head_dim: mla ? a.v_head_dim : undefined,
    sliding_window_tokens: window,
    sliding_window_layers: windowLayers,
    source: options.source ?? {
      kind: 'model-card',
      ref: `Hugging Face config.json${c._name_or_path ? ` (${c._name_or_path})` : ''}; parameter count computed from the architecture`,
    },
    notes: [`Imported from config.json; params = ${total} computed from the architecture (hf-params.ts).`],
  };
  const parsed = modelSchema.safeParse(rawModel, { reportInput: true });
  if (!parsed.success) throw new EntryValidationError('model', formatIssues('config.json', parsed.error.issues));
  return convertModel(parsed.data);
}
