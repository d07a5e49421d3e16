/**
 * A searchable pick list over catalogue rows (the zoo): type to filter by id, name or
 * category, then click a row or press Enter. Shows the current choice when idle.
 */
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';

export interface PickRow {
  readonly id: string;
  readonly name: string;
  /** One short line: category, headline figure. */
  readonly detail?: string;
}

interface CatalogPickerProps {
  readonly label: string;
  /** Used in data-picker and the field id. */
  readonly name: string;
  readonly rows: readonly PickRow[];
  /** The chosen id ('' = none), or a label for a custom entry. */
  readonly value: string;
  /** Offered first when set: "one device", "default (US_Avg)". */
  readonly noneLabel?: string;
  onPick(id: string | undefined): void;
}

const MAX_SHOWN = 40;

/**
 * The rows matching every word of `query` (in id, name or detail), best first: the exact id,
 * then ids starting with the query, then names starting with it, then the rest — each in
 * catalogue order. "H100" finds H100 before H100_NVL and DGX_H100.
 */
export function rankRows(rows: readonly PickRow[], query: string, limit = MAX_SHOWN): PickRow[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const rank = (r: PickRow): number => {
    const id = r.id.toLowerCase();
    if (id === q) return 0;
    if (id.startsWith(q)) return 1;
    if (r.name.toLowerCase().startsWith(q)) return 2;
    return 3;
  };
  return rows
    .filter((r) => words.every((w) => `${r.id} ${r.name} ${r.detail ?? ''}`.toLowerCase().includes(w)))
    .map((row, i) => ({ row, i, rank: q ? rank(row) : 3 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.row);
}

export function CatalogPicker(props: CatalogPickerProps): JSX.Element {
  const [query, setQuery] = createSignal<string | undefined>();
  const [active, setActive] = createSignal(0);
  const matches = createMemo(() => rankRows(props.rows, query() ?? ''));
  const options = createMemo<readonly (PickRow | undefined)[]>(() => (props.noneLabel && !query() ? [undefined, ...matches()] : matches()));
  // Focus stays in the field after a pick (keyboard users go on from where they were); the list
  // closes and the new value is selected, so typing starts a new search.
  const pick = (row: PickRow | undefined, field: HTMLInputElement | null | undefined) => {
    setQuery(undefined);
    props.onPick(row?.id);
    field?.focus();
    field?.select();
  };
  const open = () => {
    setQuery('');
    setActive(0);
  };
  const fieldId = `pick-${props.name}`;
  return (
    <div class="catalog-picker" data-picker={props.name}>
      <label for={fieldId}>{props.label}</label>
      <input
        id={fieldId}
        type="text"
        autocomplete="off"
        spellcheck={false}
        role="combobox"
        aria-expanded={query() !== undefined}
        value={query() ?? (props.value || props.noneLabel || '')}
        onFocus={(e) => {
          open();
          e.currentTarget.select();
        }}
        onBlur={() => setQuery(undefined)}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          const shown = query() !== undefined;
          if (e.key === 'ArrowDown' && !shown) open();
          else if (e.key === 'ArrowDown') setActive(Math.min(active() + 1, options().length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(active() - 1, 0));
          else if (e.key === 'Enter' && shown && options().length) pick(options()[active()], e.currentTarget);
          else if (e.key === 'Escape' && shown) setQuery(undefined);
          else return;
          e.preventDefault();
        }}
      />
      <Show when={query() !== undefined}>
        <ul class="picker-list" role="listbox">
          <For each={options()} fallback={<li class="picker-empty">No match</li>}>
            {(row, i) => (
              <li role="option" aria-selected={i() === active()}>
                <button
                  type="button"
                  data-option={row?.id ?? ''}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={(e) => pick(row, e.currentTarget.closest('.catalog-picker')?.querySelector('input'))}
                >
                  <span class="opt-id">{row?.id ?? props.noneLabel}</span>
                  <Show when={row}>{(r) => <span class="opt-detail">{r().name}{r().detail ? ` · ${r().detail}` : ''}</span>}</Show>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
