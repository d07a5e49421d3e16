/**
 * The selected cell in full: value, unit, what it means, its formula, the cells it reads
 * (click to walk upstream) and the cells that read it, its source, and its error or
 * warnings. An input can be edited here too; its domain is spelled out beside the field.
 */
import { For, type JSX, Show } from 'solid-js';
import { type CellDef, type CellValue, describeDomain, type InputDef } from '../../graph/index.js';
import { displayValue, editorText, formatValue } from '../format/display.js';
import { bareNumberNotice } from '../format/notice.js';
import { LAYER_NAMES } from '../layout/index.js';
import type { WorkbenchStore } from '../store/index.js';
import { CalibrateHost } from './calibrate/CalibrateHost.jsx';
import { canCalibrate } from './calibrate/can-calibrate.js';
import { CellLink } from './CellLink.jsx';
import { InputEditor } from './InputEditor.jsx';
import { SourceText } from './peek/SourceText.jsx';
import { PinSection } from './pin/PinSection.jsx';
import { useSweepActions } from './sweep/context.js';

interface InspectorProps {
  readonly store: WorkbenchStore;
}

export function Inspector(props: InspectorProps): JSX.Element {
  return (
    <section class="inspector panel" aria-label="Inspector">
      <Show
        when={props.store.selected()}
        keyed
        fallback={<p class="hint">Select a cell to see its formula, inputs and source.</p>}
      >
        {(id) => <CellDetails store={props.store} id={id} />}
      </Show>
    </section>
  );
}

function CellDetails(props: { readonly store: WorkbenchStore; readonly id: string }): JSX.Element {
  const graph = props.store.graph;
  const def: CellDef = graph.def(props.id);
  const value = () => props.store.value(props.id);
  const problem = () => (def.kind === 'input' ? props.store.inputProblem(props.id) : undefined);
  const inputs = graph.topology.inputsOf(props.id);
  const dependents = graph.topology.dependentsOf(props.id);
  return (
    <div class="cell-details" data-inspecting={props.id}>
      <div class="kicker">
        {def.layer} · {LAYER_NAMES[def.layer]}
        {def.wall !== undefined ? ` · wall ${def.wall}` : ''} · {def.kind === 'input' ? 'input' : 'derived'}
      </div>
      <h2>{def.label}</h2>
      <code class="cell-id">{def.id}</code>
      <div class="big-value" classList={{ error: !value().ok }} data-inspector-value>
        {displayValue(def, value())}
      </div>
      <div class="unit-line">
        unit {def.unit}
        {def.displayUnit ? `, shown in ${def.displayUnit}` : ''}
      </div>
      <Show when={problem()}>
        <div class="message error" role="alert">
          {problem()} — the graph keeps {formatValue(def, graph.rawInput(props.id))}.
        </div>
      </Show>
      <Show when={def.kind === 'input' ? bareNumberNotice(props.store, props.id) : undefined}>
        {(m) => <div class="message warning" role="status" data-input-notice>{m()}</div>}
      </Show>
      <Show when={!value().ok || (value().ok && warningsOf(value()).length > 0)}>
        <div class="message" classList={{ error: !value().ok, warning: value().ok }} role="status">
          {value().ok ? warningsOf(value()).join('; ') : messageOf(value())}
        </div>
      </Show>
      <p class="doc">{def.doc}</p>
      <Show when={def.kind === 'input' ? def : undefined}>{(d) => <InputSection store={props.store} def={d()} />}</Show>
      <Show when={def.kind === 'derived' ? def : undefined}>{(d) => <PinSection store={props.store} def={d()} />}</Show>
      <Show when={canCalibrate(props.store, props.id)}><CalibrateHost store={props.store} id={props.id} /></Show>
      <Show when={def.kind === 'derived' ? def.formula : undefined}>
        {(f) => <pre class="formula">{f()}</pre>}
      </Show>
      <Show when={inputs.length > 0}>
        <h3>Reads</h3>
        <div class="link-list">
          <For each={inputs}>{(i) => <CellLink store={props.store} id={i} />}</For>
        </div>
      </Show>
      <Show when={dependents.length > 0}>
        <h3>Read by</h3>
        <div class="link-list">
          <For each={dependents}>{(d) => <CellLink store={props.store} id={d} />}</For>
        </div>
      </Show>
      <Show when={def.source}>
        {(s) => (
          <p class="source">
            <SourceText source={s()} />
          </p>
        )}
      </Show>
    </div>
  );
}

function InputSection(props: { readonly store: WorkbenchStore; readonly def: InputDef }): JSX.Element {
  const def = props.def;
  // The raw value and provenance are not signals: reading the cell's value makes these
  // follow every edit (an edit that changes neither leaves the value, and them, as they were).
  const atDefault = () => {
    props.store.value(def.id);
    return Object.is(props.store.graph.rawInput(def.id), def.default) && props.store.inputProblem(def.id) === undefined;
  };
  const provenance = () => {
    props.store.value(def.id);
    return props.store.graph.provenance(def.id);
  };
  const sweep = useSweepActions();
  return (
    <div class="input-section">
      <label class="field-label" for={`inspector-${def.id}`}>
        {def.domain.kind === 'number' ? 'Value (a number with its unit, then Enter)' : 'Value (then Enter)'}
      </label>
      <InputEditor store={props.store} id={def.id} class="inspector-editor" fieldId={`inspector-${def.id}`} />
      <div class="domain">
        Allowed: {describeDomain(def.domain)} · from {provenance()}
      </div>
      <Show when={!atDefault()}>
        <button type="button" class="restore" onClick={() => props.store.commitInput(def.id, editorText(def, def.default))}>
          Restore default {formatValue(def, def.default)}
        </button>
      </Show>
      <Show when={def.domain.kind === 'number' ? sweep : undefined}>
        {(a) => (
          <button type="button" class="sweep-this" data-sweep-this={def.id} onClick={() => a().sweepCell(def.id)}>
            Sweep this…
          </button>
        )}
      </Show>
    </div>
  );
}

function warningsOf(v: CellValue): readonly string[] {
  return v.ok ? v.warnings : [];
}

function messageOf(v: CellValue): string {
  return v.ok ? '' : v.error.message;
}
