/**
 * The layout search of an inference or serving deployment (physics.md §11.4, widened; the
 * issue "Physics IV"): the structures of the one candidate generator (training-layouts.ts) —
 * t | g and t | H, p every divisor of N/t up to L, c | N/(t·p) where the prompt allows
 * (S mod 2c = 0, S ≥ 2c·128), e | dp and e | E — each evaluated once on scratch values (the live
 * graph is left as it was). One pass records for every layout whether it fits and meets the
 * mode's targets: the best that meets them wins; else the best that fits, with a note; else
 * the least memory per GPU, marked infeasible.
 *
 * Context parallelism only where it helps: c > 1 divides a prompt's prefill and a decode
 * step's KV reads by c but adds the ring and the merge of the attention partials, each paid in
 * its α latencies per layer, so a short prompt or a small KV makes it lose on its own numbers.
 * Where the model still sees no difference (an exact tie), the smaller c is taken: the ring
 * occupies the links and SMs the model counts as hidden (Megatron-Core notes its CP
 * communication kernels share the SMs with the attention), so a gain the model cannot see is
 * not one to buy.
 */
import { type LiveGraph, type Plain, withScratchInputs, writeScratch } from '../../graph/index.js';
import { numberAt, readMetrics } from './metrics.js';
import type { GoalSpec } from './parallelism.js';
import { layoutFacts, layoutStructures, REPLICA_LAYOUT_CELLS, searchedCells, type Structure } from './training-layouts.js';
import type { OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';

interface Options extends OptimizeProgress {
  readonly fixed?: Readonly<Record<string, Plain>>;
}

interface Seen {
  readonly candidate: OptimizeCandidate;
  readonly fits: boolean;
  readonly meets: boolean;
  readonly memory: number | undefined;
}

/** The layout cells a candidate names: t, p, e, and c when it is part of the answer (c > 1) or held. */
function valuesOf(s: Structure, cells: readonly string[], fixed: Readonly<Record<string, Plain>>): Record<string, number> {
  const all: Record<string, number> = { 'communication.tp': s.tp, 'communication.pp': s.pp, 'communication.ep': s.ep, 'communication.cp': s.cp };
  return Object.fromEntries(Object.entries(all).filter(([id, v]) => cells.includes(id) && (id !== 'communication.cp' || v !== 1 || id in fixed)));
}

/** Every replica layout evaluated once: its values, objective, report metrics, and the checks. */
function evaluateAll(graph: LiveGraph, spec: GoalSpec, structures: readonly Structure[], cells: readonly string[], o: Options): { seen: Seen[]; tried: number } {
  const seen: Seen[] = [];
  let tried = 0;
  const fixed = o.fixed ?? {};
  withScratchInputs(graph, cells, () => {
    for (const s of structures) {
      tried++;
      if (o.onProgress && tried % 100 === 0) o.onProgress(tried, structures.length);
      writeScratch(graph, { 'communication.tp': s.tp, 'communication.pp': s.pp, 'communication.ep': s.ep, 'communication.cp': s.cp });
      const memory = numberAt(graph, spec.memory);
      const fits = spec.fits(graph);
      const objective = numberAt(graph, spec.objective.name);
      if (objective === undefined && !fits && memory === undefined) continue;
      const meets = fits && (!spec.meetsTarget || spec.meetsTarget(graph));
      const candidate = { values: valuesOf(s, cells, fixed), objective: objective ?? 0, metrics: readMetrics(graph, spec.report) };
      seen.push({ candidate, fits: fits && objective !== undefined, meets: meets && objective !== undefined, memory });
    }
  });
  if (o.onProgress) o.onProgress(structures.length, structures.length);
  return { seen, tried };
}

/** The listed layouts share their keys: when any names cp, those without a ring show cp = 1 (a table's columns come from one row). */
function sameKeys(top: readonly OptimizeCandidate[]): OptimizeCandidate[] {
  const cp = 'communication.cp';
  if (!top.some((c) => cp in c.values)) return [...top];
  return top.map((c) => (cp in c.values ? c : { ...c, values: { ...c.values, [cp]: 1 } }));
}

export function searchReplicaLayouts(graph: LiveGraph, spec: GoalSpec, o: Options = {}): OptimizeResult {
  const fixed = o.fixed ?? {};
  const cells = REPLICA_LAYOUT_CELLS.filter((id) => graph.has(id));
  const searched = searchedCells(Object.keys(fixed), cells);
  const current: Record<string, Plain> = Object.fromEntries(cells.map((id) => [id, graph.value(id) ?? null]));
  const structures = layoutStructures(layoutFacts(graph), searched, { ...current, ...fixed });
  const { seen, tried } = evaluateAll(graph, spec, structures, cells, o);
  const counts = { total: structures.length, tried };
  const byObjective = (a: OptimizeCandidate, b: OptimizeCandidate) =>
    (a.objective !== b.objective ? (spec.objective.sense === 'max' ? b.objective - a.objective : a.objective - b.objective) : spec.tieBreak(a, b));
  const meeting = seen.filter((x) => x.meets).map((x) => x.candidate).sort(byObjective);
  const fitting = seen.filter((x) => x.fits).map((x) => x.candidate).sort(byObjective);
  const ranked = meeting.length ? meeting : fitting;
  if (ranked.length) {
    const message = !meeting.length && spec.meetsTarget ? 'no layout meets the serving targets (ttft, itl, p99); showing the layouts that fit, best first' : undefined;
    return {
      kind: 'parallelism', objective: spec.objective, best: ranked[0], top: sameKeys(ranked.slice(0, o.topK ?? 5)), ...counts, feasible: ranked.length,
      ...(message ? { message } : {}),
    };
  }
  // Nothing fits: report the layout with the smallest per-GPU memory, marked infeasible.
  const least = seen.filter((x) => x.memory !== undefined).sort((a, b) => a.memory! - b.memory!)[0];
  return {
    kind: 'parallelism', objective: spec.objective, best: least?.candidate, top: least ? [least.candidate] : [], ...counts, feasible: 0,
    message: least ? 'no layout fits in memory; showing the layout with the smallest per-GPU memory (infeasible)' : 'no layout could be evaluated',
  };
}
