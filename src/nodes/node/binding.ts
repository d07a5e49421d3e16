/**
 * The inference row of the binding-wall split (physics.md §11.5): the headline time (wall 1
 * latency) is split into disjoint parts — max(T_c, T_m) to wall 1 if Compute-bound, to wall 2
 * if Memory or Host-link bound; T_ov to wall 3. The parts sum to the latency exactly. Serving
 * and training split their own headline times (walls 4 and 14).
 */
import { type CellDef, derived, number, text } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import type { BuildContext } from '../context.js';

const s115 = spec('§11.5');

/** Which of walls 1 and 2 owns max(T_c, T_m). */
export function rooflineOwner(bottleneck: string): 1 | 2 {
  return bottleneck === 'Memory' || bottleneck === 'Host link' ? 2 : 1;
}

export function bindingPartCells(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'inference') return [];
  const part = (scope: string, wall: 1 | 2) =>
    derived({
      id: `${scope}.binding_part`,
      label: `Wall ${wall} share of latency`,
      doc: `The part of the step latency owned by wall ${wall} in the binding-wall split.`,
      unit: 's', layer: 'E', wall, source: s115,
      formula: `max(T_c, T_m) if the bottleneck is ${wall === 1 ? 'Compute' : 'Memory or Host link'}, else 0`,
      inputs: { tc: number('compute.t_compute'), tm: number('compute.t_memory'), bottleneck: text('compute.bottleneck') },
      compute: ({ tc, tm, bottleneck }) => (rooflineOwner(bottleneck) === wall ? Math.max(tc, tm) : 0),
    });
  return [
    part('compute', 1),
    part('memory', 2),
    derived({
      id: 'software.binding_part',
      label: 'Wall 3 share of latency',
      doc: 'The part of the step latency owned by wall 3 (launch overhead) in the binding-wall split.',
      unit: 's', layer: 'E', wall: 3, source: s115,
      formula: 'T_ov',
      inputs: { overhead: number('compute.t_overhead') },
      compute: ({ overhead }) => overhead,
    }),
  ];
}
