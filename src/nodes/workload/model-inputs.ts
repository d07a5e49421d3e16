/**
 * The model's catalogue facts as input cells (physics.md §2.1). Absent facts are unset
 * optional inputs; the first formula that needs one reports `missing_data`.
 */
import { type CellDef, type Domain, input } from '../../graph/index.js';
import { catalogueInput, spec } from '../common/catalogue-input.js';
import { type BuildContext, isLM, type ModelFamily } from '../context.js';

// Catalogue facts may be unset ("unknown"); the first formula that needs one reports missing_data.
const count: Domain = { kind: 'number', min: 1, integer: true, optional: true };
const positive: Domain = { kind: 'number', min: 0, minExclusive: true, optional: true };
const nonNegative: Domain = { kind: 'number', min: 0, optional: true };

export const MODEL_FAMILIES: readonly ModelFamily[] = ['dense_lm', 'moe_lm', 'encoder', 'vision', 'generic'];

export function modelInputCells(ctx: BuildContext): CellDef[] {
  const m = ctx.model;
  const fact = (id: string, label: string, doc: string, unit: string, value: number | string | undefined, domain: Domain) =>
    catalogueInput({ id: `workload.${id}`, label, doc, unit, layer: 'A', value, catalogueSource: m.source, domain });
  return [
    input({
      id: 'workload.family',
      label: 'Model family',
      doc: 'dense_lm and moe_lm are autoregressive (LM physics); the others are costed per sample. Fixed when the graph is built.',
      unit: 'enum',
      layer: 'A',
      // Like scenario.mode, the family decides which cells exist, so a graph holds one family.
      default: m.family,
      domain: { kind: 'choice', choices: [m.family] },
      provenance: 'catalogue',
      source: m.source ?? spec('§2.1'),
    }),
    fact('params', 'Parameters P', 'Total parameter count (MoE: all experts).', 'params', m.params, { kind: 'number', min: 0, minExclusive: true }),
    fact('active_params', 'Active parameters P_a', 'Parameters used per token (MoE); unset means P for dense models.', 'params', m.active_params, positive),
    fact('layers', 'Layers L', 'Transformer blocks (layers for CNNs).', 'layers', m.layers, count),
    fact('hidden_dim', 'Hidden size d', 'Model (residual stream) width.', 'elements', m.hidden_dim, count),
    fact('heads', 'Query heads H', 'Attention query heads.', 'count', m.heads, count),
    fact('kv_heads', 'KV heads H_kv', 'Key/value heads (GQA/MQA); unset means H with a warning.', 'count', m.kv_heads, count),
    fact('head_dim', 'Head size d_h', 'Query/key width per head; unset means d/H.', 'elements', m.head_dim, count),
    fact('v_head_dim', 'Value head size d_v', 'Value width per head; unset means d_h.', 'elements', m.v_head_dim, count),
    fact('kv_lora_rank', 'KV latent rank r_kv', 'MLA compressed KV width per token per layer.', 'elements', m.kv_lora_rank, count),
    fact('qk_rope_head_dim', 'RoPE key width d_r', 'MLA decoupled RoPE key width per token per layer.', 'elements', m.qk_rope_head_dim, count),
    fact('experts', 'Experts E', 'Routed experts per MoE layer.', 'experts', m.experts, count),
    fact('experts_per_token', 'Experts per token k', 'Routed experts each token activates.', 'experts', m.experts_per_token, count),
    fact('moe_layers', 'MoE layers L_moe', 'Layers with experts; unset means L.', 'layers', m.moe_layers, count),
    fact('sliding_window', 'Sliding window w', 'Tokens a windowed (local) attention layer keeps and attends; unset means full attention everywhere.', 'tokens', m.sliding_window_tokens, count),
    fact('sliding_window_layers', 'Windowed layers L_w', 'Layers that use the sliding window (Mistral-7B: all; Gemma-2: every other one); unset with a window means all.', 'layers', m.sliding_window_layers, count),
    fact('ffn_dim', 'FFN size', 'MLP intermediate width.', 'elements', m.ffn_dim, count),
    fact('vocab_size', 'Vocabulary size', 'Tokenizer vocabulary.', 'tokens', m.vocab_size, count),
    fact('max_context_tokens', 'Maximum context', 'Longest context the model supports.', 'tokens', m.max_context_tokens, count),
    fact('flops_per_sample', 'FLOPs per sample', 'Forward work per sample of a non-LM model, in the unit flops_basis names.', 'FLOP/sample', m.flops_per_sample, positive),
    catalogueInput({
      id: 'workload.flops_basis',
      label: 'FLOPs basis',
      doc: 'Whether flops_per_sample counts FLOPs or MACs (1 MAC = 2 FLOP).',
      unit: 'enum',
      layer: 'A',
      value: m.flops_basis,
      catalogueSource: m.source,
      fallback: { value: 'flop', source: spec('§2.1') },
      domain: { kind: 'choice', choices: ['flop', 'mac'] },
    }),
    fact('activation_traffic_per_sample', 'Activation traffic per sample', 'Activation bytes a non-LM forward moves per sample beyond the weights.', 'B/sample', m.activation_traffic_per_sample, nonNegative),
    fact('activation_peak_per_sample', 'Activation peak per sample', 'Largest live activation footprint of a non-LM forward per sample.', 'B/sample', m.activation_peak_per_sample, nonNegative),
    ...(isLM(m.family) ? [] : [
      fact('activation_peak_elements', 'Activation peak elements per sample', 'Largest live set of one forward at batch 1, in elements: an operator\'s input and output feature maps plus any residual input held across its block (§2.8).', 'elements/sample', m.activation_peak_elements, nonNegative),
      fact('activation_stored_elements', 'Stored activation elements per sample', 'Feature-map elements one training sample keeps for the backward pass: the input and every layer output of the main chain.', 'elements/sample', m.activation_stored_elements, nonNegative),
    ]),
    fact('training_tokens', 'Training tokens', 'Tokens the model was (or is to be) trained on.', 'tokens', m.training_tokens, positive),
  ];
}
