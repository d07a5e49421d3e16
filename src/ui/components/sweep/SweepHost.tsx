/**
 * The page-level part of "sweep any cell", kept small because it loads with the page: it
 * provides the "Sweep this" actions (context.ts) to the inspector and the cell cards, renders
 * the cell context menu, the pin actions (pin/context.ts), and the sweep drawer — whose form, charts and exports load on first
 * open (a separate chunk), so the page's first load does not pay for them.
 */
import { createSignal, type JSX, lazy, Show, Suspense } from 'solid-js';
import type { ScenarioStore } from '../../store/scenario-store.js';
import type { SweepStore } from '../../store/sweep-store.js';
import { CellMenu, type CellMenuState } from './CellMenu.jsx';
import { isSweepable, type SweepActions, SweepActionsContext } from './context.js';
import { type PinActions, PinActionsContext } from '../pin/context.js';
import './sweep-host.css';

const SweepPanel = lazy(() => import('./SweepPanel.jsx').then((m) => ({ default: m.SweepPanel })));

interface SweepHostProps {
  readonly store: ScenarioStore;
  readonly sweeps: SweepStore;
  readonly children: JSX.Element;
}

export function SweepHost(props: SweepHostProps): JSX.Element {
  const [menu, setMenu] = createSignal<CellMenuState>();
  const actions: SweepActions = {
    sweepCell: (id) => props.sweeps.sweepCell(id),
    openCellMenu: (id, x, y) => setMenu({ id, x, y }),
  };
  // Pins are "any cell as a sweep axis": a derived cell given a value, then edited and swept like an input.
  const pins: PinActions = {
    pin: (id) => void props.store.pin(id),
    unpin: (id) => void props.store.unpin(id),
  };
  const count = () => props.sweeps.specs().length;
  return (
    <SweepActionsContext.Provider value={actions}>
      <PinActionsContext.Provider value={pins}>
      {props.children}
      <Show
        when={props.sweeps.open()}
        fallback={
          <button type="button" class="sweep-tab" data-open-sweeps onClick={() => props.sweeps.setOpen(true)}>
            Sweeps{count() ? ` (${count()})` : ''}
          </button>
        }
      >
        <Suspense fallback={<div class="sweep-drawer sweep-loading" role="status">Loading the sweep panel…</div>}>
          <SweepPanel store={props.store} sweeps={props.sweeps} />
        </Suspense>
      </Show>
      <Show when={menu()} keyed>
        {(m) => (
          <CellMenu
            menu={m}
            sweepable={isSweepable(props.store.built().graph, m.id)}
            onSweep={(id) => props.sweeps.sweepCell(id)}
            onInspect={(id) => props.store.selectCell(id)}
            onClose={() => setMenu(undefined)}
          />
        )}
      </Show>
      </PinActionsContext.Provider>
    </SweepActionsContext.Provider>
  );
}
