import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalog, DEFAULT_ELECTRICITY_USD_PER_KWH, EntryValidationError, ENTRY_KINDS, getCluster, getFabric, getGrid,
  getHardware, getModel, getNode, getScenario, loadCatalog, carbonIntensityPerJoule, catalogSchema,
} from '../../src/registry/index.js';
import type { Entry } from '../../src/registry/index.js';

const allEntries = (): Entry[] => ENTRY_KINDS.flatMap((k) => [...catalog().entries[k]] as Entry[]);
const rawCatalog = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../src/registry/data/catalog.json', import.meta.url), 'utf8'));

/** Every number reachable from `value`, with its path. */
function numbersIn(value: unknown, path: string, out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  }
  return out;
}

/** Fields allowed to be 0 or negative (catalog.json conventions.zero_allowed_fields / signed_fields). */
const ZERO_ALLOWED = /\.wue_l_per_kwh$/;
const SIGNED = /\.(lat|lon)$/;

describe('catalogue entries', () => {
  it('ids are unique across every kind', () => {
    const ids = allEntries().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every entry of catalog.json (48 devices, 36 models, 12 grids, 11 clusters, 10 scenarios)', () => {
    const c = catalog().entries;
    expect([c.hardware.length, c.model.length, c.grid.length, c.cluster.length, c.scenario.length]).toEqual([48, 36, 12, 11, 10]);
    expect([c.node.length, c.fabric.length, c.dataset.length]).toEqual([5, 10, 8]);
  });

  it('every number is finite and > 0 (wue may be 0, lat/lon may be negative)', () => {
    const bad = allEntries()
      .flatMap((e) => numbersIn(e, e.id))
      .filter(([path, v]) => !Number.isFinite(v) || (v <= 0 && !(ZERO_ALLOWED.test(path) && v === 0) && !SIGNED.test(path)));
    expect(bad).toEqual([]);
  });

  it('absent values are undefined keys, never null or 0 placeholders', () => {
    const nulls = allEntries().flatMap((e) =>
      Object.entries(e).filter(([, v]) => v === null || v === undefined).map(([k]) => `${e.id}.${k}`));
    expect(nulls).toEqual([]);
    expect('tdp' in getHardware('Graphcore_GC200')).toBe(false);
    expect(getGrid('France').electricity_price_usd_per_kwh).toBeUndefined();
  });

  it('every entry carries a source with a kind and a reference', () => {
    const kinds = new Set(['datasheet', 'paper', 'model-card', 'agency', 'estimate']);
    for (const e of allEntries()) {
      expect(kinds.has(e.source.kind), `${e.id} source.kind ${e.source.kind}`).toBe(true);
      expect(e.source.ref.length, `${e.id} source.ref`).toBeGreaterThan(0);
    }
    expect(getHardware('H100').source.url).toBe('https://resources.nvidia.com/en-us-tensor-core/nvidia-h100-tensor-core-gpu-datasheet');
  });
});

