/**
 * The workbench page: scenario controls and the scorecard, wall board and roofline on the
 * left, the graph in the middle, the inspector and the cause-and-effect trace on the right.
 * The view lives in the URL (a reload keeps it) and the keyboard drives it (shortcuts.ts).
 */
import { createEffect, createSignal, For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { ScenarioGraph, SEARCH_FIELD_ID } from './components/graph/index.js';
import { HeadlineBar } from './components/headline/HeadlineBar.jsx';
import { Inspector } from './components/Inspector.jsx';
import { LeftPanel } from './components/LeftPanel.jsx';
import { TracePanel } from './components/TracePanel.jsx';
import { SweepHost } from './components/sweep/SweepHost.jsx';
import { PeekHost } from './components/peek/PeekHost.jsx';
import { PresentationHost } from './components/presentation/PresentationHost.jsx';
import { installShortcuts } from './shortcuts.js';
import { createSweepStore } from './store/sweep-store.js';
import { createScenarioStore, encodeViewState, entryLabel, type ScenarioStore, type ViewState } from './store/index.js';
import './fit.css';
import { WorkbookBar } from './components/workbooks/index.js';
import { ExportReportButton } from './components/report/index.js';
import { createWorkbookSession, type WorkbookSession } from './store/workbook-session.js';
import { createCoalescer } from './store/coalesce.js';

interface AppProps {
  /** The view to start from (main.tsx reads it from the URL). */
  readonly initial?: ViewState;
  /** Shown at start: why the URL's state was not used. */
  readonly notice?: string;
  /** Keep the URL hash in step with the view (the page does; tests need not). */
  readonly syncUrl?: boolean;
  /** How long changed cells stay lit (tests shorten it). */
  readonly highlightMs?: number;
  /** Gives tests the store. */
  readonly onStore?: (store: ScenarioStore) => void;
  /** The location hash at start: a share link (#wb=…) to import, the view's workbook (w=, s=). */
  readonly startHash?: string;
  /** Gives tests the workbook session. */
  readonly onSession?: (session: WorkbookSession) => void;
}

export function App(props: AppProps): JSX.Element {
  const store = createScenarioStore({ initial: props.initial, notice: props.notice, highlightMs: props.highlightMs });
  const sweeps = createSweepStore(store);
  // The workbook: opened (or created, or imported from a share link) once the page is up; every edit is autosaved.
  const session = createWorkbookSession({ scenario: store, sweeps, hash: props.startHash });
  props.onSession?.(session);
  onMount(() => void session.start());
  onCleanup(() => void session.dispose());
  props.onStore?.(store);
  const [compare, setCompare] = createSignal<string>();
  const view = store.view;
  /** A drag in progress: panels scrolled out of view wait for its pause (components/in-view.ts). */
  const busy = () => store.workbench().busy();
  onCleanup(() => store.dispose());

  const walk = (dir: 'up' | 'down') => {
    const wb = store.workbench();
    const sel = wb.selected();
    if (sel === undefined) return;
    const next = dir === 'up' ? wb.graph.topology.inputsOf(sel)[0] : wb.graph.topology.dependentsOf(sel)[0];
    if (next !== undefined) wb.select(next);
  };
  onMount(() => {
    const stop = installShortcuts(document, {
      search: () => document.getElementById(SEARCH_FIELD_ID)?.focus(),
      walkUp: () => walk('up'),
      walkDown: () => walk('down'),
      clear: () => store.selectCell(undefined),
      undo: () => store.undo(),
      redo: () => store.redo(),
      toggleFocus: () => view.setFocus(!view.focus()),
      togglePresentation: () => view.setPresentation(!view.presentation()),
    });
    onCleanup(stop);
  });
  // The URL follows the view, coalesced (store/coalesce.ts): a drag writes it when it starts and when it ends.
  const urlWrites = createCoalescer();
  onCleanup(() => urlWrites.dispose());
  createEffect(() => {
    const state = store.viewState();
    session.hash(''); // tracks what the hash carries besides the view (workbook, scenario, pending link)
    if (!props.syncUrl) return;
    urlWrites.run(() => {
      const hash = session.hash(encodeViewState(state));
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    });
  });
  onMount(() => {
    if (!props.syncUrl) return;
    const flush = () => urlWrites.flush();
    window.addEventListener('pagehide', flush);
    onCleanup(() => window.removeEventListener('pagehide', flush));
  });

  return (
    <div class="app workbench" classList={{ presentation: view.presentation() }}>
      <header class="app-header">
        <div class="brand">MLSys·im Workbench</div>
        <div class="example">
          <h1 data-scenario-name>{store.built().name}</h1>
          <p>
            {store.evaluation().mode} · {store.built().graph.topology.ids.length} cells · {entryLabel(store.desc().hardware)}
            {store.desc().system ? ` in ${store.desc().system}` : ''}
          </p>
        </div>
        <WorkbookBar session={session} watchPage={props.syncUrl} />
        <ExportReportButton class="reset" evaluation={store.evaluation} built={store.built} />
        <button type="button" class="reset" data-undo disabled={!store.canUndo()} onClick={() => store.undo()} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" class="reset" data-redo disabled={!store.canRedo()} onClick={() => store.redo()} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" class="reset" data-presentation aria-pressed={view.presentation()} onClick={() => view.setPresentation(!view.presentation())} title="Presentation mode (p)">
          Present
        </button>
      </header>
      <HeadlineBar evaluation={store.evaluation} onSelectCell={(id) => store.selectCell(id)} />
      <Show when={store.notices().length > 0}>
        <div class="notices" role="status">
          <For each={store.notices()}>{(n) => <p class="notice">{n}</p>}</For>
          <button type="button" onClick={() => store.dismissNotices()}>
            Dismiss
          </button>
        </div>
      </Show>
      <SweepHost store={store} sweeps={sweeps}>
      <main class="workbench-main">
        <LeftPanel store={store} busy={busy} compare={compare} onCompare={setCompare} />
        <Show when={store.workbench()} keyed>
          {(wb) => (
            <>
              <ScenarioGraph store={wb} view={view} evaluation={store.evaluation} />
              <aside class="sidebar">
                <Inspector store={wb} />
                <TracePanel store={wb} />
              </aside>
            </>
          )}
        </Show>
        <PresentationHost store={store} session={session} />
      </main>
      </SweepHost>
      <PeekHost graph={() => store.built().graph} version={store.version} />
    </div>
  );
}
