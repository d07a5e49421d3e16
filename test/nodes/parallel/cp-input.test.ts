import { describe, expect, it } from 'vitest';
import { dataParallelDegree } from '../../../src/nodes/fleet/layout.js';
import { context, DGX_H100_128, LLAMA3_8B } from '../fixtures.js';
import { fleetGraph } from '../fleet/graph.js';

describe('communication.cp, the context-parallel degree (§8.1 as amended)', () => {
  it('is an input of the training layout, default 1, integer ≥ 1, with a source', () => {
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, DGX_H100_128), { 'communication.seq_len': 4096 });
    const def = g.def('communication.cp');
    expect(def.kind).toBe('input');
    expect(g.value('communication.cp')).toBe(1);
    expect(def.kind === 'input' && def.domain).toMatchObject({ kind: 'number', min: 1, integer: true });
    expect(def.source?.ref).toContain('Ring Attention');
    expect(g.set('communication.cp', 0).ok).toBe(false);
  });

  it('is modelled in every mode (ring attention): dp = N/(t·p·c); a non-LM is refused c > 1', () => {
    expect(dataParallelDegree(1024, 8, 4, 8, true, 2)).toBe(16); // dp = N/(t·p·c)
    expect(dataParallelDegree(8, 1, 1, 8, false, 2)).toMatchObject({ kind: 'invalid_input' });
    const g = fleetGraph(context('training', LLAMA3_8B, undefined, DGX_H100_128), { 'communication.seq_len': 4096, 'communication.cp': 2 });
    expect(g.get('communication.step_latency').ok).toBe(true);
    // cp = 1 keeps the layout exactly as before: dp = N/(t·p)
    expect(dataParallelDegree(1024, 8, 4, 8, true, 1)).toBe(32);
  });
});
