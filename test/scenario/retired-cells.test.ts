/**
 * A plan or `--set` naming a cell an earlier version had (memory.host_link_bandwidth_fallback,
 * the 64 GB/s stand-in link removed with "no offload without a host link") still opens: the value
 * is set aside with a warning naming the cell and the reason, and the answer is the one the
 * scenario gives without it.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/index.js';

const RETIRED = 'memory.host_link_bandwidth_fallback';
const latencyOf = (b: ReturnType<typeof buildScenario>) => b.graph.get('compute.latency');

describe('retired cells', () => {
  it('a scenario file override of the retired fallback is set aside with a warning, not refused', () => {
    const b = buildScenario({ model: 'Llama3_8B', hardware: 'H100', overrides: { [RETIRED]: 64e9 } });
    const w = b.warnings.find((x) => x.includes(RETIRED));
    expect(w).toMatch(/^overrides\.memory\.host_link_bandwidth_fallback is no longer a cell; the value 64000000000 is set aside/);
    expect(w).toContain('cannot offload');
    expect(b.graph.has(RETIRED)).toBe(false);
    expect(latencyOf(b)).toEqual(latencyOf(buildScenario({ model: 'Llama3_8B', hardware: 'H100' })));
  });

  it('--set of the retired cell names where it came from (set.…)', () => {
    const b = buildScenario({ model: 'Llama3_8B', hardware: 'H100' }, { overrides: { [RETIRED]: '64 GB/s' } });
    expect(b.warnings.some((x) => x.startsWith(`set.${RETIRED} is no longer a cell`))).toBe(true);
  });

  it('an unknown cell that was never a cell is still refused with a suggestion', () => {
    expect(() => buildScenario({ model: 'Llama3_8B', hardware: 'H100' }, { overrides: { 'memory.host_link_bandwith': 1 } }))
      .toThrow(/is not a cell of this scenario/);
  });
});
