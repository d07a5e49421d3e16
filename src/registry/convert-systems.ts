/**
 * Raw `systems` entries, scenarios and datasets → typed entries (SI).
 */
import { compact, toProvenance, toSource } from './convert-common.js';
import type { RawDataset, RawPricing, RawScenario } from './schema.js';
import type {
  RawCluster, RawConstants, RawFabric, RawNode, RawPod, RawRack, RawReliability, RawStorage,
} from './schema-systems.js';
import type {
  Cluster, Dataset, Fabric, Node, Pod, Pricing, Rack, ReliabilityConstants, Scenario, StorageConstants,
  UnitNamedConstants,
} from './types-systems.js';
import {
  BYTES_PER_GB, BYTES_PER_S_PER_GBPS, BYTES_PER_S_PER_GBS, SECONDS_PER_HOUR, SECONDS_PER_MS,
  SECONDS_PER_US, WATTS_PER_KW, WATTS_PER_MW, opt, scaled,
} from './units.js';

export function convertNode(raw: RawNode): Node {
  return compact<Node>({
    kind: 'node',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    accelerator: raw.accelerator,
    gpus_per_node: raw.accelerators_per_node,
    intra_node_bandwidth: scaled(raw.intra_node_bw_gbs_per_direction, BYTES_PER_S_PER_GBS),
    intra_node_bandwidth_vendor_total: scaled(raw.intra_node_bw_gbs_vendor_total, BYTES_PER_S_PER_GBS),
    nvswitch_count: opt(raw.nvswitch_count),
    nics_per_node: opt(raw.nics_per_node),
    nic_bandwidth: scaled(raw.nic_gbps, BYTES_PER_S_PER_GBPS),
    psus_per_node: opt(raw.psus_per_node),
    host_power: opt(raw.host_power_w),
    host_memory: scaled(raw.host_memory_gb, BYTES_PER_GB),
    gpu_memory_total: scaled(raw.gpu_memory_gb_total, BYTES_PER_GB),
    max_power: scaled(raw.max_power_kw, WATTS_PER_KW),
    storage_bandwidth: scaled(raw.storage_bandwidth_gbs, BYTES_PER_S_PER_GBS),
    unit_cost: opt(raw.unit_cost_usd),
    unit_cost_source: toSource(raw.unit_cost_source),
    ...toProvenance(raw),
  });
}

export function convertRack(raw: RawRack): Rack {
  return compact<Rack>({
    kind: 'rack',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    node: raw.node,
    nodes_per_rack: raw.nodes_per_rack,
    accelerator_count: raw.accelerator_count,
    non_accelerator_power: scaled(raw.non_accelerator_power_kw, WATTS_PER_KW),
    accelerator_power: scaled(raw.accelerator_power_kw, WATTS_PER_KW),
    total_power: scaled(raw.total_power_kw, WATTS_PER_KW),
    ...toProvenance(raw),
  });
}

export function convertFabric(raw: RawFabric): Fabric {
  return compact<Fabric>({
    kind: 'fabric',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    family: opt(raw.family),
    standard: opt(raw.standard),
    fabric_bandwidth: raw.bandwidth_gbps * BYTES_PER_S_PER_GBPS,
    fabric_latency: scaled(raw.latency_us, SECONDS_PER_US),
    // The catalogue states neither; physics wall 10 defaults: non-blocking fat tree.
    oversubscription: raw.oversubscription ?? 1,
    topology: raw.topology ?? 'fat_tree',
    year_available: opt(raw.year_available),
    ...toProvenance(raw),
  });
}

/** `accelerator_count` must be given (built-ins) or is computed by the caller (custom.ts). */
export function convertCluster(raw: RawCluster, acceleratorCount: number): Cluster {
  return {
    kind: 'cluster',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    node: raw.node,
    node_count: raw.node_count,
    accelerator_count: acceleratorCount,
    fabric: raw.fabric,
    ...toProvenance(raw),
  };
}

