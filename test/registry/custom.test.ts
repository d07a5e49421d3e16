import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  customCluster, customGrid, customHardware, customModel, EntryValidationError, getHardware, loadCustomEntries,
  parseCustomEntry, resolveCluster,
} from '../../src/registry/index.js';
import type { CustomKind, Registry } from '../../src/registry/index.js';
import { parseDocumentText } from '../../src/registry/custom-text.js';

const raw = JSON.parse(readFileSync(new URL('../../src/registry/data/catalog.json', import.meta.url), 'utf8')) as {
  hardware: Record<string, unknown>[];
  models: Record<string, unknown>[];
};

/** The problems an invalid document (text or object) produces. */
function problems(kind: CustomKind, doc: unknown): readonly string[] {
  try {
    fromText(kind, doc);
  } catch (e) {
    if (e instanceof EntryValidationError) return e.problems;
    throw e;
  }
  throw new Error('expected the document to be rejected');
}

/** JSON or YAML text (or an object) → an entry, the way the page reads a pasted document. */
const fromText = <K extends CustomKind>(kind: K, input: unknown) => parseCustomEntry(kind, parseDocumentText(kind, input));
const registryFromText = (input: unknown): Registry => loadCustomEntries(parseDocumentText('custom entries', input));

const minimalChip = { id: 'MyChip', peak_tflops: { bf16: 400 }, memory_capacity_gb: 96, memory_bandwidth_gbs: 2400 };

describe('custom entries: good documents', () => {
  it('an accelerator from JSON text is a Device in SI units with a default user source', () => {
    const d = fromText('hardware', JSON.stringify({ ...minimalChip, tdp_w: 500, scaleup_bandwidth_gbs_per_direction: 300 }));
    expect(d.kind).toBe('hardware');
    expect(d.memory_capacity).toBe(9.6e10);
    expect(d.memory_bandwidth).toBe(2.4e12);
    expect(d.peak_flops_table).toEqual({ bf16: 4e14 });
    expect(d.default_precision).toBe('bf16');
    expect(d.scaleup_bandwidth).toBe(3e11);
    expect(d.scaleup_direction).toBe('per_direction');
    expect(d.tdp).toBe(500);
    expect(d.category).toBe('Cloud');
    expect(d.execution_model).toBe('standard');
    expect(d.source).toEqual({ kind: 'user', ref: 'custom entry' });
  });

  it('the same accelerator from YAML text', () => {
    const yaml = `
id: EdgeBox
category: Edge
vendor: Acme
peak_tflops:
  fp16: 40
  int8: 80
memory_capacity_gb: 16
memory_bandwidth_gbs: 100
tdp_w: 25
execution_model: standard
source: {kind: datasheet, ref: Acme EdgeBox datasheet rev 2, url: https://example.com/edgebox.pdf}
`;
    const d = fromText('hardware', yaml);
    expect(d.category).toBe('Edge');
    expect(d.default_precision).toBe('fp16');
    expect(d.peak_flops_table.int8).toBe(8e13);
    expect(d.source.kind).toBe('datasheet');
    expect(d.source.url).toBe('https://example.com/edgebox.pdf');
  });

  it('an entry copied from catalog.json and renamed converts exactly like the built-in', () => {
    const copy = { ...raw.hardware.find((h) => h.id === 'H100')!, id: 'H100_tuned' };
    const d = customHardware(copy);
    const { id: _a, ...mine } = d;
    const { id: _b, ...builtin } = getHardware('H100');
    expect(mine).toEqual(builtin);
  });

  it('only a vendor total on the scale-up link is kept as a bidirectional total (physics halves it)', () => {
    const d = customHardware({ ...minimalChip, scaleup_bandwidth_gbs_vendor_total: 900 });
    expect(d.scaleup_bandwidth).toBe(9e11);
    expect(d.scaleup_direction).toBe('bidirectional_total');
  });

  it('a dense model and an MoE model', () => {
    const dense = fromText('model', `
id: Tiny_LM
display_name: My tiny LM
params: 1.1e9
layers: 22
hidden_dim: 2048
heads: 32
kv_heads: 4
head_dim: 64
max_context_tokens: 2048
flops_per_inference: 2.2e9
flops_per_inference_basis: per token
`);
    expect(dense.family).toBe('dense_lm');
    expect(dense.category).toBe('Language');
    expect(dense.params).toBe(1.1e9);
    const moe = customModel({ id: 'My_MoE', params: 2e10, active_params: 5e9, layers: 24, hidden_dim: 4096, heads: 32, experts: 16, active_experts_per_token: 2 });
    expect(moe.family).toBe('moe_lm');
    expect(moe.moe_layers).toBe(24);
  });

  it('a non-LM model counted in MACs keeps its basis', () => {
    const m = customModel({ id: 'MyCNN', category: 'Vision', architecture: 'CNN', params: 5e6, flops_per_inference: 3e8, flops_basis: 'mac' });
    expect(m.family).toBe('vision');
    expect(m.flops_per_sample).toBe(3e8);
    expect(m.flops_basis).toBe('mac');
  });

  it('a grid with only a carbon intensity (price absent → catalogue default applies later)', () => {
    const g = customGrid({ id: 'MyGrid', carbon_intensity_g_per_kwh: 120, pue: 1.2, lat: -33.9, lon: 18.4 });
    expect(g.carbon_intensity_g_per_kwh).toBe(120);
    expect(g.electricity_price_usd_per_kwh).toBeUndefined();
    expect(g.lat).toBe(-33.9);
  });

  it('a cluster of built-in nodes and fabric, its accelerator count computed', () => {
    const c = customCluster({ id: 'My_64', node: 'DGX_H100', node_count: 8, fabric: 'InfiniBand_NDR' });
    expect(c.accelerator_count).toBe(64);
    expect(resolveCluster(c).device.id).toBe('H100');
  });

  it('a document of several entries builds a registry in dependency order', () => {
    const reg = registryFromText(`
hardware:
  - {id: MyGPU, peak_tflops: {fp16: 500}, memory_capacity_gb: 96, memory_bandwidth_gbs: 4000, tdp_w: 600}
systems:
  nodes:
    - {id: MyNode, accelerator: MyGPU, accelerators_per_node: 4, nics_per_node: 4, nic_gbps: 400}
  clusters:
    - {id: MyCluster, node: MyNode, node_count: 16, fabric: InfiniBand_NDR}
grids:
  - {id: MyGrid, carbon_intensity_g_per_kwh: 50}
`);
    const r = reg.resolveCluster('MyCluster');
    expect(r.cluster.accelerator_count).toBe(64);
    expect(r.device.memory_capacity).toBe(9.6e10);
    expect(r.node.nic_bandwidth).toBe(5e10);
    expect(reg.lookup('grid', 'MyGrid').carbon_intensity_g_per_kwh).toBe(50);
    expect(reg.lookup('hardware', 'H100').id).toBe('H100');
  });
});

