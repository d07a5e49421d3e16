/** Above the graph: search, the wall / scope filter, focus mode, open / close all, zoom. */
import { For, type JSX } from 'solid-js';
import type { CellGroup } from '../../layout/index.js';
import { filterOptions } from '../../layout/index.js';
import type { ViewStore, WorkbenchStore } from '../../store/index.js';
import { CellSearch } from './CellSearch.jsx';

interface GraphToolbarProps {
  readonly store: WorkbenchStore;
  readonly view: ViewStore;
  readonly groups: readonly CellGroup[];
  onZoom(factor: number): void;
  onFit(): void;
}

export function GraphToolbar(props: GraphToolbarProps): JSX.Element {
  const options = filterOptions(props.groups);
  const keys = props.groups.map((g) => g.key);
  return (
    <div class="graph-toolbar" data-no-pan>
      <CellSearch topology={props.store.graph.topology} onSelect={(id) => props.store.select(id)} />
      <label class="toolbar-field">
        <span>Show</span>
        <select
          aria-label="Filter by wall or scope"
          data-filter
          onChange={(e) => props.view.setFilter(e.currentTarget.value || undefined)}
        >
          <option value="">all walls and scopes</option>
          <For each={options}>
            {(o) => (
              <option value={o.value} selected={props.view.filter() === o.value}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      </label>
      <button
        type="button"
        class="toggle"
        data-focus-toggle
        aria-pressed={props.view.focus()}
        title="Show only the selected cell's upstream and downstream cones (f)"
        onClick={() => props.view.setFocus(!props.view.focus())}
      >
        Focus
      </button>
      <button type="button" data-expand-all onClick={() => props.view.setExpanded(keys, true)}>
        Open all
      </button>
      <button type="button" data-collapse-all onClick={() => props.view.setExpanded(keys, false)}>
        Close all
      </button>
      <span class="zoom-buttons">
        <button type="button" aria-label="Zoom out" onClick={() => props.onZoom(1 / 1.25)}>
          −
        </button>
        <button type="button" aria-label="Fit width" onClick={() => props.onFit()}>
          Fit
        </button>
        <button type="button" aria-label="Zoom in" onClick={() => props.onZoom(1.25)}>
          +
        </button>
      </span>
    </div>
  );
}
