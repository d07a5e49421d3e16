/**
 * The left column: the scenario's choices and key inputs, the scorecard, the 22-wall board and
 * the roofline — stacked on a wide window, tabs below 1400 px (PanelTabs.tsx), so the page
 * fits from 1024 × 768 up without scrolling sideways. The headline (HeadlineBar) keeps the
 * verdict and the key numbers on screen whichever tab is shown.
 */
import { type Accessor, createSignal, type JSX, Show } from 'solid-js';
import { entryLabel, type ScenarioStore } from '../store/index.js';
import { KeyInputs, ScenarioControls } from './controls/index.js';
import { InverseHost } from './inverse/InverseHost.jsx';
import { createMediaMatch, NARROW_QUERY, type PanelTab, panelId, PanelTabs, tabId } from './PanelTabs.jsx';
import { RooflineChart } from './roofline/index.js';
import { ScorecardPanel } from './scorecard/index.js';
import { WallBoard } from './wall-board/index.js';

interface LeftPanelProps {
  readonly store: ScenarioStore;
  readonly busy: Accessor<boolean>;
  readonly compare: Accessor<string | undefined>;
  onCompare(id: string | undefined): void;
}

const TABS: readonly PanelTab[] = [
  { id: 'scenario', label: 'Scenario' },
  { id: 'scorecard', label: 'Scorecard' },
  { id: 'walls', label: 'Walls' },
  { id: 'roofline', label: 'Roofline' },
];

export function LeftPanel(props: LeftPanelProps): JSX.Element {
  const store = props.store;
  const narrow = createMediaMatch(NARROW_QUERY);
  const [tab, setTab] = createSignal('scenario');
  /** A section: a tab panel when narrow (only the chosen one shown), a plain block when wide. */
  const Part = (p: { readonly id: string; readonly children: JSX.Element }) => (
    <div
      data-left-section={p.id}
      id={panelId(p.id)}
      role={narrow() ? 'tabpanel' : undefined}
      aria-labelledby={narrow() ? tabId(p.id) : undefined}
      hidden={narrow() && tab() !== p.id}
    >
      {p.children}
    </div>
  );
  return (
    <aside class="left-panel" data-tabbed={narrow() ? 'on' : 'off'}>
      <Show when={narrow()}>
        <PanelTabs tabs={TABS} active={tab()} label="Panels" onSelect={setTab} />
      </Show>
      <Part id="scenario">
        <ScenarioControls store={store} />
        <Show when={store.workbench()} keyed>
          {(wb) => <KeyInputs store={wb} />}
        </Show>
        <InverseHost store={store} />
      </Part>
      <Part id="scorecard">
        <ScorecardPanel evaluation={store.evaluation} busy={props.busy} onSelectCell={(id) => store.selectCell(id)} />
      </Part>
      <Part id="walls">
        <WallBoard evaluation={store.evaluation} busy={props.busy} onFocusWall={(n) => store.focusWall(n)} />
      </Part>
      <Part id="roofline">
        <Show when={store.built()} keyed>
          {(b) => (
            <RooflineChart
              graph={b.graph}
              version={store.version}
              compareDevice={props.compare}
              onCompareDevice={props.onCompare}
              deviceLabel={() => entryLabel(store.desc().hardware)}
              busy={props.busy}
            />
          )}
        </Show>
      </Part>
    </aside>
  );
}