describe('custom entries: bad documents name the field and the rule', () => {
  it('a negative bandwidth', () => {
    expect(problems('hardware', { ...minimalChip, memory_bandwidth_gbs: -1 }))
      .toEqual(['hardware.memory_bandwidth_gbs must be a number > 0 (got -1)']);
  });

  it('a missing required field', () => {
    const { memory_capacity_gb: _, ...doc } = minimalChip;
    expect(problems('hardware', doc)).toEqual(['hardware.memory_capacity_gb is required (a number > 0)']);
  });

  it('a misspelt field', () => {
    expect(problems('hardware', { ...minimalChip, memory_bandwith_gbs: 3 }))
      .toEqual(["hardware has unknown field 'memory_bandwith_gbs' (did you mean 'memory_bandwidth_gbs'?)"]);
  });

  it('a rate that is text, and a peak table with no rate', () => {
    expect(problems('hardware', { ...minimalChip, peak_tflops: { fp16: 'fast' } }))
      .toEqual(["hardware.peak_tflops.fp16 must be a number > 0 (got 'fast')"]);
    expect(problems('hardware', { ...minimalChip, peak_tflops: { fp16: null } }))
      .toEqual(['hardware.peak_tflops must list at least one dense rate (keys: fp32, tf32, fp16, bf16, fp8, fp4, int8, int4)']);
  });

  it('a default precision without a rate, and an unknown precision key', () => {
    expect(problems('hardware', { ...minimalChip, default_precision: 'fp8' }))
      .toEqual(["hardware.default_precision must name a precision with a rate in peak_tflops (got 'fp8'; listed: bf16)"]);
    expect(problems('hardware', { ...minimalChip, peak_tflops: { bf16: 1, fp6: 2 } }))
      .toEqual(["hardware.peak_tflops has unknown field 'fp6' (did you mean 'fp16'?)"]);
  });

  it('a category outside the list', () => {
    expect(problems('hardware', { ...minimalChip, category: 'Datacenter' }))
      .toEqual(["hardware.category must be one of Cloud, Workstation, Mobile, Edge, Tiny (got 'Datacenter')"]);
  });

  it('sparse below dense', () => {
    expect(problems('hardware', { ...minimalChip, peak_tflops_sparse: { bf16: 100 } }))
      .toEqual(['hardware.peak_tflops_sparse.bf16 must be ≥ the dense rate peak_tflops.bf16 = 400 (got 100)']);
  });

  it('a bad source kind and an id with spaces', () => {
    expect(problems('hardware', { ...minimalChip, source: { kind: 'blog', ref: 'x' } }))
      .toEqual(["hardware.source.kind must be one of datasheet, paper, model-card, agency, estimate, user (got 'blog')"]);
    expect(problems('hardware', { ...minimalChip, id: 'my chip' }))
      .toEqual(["hardware.id must be a non-empty id of letters, digits, _ . - (got 'my chip')"]);
  });

  it('model: more KV heads than heads, a fractional layer count, MoE without k', () => {
    expect(problems('model', { id: 'M', params: 1e9, heads: 32, kv_heads: 64 }))
      .toEqual(['model.kv_heads must be ≤ heads = 32 (got 64)']);
    expect(problems('model', { id: 'M', params: 1e9, layers: 2.5 }))
      .toEqual(['model.layers must be an integer > 0 (got 2.5)']);
    expect(problems('model', { id: 'M', params: 1e9, active_params: 2e8, experts: 8 }))
      .toEqual(['model.active_experts_per_token is required when experts is given (an integer ≥ 1 and < experts = 8)']);
    expect(problems('model', { id: 'M', params: 1e9, active_params: 2e9 }))
      .toEqual(['model.active_params must be ≤ params = 1000000000 (got 2000000000)']);
  });

  it('grid: PUE below 1, renewable share above 100 %, a latitude off the globe', () => {
    expect(problems('grid', { id: 'G', carbon_intensity_g_per_kwh: 100, pue: 0.9, renewable_pct: 120, lat: 95 })).toEqual([
      'grid.pue must be a number ≥ 1 (got 0.9)',
      'grid.lat must be a number ≥ -90 and ≤ 90 (got 95)',
      'grid.renewable_pct must be a number ≥ 0 and ≤ 100 (got 120)',
    ]);
  });

  it('cluster: an unknown node, and an accelerator count that does not add up', () => {
    expect(problems('cluster', { id: 'C', node: 'DGX_H10', node_count: 2, fabric: 'InfiniBand_NDR' }))
      .toEqual(["cluster.node refers to unknown node 'DGX_H10' (did you mean DGX_H100, DGX_A100, DGX_B200?)"]);
    expect(problems('cluster', { id: 'C', node: 'DGX_H100', node_count: 2, accelerator_count: 15, fabric: 'InfiniBand_NDR' }))
      .toEqual(['cluster.accelerator_count must equal node_count × accelerators_per_node = 2 × 8 = 16 (got 15)']);
  });

  it('text that is neither JSON nor YAML, and a document that is not an object', () => {
    expect(problems('hardware', 'id: [unclosed')[0]).toMatch(/^hardware is not valid JSON or YAML: /);
    expect(problems('hardware', '42')).toEqual(['hardware must be an object with fields (got 42)']);
  });

  it('the object path (parseCustomEntry, customHardware, loadCustomEntries) refuses text and names the text reader', () => {
    const text = JSON.stringify(minimalChip);
    expect(() => parseCustomEntry('hardware', text)).toThrow(
      'hardware must be an object with fields (got text; parseDocumentText in custom-text.ts reads JSON or YAML text)',
    );
    expect(() => customHardware(text)).toThrow(EntryValidationError);
    expect(() => loadCustomEntries('grids: []')).toThrow(/parseDocumentText/);
    // The same document as an object is accepted, and equals the text path's result.
    expect(customHardware(minimalChip)).toEqual(fromText('hardware', text));
  });

  it('a document entry names its section and id', () => {
    expect(() => loadCustomEntries({ grids: [{ id: 'G1', carbon_intensity_g_per_kwh: -5 }] }))
      .toThrow('grids[G1].carbon_intensity_g_per_kwh must be a number ≥ 0 (got -5)');
    expect(() => loadCustomEntries({ gridz: [] })).toThrow("document has unknown field 'gridz' (did you mean 'grids'?)");
  });
});
