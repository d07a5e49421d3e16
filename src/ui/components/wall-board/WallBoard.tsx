/**
 * The 22-wall board (physics.md §11.3): one tile per wall with its number, name, status
 * colour and headline value; the binding wall (§11.5) carries a mark with its share of the
 * headline time; the reason is the tile's tooltip. Tiles are buttons: a click or Enter
 * focuses the wall.
 *
 * Tiles are positional (`Index`): every edit brings new rows, and a tile rewrites its texts
 * and classes rather than being rebuilt.
 */
import { type Accessor, createMemo, Index, type JSX, Show } from 'solid-js';
import type { Evaluation, WallRow } from '../../../scenario/index.js';
import { createInView, holdWhileHidden } from '../in-view.js';
import { StatusBadge, toneOf } from '../status/index.js';
import { bindingText, headlineText, tileDescription } from './tile-text.js';
import './wall-board.css';

interface WallBoardProps {
  readonly evaluation: Accessor<Evaluation>;
  readonly onFocusWall?: (wall: number) => void;
  /** On during a burst of edits (a drag): the board, when scrolled out of view, then waits for the pause (in-view.ts). */
  readonly busy?: Accessor<boolean>;
}

export function WallBoard(props: WallBoardProps): JSX.Element {
  const view = createInView();
  const evaluation = holdWhileHidden(props.evaluation, view.inView, props.busy);
  const share = () => evaluation().binding_share;
  const binding = () => evaluation().walls.find((r) => r.binding);
  return (
    <section ref={view.ref} class="wall-board panel" aria-label="22-wall board" data-testid="wall-board">
      <header class="wall-board-head">
        <h2>Walls</h2>
        <Show when={binding()} fallback={<span class="wall-board-binding">no binding wall</span>}>
          {(b) => (
            <span class="wall-board-binding">
              binding: wall {b().wall} {b().name}
            </span>
          )}
        </Show>
      </header>
      <ol class="wall-grid">
        <Index each={evaluation().walls}>
          {(row) => (
            <li>
              <WallTile row={row()} share={share()} onFocusWall={props.onFocusWall} />
            </li>
          )}
        </Index>
      </ol>
    </section>
  );
}

function WallTile(props: { readonly row: WallRow; readonly share?: number; readonly onFocusWall?: (wall: number) => void }): JSX.Element {
  const row = () => props.row;
  const showReason = () => row().reason !== '' && row().status !== 'PASS' && row().status !== 'SKIPPED';
  const description = createMemo(() => tileDescription(row(), props.share));
  return (
    <button
      type="button"
      class={`wall-tile tone-${toneOf(row().status)}`}
      classList={{ binding: row().binding, skipped: row().status === 'SKIPPED' }}
      data-wall={row().wall}
      data-status={row().status}
      title={description()}
      onClick={() => props.onFocusWall?.(row().wall)}
    >
      <span class="wall-top">
        <span class="wall-number">{row().wall}</span>
        <StatusBadge status={row().status} />
      </span>
      <span class="wall-name">{row().name}</span>
      <span class="wall-headline" data-headline-cell={row().headline?.cell}>
        {headlineText(row())}
      </span>
      <Show when={row().binding}>
        <span class="wall-binding">{bindingText(props.share)}</span>
      </Show>
      <Show when={showReason()}>
        <span class="wall-reason">{row().reason}</span>
      </Show>
    </button>
  );
}
