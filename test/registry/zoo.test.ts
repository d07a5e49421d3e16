import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegistry, customHardware, UnknownEntryError, zoo, zooCategories } from '../../src/registry/index.js';

interface RawDevice { id: string; category: string; default_precision: string; peak_tflops: Record<string, number | null> }
interface RawModel { id: string; params: number | null }
const raw = JSON.parse(readFileSync(new URL('../../src/registry/data/catalog.json', import.meta.url), 'utf8')) as {
  hardware: RawDevice[]; models: RawModel[];
};
/** The catalogue's own dense TFLOP/s at the default precision. */
const defaultTflops = (d: RawDevice) => d.peak_tflops[d.default_precision]!;

describe('zoo(kind, {category})', () => {
  it('lists devices by dense peak at their default precision, descending', () => {
    const rows = zoo('hardware').rows;
    expect(rows).toHaveLength(raw.hardware.length);
    const expected = [...raw.hardware].sort((a, b) => defaultTflops(b) - defaultTflops(a)).map((d) => d.id);
    // Ties keep catalogue order (the sort is stable), so the whole order is determined.
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(rows[0].id).toBe('GB200_NVL72'); // 180 PFLOP/s dense fp16 rack aggregate
  });

  it('filters by category (case-insensitive) and keeps the order', () => {
    const cloud = zoo('hardware', { category: 'cloud' });
    expect(cloud.category).toBe('Cloud');
    expect(cloud.rows.every((r) => r.category === 'Cloud')).toBe(true);
    expect(cloud.rows).toHaveLength(raw.hardware.filter((d) => d.category === 'Cloud').length);
    const tiny = zoo('hardware', { category: 'Tiny' }).rows.map((r) => r.id);
    expect(tiny).toEqual(['LockstepSafetyMCU_Reference', 'ESP32_S3', 'HimaxWE1', 'OuraRing', 'nRF52840']);
  });

  it('lists models by parameter count, descending, unknown last', () => {
    const rows = zoo('model').rows;
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(['GPT4', 'DeepSeek_V3', 'Llama3_405B']);
    // Every catalogue model has a parameter count (DLRM: the MLPerf reference configuration).
    expect(rows.at(-1)?.id).toBe('LeNet1');
    const known = raw.models.filter((m) => m.params !== null).sort((a, b) => b.params! - a.params!);
    expect(rows.slice(0, known.length).map((r) => r.id)).toEqual(known.map((m) => m.id));
  });

  it('rows are plain data: display strings next to raw SI numbers', () => {
    const h100 = zoo('hardware').rows.find((r) => r.id === 'H100')!;
    expect(h100.cells.peak).toEqual({ value: 9.89e14, display: '989 TFLOP/s' });
    expect(h100.cells.memory).toEqual({ value: 8e10, display: '80 GB' });
    expect(h100.cells.bandwidth).toEqual({ value: 3.35e12, display: '3.35 TB/s' });
    expect(h100.cells.tdp).toEqual({ value: 700, display: '700 W' });
    expect(JSON.parse(JSON.stringify(h100))).toEqual(h100);
    const llama = zoo('model').rows.find((r) => r.id === 'Llama3_8B')!;
    expect(llama.cells.params).toEqual({ value: 8.03e9, display: '8.03 B' });
  });

  it('every row has a cell for every column', () => {
    for (const kind of ['hardware', 'model', 'grid', 'node', 'fabric', 'cluster', 'scenario', 'dataset'] as const) {
      const t = zoo(kind);
      for (const r of t.rows) expect(Object.keys(r.cells).sort()).toEqual(t.columns.map((c) => c.key).sort());
    }
  });

  it('lists grids cleanest first and marks the default electricity price', () => {
    const rows = zoo('grid').rows;
    expect(rows[0].id).toBe('Norway'); // 10 g/kWh
    expect(rows.at(-1)?.id).toBe('Poland'); // 820 g/kWh
    expect(rows.find((r) => r.id === 'France')!.cells.price).toEqual({ value: undefined, display: '0.12 USD/kWh (default)' });
  });

  it('lists clusters by accelerator count, descending', () => {
    const rows = zoo('cluster').rows;
    expect(rows[0].id).toBe('Mega_100K');
    expect(rows[0].cells.accelerators.value).toBe(100_000);
  });

  it('an unknown category throws with suggestions and the known categories', () => {
    expect(() => zoo('hardware', { category: 'Clod' })).toThrow(UnknownEntryError);
    expect(() => zoo('hardware', { category: 'Clod' })).toThrow(/Did you mean Cloud\?.*Cloud, Workstation, Mobile, Edge, Tiny/);
    expect(zooCategories('model')).toEqual(['Language', 'StateSpace', 'Vision', 'GenerativeVision', 'Tiny', 'Recommendation', 'Embodied']);
  });

  it('includes custom entries of a given registry', () => {
    const big = customHardware({ id: 'Big', category: 'Cloud', peak_tflops: { fp16: 1e6 }, memory_capacity_gb: 1, memory_bandwidth_gbs: 1 });
    expect(zoo('hardware', { registry: createRegistry([big]) }).rows[0].id).toBe('Big');
  });
});
