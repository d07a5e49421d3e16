/**
 * The one knob of the story: an input's editor (type a value with its unit, Enter) and, for a
 * number, ÷2 and ×2 (an integer input stays an integer). Every change is an ordinary edit:
 * traced, undoable, saved.
 */
import { type JSX, Show } from 'solid-js';
import type { ScenarioStore } from '../../store/scenario-store.js';
import { InputEditor } from '../InputEditor.jsx';

export function Knob(props: { readonly store: ScenarioStore; readonly id: string }): JSX.Element {
  const graph = () => props.store.built().graph;
  const def = () => graph().def(props.id);
  const number = () => {
    const d = def();
    return d.kind === 'input' && d.domain.kind === 'number' ? d.domain : undefined;
  };
  const scale = (k: number) => {
    const raw = graph().rawInput(props.id);
    if (typeof raw !== 'number') return;
    const next = raw * k;
    props.store.setInput(props.id, number()?.integer ? Math.max(1, Math.round(next)) : next);
  };
  const field = `story-knob-${props.id}`;
  return (
    <div class="story-knob" data-story-knob={props.id}>
      <label for={field}>{def().label}</label>
      <Show when={props.store.workbench()} keyed>
        {(wb) => <InputEditor store={wb} id={props.id} class="story-knob-field" fieldId={field} />}
      </Show>
      <Show when={number()}>
        <button type="button" data-knob="half" onClick={() => scale(0.5)} aria-label={`÷2 — halve ${def().label}`}>
          ÷2
        </button>
        <button type="button" data-knob="double" onClick={() => scale(2)} aria-label={`×2 — double ${def().label}`}>
          ×2
        </button>
      </Show>
    </div>
  );
}
