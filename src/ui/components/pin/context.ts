/**
 * How the inspector and the cell cards pin a derived cell without knowing the scenario store:
 * actions from a Solid context that SweepHost provides (pins are "any cell as a sweep axis");
 * without a provider (tests of a lone card) they offer nothing.
 */
import { createContext, useContext } from 'solid-js';

export interface PinActions {
  /** Pins a derived cell at its current value (its formula set aside; then edited like an input). */
  pin(id: string): void;
  /** Restores the cell's formula. */
  unpin(id: string): void;
}

export const PinActionsContext = createContext<PinActions>();

export function usePinActions(): PinActions | undefined {
  return useContext(PinActionsContext);
}
