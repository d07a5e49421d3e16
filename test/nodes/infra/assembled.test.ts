/**
 * Layer C and walls 8, 9, 11, 12, 13, 17, 18, 20 inside the assembled scenario graph
 * (WALL_FACTORIES): every cell is dimensionally consistent with the walls active, and a
 * grid edit recomputes only the carbon cells, never a latency.
 */
import { describe, expect, it } from 'vitest';
import { checkDimensions, LiveGraph, type Plain } from '../../../src/graph/index.js';
import { buildScenarioDefs } from '../../../src/nodes/all-walls.js';
import { context } from '../fixtures.js';

const ACTIVE: Record<string, Plain> = {
  'reasoning.reasoning_steps': 8, 'fidelity.compression_method': 'quantization', 'transformation.cpu_samples_per_second': 100,
  'capital.budget_usd': 10, 'sustainability.carbon_budget': 10, 'safety.dp_epsilon': 1, 'complexity.compute_budget': 1e24,
};

describe('the assembled inference and serving graphs', () => {
  for (const mode of ['inference', 'serving'] as const) {
    it(`${mode}: every cell is dimensionally consistent with these walls active`, () => {
      expect(checkDimensions(buildScenarioDefs({ ...context(mode), ops: true }), ACTIVE)).toEqual([]);
    });

    it(`${mode}: editing infra.carbon_intensity runs only the carbon cells`, () => {
      const g = new LiveGraph(buildScenarioDefs({ ...context(mode), ops: true }));
      g.setMany(ACTIVE);
      for (const id of g.topology.ids) g.get(id);
      g.resetEvaluationCounts();
      g.set('infra.carbon_intensity', 20 / 3.6e6);
      for (const id of g.topology.ids) g.get(id);
      const ran = [...g.evaluationCounts()].filter(([, n]) => n > 0).map(([id]) => id).sort();
      expect(ran).toEqual([...g.topology.downstream('infra.carbon_intensity')].sort());
      const latencyScopes = ['compute.', 'memory.', 'software.', 'serving.', 'batching.', 'tail_latency.', 'reasoning.', 'fidelity.'];
      expect(ran.filter((id) => latencyScopes.some((s) => id.startsWith(s)))).toEqual([]);
      expect(ran).toContain('sustainability.operational_carbon');
      expect(ran).not.toContain('capital.tco_usd');
    });
  }
});
