/**
 * The workbench page for one example: a live graph of its cells, the store around it, and
 * the three views — graph, inspector, cause-and-effect trace.
 */
import { type JSX, onCleanup } from 'solid-js';
import { LiveGraph } from '../graph/index.js';
import { GraphView } from './components/GraphView.jsx';
import { Inspector } from './components/Inspector.jsx';
import { TracePanel } from './components/TracePanel.jsx';
import type { Example } from './examples/index.js';
import { createWorkbenchStore, type WorkbenchOptions } from './store/index.js';

export interface AppProps {
  readonly example: Example;
  /** Store options (tests shorten the highlight). */
  readonly options?: WorkbenchOptions;
}

export function App(props: AppProps): JSX.Element {
  const example = props.example;
  const store = createWorkbenchStore(new LiveGraph(example.cells), { selected: example.focus, ...props.options });
  onCleanup(() => store.dispose());
  return (
    <div class="app">
      <header class="app-header">
        <div class="brand">MLSys·im Workbench</div>
        <div class="example">
          <h1>{example.title}</h1>
          <p>{example.summary}</p>
        </div>
        <button type="button" class="reset" onClick={() => store.reset()}>
          Reset inputs
        </button>
      </header>
      <main class="app-main">
        <GraphView store={store} />
        <aside class="sidebar">
          <Inspector store={store} />
          <TracePanel store={store} />
        </aside>
      </main>
    </div>
  );
}
