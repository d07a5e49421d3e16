/**
 * Cause and effect: the cells the last edit changed, in the order the change travelled
 * (topological), indented by their step along the path, each with old → new.
 */
import { For, type JSX, Show } from 'solid-js';
import { relativeChange, shortValue } from '../format/display.js';
import type { WorkbenchStore } from '../store/index.js';
import { CellLink } from './CellLink.jsx';

export interface TracePanelProps {
  readonly store: WorkbenchStore;
}

export function TracePanel(props: TracePanelProps): JSX.Element {
  const graph = props.store.graph;
  return (
    <section class="trace panel" aria-label="Cause and effect">
      <h3>Cause and effect</h3>
      <Show
        when={props.store.trace()}
        fallback={<p class="hint">Edit an input to see which cells change, in the order the change travels.</p>}
      >
        {(trace) => (
          <Show when={trace().entries.length > 0} fallback={<p class="hint">That edit changed no cell.</p>}>
            <ol class="trace-list" data-trace={trace().seq}>
              <For each={trace().entries}>
                {(e) => (
                  <li style={{ '--step': String(e.step) }}>
                    <CellLink
                      store={props.store}
                      id={e.id}
                      detail={
                        <>
                          <span class="old">{shortValue(graph.def(e.id), e.before)}</span> →{' '}
                          <span class="new">{shortValue(graph.def(e.id), e.after)}</span>
                          <Show when={relativeChange(e.before, e.after)}>{(r) => <span class="rel"> {r()}</span>}</Show>
                        </>
                      }
                    />
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}
