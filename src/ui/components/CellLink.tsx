/** A cell named in a list (inputs, dependents, trace): its label and value; click to select it. */
import type { JSX } from 'solid-js';
import { displayValue } from '../format/display.js';
import type { WorkbenchStore } from '../store/index.js';

interface CellLinkProps {
  readonly store: WorkbenchStore;
  readonly id: string;
  /** Replaces the current value (the trace shows old → new instead). */
  readonly detail?: JSX.Element;
}

export function CellLink(props: CellLinkProps): JSX.Element {
  const def = () => props.store.graph.def(props.id);
  const value = () => props.store.value(props.id);
  return (
    <button
      type="button"
      class="cell-link"
      classList={{ error: !value().ok }}
      data-link={props.id}
      onClick={() => props.store.select(props.id)}
    >
      <span class="link-label">{def().label}</span>
      <span class="link-value">{props.detail ?? displayValue(def(), value())}</span>
    </button>
  );
}