describe('units (spot checks against the datasheet numbers the catalogue states)', () => {
  it('H100: 80 GB, 3.35 TB/s, 989 TFLOP/s dense bf16/fp16, NVLink 450 GB/s per direction, 700 W', () => {
    const h = getHardware('H100');
    expect(h.memory_capacity).toBe(8.0e10);
    expect(h.memory_bandwidth).toBe(3.35e12);
    expect(h.peak_flops_table.bf16).toBe(9.89e14);
    expect(h.peak_flops_table.fp16).toBe(9.89e14);
    expect(h.peak_flops_table.fp8).toBe(1.979e15);
    expect(h.scaleup_bandwidth).toBe(4.5e11);
    expect(h.scaleup_direction).toBe('per_direction');
    expect(h.scaleup_bandwidth_vendor_total).toBe(9.0e11);
    expect(h.host_link_bandwidth).toBe(6.4e10); // PCIe Gen5 x16, 64 GB/s per direction
    expect(h.tdp).toBe(700);
    expect(h.unit_cost).toBe(30000);
    expect(h.embodied_carbon).toBe(164_000); // 164 kg CO2e
    expect(h.dispatch_tax).toBeCloseTo(1e-5, 15); // 0.01 ms
    expect(h.default_precision).toBe('fp16');
  });

  it('sparse figures stay out of the dense table (H100 fp16 sparse 1979 TFLOP/s)', () => {
    const h = getHardware('H100');
    expect(h.peak_flops_sparse_table.fp16).toBe(1.979e15);
    expect(Object.values(h.peak_flops_table)).not.toContain(3.958e15);
  });

  it('fp32: the non-tensor rate is fp32_cuda beside a tf32 path, plain fp32 otherwise', () => {
    expect(getHardware('H100').peak_flops_table).not.toHaveProperty('fp32');
    expect(getHardware('H100').peak_flops_table.fp32_cuda).toBe(6.7e13); // 67 TFLOP/s
    expect(getHardware('V100').peak_flops_table.fp32).toBe(1.57e13); // no TF32 on Volta
    expect(getHardware('ESP32_S3').peak_flops_table.fp32).toBe(5e8); // 0.5 GFLOP/s scalar FPU
  });

  it('every device default precision is a key of its dense table', () => {
    for (const d of catalog().entries.hardware) {
      expect(d.peak_flops_table[d.default_precision], d.id).toBeGreaterThan(0);
    }
  });

  it('tiny parts: ESP32-S3 512 kB SRAM, 4 MB flash, 0.4 W', () => {
    const e = getHardware('ESP32_S3');
    expect(e.sram_capacity).toBe(512e3);
    expect(e.flash_capacity).toBe(4e6);
    expect(e.memory_capacity).toBe(4e6); // the main tier is the weight flash (physics §1.6)
    expect(e.tdp).toBe(0.4);
    expect(e.category).toBe('Tiny');
  });

  it('Cerebras CS-3 streams weights; GPUs do not', () => {
    expect(getHardware('Cerebras_CS3').execution_model).toBe('weight_streaming');
    expect(getHardware('H100').execution_model).toBe('standard');
  });

  it('a grid: Quebec 20 g/kWh, PUE 1.06, WUE 0, price 0.041 USD/kWh', () => {
    const q = getGrid('Quebec');
    expect(q.carbon_intensity_g_per_kwh).toBe(20);
    expect(q.pue).toBe(1.06);
    expect(q.wue_l_per_kwh).toBe(0);
    expect(q.electricity_price_usd_per_kwh).toBe(0.041);
    expect(carbonIntensityPerJoule(q.carbon_intensity_g_per_kwh)).toBeCloseTo(20 / 3.6e6, 15);
    expect(DEFAULT_ELECTRICITY_USD_PER_KWH).toBe((rawCatalog().defaults as { electricity_usd_per_kwh: number }).electricity_usd_per_kwh);
    expect(catalog().defaults.electricity_price_usd_per_kwh).toBe(0.12);
  });

  it('a cluster: Frontier_8K is 1024 DGX H100 nodes × 8 = 8192 accelerators on IB NDR', () => {
    const c = getCluster('Frontier_8K');
    expect(c.accelerator_count).toBe(8192);
    expect(c.node_count).toBe(1024);
    expect(c.node).toBe('DGX_H100');
    expect(c.fabric).toBe('InfiniBand_NDR');
  });

  it('a node and a fabric: DGX H100 has 8 GPUs and 8 × 400 Gb/s NICs; NDR is 50 GB/s per port per direction', () => {
    const n = getNode('DGX_H100');
    expect(n.gpus_per_node).toBe(8);
    expect(n.nic_bandwidth).toBe(5e10);
    expect(n.max_power).toBe(10_200);
    const f = getFabric('InfiniBand_NDR');
    expect(f.fabric_bandwidth).toBe(5e10);
    expect(f.fabric_latency).toBeCloseTo(5e-6, 15);
    expect(f.oversubscription).toBe(1);
    expect(f.topology).toBe('fat_tree');
  });

  it('a model: Llama3_8B has 8.03e9 params, 32 layers, 8 KV heads; Mixtral 46.7e9 / 12.9e9 active', () => {
    const l = getModel('Llama3_8B');
    expect(l.params).toBe(8.03e9);
    expect([l.layers, l.hidden_dim, l.heads, l.kv_heads, l.head_dim]).toEqual([32, 4096, 32, 8, 128]);
    expect(l.family).toBe('dense_lm');
    expect(l.flops_per_inference).toBe(1.606e10);
    const m = getModel('Mixtral_8x7B');
    expect([m.params, m.active_params, m.experts, m.experts_per_token]).toEqual([4.67e10, 1.29e10, 8, 2]);
    expect(m.moe_layers).toBe(32);
  });

  it('DeepSeek-V3: MLA ranks and 58 MoE layers (61 − 3 dense)', () => {
    const d = getModel('DeepSeek_V3');
    expect([d.kv_lora_rank, d.qk_rope_head_dim, d.v_head_dim, d.heads]).toEqual([512, 64, 128, 128]);
    expect(d.moe_layers).toBe(58);
  });

  it('non-LMs are costed per sample: ResNet50 8.18 GFLOP per 224² image', () => {
    const r = getModel('ResNet50');
    expect(r.family).toBe('vision');
    expect(r.flops_per_sample).toBe(8.18e9);
    expect(r.flops_basis).toBe('flop');
    expect(getModel('Llama3_8B').flops_per_sample).toBeUndefined();
  });

  it('a scenario: SmartDoorbell runs WakeVision on ESP32_S3 with a 0.1 W budget and a 200 ms SLA', () => {
    const s = getScenario('SmartDoorbell');
    expect([s.model, s.system, s.system_kind]).toEqual(['WakeVision', 'ESP32_S3', 'hardware']);
    expect(s.power_budget).toBe(0.1);
    expect(s.sla_latency).toBeCloseTo(0.2, 12);
    expect(getScenario('FrontierTraining').system_kind).toBe('cluster');
  });

  it('fleet constants are SI: GPU MTTF 50 000 h, storage tiers in B/s', () => {
    expect(catalog().reliability.component_mttf.gpu).toBe(50_000 * 3600);
    expect(catalog().storage.tiers.find((t) => t.id === 'LocalNvmeTrainingTypical')?.bandwidth).toBe(5e9);
    expect(catalog().pricing.cloud.electricity_usd_per_kwh).toBe(0.12);
  });
});