export function convertPod(raw: RawPod): Pod {
  return compact<Pod>({
    kind: 'pod',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    accelerator: raw.accelerator,
    chips: raw.chips,
    memory: scaled(raw.memory_gb, BYTES_PER_GB),
    power: scaled(raw.power_mw, WATTS_PER_MW),
    ...toProvenance(raw),
  });
}

/** 1 TB/hour = 1e12 B / 3600 s (decimal TB, physics §1.1). */
const BYTES_PER_S_PER_TB_PER_HOUR = 1e12 / SECONDS_PER_HOUR;

export function convertScenario(raw: RawScenario, systemKind: 'hardware' | 'cluster'): Scenario {
  return compact<Scenario>({
    kind: 'scenario',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    description: opt(raw.description),
    application: opt(raw.application),
    model: raw.model,
    system: raw.system,
    system_kind: systemKind,
    sla_latency: scaled(raw.sla_latency_ms, SECONDS_PER_MS),
    power_budget: opt(raw.power_budget_w),
    tier: opt(raw.tier),
    data_rate: scaled(raw.data_rate_tb_per_hour, BYTES_PER_S_PER_TB_PER_HOUR),
    expected_outcome: opt(raw.expected_outcome),
    expected_outcome_reason: opt(raw.expected_outcome_reason),
    intentional_failure: raw.intentional_failure ?? false,
    legacy_aliases: raw.legacy_aliases ?? [],
    ...toProvenance(raw),
  });
}

export function convertDataset(raw: RawDataset): Dataset {
  return compact<Dataset>({
    kind: 'dataset',
    id: raw.id,
    display_name: raw.display_name ?? raw.id,
    category: opt(raw.category),
    training_examples: opt(raw.training_examples),
    full_examples: opt(raw.full_examples),
    validation_examples: opt(raw.validation_examples),
    test_examples: opt(raw.test_examples),
    num_classes: opt(raw.num_classes),
    image_width_px: opt(raw.image_width_px),
    image_height_px: opt(raw.image_height_px),
    image_channels: opt(raw.image_channels),
    languages: opt(raw.languages),
    keywords: opt(raw.keywords),
    sample_duration: opt(raw.sample_duration_s),
    sample_rate_hz: opt(raw.sample_rate_hz),
    sample_width_bytes: opt(raw.sample_width_bytes),
    ...toProvenance(raw),
  });
}

export function convertReliability(raw: RawReliability): ReliabilityConstants {
  const mttf: Record<string, number> = {};
  for (const [k, hours] of Object.entries(raw.component_mttf_hours)) mttf[k] = hours * SECONDS_PER_HOUR;
  return {
    component_mttf: mttf,
    sdc_rate_per_gpu_second: raw.sdc_rate_per_gpu_hour / SECONDS_PER_HOUR,
    default_nics_per_node: raw.defaults.nics_per_node,
    default_psus_per_node: raw.defaults.psus_per_node,
    default_checkpoint_time: raw.defaults.checkpoint_time_s,
    default_recovery_time: raw.defaults.avg_recovery_time_s,
    correlation_factor: raw.defaults.correlation_factor,
    node_mtbf_formula: raw.node_mtbf_formula,
    ...toProvenance(raw),
  };
}

export function convertStorage(raw: RawStorage): StorageConstants {
  return {
    traditional_gpu_io_latency: raw.traditional_gpu_io_latency_us * SECONDS_PER_US,
    gpu_direct_storage_latency: raw.gpu_direct_storage_latency_us * SECONDS_PER_US,
    tiers: raw.tiers.map((t) =>
      compact({ id: t.id, bandwidth: scaled(t.bandwidth_gbs, BYTES_PER_S_PER_GBS), iops: opt(t.iops) }),
    ),
    ...toProvenance(raw),
  };
}

export function convertConstants(raw: RawConstants): UnitNamedConstants {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'number') values[k] = v;
  return { values, ...toProvenance(raw) };
}

export function convertPricing(raw: RawPricing): Pricing {
  const { source: _s, verified: _v, ...groups } = raw;
  return { ...groups, ...toProvenance(raw) };
}
