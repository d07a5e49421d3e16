/**
 * The layout of an inference or serving scenario whose devices split one model, when the
 * scenario leaves it (partly) unset: like training's `auto` (§11.4), the parallelism search
 * picks the layout that fits with the best headline — the lowest decode step for inference,
 * the most tokens/s at capacity within the serving targets for serving — and says which. A
 * layout cell the user set is held; the others are searched. `layout: given` searches nothing.
 */
import type { LiveGraph, Plain } from '../graph/index.js';
import type { BuiltScenario, LayoutChoice } from './build.js';
import { REPLICA_LAYOUT_CELLS } from './optimize/training-layouts.js';
import { optimizeParallelism } from './optimize/parallelism.js';

const short = (id: string): string => id.replace('communication.', '');

/** "tp=8, pp=1, ep=1" (and cp when a ring is part of the layout). */
export function layoutText(values: Readonly<Record<string, Plain>>): string {
  return Object.entries(values).map(([k, v]) => `${short(k)}=${String(v)}`).join(', ');
}

/** Whether this graph is one whose layout a search may pick outside training. */
export function hasReplicaLayout(graph: LiveGraph): boolean {
  return graph.has('communication.decode_step_time');
}

/** The search's choice, holding the cells in `fixed`; undefined when nothing could be evaluated. */
export function searchReplicaLayout(built: Omit<BuiltScenario, 'layout'>, fixed: Readonly<Record<string, Plain>>): LayoutChoice | undefined {
  const r = optimizeParallelism(built.graph, { fixed });
  if (!r.best) return undefined;
  const what = built.ctx.mode === 'serving' ? 'the most tokens/s at capacity' : 'the lowest decode step';
  const held = Object.keys(fixed).length ? `; ${layoutText(fixed)} held as set` : '';
  const note = r.feasible
    ? `chosen for ${what} among ${r.feasible} layout${r.feasible === 1 ? '' : 's'} that fit${held}${r.message ? `; ${r.message}` : ''}`
    : `${r.message ?? 'no layout fits'}${held}`;
  return { auto: true, values: r.best.values, tried: r.tried, feasible: r.feasible, note };
}

/**
 * The layout to apply after the overrides (`values`), or undefined: nothing to choose (one
 * device, training, `layout: given`, or every searched cell set by the user).
 */
export function replicaLayout(
  built: Omit<BuiltScenario, 'layout'>, values: Readonly<Record<string, Plain>>,
  choose: (built: Omit<BuiltScenario, 'layout'>, fixed: Readonly<Record<string, Plain>>) => LayoutChoice | undefined = searchReplicaLayout,
): LayoutChoice | undefined {
  if (built.ctx.mode === 'training' || !hasReplicaLayout(built.graph) || built.scenario.layout === 'given') return undefined;
  const fixed = Object.fromEntries(REPLICA_LAYOUT_CELLS.filter((id) => id in values).map((id) => [id, values[id]]));
  if (['communication.tp', 'communication.pp', 'communication.ep'].every((id) => id in fixed)) return undefined;
  return choose(built, fixed);
}

/** The notice for a layout chosen outside training: "layout (auto): tp=8, pp=1, ep=1 — chosen for …". */
export function layoutNotice(mode: string, layout: LayoutChoice | undefined): string[] {
  if (mode === 'training' || !layout?.auto) return [];
  return [`layout (auto): ${layoutText(layout.values)} — ${layout.note ?? 'chosen by the parallelism search'}; set --tp/--pp/--ep/--cp (or communication.tp …) to choose another`];
}
