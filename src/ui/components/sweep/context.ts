/**
 * How the rest of the page asks for a sweep without knowing the sweep store: the inspector's
 * "Sweep this" button and the cell cards' context menu read these actions from a Solid
 * context that App.tsx provides; without a provider (tests of a lone card) they offer nothing.
 */
import { createContext, useContext } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';

export interface SweepActions {
  /** Opens the sweep panel with a new sweep of this input cell. */
  sweepCell(id: string): void;
  /** Opens the cell menu ("Sweep this") at a point of the window. */
  openCellMenu(id: string, clientX: number, clientY: number): void;
}

export const SweepActionsContext = createContext<SweepActions>();

export function useSweepActions(): SweepActions | undefined {
  return useContext(SweepActionsContext);
}

/** Only numeric input cells can be swept. */
export function isSweepable(graph: LiveGraph, id: string): boolean {
  if (!graph.has(id) || !graph.isInput(id)) return false;
  const def = graph.def(id);
  return def.kind === 'input' && def.domain.kind === 'number';
}

/** The numeric input cells of a graph, sorted by id (the form's axis choices). */
export function sweepableCells(graph: LiveGraph): string[] {
  return graph.topology.ids.filter((id) => isSweepable(graph, id)).sort();
}
