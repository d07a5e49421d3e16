/**
 * On a narrow window (below 1400 px) the left panel's sections — scenario and key inputs,
 * scorecard, walls, roofline — become tabs, one shown at a time, so the graph, the inspector
 * and the trace keep their room and nothing scrolls sideways. Wide windows show them stacked
 * and no tab strip. Arrow keys move between tabs (the WAI-ARIA tabs pattern).
 */
import { type Accessor, createSignal, For, type JSX, onCleanup } from 'solid-js';

/** Below this width the left panel is tabbed (a media query, kept in step with fit.css). */
export const NARROW_QUERY = '(max-width: 1399px)';

/** Whether the window matches `query` now (false where matchMedia is missing, as in jsdom). */
export function createMediaMatch(query: string): Accessor<boolean> {
  const mq = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined;
  const [matches, setMatches] = createSignal(mq?.matches ?? false);
  if (mq) {
    const on = () => setMatches(mq.matches);
    mq.addEventListener('change', on);
    onCleanup(() => mq.removeEventListener('change', on));
  }
  return matches;
}

export interface PanelTab {
  readonly id: string;
  readonly label: string;
}

interface PanelTabsProps {
  readonly tabs: readonly PanelTab[];
  readonly active: string;
  readonly label: string;
  onSelect(id: string): void;
}

/** The id of a tab's button and of its panel (`aria-controls`, `aria-labelledby`). */
export const tabId = (id: string) => `panel-tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

export function PanelTabs(props: PanelTabsProps): JSX.Element {
  let list: HTMLDivElement | undefined;
  const move = (from: number, by: number) => {
    const n = props.tabs.length;
    const next = props.tabs[(from + by + n) % n];
    props.onSelect(next.id);
    list?.querySelector<HTMLButtonElement>(`#${tabId(next.id)}`)?.focus();
  };
  return (
    <div class="panel-tabs" role="tablist" aria-label={props.label} ref={list}>
      <For each={props.tabs}>
        {(t, i) => (
          <button
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={props.active === t.id}
            aria-controls={panelId(t.id)}
            tabIndex={props.active === t.id ? 0 : -1}
            data-panel-tab={t.id}
            onClick={() => props.onSelect(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowDown') move(i(), 1);
              else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') move(i(), -1);
              else return;
              e.preventDefault();
            }}
          >
            {t.label}
          </button>
        )}
      </For>
    </div>
  );
}
