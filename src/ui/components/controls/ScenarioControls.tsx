/**
 * The scenario's catalogue choices: model, hardware, system (cluster or node; none = one
 * device), grid region, mode and ops days. Every change rebuilds the graph (the store carries
 * the overrides over and reports the ones it could not keep).
 */
import { createSignal, For, type JSX, Show } from 'solid-js';
import { layoutText, MODES, type ScenarioMode } from '../../../scenario/index.js';
import { entryLabel, type ScenarioStore } from '../../store/index.js';
import { CatalogPicker } from './CatalogPicker.jsx';
import { pickRows, systemRows } from './catalog-rows.js';
import { CustomEntryDialog } from './CustomEntryDialog.jsx';

interface ScenarioControlsProps {
  readonly store: ScenarioStore;
}

export function ScenarioControls(props: ScenarioControlsProps): JSX.Element {
  const d = () => props.store.desc();
  // The layout in use when the devices split the model (live: edits of communication.tp … show).
  const layout = (): string | undefined => {
    props.store.version();
    const b = props.store.built();
    const g = b.graph;
    if (!g.has('communication.tp') || !(Number(g.value('communication.num_devices')) > 1)) return undefined;
    const values = Object.fromEntries(['communication.tp', 'communication.pp', 'communication.ep'].map((id) => [id, g.value(id) ?? null]));
    const auto = b.layout?.auto === true && Object.entries(b.layout.values).every(([id, v]) => values[id] === v);
    return `layout${auto ? ' (auto)' : ''}: ${layoutText(values)} · ${String(g.value('communication.dp'))} replicas`;
  };
  const [customOpen, setCustomOpen] = createSignal(false);
  const [daysProblem, setDaysProblem] = createSignal<string>();
  const setDays = (text: string) => {
    const t = text.trim();
    if (!t) {
      setDaysProblem(undefined);
      props.store.choose({ opsDays: undefined });
      return;
    }
    const n = Number(t);
    if (!(Number.isFinite(n) && n > 0)) {
      setDaysProblem(`ops days must be a number > 0 (got ${t})`);
      return;
    }
    setDaysProblem(undefined);
    props.store.choose({ opsDays: n });
  };
  return (
    <section class="scenario-controls" aria-label="Scenario">
      <CatalogPicker label="Model" name="model" rows={pickRows('model')} value={entryLabel(d().model)} onPick={(id) => id && props.store.choose({ model: id })} />
      <CatalogPicker
        label="Hardware"
        name="hardware"
        rows={pickRows('hardware')}
        value={entryLabel(d().hardware)}
        onPick={(id) => id && props.store.choose({ hardware: id })}
      />
      <CatalogPicker
        label="System"
        name="system"
        rows={systemRows()}
        value={d().system ?? ''}
        noneLabel="one device"
        onPick={(id) => props.store.choose({ system: id })}
      />
      <CatalogPicker
        label="Grid region"
        name="region"
        rows={pickRows('grid')}
        value={d().region ?? ''}
        noneLabel="US_Avg (default)"
        onPick={(id) => props.store.choose({ region: id })}
      />
      <label class="control">
        <span>Mode</span>
        <select data-mode onChange={(e) => props.store.choose({ mode: (e.currentTarget.value || undefined) as ScenarioMode | undefined })}>
          <option value="">default</option>
          <For each={MODES}>
            {(m) => (
              <option value={m} selected={d().mode === m}>
                {m}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="control">
        <span>Ops days</span>
        <input
          type="text"
          data-ops-days
          size={5}
          placeholder="none"
          aria-invalid={daysProblem() !== undefined}
          value={d().opsDays ?? ''}
          onChange={(e) => setDays(e.currentTarget.value)}
        />
      </label>
      <button type="button" class="custom-button" data-custom-entry onClick={() => setCustomOpen(!customOpen())}>
        Custom entry…
      </button>
      <Show when={layout()}>{(text) => <span class="control layout-note" data-layout title={props.store.built().layout?.note}>{text()}</span>}</Show>
      <Show when={daysProblem()}>{(m) => <div class="control-problem" role="alert">{m()}</div>}</Show>
      <Show when={customOpen()}>
        <CustomEntryDialog store={props.store} onClose={() => setCustomOpen(false)} />
      </Show>
    </section>
  );
}
