/**
 * What the physics needs to know to lay out a scenario's cells: the mode and the catalogue
 * facts (already in SI units) that become the defaults of input cells. Wall factories
 * take a `BuildContext` and return cell definitions; the scenario builder concatenates
 * them into one graph per scenario.
 *
 * These are structural types: registry entries with the same field names satisfy them, and
 * tests can write small literals. Optional fields are absent (undefined) when the
 * catalogue has no figure — never 0 (physics.md §2.1: required fields are never defaulted
 * silently; a missing one is a `missing_data` error on the first cell that needs it).
 */
import type { CellDef, SourceRef } from '../graph/index.js';

/** inference: one decode step (or one forward pass); serving: walls 4–7; training: wall 14. */
export type Mode = 'inference' | 'serving' | 'training';

export const PRECISION_KEYS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4'] as const;
export type PrecisionKey = (typeof PRECISION_KEYS)[number];

/** One accelerator (physics.md §1.6). */
export interface DeviceSpec {
  readonly id: string;
  readonly display_name?: string;
  readonly category?: string;
  /** Dense FLOP/s per precision key; `fp32_cuda` is the non-tensor fp32 rate (§1.3). */
  readonly peak_flops_table: Readonly<Partial<Record<PrecisionKey | 'fp32_cuda', number>>>;
  readonly default_precision?: string;
  readonly memory_capacity?: number; // B
  readonly memory_bandwidth?: number; // B/s
  /** Catalogue memory type (HBM3, GDDR6, LPDDR5 …): selects the achievable-bandwidth class. */
  readonly memory_type?: string;
  readonly sram_capacity?: number; // B
  readonly sram_bandwidth?: number; // B/s
  readonly host_link_bandwidth?: number; // B/s per direction
  readonly scaleup_bandwidth?: number; // B/s per direction
  readonly scaleup_direction?: 'per_direction' | 'bidirectional_total';
  readonly scaleup_latency?: number; // s
  readonly storage_bandwidth?: number; // B/s
  readonly tdp?: number; // W
  readonly unit_cost?: number; // USD
  readonly embodied_carbon?: number; // g CO2e per device
  readonly dispatch_tax?: number; // s
  readonly execution_model?: 'standard' | 'weight_streaming';
  readonly source?: SourceRef;
}

export type ModelFamily = 'dense_lm' | 'moe_lm' | 'encoder' | 'vision' | 'generic';

/** One model (physics.md §2.1). */
export interface ModelSpec {
  readonly id: string;
  readonly display_name?: string;
  readonly family: ModelFamily;
  readonly params: number;
  readonly active_params?: number;
  readonly layers?: number;
  readonly hidden_dim?: number;
  readonly heads?: number;
  readonly kv_heads?: number;
  readonly head_dim?: number;
  readonly v_head_dim?: number;
  readonly kv_lora_rank?: number;
  readonly qk_rope_head_dim?: number;
  readonly experts?: number;
  readonly experts_per_token?: number;
  readonly moe_layers?: number;
  readonly ffn_dim?: number;
  readonly vocab_size?: number;
  readonly max_context_tokens?: number;
  /** Sliding-window attention: window length w (tokens) and the layers that use it (physics.md Amendments). */
  readonly sliding_window_tokens?: number;
  readonly sliding_window_layers?: number;
  /** Non-LM FLOPs per sample, in the unit `flops_basis` says. */
  readonly flops_per_sample?: number;
  readonly flops_basis?: 'flop' | 'mac';
  readonly activation_traffic_per_sample?: number; // B
  readonly activation_peak_per_sample?: number; // B
  /** Non-LM activations per sample in elements (catalogue): inference peak live set, training stored maps. */
  readonly activation_peak_elements?: number;
  readonly activation_stored_elements?: number;
  /** Set when the FLOPs figure is derived from the architecture: how (the scenario warns). */
  readonly flops_estimate?: string;
  readonly training_tokens?: number;
  readonly source?: SourceRef;
}

/** Where it runs (physics.md §1.6 grid fields). */
export interface GridSpec {
  readonly id: string;
  readonly carbon_intensity_g_per_kwh: number;
  readonly pue: number;
  readonly wue_l_per_kwh: number;
  /** Absent → the catalogue default price, with a visible note. */
  readonly electricity_price_usd_per_kwh?: number;
  readonly source?: SourceRef;
  /** true when the scenario named no region and this is the default grid (said on the carbon cells). */
  readonly defaulted?: boolean;
}

/** Facts of a catalogue node (a server) that power, price and storage need (physics §1.6). */
export interface NodeFacts {
  readonly id: string;
  /** Accelerators in the catalogue node. */
  readonly gpus_per_node: number;
  /** Node maximum power, W (datasheet). */
  readonly max_power?: number;
  /** Node price, USD (its accelerators included). */
  readonly unit_cost?: number;
  /** Storage-network bandwidth of the node, B/s (its storage NICs). */
  readonly storage_bandwidth?: number;
  readonly source?: SourceRef;
}

/** How many accelerators and how connected (layer D). A single device is 1 node × 1. */
export interface FleetSpec {
  readonly id?: string;
  readonly num_nodes: number;
  readonly gpus_per_node: number;
  readonly nics_per_node?: number;
  readonly psus_per_node?: number;
  readonly host_power?: number; // W per node
  readonly fabric_bandwidth?: number; // B/s per NIC port, per direction
  readonly fabric_latency?: number; // s
  readonly oversubscription?: number;
  readonly topology?: string;
  readonly source?: SourceRef;
  /** The catalogue node the scenario names (system.node, a cluster's node or a node id). */
  readonly node?: NodeFacts;
  /** Without a named node: the device's own catalogue node (DGX_H100 for H100), for stated defaults. */
  readonly reference_node?: NodeFacts;
}

export interface BuildContext {
  readonly mode: Mode;
  readonly model: ModelSpec;
  readonly device: DeviceSpec;
  readonly fleet: FleetSpec;
  readonly grid: GridSpec;
  /** true when the scenario has operations (duration etc.): activates the Macro walls. */
  readonly ops: boolean;
}

/** A wall (or layer) as a function of the context. */
export type CellFactory = (ctx: BuildContext) => CellDef[];

/** LM families are autoregressive (physics.md §2.1). */
export function isLM(family: ModelFamily): boolean {
  return family === 'dense_lm' || family === 'moe_lm';
}

/**
 * Whether training keeps a non-LM's activations as stored feature maps per sample (a CNN, an
 * MLP): the catalogue gives `activation_stored_elements`, or the model has no hidden width for
 * the transformer table of §2.7. A transformer encoder (BERT) with d and H keeps that table.
 */
export function storesSampleActivations(model: Pick<ModelSpec, 'family' | 'activation_stored_elements' | 'hidden_dim'>): boolean {
  return !isLM(model.family) && (model.activation_stored_elements !== undefined || model.hidden_dim === undefined);
}
