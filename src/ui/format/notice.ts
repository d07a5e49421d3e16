/**
 * The notice beside an input field whose typed text is a bare number: read in SI, and when that
 * is implausible for the quantity, the reading and the likely intent (src/scenario/plausible.ts,
 * the same rule as --set and plan files). The value is kept; the notice says what it was read as.
 */
import { isBareNumber } from '../../graph/units.js';
import { bareNumberWarning } from '../../scenario/plausible.js';
import type { WorkbenchStore } from '../store/index.js';

export function bareNumberNotice(store: WorkbenchStore, id: string): string | undefined {
  const def = store.graph.def(id);
  if (def.kind !== 'input' || def.domain.kind !== 'number') return undefined;
  const text = store.inputText(id);
  if (!isBareNumber(text) || store.inputProblem(id) !== undefined) return undefined;
  // The default (catalogue) value says which unit the cell is shown in.
  return bareNumberWarning(id, text.trim(), Number(text), def, typeof def.default === 'number' ? def.default : null);
}
