/**
 * A separate decode device whose figures are not given takes the scenario device's — said when
 * it names another device (a pool of the same type needs no word).
 */
import { describe, expect, it } from 'vitest';
import type { LiveGraph, Plain } from '../../../src/graph/index.js';
import { buildScenario } from '../../../src/scenario/index.js';

function serve(overrides: Record<string, Plain>): LiveGraph {
  return buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides }).graph;
}
const warningsOf = (g: LiveGraph, id: string): readonly string[] => {
  const v = g.get(id);
  return v.ok ? v.warnings : [`error: ${v.error.message}`];
};

describe('decode device figures', () => {
  it('decode_device = A100 without its figures: the H100 figures are used, and said', () => {
    const g = serve({ 'serving.decode_device': 'A100' });
    expect(g.value('serving.decode_memory_bandwidth_effective')).toBe(g.value('hardware.memory_bandwidth'));
    expect(warningsOf(g, 'serving.decode_memory_bandwidth_effective').join(' '))
      .toMatch(/serving.decode_device = A100 but serving.decode_memory_bandwidth is not set; using H100's/);
  });

  it('given figures are used without a word; a pool of the same device type needs none', () => {
    const g = serve({ 'serving.decode_device': 'A100', 'serving.decode_memory_bandwidth': 2.039e12 });
    expect(g.value('serving.decode_memory_bandwidth_effective')).toBe(2.039e12);
    expect(warningsOf(g, 'serving.decode_memory_bandwidth_effective')).toEqual([]);
    expect(warningsOf(serve({ 'serving.decode_device': 'H100' }), 'serving.decode_peak_flops_effective')).toEqual([]);
  });
});
