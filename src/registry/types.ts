/**
 * The registry's typed entries, in SI base units (physics.md §1.1): B, B/s, FLOP, FLOP/s, W,
 * J, s, USD, g CO2e. Where a field keeps a non-SI unit its name says so
 * (`carbon_intensity_g_per_kwh`). Absent values are `undefined`, never 0.
 *
 * Field names follow physics.md §1.6 where physics consumes the field, so a device reads the
 * same in the registry and in the cells (`memory_bandwidth`, `scaleup_bandwidth`, `tdp`).
 */
import type { PrecisionKey } from './schema-hardware.js';
import type { ModelFamily } from './model-family.js';

export type { PrecisionKey } from './schema-hardware.js';
export type { ModelFamily } from './model-family.js';

export type SourceKind = 'datasheet' | 'paper' | 'model-card' | 'agency' | 'estimate' | 'user';

/** Where a value comes from; shown by the UI and `explain`. */
export interface Source {
  readonly kind: SourceKind;
  readonly ref: string;
  readonly url?: string;
  /** Pages read when the entry was checked (catalog.md "Fields every entry has"). */
  readonly checked_against?: readonly string[];
  readonly basis?: string;
}

/** Provenance common to every entry. */
export interface Provenance {
  readonly source: Source;
  /** '2026-11' when checked in the catalogue's curation pass; undefined when carried unchecked. */
  readonly verified?: string;
  readonly notes: readonly string[];
}

export type EntryKind =
  | 'hardware' | 'model' | 'grid' | 'cooling' | 'datacenter' | 'rack_profile' | 'node' | 'rack'
  | 'fabric' | 'cluster' | 'pod' | 'scenario' | 'dataset';

export type HardwareCategory = 'Cloud' | 'Workstation' | 'Mobile' | 'Edge' | 'Tiny';
export type ModelCategory =
  | 'Language' | 'StateSpace' | 'Vision' | 'GenerativeVision' | 'Tiny' | 'Recommendation' | 'Embodied';

/** Keys of a device's peak table: the precision keys plus the non-tensor fp32 rate (physics §1.3). */
export type PeakKey = PrecisionKey | 'fp32_cuda';

/** One accelerator (layer B). */
export interface Device extends Provenance {
  readonly kind: 'hardware';
  readonly id: string;
  readonly display_name: string;
  readonly vendor?: string;
  readonly category: HardwareCategory;
  readonly form_factor?: string;
  readonly release_year?: number;
  /** The precision used when none is requested; always a key of `peak_flops_table`. */
  readonly default_precision: PrecisionKey;
  /** Dense peak, FLOP/s (integer ops count as FLOP); only listed keys. Rule in convert-hardware.ts. */
  readonly peak_flops_table: Readonly<Partial<Record<PeakKey, number>>>;
  /** Vendor 2:4-sparsity figures, FLOP/s; never used as a dense peak (physics §1.3). */
  readonly peak_flops_sparse_table: Readonly<Partial<Record<PrecisionKey, number>>>;
  readonly peak_flops_basis?: string;
  /** Main memory tier: HBM/DRAM, or the flash that holds the weights on a microcontroller (physics §1.6). B. */
  readonly memory_capacity: number;
  /** B/s. */
  readonly memory_bandwidth: number;
  readonly memory_type?: string;
  /** On-chip SRAM (tiny parts), B and B/s. */
  readonly sram_capacity?: number;
  readonly sram_bandwidth?: number;
  /** Flash (tiny parts), B and B/s. */
  readonly flash_capacity?: number;
  readonly flash_bandwidth?: number;
  /** Battery energy, J. */
  readonly battery_capacity?: number;
  /** Clock rate, Hz. */
  readonly clock_rate?: number;
  readonly host_link_name?: string;
  /** Host link (PCIe …), B/s per direction. */
  readonly host_link_bandwidth?: number;
  readonly scaleup_link_name?: string;
  /** Scale-up link (NVLink, ICI …), B/s, quoted as `scaleup_direction` says (catalogue: per direction). */
  readonly scaleup_bandwidth?: number;
  readonly scaleup_direction?: 'per_direction' | 'bidirectional_total';
  /** The vendor's headline total, B/s (usually the bidirectional sum); display only. */
  readonly scaleup_bandwidth_vendor_total?: number;
  /** Scale-up α, s; absent in the catalogue (physics §1.5 default 0.5 µs applies). */
  readonly scaleup_latency?: number;
  /** Local storage, B/s and B (catalogue `extra.storage`). */
  readonly storage_bandwidth?: number;
  readonly storage_capacity?: number;
  /** Thermal design power, W; absent for three parts (catalog defaults.tdp_fallback_note). */
  readonly tdp?: number;
  readonly tdp_min?: number;
  readonly tdp_max?: number;
  /** USD per device. */
  readonly unit_cost?: number;
  readonly unit_cost_source?: Source;
  /** Embodied carbon, g CO2e per device. */
  readonly embodied_carbon?: number;
  readonly embodied_carbon_source?: string;
  /** Accelerators inside this entry (only for rack aggregates such as GB200_NVL72). */
  readonly accelerator_count?: number;
  /** Fixed per-step overhead, s. */
  readonly dispatch_tax?: number;
  readonly execution_model: 'standard' | 'weight_streaming';
  readonly legacy_aliases: readonly string[];
}

