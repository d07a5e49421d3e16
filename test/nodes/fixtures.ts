/**
 * Small catalogue literals for physics tests (physics.md §12 "Registry figures used"), in SI
 * units. Append only: several walls' tests share this file.
 */
import type { BuildContext, DeviceSpec, FleetSpec, GridSpec, Mode, ModelSpec } from '../../src/nodes/context.js';

/** H100 SXM: 989e12 fp16/bf16, 1979e12 fp8, 67e12 fp32 (CUDA), 3.35e12 B/s, 80e9 B, 700 W. */
export const H100: DeviceSpec = {
  id: 'H100',
  peak_flops_table: { fp16: 989e12, bf16: 989e12, fp8: 1979e12, int8: 1979e12, tf32: 494e12, fp32_cuda: 67e12 },
  default_precision: 'fp16',
  memory_capacity: 80e9,
  memory_bandwidth: 3.35e12,
  host_link_bandwidth: 64e9,
  scaleup_bandwidth: 450e9,
  scaleup_direction: 'per_direction',
  tdp: 700,
  unit_cost: 30000,
  embodied_carbon: 164000,
  dispatch_tax: 10e-6,
  execution_model: 'standard',
};

/** Cerebras CS-3 (catalogue figures): 62.5e15 fp16 dense, 44e9 B on-wafer SRAM at 21e15 B/s, 1.2e12 B/s MemoryX. */
export const CS3: DeviceSpec = {
  id: 'Cerebras_CS3',
  peak_flops_table: { fp16: 62500e12 },
  default_precision: 'fp16',
  memory_capacity: 44e9,
  memory_bandwidth: 21e15,
  host_link_bandwidth: 1.2e12,
  tdp: 23000,
  dispatch_tax: 1e-6,
  execution_model: 'weight_streaming',
};

/** Llama-3-8B: P 8.03e9, L 32, d 4096, H 32, H_kv 8, d_h 128. */
export const LLAMA3_8B: ModelSpec = {
  id: 'Llama3_8B', family: 'dense_lm', params: 8.03e9, layers: 32, hidden_dim: 4096, heads: 32, kv_heads: 8, head_dim: 128,
};

/** Llama-3-70B: P 70.6e9, L 80, d 8192, H 64, H_kv 8, d_h 128. */
export const LLAMA3_70B: ModelSpec = {
  id: 'Llama3_70B', family: 'dense_lm', params: 70.6e9, layers: 80, hidden_dim: 8192, heads: 64, kv_heads: 8, head_dim: 128,
};

/** A vision model (non-LM): ResNet-50, 4.1e9 FLOPs per image. */
export const RESNET50: ModelSpec = { id: 'ResNet50', family: 'vision', params: 25.6e6, flops_per_sample: 4.1e9, flops_basis: 'flop' };

export const ONE_DEVICE: FleetSpec = { num_nodes: 1, gpus_per_node: 1 };

/** US average grid (catalogue): 366 g/kWh, PUE 1.12, WUE 1.8 L/kWh. */
export const US_AVG: GridSpec = { id: 'US_Avg', carbon_intensity_g_per_kwh: 366, pue: 1.12, wue_l_per_kwh: 1.8 };

export function context(mode: Mode, model: ModelSpec = LLAMA3_8B, device: DeviceSpec = H100, fleet: FleetSpec = ONE_DEVICE): BuildContext {
  return { mode, model, device, fleet, grid: US_AVG, ops: false };
}

// ---- walls A, 1–3 (catalogue literals from src/registry/data/catalog.json, in SI) ----------

/** A100 SXM4 80GB: 312e12 fp16/bf16, 156e12 tf32, 19.5e12 fp32 (CUDA), 2.039e12 B/s, 80e9 B, 400 W, 15 µs dispatch. */
export const A100: DeviceSpec = {
  id: 'A100',
  peak_flops_table: { fp16: 312e12, bf16: 312e12, tf32: 156e12, int8: 624e12, int4: 1248e12, fp32_cuda: 19.5e12 },
  default_precision: 'fp16',
  memory_capacity: 80e9,
  memory_bandwidth: 2.039e12,
  host_link_bandwidth: 32e9,
  scaleup_bandwidth: 300e9,
  scaleup_direction: 'per_direction',
  tdp: 400,
  unit_cost: 15000,
  embodied_carbon: 150000,
  dispatch_tax: 15e-6,
  execution_model: 'standard',
};

/** ESP32-S3 (N4): 5e8 fp32, 2.4e9 int8; 4e6 B flash at 8e7 B/s; 512e3 B SRAM at 9.6e8 B/s; 0.4 W; 1 ms dispatch. */
export const ESP32_S3: DeviceSpec = {
  id: 'ESP32_S3',
  peak_flops_table: { fp32: 5e8, int8: 2.4e9 },
  default_precision: 'fp32',
  memory_capacity: 4e6,
  memory_bandwidth: 8e7,
  sram_capacity: 512e3,
  sram_bandwidth: 9.6e8,
  tdp: 0.4,
  embodied_carbon: 5000,
  dispatch_tax: 1e-3,
  execution_model: 'standard',
};

/** DeepSeek-V3: MoE (256 experts, top-8, 58 MoE layers) with MLA (r_kv 512, d_r 64); d_h 192, d_v 128. */
export const DEEPSEEK_V3: ModelSpec = {
  id: 'DeepSeek_V3', family: 'moe_lm', params: 671e9, active_params: 37e9, layers: 61, hidden_dim: 7168, heads: 128, kv_heads: 128,
  head_dim: 192, v_head_dim: 128, kv_lora_rank: 512, qk_rope_head_dim: 64, experts: 256, experts_per_token: 8, moe_layers: 58,
};

/** GPT-4 (third-party estimate): MoE 1.76e12 / 2.8e11 active, 16 experts top-2, L 120, d 16384, H 128, kv_heads unknown. */
export const GPT4: ModelSpec = {
  id: 'GPT4', family: 'moe_lm', params: 1.76e12, active_params: 2.8e11, layers: 120, hidden_dim: 16384, heads: 128, head_dim: 128,
  experts: 16, experts_per_token: 2,
};

/** ResNet-50 as catalogued: 25 557 032 params, 8.18e9 FLOPs per 224×224 image, 50 layers. */
export const RESNET50_CATALOGUE: ModelSpec = { id: 'ResNet50', family: 'vision', params: 25557032, layers: 50, flops_per_sample: 8.18e9, flops_basis: 'flop' };

/** §12.2 / §12.5 fleet: 128 DGX H100 nodes (8 GPUs, 8 × 400 Gb/s NDR NICs, 2 PSUs), α_f 5 µs, o = 1, fat tree. */
export const DGX_H100_128: FleetSpec = {
  id: 'DGX_H100_128', num_nodes: 128, gpus_per_node: 8, nics_per_node: 8, psus_per_node: 2,
  fabric_bandwidth: 50e9, fabric_latency: 5e-6, oversubscription: 1, topology: 'fat_tree',
};

/** One 8-GPU node without a fabric (single DGX). */
export const ONE_NODE_8: FleetSpec = { num_nodes: 1, gpus_per_node: 8 };

/** Mixtral-8x7B-like MoE (catalogue-style figures): P 46.7e9, P_a 12.9e9, L 32, d 4096, H 32, H_kv 8, E 8, k 2. */
export const MIXTRAL_8X7B: ModelSpec = {
  id: 'Mixtral_8x7B', family: 'moe_lm', params: 46.7e9, active_params: 12.9e9, layers: 32, hidden_dim: 4096, heads: 32, kv_heads: 8,
  head_dim: 128, experts: 8, experts_per_token: 2,
};