describe('the shipped catalog.json (catalog() does not validate it at run time)', () => {
  it('passes catalogSchema, and the schema changes nothing in it (no defaults, no transforms)', () => {
    const raw = rawCatalog();
    const parsed = catalogSchema.safeParse(raw);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(raw);
  });

  it('catalog() equals loadCatalog(catalog.json), the validating path', () => {
    expect(catalog()).toEqual(loadCatalog(rawCatalog()));
  });
});

describe('loadCatalog(data) validation', () => {
  it('rejects a bad number, naming the entry by id and the field', () => {
    const raw = rawCatalog() as { hardware: Record<string, unknown>[] };
    raw.hardware.find((h) => h.id === 'H100')!.memory_bandwidth_gbs = -1;
    expect(() => loadCatalog(raw)).toThrow(/catalog\.hardware\[H100\]\.memory_bandwidth_gbs must be a number > 0 \(got -1\)/);
  });

  it('rejects a broken reference and a wrong accelerator count', () => {
    const raw = rawCatalog() as { systems: { clusters: Record<string, unknown>[] } };
    raw.systems.clusters[0].fabric = 'InfiniBand_NRD';
    raw.systems.clusters[1].accelerator_count = 65;
    const err = (() => { try { loadCatalog(raw); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(EntryValidationError);
    const problems = (err as EntryValidationError).problems.join('\n');
    expect(problems).toContain("fabric refers to unknown fabric 'InfiniBand_NRD'");
    expect(problems).toContain('accelerator_count must equal node_count × accelerators_per_node = 8 × 8 = 64 (got 65)');
  });

  it('rejects a duplicate id across kinds', () => {
    const raw = rawCatalog() as { grids: Record<string, unknown>[] };
    raw.grids[0].id = 'H100';
    expect(() => loadCatalog(raw)).toThrow(/id 'H100' is used by both hardware and grid/);
  });

  it('requires a source on built-in entries', () => {
    const raw = rawCatalog() as { models: Record<string, unknown>[] };
    delete raw.models[0].source;
    expect(() => loadCatalog(raw)).toThrow(/models\[Llama3_8B\]\.source is required/);
  });
});
