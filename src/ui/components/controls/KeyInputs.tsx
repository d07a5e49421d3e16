/**
 * The inputs a lecture turns most often — batch, precision, efficiency, context, the
 * parallelism layout, duration — as fields bound to their cells. Edits go through the
 * workbench store like any other (traced, undoable); refused values show their message here.
 */
import { For, type JSX, Show } from 'solid-js';
import type { InputDef } from '../../../graph/index.js';
import { unitLabel } from '../../format/display.js';
import { bareNumberNotice } from '../../format/notice.js';
import type { WorkbenchStore } from '../../store/index.js';
import { InputEditor } from '../InputEditor.jsx';

const KEY_INPUTS: readonly string[] = [
  'scenario.batch_size', 'scenario.precision', 'scenario.efficiency', 'scenario.context_len',
  'communication.tp', 'communication.pp', 'communication.ep', 'communication.zero_stage', 'communication.microbatch_size',
  'capital.duration',
];

interface KeyInputsProps {
  readonly store: WorkbenchStore;
}

export function KeyInputs(props: KeyInputsProps): JSX.Element {
  const graph = props.store.graph;
  const present = KEY_INPUTS.filter((id) => graph.has(id) && graph.isInput(id)).map((id) => graph.def(id) as InputDef);
  return (
    <section class="key-inputs" aria-label="Key inputs">
      <For each={present}>{(def) => <KeyInput store={props.store} def={def} />}</For>
    </section>
  );
}

function KeyInput(props: { readonly store: WorkbenchStore; readonly def: InputDef }): JSX.Element {
  const def = props.def;
  const problem = () => {
    const typed = props.store.inputProblem(def.id);
    if (typed) return typed;
    const v = props.store.value(def.id);
    return v.ok ? undefined : v.error.message;
  };
  const fieldId = `key-${def.id}`;
  return (
    <div class="key-input" data-key-input={def.id} classList={{ error: problem() !== undefined }}>
      <label for={fieldId} title={def.doc}>
        {def.label} <span class="key-unit">{unitLabel(def)}</span>
      </label>
      <Show
        when={def.domain.kind === 'choice' ? def.domain.choices : undefined}
        fallback={<InputEditor store={props.store} id={def.id} fieldId={fieldId} class="key-editor" />}
      >
        {(choices) => (
          <select
            id={fieldId}
            class="key-editor"
            data-input={def.id}
            onChange={(e) => props.store.commitInput(def.id, e.currentTarget.value)}
          >
            <For each={choices()}>
              {(c) => (
                <option value={c} selected={c === props.store.inputText(def.id)}>
                  {c}
                </option>
              )}
            </For>
          </select>
        )}
      </Show>
      <Show when={problem()}>{(m) => <div class="key-problem" role="alert">{m()}</div>}</Show>
      <Show when={bareNumberNotice(props.store, def.id)}>{(m) => <div class="key-notice" role="status" data-input-notice>{m()}</div>}</Show>
    </div>
  );
}
