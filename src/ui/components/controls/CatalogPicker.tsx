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

export function CatalogPicker(props: CatalogPickerProps): JSX.Element {
  const [query, setQuery] = createSignal<string | undefined>();
  const [active, setActive] = createSignal(0);
  const matches = createMemo(() => {
    const words = (query() ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const rows = props.rows.filter((r) => words.every((w) => `${r.id} ${r.name} ${r.detail ?? ''}`.toLowerCase().includes(w)));
    return rows.slice(0, MAX_SHOWN);
  });
  const options = createMemo<readonly (PickRow | undefined)[]>(() => (props.noneLabel && !query() ? [undefined, ...matches()] : matches()));
  const pick = (row: PickRow | undefined, field?: HTMLInputElement) => {
    setQuery(undefined);
    field?.blur();
    props.onPick(row?.id);
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
          setQuery('');
          setActive(0);
          e.currentTarget.select();
        }}
        onBlur={() => setQuery(undefined)}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(active() + 1, options().length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(active() - 1, 0));
          else if (e.key === 'Enter' && options().length) pick(options()[active()], e.currentTarget);
          else if (e.key === 'Escape') e.currentTarget.blur();
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
                  onClick={(e) => pick(row, e.currentTarget.closest('.catalog-picker')?.querySelector('input') ?? undefined)}
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
