/**
 * The text field of an input cell: type a value with its unit ("3.35 TB/s", "10 µs") and
 * press Enter or leave the field. Escape restores the current text. The same store text
 * backs every editor of a cell, so the card and the inspector always agree.
 */
import type { JSX } from 'solid-js';
import type { WorkbenchStore } from '../store/index.js';

interface InputEditorProps {
  readonly store: WorkbenchStore;
  readonly id: string;
  readonly class?: string;
  /** The element id, for a <label for=…>. */
  readonly fieldId?: string;
}

export function InputEditor(props: InputEditorProps): JSX.Element {
  const def = () => props.store.graph.def(props.id);
  const invalid = () => props.store.inputProblem(props.id) !== undefined || !props.store.value(props.id).ok;
  const commit = (el: HTMLInputElement): void => {
    props.store.commitInput(props.id, el.value);
  };
  return (
    <input
      class={`input-editor ${props.class ?? ''}`}
      type="text"
      id={props.fieldId}
      spellcheck={false}
      autocomplete="off"
      data-input={props.id}
      aria-label={`${def().label} (${def().unit})`}
      aria-invalid={invalid()}
      value={props.store.inputText(props.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
        else if (e.key === 'Escape') e.currentTarget.value = props.store.inputText(props.id);
      }}
      onChange={(e) => commit(e.currentTarget)}
    />
  );
}
