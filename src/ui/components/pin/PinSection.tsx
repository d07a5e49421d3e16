/**
 * The inspector's part for a derived cell: Pin (its formula set aside, the value editable like
 * an input, a pin mark and the warning), Unpin (the formula again), and Sweep this… (a numeric
 * derived cell is pinned to each swept value for the run).
 */
import { type JSX, Show } from 'solid-js';
import type { DerivedDef } from '../../../graph/index.js';
import type { WorkbenchStore } from '../../store/index.js';
import { InputEditor } from '../InputEditor.jsx';
import { useSweepActions } from '../sweep/context.js';
import { usePinActions } from './context.js';
import './pin.css';

/** A derived cell holding a number can be pinned and swept; true/false and text cells can be pinned only. */
export const isNumericDerived = (def: DerivedDef): boolean => !['bool', 'enum', 'text'].includes(def.unit);

export function PinSection(props: { readonly store: WorkbenchStore; readonly def: DerivedDef }): JSX.Element {
  const pins = usePinActions();
  const sweep = useSweepActions();
  const pinned = () => props.store.graph.isPinned(props.def.id);
  const field = `inspector-pin-${props.def.id}`;
  return (
    <div class="pin-section" data-pin-section={props.def.id}>
      <Show
        when={pinned()}
        fallback={
          <Show when={pins}>
            {(a) => (
              <button type="button" class="pin-button" data-pin={props.def.id} onClick={() => a().pin(props.def.id)} title="Set the formula aside and give this cell a value of your own, like an input">
                <span aria-hidden="true">📌</span> Pin this value
              </button>
            )}
          </Show>
        }
      >
        <p class="pin-mark" data-pinned={props.def.id}>
          <span aria-hidden="true">📌</span> Pinned: the formula is set aside and cells downstream follow this value.
        </p>
        <label class="field-label" for={field}>Pinned value (a number with its unit, then Enter)</label>
        <InputEditor store={props.store} id={props.def.id} class="inspector-editor" fieldId={field} />
        <Show when={pins}>
          {(a) => (
            <button type="button" class="restore" data-unpin={props.def.id} onClick={() => a().unpin(props.def.id)}>
              Unpin (restore the formula)
            </button>
          )}
        </Show>
      </Show>
      <Show when={isNumericDerived(props.def) ? sweep : undefined}>
        {(a) => (
          <button type="button" class="sweep-this" data-sweep-this={props.def.id} onClick={() => a().sweepCell(props.def.id)} title="Sweep this cell as an input: it is pinned to each value for the run">
            Sweep this…
          </button>
        )}
      </Show>
    </div>
  );
}

/** The card's pin toggle: 📌 pins a derived cell at its value, and on a pinned cell unpins it. */
export function PinToggle(props: { readonly id: string; readonly pinned: boolean }): JSX.Element {
  const pins = usePinActions();
  return (
    <Show when={pins}>
      {(a) => (
        <button
          type="button"
          class="pin-toggle"
          classList={{ on: props.pinned }}
          data-pin-toggle={props.id}
          aria-pressed={props.pinned}
          aria-label={props.pinned ? 'Unpin: restore the formula' : 'Pin this value (set the formula aside)'}
          title={props.pinned ? 'Pinned — click to restore the formula' : 'Pin this value: set the formula aside and edit it like an input'}
          onClick={(e) => {
            e.stopPropagation();
            if (props.pinned) a().unpin(props.id);
            else a().pin(props.id);
          }}
          onKeyDown={(e) => e.stopPropagation()}
        >
          📌
        </button>
      )}
    </Show>
  );
}
