/**
 * Incrementality on the full training scenario (docs/performance.md #1): for every input
 * cell, an edit recomputes exactly its downstream cone — each cell once — and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/index.js';
import { otherValue } from '../../bench/edits.js';

describe('incrementality on the full training scenario (Llama3_70B on Frontier_8K)', () => {
  it('an edit of any input recomputes its downstream cone, each cell once, and nothing else', () => {
    const g = buildScenario({ model: 'Llama3_70B', hardware: 'H100', system: 'Frontier_8K', mode: 'training', layout: 'given', ops: { duration_days: 14 } }).graph;
    for (const id of g.topology.inputIds) {
      const def = g.def(id);
      if (def.kind !== 'input') continue;
      g.snapshot();
      g.resetEvaluationCounts();
      const before = g.rawInput(id);
      g.set(id, otherValue(def, before));
      g.snapshot();
      const recomputed = [...g.evaluationCounts()].filter(([, n]) => n > 0);
      expect(recomputed.map(([k]) => k).sort(), id).toEqual([...g.topology.downstream(id)].sort());
      expect(recomputed.every(([, n]) => n === 1), id).toBe(true);
      g.set(id, before);
    }
  });
});
