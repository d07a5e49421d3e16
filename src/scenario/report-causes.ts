/**
 * Why the binding wall binds (physics.md §11.5, wall 21): the wall, its share of the headline
 * time and its status reason; the cell that holds its part of that time
 * (`<scope>.binding_part`; where the mode splits the time without such cells, as serving does,
 * the headline time itself), that cell's formula and the cells it is computed from; and the
 * inputs that move it most, ranked by elasticity E = (x/f)·∂f/∂x (graph/sensitivity.ts,
 * evaluated on scratch values: nothing persists).
 */
import { type LiveGraph, sensitivity } from '../graph/index.js';
import type { BoardStatus } from './board.js';
import type { Evaluation } from './evaluate.js';
import { cellText } from './report-format.js';
import { WALLS } from './walls.js';

/** The headline time §11.5 splits when a mode has no `<scope>.binding_part` cells (binding.ts). */
const SPLIT_TIME = { inference: 'compute.latency', serving: 'serving.request_latency', training: 'communication.step_latency' } as const;

export interface CauseCell {
  readonly id: string;
  readonly label: string;
  /** The value as the workbench shows it (or "error: …"). */
  readonly text: string;
  readonly formula?: string;
}

export interface CauseDriver extends CauseCell {
  /** Elasticity of the cause cell with respect to this input (+1: 1 % more input, 1 % more time). */
  readonly elasticity: number;
}

export interface BindingCauses {
  readonly wall: number;
  readonly name: string;
  readonly status: BoardStatus;
  /** The wall's status reason ('' when it passes). */
  readonly reason: string;
  /** Its part over the sum of all parts (§11.5). */
  readonly share?: number;
  /** The wall's part of the headline time, or the headline time itself (`part` false). */
  readonly cell: CauseCell;
  readonly part: boolean;
  /** The cells `cell` is computed from. */
  readonly inputs: readonly CauseCell[];
  /** Inputs with a non-zero elasticity, largest |E| first. */
  readonly drivers: readonly CauseDriver[];
  /** Why there are no drivers (the cell is an error or zero). */
  readonly driversNote?: string;
}

function causeCell(graph: LiveGraph, id: string): CauseCell {
  const def = graph.def(id);
  return { id, label: def.label, text: cellText(graph, id), ...(def.kind === 'derived' ? { formula: def.formula } : {}) };
}

/**
 * The binding wall's causes, or a sentence saying why there is none. `top` limits the drivers
 * (default 6).
 */
export function bindingCauses(e: Evaluation, graph: LiveGraph, top = 6): BindingCauses | { readonly none: string } {
  const n = e.binding_wall;
  const row = n === undefined ? undefined : e.walls.find((w) => w.wall === n);
  if (n === undefined || !row) return { none: 'No wall binds: the headline time could not be split (its cells are errors or absent in this mode).' };
  const info = WALLS[n - 1];
  const partId = `${info.scope}.binding_part`;
  const part = graph.has(partId);
  const id = part ? partId : graph.has(SPLIT_TIME[e.mode]) ? SPLIT_TIME[e.mode] : undefined;
  const base = { wall: n, name: row.name, status: row.status, reason: row.reason, ...(e.binding_share !== undefined ? { share: e.binding_share } : {}) };
  if (!id) return { none: `Wall ${n} ${row.name} binds, but this scenario has no cell for its part of the time.` };
  const def = graph.def(id);
  const inputs = def.kind === 'derived' ? def.reads.map((r) => causeCell(graph, r)) : [];
  const s = sensitivity(graph, id);
  const drivers = s.entries
    .filter((x) => x.value !== undefined && x.value !== 0)
    .slice(0, top)
    .map((x) => ({ ...causeCell(graph, x.input), elasticity: x.value! }));
  const driversNote = s.error ? `no elasticities: ${s.error.message}` : drivers.length === 0 ? 'no input moves it' : undefined;
  return { ...base, cell: causeCell(graph, id), part, inputs, drivers, ...(driversNote ? { driversNote } : {}) };
}
