/**
 * Find a cell by label or id: type, then Enter (or click a match) selects it and brings it
 * into view. '/' anywhere on the page focuses this field (shortcuts.ts).
 */
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { Topology } from '../../../graph/index.js';

export const SEARCH_FIELD_ID = 'cell-search';
const MAX_MATCHES = 12;

interface CellSearchProps {
  readonly topology: Topology;
  onSelect(id: string): void;
}

/** Ids whose label or id contains every word of `query`; exact id and label-prefix first. */
export function searchCells(topology: Topology, query: string, limit = MAX_MATCHES): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const q = query.trim().toLowerCase();
  const hits: { id: string; score: number }[] = [];
  for (const def of topology.order) {
    const hay = `${def.label} ${def.id}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const score = def.id.toLowerCase() === q ? 0 : def.label.toLowerCase().startsWith(q) || def.id.toLowerCase().startsWith(q) ? 1 : 2;
    hits.push({ id: def.id, score });
  }
  return hits.sort((a, b) => a.score - b.score).slice(0, limit).map((h) => h.id);
}

export function CellSearch(props: CellSearchProps): JSX.Element {
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(0);
  const matches = createMemo(() => searchCells(props.topology, query()));
  // The field keeps the focus after a pick (Enter or a click): the next search starts there,
  // and Escape (or Tab) leaves it.
  const pick = (id: string | undefined) => {
    if (!id) return;
    props.onSelect(id);
    setQuery('');
  };
  return (
    <div class="cell-search" data-no-pan>
      <input
        id={SEARCH_FIELD_ID}
        type="search"
        placeholder="Search cells  ( / )"
        aria-label="Search a cell by name or id"
        autocomplete="off"
        value={query()}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(active() + 1, matches().length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(active() - 1, 0));
          else if (e.key === 'Enter') pick(matches()[active()]);
          else if (e.key === 'Escape') {
            setQuery('');
            e.currentTarget.blur();
          }
        }}
      />
      <Show when={matches().length > 0}>
        <ul class="search-results" role="listbox">
          <For each={matches()}>
            {(id, i) => {
              const def = props.topology.def(id);
              return (
                <li role="option" aria-selected={i() === active()}>
                  <button type="button" data-search-hit={id} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(id)}>
                    <span class="hit-label">{def.label}</span> <code>{id}</code>
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </div>
  );
}
