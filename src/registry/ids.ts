/**
 * Every catalogue id as a literal type, grouped the way the namespaces group them
 * (hardware and models by their `category`). Generated from data/catalog.json; the test
 * test/registry/ids.test.ts fails when this file and the catalogue drift apart.
 *
 * Literal ids are what let editors autocomplete `Hardware.Cloud.H100` — a JSON import only
 * gives `string`.
 */

export const HARDWARE_IDS_BY_CATEGORY = {
  Cloud: ['A100', 'B200', 'GB200', 'GB200_NVL72', 'H100', 'H200', 'MI300X', 'MI250X', 'T4', 'L4', 'L40S', 'V100', 'V100_PCIe', 'TPUv1', 'TPUv2', 'TPUv3', 'TPUv4', 'TPUv5p', 'TPUv6', 'Gaudi2', 'Gaudi3', 'Trainium2', 'Cerebras_CS3', 'DMatrix_Corsair', 'Graphcore_GC200', 'Groq_LPU', 'Untether_speedAI240', 'IntelSGX', 'ReferenceCPU'],
  Workstation: ['DGX_Spark', 'MacBookM3Max'],
  Mobile: ['AppleM2', 'Pixel8', 'Snapdragon8Gen3', 'iPhone15Pro'],
  Edge: ['Coral', 'DriveThor', 'GenericServer', 'JetsonAGXOrin', 'JetsonOrinNX', 'JetsonOrinNano', 'NUC_Movidius', 'RoboTaxi'],
  Tiny: ['ESP32_S3', 'HimaxWE1', 'LockstepSafetyMCU_Reference', 'OuraRing', 'nRF52840'],
} as const;

export const MODEL_IDS_BY_CATEGORY = {
  Language: ['Llama3_8B', 'Llama3_70B', 'Llama3_405B', 'Llama2_7B', 'Llama2_70B', 'Mixtral_8x7B', 'DeepSeek_V3', 'GPT2', 'GPT2_Small', 'GPT3', 'GPT4', 'BERT_Base', 'BERT_Large', 'Qwen2_5_7B', 'Mistral_7B', 'Gemma2_9B'],
  StateSpace: ['Mamba_130M', 'Mamba_2_8B'],
  Vision: ['AlexNet', 'LeNet1', 'MobileNetV2', 'MobileNetV2_Alpha0_5', 'MobileNetV2_Alpha0_5FeatureExtractor', 'EfficientNetB0', 'ResNet18', 'ResNet50', 'YOLOv8_Nano'],
  GenerativeVision: ['StableDiffusion_v1_5'],
  Tiny: ['AnomalyDetector', 'DS_CNN', 'WakeVision'],
  Recommendation: ['DLRM'],
  Embodied: ['OpenVLA_7B', 'Octo_Base', 'DiffusionPolicy_PushT', 'ACT_ALOHA'],
} as const;

export const GRID_IDS = ['China_Avg', 'EU_Avg', 'France', 'Germany', 'Iceland', 'India_Avg', 'Iowa', 'Norway', 'Poland', 'Quebec', 'Texas', 'US_Avg'] as const;

export const COOLING_IDS = ['LiquidCooled', 'BestAir', 'Typical', 'Legacy', 'StateOfArt', 'SimpleAir', 'AirCooledLowWater'] as const;

export const DATACENTER_IDS = ['Quebec_Hydro', 'Norway_Hydro', 'US_Hyperscale', 'EU_Average', 'France_Nuclear', 'Iowa_Reference', 'Poland_Coal'] as const;

export const RACK_PROFILE_IDS = ['Traditional', 'AI_Standard', 'AI_High'] as const;

export const NODE_IDS = ['DGX_H100', 'DGX_A100', 'DGX_B200', 'GB200_NVL72_Node', 'Kempner_H100_4GPU'] as const;

export const RACK_IDS = ['DGX_H100_4Node'] as const;

export const FABRIC_IDS = ['Ethernet_10G', 'Ethernet_100G', 'Ethernet_400G', 'Ethernet_800G', 'Ethernet_1P6T', 'RoCE_100G', 'InfiniBand_HDR', 'InfiniBand_NDR', 'InfiniBand_XDR', 'InfiniBand_GXDR'] as const;

export const CLUSTER_IDS = ['Research_256', 'Lab_64_H100', 'Training_512_H100', 'Production_2K', 'Training_1K', 'Training_1K_A100', 'Frontier_8K', 'Training_10K', 'Reference_25K_H100', 'Kempner_H100_384', 'Mega_100K'] as const;

export const POD_IDS = ['TPUv4_4096'] as const;

export const SCENARIO_IDS = ['SmartDoorbell', 'TinySensor', 'AutonomousVehicle', 'AutonomousVehicle_Waymo', 'MobileHealth', 'MobileAssistant', 'LocalTraining', 'FrontierTraining', 'ChatbotServing', 'KeywordSpotting'] as const;

export const DATASET_IDS = ['ImageNet', 'CIFAR10', 'MNIST', 'MSWC', 'ALOHA_Bimanual', 'BridgeDataV2', 'DROID', 'OpenXEmbodiment'] as const;


export type HardwareCategory = keyof typeof HARDWARE_IDS_BY_CATEGORY;
export type ModelCategory = keyof typeof MODEL_IDS_BY_CATEGORY;
export type HardwareId = (typeof HARDWARE_IDS_BY_CATEGORY)[HardwareCategory][number];
export type ModelId = (typeof MODEL_IDS_BY_CATEGORY)[ModelCategory][number];
export type GridId = (typeof GRID_IDS)[number];
export type CoolingId = (typeof COOLING_IDS)[number];
export type DatacenterId = (typeof DATACENTER_IDS)[number];
export type RackProfileId = (typeof RACK_PROFILE_IDS)[number];
export type NodeId = (typeof NODE_IDS)[number];
export type RackId = (typeof RACK_IDS)[number];
export type FabricId = (typeof FABRIC_IDS)[number];
export type ClusterId = (typeof CLUSTER_IDS)[number];
export type PodId = (typeof POD_IDS)[number];
export type ScenarioId = (typeof SCENARIO_IDS)[number];
export type DatasetId = (typeof DATASET_IDS)[number];
