/**
 * The outputs plotted as series: the chosen cell ids (each removable), a field to add any
 * cell of the graph by id (with completion), and one-click buttons for the scorecard
 * headline metrics not yet chosen.
 */
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';

interface OutputPickerProps {
  readonly outputs: readonly string[];
  /** Every cell id of the graph (completion and validation). */
  readonly cells: readonly string[];
  readonly headlines: readonly string[];
  readonly labelOf: (id: string) => string;
  onChange(outputs: string[]): void;
}

export function OutputPicker(props: OutputPickerProps): JSX.Element {
  const listId = createUniqueId();
  const [text, setText] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const add = (id: string) => {
    const t = id.trim();
    if (t === '') return;
    if (!props.cells.includes(t)) {
      setProblem(`'${t}' is not a cell of this scenario`);
      return;
    }
    setProblem(undefined);
    setText('');
    if (!props.outputs.includes(t)) props.onChange([...props.outputs, t]);
  };
  const missing = () => props.headlines.filter((h) => !props.outputs.includes(h));
  return (
    <fieldset class="sweep-outputs">
      <legend>Outputs (series)</legend>
      <ul class="output-chips">
        <For each={props.outputs}>
          {(id) => (
            <li data-output={id} title={props.labelOf(id)}>
              <code>{id}</code>
              <button type="button" aria-label={`Remove ${id}`} onClick={() => props.onChange(props.outputs.filter((o) => o !== id))}>
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
      <div class="output-add">
        <input
          type="text"
          list={listId}
          spellcheck={false}
          placeholder="add a cell id, e.g. memory.memory_footprint"
          aria-label="Add an output cell"
          data-field="outputs.add"
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(e.currentTarget.value);
            }
          }}
        />
        <button type="button" onClick={() => add(text())}>
          Add
        </button>
        <datalist id={listId}>
          <For each={props.cells}>{(c) => <option value={c} />}</For>
        </datalist>
      </div>
      <Show when={missing().length > 0}>
        <div class="output-headlines">
          <For each={missing()}>
            {(h) => (
              <button type="button" class="chip-add" data-add-output={h} onClick={() => add(h)}>
                + {h}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={problem()}>{(m) => <p class="message error" role="alert">{m()}</p>}</Show>
    </fieldset>
  );
}
