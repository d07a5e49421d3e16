/**
 * The bridge from the engine to Solid: one Solid signal per cell, refreshed after every edit
 * of the live graph. Only the edited inputs and their downstream cones are re-read, so the
 * engine recomputes exactly what an edit invalidates and components re-render only the cells
 * whose value changed (`sameValue` cuts off the rest).
 *
 * Why `onEdit` rather than `graph.subscribe` per cell: subscriptions make every cell eager,
 * and sweeps — which restore inputs without emitting edits — would re-render the page once
 * per swept value. Edits are what the page shows.
 */
import { type Accessor, batch, createSignal, type Setter } from 'solid-js';
import { type CellValue, type LiveGraph, sameValue } from '../../graph/index.js';

export interface CellValues {
  /** The current value of a cell (a reactive read). */
  value(id: string): CellValue;
  /** Stops listening to the graph. */
  dispose(): void;
}

interface Slot {
  readonly read: Accessor<CellValue>;
  readonly write: Setter<CellValue>;
}

export function createCellValues(graph: LiveGraph): CellValues {
  const slots = new Map<string, Slot>();
  for (const id of graph.topology.ids) {
    const [read, write] = createSignal<CellValue>(graph.get(id), { equals: sameValue });
    slots.set(id, { read, write });
  }

  const refresh = (edited: readonly string[]): void => {
    const stale = new Set<string>();
    for (const id of edited) {
      stale.add(id);
      for (const d of graph.topology.downstream(id)) stale.add(d);
    }
    batch(() => {
      for (const id of stale) {
        const v = graph.get(id);
        slots.get(id)!.write(() => v);
      }
    });
  };
  const stop = graph.onEdit(refresh);

  return {
    value(id) {
      const slot = slots.get(id);
      if (!slot) throw new Error(`unknown cell ${id}`);
      return slot.read();
    },
    dispose: stop,
  };
}
