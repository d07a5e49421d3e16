/**
 * Typed entries of layer D (nodes, fabrics, clusters …), scenarios, datasets and the fleet
 * constants, in SI base units (physics.md §1.1). Absent values are `undefined`, never 0.
 */
import type { Device, Provenance, Source } from './types.js';

/** A server: accelerators plus their intra-node interconnect and NICs. */
export interface Node extends Provenance {
  readonly kind: 'node';
  readonly id: string;
  readonly display_name: string;
  /** Device id. */
  readonly accelerator: string;
  /** Accelerators per node, g (physics §1.6). */
  readonly gpus_per_node: number;
  /** Intra-node link, B/s per direction, and the vendor total. */
  readonly intra_node_bandwidth?: number;
  readonly intra_node_bandwidth_vendor_total?: number;
  readonly nvswitch_count?: number;
  readonly nics_per_node?: number;
  /** One NIC port, B/s per direction. */
  readonly nic_bandwidth?: number;
  readonly psus_per_node?: number;
  /** Host power per node, W; absent in the catalogue (physics default 0). */
  readonly host_power?: number;
  /** B. */
  readonly host_memory?: number;
  readonly gpu_memory_total?: number;
  /** Node maximum power, W (datasheet). */
  readonly max_power?: number;
  /** Storage-network bandwidth (storage NICs), B/s. */
  readonly storage_bandwidth?: number;
  readonly unit_cost?: number;
  readonly unit_cost_source?: Source;
}

export interface Rack extends Provenance {
  readonly kind: 'rack';
  readonly id: string;
  readonly display_name: string;
  readonly node: string;
  readonly nodes_per_rack: number;
  readonly accelerator_count: number;
  /** W. */
  readonly non_accelerator_power?: number;
  readonly accelerator_power?: number;
  readonly total_power?: number;
}

export type Topology = 'fat_tree' | 'dragonfly' | 'torus_2d' | 'torus_3d' | 'ring';

/** An inter-node network. */
export interface Fabric extends Provenance {
  readonly kind: 'fabric';
  readonly id: string;
  readonly display_name: string;
  readonly family?: string;
  readonly standard?: string;
  /** B/s per port, per direction. */
  readonly fabric_bandwidth: number;
  /** Small-message latency α, s (an mlsysim assumption in the catalogue). */
  readonly fabric_latency?: number;
  /** ≥ 1; 1 = non-blocking (the catalogue states none; physics wall 10 default). */
  readonly oversubscription: number;
  readonly topology: Topology;
  readonly year_available?: number;
}

export interface Cluster extends Provenance {
  readonly kind: 'cluster';
  readonly id: string;
  readonly display_name: string;
  /** Node id. */
  readonly node: string;
  readonly node_count: number;
  /** = node_count × gpus_per_node (checked at load). */
  readonly accelerator_count: number;
  /** Fabric id. */
  readonly fabric: string;
}

/** A cluster with its references resolved. */
export interface ResolvedCluster {
  readonly cluster: Cluster;
  readonly node: Node;
  readonly device: Device;
  readonly fabric: Fabric;
}

export interface Pod extends Provenance {
  readonly kind: 'pod';
  readonly id: string;
  readonly display_name: string;
  readonly accelerator: string;
  readonly chips: number;
  /** B. */
  readonly memory?: number;
  /** W. */
  readonly power?: number;
}

export interface Scenario extends Provenance {
  readonly kind: 'scenario';
  readonly id: string;
  readonly display_name: string;
  readonly description?: string;
  readonly application?: string;
  /** Model id. */
  readonly model: string;
  /** Device id or cluster id. */
  readonly system: string;
  readonly system_kind: 'hardware' | 'cluster';
  /** SLA latency, s. */
  readonly sla_latency?: number;
  /** Power budget, W. */
  readonly power_budget?: number;
  readonly tier?: string;
  /** Fleet data rate, B/s. */
  readonly data_rate?: number;
  readonly expected_outcome?: string;
  readonly expected_outcome_reason?: string;
  readonly intentional_failure: boolean;
  readonly legacy_aliases: readonly string[];
}

export interface Dataset extends Provenance {
  readonly kind: 'dataset';
  readonly id: string;
  readonly display_name: string;
  readonly category?: string;
  readonly training_examples?: number;
  readonly full_examples?: number;
  readonly validation_examples?: number;
  readonly test_examples?: number;
  readonly num_classes?: number;
  readonly image_width_px?: number;
  readonly image_height_px?: number;
  readonly image_channels?: number;
  readonly languages?: number;
  readonly keywords?: number;
  /** s, Hz, B. */
  readonly sample_duration?: number;
  readonly sample_rate_hz?: number;
  readonly sample_width_bytes?: number;
}

/** mlsysim's reliability teaching constants (catalogue `systems.reliability`), SI. */
export interface ReliabilityConstants extends Provenance {
  /** Mean time to failure per component, s (catalogue hours × 3600). */
  readonly component_mttf: Readonly<Record<string, number>>;
  /** Silent data corruptions per GPU per second. */
  readonly sdc_rate_per_gpu_second: number;
  readonly default_nics_per_node: number;
  readonly default_psus_per_node: number;
  /** s. */
  readonly default_checkpoint_time: number;
  readonly default_recovery_time: number;
  readonly correlation_factor: number;
  readonly node_mtbf_formula: string;
}

export interface StorageTier {
  readonly id: string;
  /** B/s; absent where the catalogue has null. */
  readonly bandwidth?: number;
  readonly iops?: number;
}

export interface StorageConstants extends Provenance {
  /** s. */
  readonly traditional_gpu_io_latency: number;
  readonly gpu_direct_storage_latency: number;
  readonly tiers: readonly StorageTier[];
}

/** Named constants whose names carry their units (`alpha_ndr_us`, `nvlink_pj_per_bit`). */
export interface UnitNamedConstants extends Provenance {
  readonly values: Readonly<Record<string, number>>;
}

/** Illustrative price baselines; names carry their units (`egress_usd_per_gb`). */
export interface Pricing extends Provenance {
  readonly cloud: Readonly<Record<string, number>>;
  readonly storage: Readonly<Record<string, number>>;
  readonly labeling_usd_per_item: Readonly<Record<string, number>>;
  readonly fleet: Readonly<Record<string, number>>;
  readonly capital: Readonly<Record<string, number>>;
  readonly on_premises: Readonly<Record<string, number>>;
}
