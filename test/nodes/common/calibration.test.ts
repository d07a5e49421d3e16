import { describe, expect, it } from 'vitest';
import { calibrationCells } from '../../../src/nodes/common/calibration.js';
import { context, ESP32_S3, H100, LLAMA3_8B } from '../fixtures.js';
import { foundationGraph } from '../node/scenario-graph.js';

describe('shared calibration constants (§1.5)', () => {
  it('dispatch_tax takes the catalogue value with its provenance, else 10 µs from the spec', () => {
    const byId = (device: typeof H100) => calibrationCells(context('inference', LLAMA3_8B, device)).find((d) => d.id === 'scenario.dispatch_tax');
    expect(byId(ESP32_S3)).toMatchObject({ default: 1e-3, provenance: 'catalogue' });
    expect(byId({ ...H100, dispatch_tax: undefined })).toMatchObject({ default: 10e-6, provenance: 'default', source: { ref: 'physics.md §1.5' } });
  });

  it('defaults: η unset (the sourced table), η_bw 0.90 on HBM, layer tax 10 µs, activity power model (mfu_linear fractions 0.3 + 0.7), κ_act 16, warnings at 0.9 / 0.6, margin 0.9', () => {
    const g = foundationGraph('inference', LLAMA3_8B, { ...H100, memory_type: 'HBM3' });
    const want = {
      'scenario.efficiency': null, 'scenario.bandwidth_efficiency': 0.9, 'scenario.power_model': 'activity',
      'scenario.layer_tax': 10e-6, 'scenario.idle_power_fraction': 0.3,
      'scenario.dynamic_power_fraction': 0.7, 'scenario.activation_working_set_factor': 16, 'scenario.memory_warn_utilization': 0.9,
      'scenario.efficiency_warn': 0.6, 'scenario.target_margin': 0.9, 'scenario.target_latency': null, 'scenario.target_throughput': null,
    };
    for (const [id, v] of Object.entries(want)) expect(g.value(id), id).toBe(v);
  });

  it('η_bw defaults by memory class: 0.90 for HBM (H100, HBM3), the peak for a memory class without a sourced figure (GDDR6)', () => {
    const bw = (device: typeof H100) => calibrationCells(context('inference', LLAMA3_8B, device)).find((d) => d.id === 'scenario.bandwidth_efficiency');
    expect(bw({ ...H100, memory_type: 'HBM3' })).toMatchObject({ default: 0.9, source: { kind: 'vendor-doc' } });
    expect(bw({ ...H100, memory_type: 'GDDR6' })).toMatchObject({ default: 1, source: { kind: 'spec' } });
  });

  it('the power fractions may not sum above 1', () => {
    const g = foundationGraph('inference');
    expect(g.value('scenario.power_model_valid')).toBe(true);
    g.set('scenario.dynamic_power_fraction', 0.8);
    const v = g.get('scenario.power_model_valid');
    expect(v.ok ? 'ok' : v.error).toMatchObject({ kind: 'invalid_input', message: 'idle_power_fraction + dynamic_power_fraction must be ≤ 1 (got 0.3 + 0.8 = 1.1)' });
  });

  it('η must lie in (0, 1]: 0 and 1.5 are refused', () => {
    const g = foundationGraph('inference');
    expect(g.set('scenario.efficiency', 0).message).toBe('scenario.efficiency must be a number in (0, 1] (got 0)');
    expect(g.set('scenario.efficiency', 1.5).ok).toBe(false);
    expect(g.set('scenario.target_latency', 0).ok).toBe(false);
  });
});