/** One model (layer A). Architecture fields follow physics.md §2.1. */
export interface Model extends Provenance {
  readonly kind: 'model';
  readonly id: string;
  readonly display_name: string;
  readonly category: ModelCategory;
  readonly family: ModelFamily;
  readonly workload_type?: string;
  readonly architecture?: string;
  readonly attention_type?: string;
  /** Total parameters (count); absent only for DLRM (a range is given instead). */
  readonly params?: number;
  /** Parameters active per token (MoE); absent for dense models (physics default = params). */
  readonly active_params?: number;
  readonly layers?: number;
  readonly hidden_dim?: number;
  readonly heads?: number;
  readonly kv_heads?: number;
  readonly head_dim?: number;
  readonly v_head_dim?: number;
  readonly kv_lora_rank?: number;
  readonly q_lora_rank?: number;
  readonly qk_rope_head_dim?: number;
  readonly qk_nope_head_dim?: number;
  readonly experts?: number;
  readonly shared_experts?: number;
  readonly experts_per_token?: number;
  /** Layers with an MoE FFN = layers − dense_layers (MoE only). */
  readonly moe_layers?: number;
  readonly moe_ffn_dim?: number;
  readonly ffn_dim?: number;
  readonly vocab_size?: number;
  readonly max_context_tokens?: number;
  readonly sliding_window_tokens?: number;
  /** Layers that use the sliding window (physics.md Amendments); absent with a window means all. */
  readonly sliding_window_layers?: number;
  readonly state_size?: number;
  readonly kv_cache_elems_per_token_per_layer?: number;
  /** The catalogue figure, in units of `flops_basis` (FLOP unless a custom entry says 'mac'). */
  readonly flops_per_inference?: number;
  /** What one inference is ("per token", "224x224 image" …). */
  readonly flops_per_inference_basis?: string;
  /** Non-LM families only: = flops_per_inference (physics §2.1 `flops_per_sample`). */
  readonly flops_per_sample?: number;
  readonly flops_basis: 'flop' | 'mac';
  /** Set when flops_per_inference is derived from the architecture (no source states it): how. */
  readonly flops_estimate?: string;
  /** Non-LM activations per sample, elements: the inference peak live set and the training stored maps. */
  readonly activation_peak_elements?: number;
  readonly activation_stored_elements?: number;
  readonly activation_basis?: string;
  /** Diffusion: steps, resolution (px), FLOP per step / text encoder / VAE decoder. */
  readonly denoising_steps?: number;
  readonly resolution_px?: number;
  readonly flops_per_denoising_step?: number;
  readonly flops_text_encoder?: number;
  readonly flops_vae_decoder?: number;
  readonly action_chunk_horizon?: number;
  readonly action_dim?: number;
  readonly training_tokens?: number;
  /** Training anchors: total FLOP, dataset B, accelerators, wall time s, energy J, GPU time s. */
  readonly training_flops?: number;
  readonly training_dataset_size?: number;
  readonly training_accelerators_ref?: number;
  readonly training_time_ref?: number;
  readonly training_energy?: number;
  readonly training_gpu_time?: number;
  readonly training_hardware_label?: string;
  /** Energy per inference, J (illustrative anchor). */
  readonly inference_energy?: number;
  /** DLRM: model size B, embedding rows, parameter range. */
  readonly model_size?: number;
  readonly embedding_entries?: number;
  readonly params_range_min?: number;
  readonly params_range_max?: number;
  readonly legacy_aliases: readonly string[];
}

/** A power grid (layer C). */
export interface Grid extends Provenance {
  readonly kind: 'grid';
  readonly id: string;
  readonly display_name: string;
  /** g CO2e per kWh (the catalogue and display unit; `carbonIntensityPerJoule` converts). */
  readonly carbon_intensity_g_per_kwh: number;
  readonly pue?: number;
  /** Litres of water per kWh; 0 = closed-loop cooling. */
  readonly wue_l_per_kwh?: number;
  /** USD per kWh; absent → DEFAULT_ELECTRICITY_USD_PER_KWH with a visible note. */
  readonly electricity_price_usd_per_kwh?: number;
  readonly electricity_price_commercial_usd_per_kwh?: number;
  readonly electricity_price_sector?: string;
  readonly electricity_price_year?: number;
  readonly electricity_price_source?: Source;
  readonly primary_source?: string;
  /** Degrees, signed. */
  readonly lat?: number;
  readonly lon?: number;
  /** Percent, 0–100. */
  readonly renewable_pct?: number;
}

export interface Cooling extends Provenance {
  readonly kind: 'cooling';
  readonly id: string;
  readonly display_name: string;
  readonly pue?: number;
  readonly wue_l_per_kwh?: number;
}

export interface Datacenter extends Provenance {
  readonly kind: 'datacenter';
  readonly id: string;
  readonly display_name: string;
  readonly grid: string;
}

export interface RackProfile extends Provenance {
  readonly kind: 'rack_profile';
  readonly id: string;
  readonly display_name: string;
  /** W per rack. */
  readonly power: number;
  readonly cooling_type?: string;
}
