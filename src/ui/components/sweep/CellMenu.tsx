/**
 * The cell card's context menu: "Sweep this" for a numeric input, and "Inspect". Opened at
 * the pointer (or the card, from the keyboard's context-menu key), closed by Escape, a click
 * elsewhere or a choice. Rendered at the page level so the graph's zoom does not scale it.
 */
import { type JSX, onCleanup, onMount, Show } from 'solid-js';

export interface CellMenuState {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

interface CellMenuProps {
  readonly menu: CellMenuState;
  readonly sweepable: boolean;
  onSweep(id: string): void;
  onInspect(id: string): void;
  onClose(): void;
}

export function CellMenu(props: CellMenuProps): JSX.Element {
  let el: HTMLDivElement | undefined;
  onMount(() => {
    const away = (e: Event) => {
      if (el && !el.contains(e.target as Node)) props.onClose();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onClose();
    };
    document.addEventListener('pointerdown', away, true);
    document.addEventListener('keydown', key);
    el?.querySelector('button')?.focus();
    onCleanup(() => {
      document.removeEventListener('pointerdown', away, true);
      document.removeEventListener('keydown', key);
    });
  });
  const choose = (fn: (id: string) => void) => () => {
    const id = props.menu.id;
    props.onClose();
    fn(id);
  };
  return (
    <div
      class="cell-menu"
      role="menu"
      ref={el}
      data-cell-menu={props.menu.id}
      style={{ left: `${Math.min(props.menu.x, window.innerWidth - 200)}px`, top: `${Math.min(props.menu.y, window.innerHeight - 90)}px` }}
    >
      <div class="cell-menu-title">{props.menu.id}</div>
      <Show when={props.sweepable}>
        <button type="button" role="menuitem" data-menu="sweep" onClick={choose(props.onSweep)}>
          Sweep this…
        </button>
      </Show>
      <button type="button" role="menuitem" data-menu="inspect" onClick={choose(props.onInspect)}>
        Inspect
      </button>
    </div>
  );
}
