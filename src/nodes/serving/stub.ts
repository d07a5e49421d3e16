/**
 * The serving walls (4–7) are defined for LM families only (physics.md §5 heading). A
 * non-LM scenario that asks for them gets their public outputs as `invalid_input` errors, so
 * the board shows ERROR and the CLI reports bad input, instead of silent zeros.
 */
import { type CellDef, derived, fail } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

/** `<id>: unit` of the outputs a wall exposes. */
export type OutputUnits = Readonly<Record<string, string>>;

export function lmOnlyStub(ctx: BuildContext, scope: string, wall: number, outputs: OutputUnits): CellDef[] {
  const why = `wall ${wall} (${scope}) applies to LM families only; ${ctx.model.id} is a ${ctx.model.family} model`;
  const error = () => fail('invalid_input', why);
  const cells: CellDef[] = Object.entries(outputs).map(([id, unit]) =>
    derived({ id, label: id, doc: `Not defined for a non-LM model (physics.md §5).`, unit, layer: 'E', wall,
      formula: 'LM families only', inputs: {}, compute: error }));
  for (const [name, unit] of [['status', 'enum'], ['status_reason', 'text']] as const) {
    cells.push(derived({ id: `${scope}.${name}`, label: `Wall ${wall} ${name.replace('_', ' ')}`, unit, layer: 'E', wall,
      doc: `Wall ${wall} cannot be judged for a non-LM model.`, formula: 'LM families only', inputs: {}, compute: error }));
  }
  return cells;
}
