/**
 * The sweep drawer at the bottom of the page: the saved sweeps of the scenario (select one to
 * recompute it, × to remove it), the form for the one being edited, the run's progress with
 * Cancel, and the charts with their exports. SweepHost.tsx shows it (loaded on first open)
 * while the store says it is open, and a tab in the corner otherwise.
 */
import { createMemo, For, type JSX, Show } from 'solid-js';
import type { ScenarioSweep } from '../../../scenario/index.js';
import type { ScenarioStore } from '../../store/scenario-store.js';
import type { SweepStore } from '../../store/sweep-store.js';
import { isSweepable, sweepableCells } from './context.js';
import { SweepForm } from './SweepForm.jsx';
import { SweepProgress } from './SweepProgress.jsx';
import { SweepResults } from './SweepResults.jsx';
import './sweep.css';

interface SweepPanelProps {
  readonly store: ScenarioStore;
  readonly sweeps: SweepStore;
}

/** "scenario.batch_size × scenario.context_len → 2 outputs". */
function specTitle(s: ScenarioSweep): string {
  return `${s.x.cell}${s.y ? ` × ${s.y.cell}` : ''} → ${s.outputs.length === 1 ? s.outputs[0] : `${s.outputs.length} outputs`}`;
}

export function SweepPanel(props: SweepPanelProps): JSX.Element {
  const sw = props.sweeps;
  const graph = () => props.store.built().graph;
  /** The swept inputs' values now (they follow every edit). */
  const current = createMemo(() => {
    props.store.version();
    const r = sw.state().result;
    const g = graph();
    const read = (id: string | undefined) => {
      const v = id === undefined || !g.has(id) ? undefined : g.isInput(id) ? g.rawInput(id) : g.value(id);
      return typeof v === 'number' ? v : undefined;
    };
    return { x: read(r?.plan.x.cell), y: read(r?.plan.y?.cell) };
  });
  const newSweep = () => {
    const g = graph();
    const sel = props.store.workbench().selected();
    const cell = sel !== undefined && isSweepable(g, sel) ? sel : g.has('scenario.batch_size') ? 'scenario.batch_size' : sweepableCells(g)[0];
    if (cell) sw.sweepCell(cell);
  };
  return (
      <section class="sweep-drawer" aria-label="Sweep" data-testid="sweep-panel">
        <header class="sweep-head">
          <h2>Sweep</h2>
          <ul class="sweep-list" aria-label="Saved sweeps">
            <For each={sw.specs()}>
              {(s, i) => (
                <li>
                  <button type="button" class="sweep-pick" aria-pressed={sw.selected() === i()} data-sweep-index={i()} onClick={() => sw.select(i())}>
                    {specTitle(s)}
                  </button>
                  <button type="button" class="sweep-remove" aria-label={`Remove sweep ${specTitle(s)}`} onClick={() => sw.remove(i())}>
                    ×
                  </button>
                </li>
              )}
            </For>
          </ul>
          <button type="button" data-new-sweep onClick={newSweep}>
            New sweep
          </button>
          <button type="button" class="sweep-close" data-close-sweeps aria-label="Close the sweep panel" onClick={() => sw.setOpen(false)}>
            Close
          </button>
        </header>
        <div class="sweep-body">
          <Show when={sw.draft()} fallback={<p class="hint">Choose “Sweep this” on an input cell (in the inspector, or right-click a card), or start a New sweep.</p>}>
            {(d) => <SweepForm graph={graph()} spec={d()} running={sw.state().status === 'running'} onChange={(s) => sw.setDraft(s)} onRun={() => void sw.runDraft()} />}
          </Show>
          <div class="sweep-output">
            <SweepProgress state={sw.state()} onCancel={() => sw.cancel()} onRerun={() => void sw.rerun()} />
            <Show when={sw.state().result} keyed>
              {(r) => <SweepResults result={r} current={current()} scenarioName={props.store.built().name} />}
            </Show>
          </div>
        </div>
      </section>
  );
}
