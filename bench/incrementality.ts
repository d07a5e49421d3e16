/**
 * #1 Incrementality: for each input cell of the full training scenario, the cells recomputed
 * after an edit equal its downstream cone. Baseline: a from-scratch evaluation recomputes
 * every derived cell.
 */
import { otherValue } from './edits.js';
import { buildTraining } from './scenarios.js';
import { type Figure, heading, median, report } from './util.js';

export function benchIncrementality(): Figure[] {
  heading('#1 Incrementality — recomputed cells per edit = downstream cone (full training scenario)');
  const g = buildTraining().graph;
  const derivedCount = g.topology.order.filter((d) => d.kind === 'derived').length;
  const cones: number[] = [];
  const mismatches: string[] = [];
  for (const id of g.topology.inputIds) {
    g.snapshot();
    g.resetEvaluationCounts();
    const def = g.def(id);
    if (def.kind !== 'input') continue;
    const before = g.rawInput(id);
    g.set(id, otherValue(def, before));
    g.snapshot();
    const recomputed = [...g.evaluationCounts()].filter(([, n]) => n > 0).map(([k]) => k);
    const cone = g.topology.downstream(id);
    const exact = recomputed.length === cone.length && recomputed.every((k) => g.evaluations(k) === 1 && cone.includes(k));
    if (!exact) mismatches.push(id);
    cones.push(cone.length);
    g.set(id, before);
  }
  const med = median(cones);
  console.log(`      ${cones.length} inputs, ${derivedCount} derived cells; cone size min ${Math.min(...cones)} / median ${med} / max ${Math.max(...cones)}`);
  if (mismatches.length) console.log(`      recomputed ≠ cone for: ${mismatches.join(', ')}`);
  return [report({
    name: 'recomputed set = downstream cone for every input',
    measured: `${cones.length - mismatches.length}/${cones.length} inputs exact; median ${med} cells recomputed`,
    baseline: `${derivedCount} cells from scratch`,
    ratio: `median cone = ${((100 * med) / derivedCount).toFixed(1)} % of the graph`,
    target: 'every input exact',
    met: mismatches.length === 0,
  })];
}
