/**
 * How the rest of the page asks for a sweep without knowing the sweep store: the inspector's
 * "Sweep this" button and the cell cards' context menu read these actions from a Solid
 * context that App.tsx provides; without a provider (tests of a lone card) they offer nothing.
 */
import { createContext, useContext } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';
import { isNumericCell } from '../../store/sweep-plan.js';

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

/**
 * Numeric cells can be swept: inputs, and derived cells holding a number (pinned to each swept
 * value for the run, spreadsheet-style).
 */
export function isSweepable(graph: LiveGraph, id: string): boolean {
  return isNumericCell(graph, id);
}

/**
 * The form's axis choices, sorted by id: the numeric inputs and the pinned numeric cells (any
 * other derived cell is offered by "Sweep this…" on it, not listed: a graph has hundreds).
 */
export function sweepableCells(graph: LiveGraph): string[] {
  return graph.topology.ids.filter((id) => (graph.isInput(id) || graph.isPinned(id)) && isSweepable(graph, id)).sort();
}
