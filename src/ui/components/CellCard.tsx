/**
 * One cell on the graph: label, SI unit, value (an editor for inputs), and below it either
 * the old → new values while the last edit's highlight is on (at a zoom where they can be
 * read), or the cell's error or warning message (an error outranks old → new: a refused edit
 * must say why). Red for errors (including text that could not be parsed), amber for
 * warnings. During a drag a card outside the graph pane's view keeps what it shows until it
 * comes into view or the drag pauses (in-view.ts).
 */
import { type Accessor, createMemo, type JSX, Show } from 'solid-js';
import { displayValue, relativeChange, shortValue } from '../format/display.js';
import type { CellBox, LayoutSize } from '../layout/index.js';
import type { WorkbenchStore } from '../store/index.js';
import { createInView, holdWhileHidden } from './in-view.js';
import { InputEditor } from './InputEditor.jsx';
import { PinToggle } from './pin/PinSection.jsx';
import { useSweepActions } from './sweep/context.js';

interface CellCardProps {
  readonly store: WorkbenchStore;
  readonly box: CellBox;
  readonly size: LayoutSize;
  /** Whether the zoom lets the old → new line be read (graph/ScenarioGraph.tsx); shown when absent. */
  readonly detailed?: Accessor<boolean>;
  /** The cell's wall does not apply to this scenario (SKIPPED): an error is shown muted, as n/a, not red. */
  readonly quiet?: Accessor<boolean>;
}

/** The SI unit as a tag; dimensionless and non-numeric cells show none. */
function unitTag(unit: string): string {
  return unit === '1' || unit === 'enum' || unit === 'bool' || unit === 'text' ? '' : unit;
}

export function CellCard(props: CellCardProps): JSX.Element {
  const id = () => props.box.id;
  const def = () => props.store.graph.def(id());
  const view = createInView();
  /**
   * Whether the card's text is drawn: in view, and at a zoom where the card is more than a chip
   * (graph/ScenarioGraph.tsx `DETAIL_SCALE`). A chip draws its label, colours and highlight but
   * not its value, so during a drag its value waits like an off-screen card's.
   */
  const drawn = () => view.inView() && (props.detailed?.() ?? true);
  const value = holdWhileHidden(() => props.store.value(id()), drawn, props.store.busy);
  /** Error, warning or neither: a chip shows it at any zoom, and it seldom changes, so following it costs no redraw. */
  const state = holdWhileHidden(
    () => {
      const v = props.store.value(id());
      return !v.ok ? 'error' : v.warnings.length > 0 ? 'warning' : 'ok';
    },
    view.inView,
    props.store.busy,
  );
  const problem = () => (def().kind === 'input' ? props.store.inputProblem(id()) : undefined);
  const failed = () => problem() !== undefined || state() === 'error';
  /** An error of a wall that does not apply is expected: n/a, muted (its message stays in the card). */
  const notApplicable = () => failed() && problem() === undefined && (props.quiet?.() ?? false);
  const isError = () => failed() && !notApplicable();
  const warnings = () => {
    const v = value();
    return v.ok ? v.warnings : [];
  };
  const message = () => {
    const v = value();
    return problem() ?? (v.ok ? warnings().join('; ') : v.error.message);
  };
  /** The full-precision value (String(number) round-trips exactly), for tests comparing with the library. */
  const rawValue = () => {
    const v = value();
    return v.ok ? String(v.value) : undefined;
  };
  const entry = holdWhileHidden(() => props.store.lit(id()), drawn, props.store.busy);
  /** The ripple's delay step: a memo, so the style is rewritten only when the step changes, not with every entry. */
  const step = createMemo(() => entry()?.step ?? 0);
  const relation = () => props.store.relation(id());
  /** A derived cell given a value (its formula set aside): edited like an input, marked with a pin. */
  const pinned = () => def().kind === 'derived' && props.store.graph.isPinned(id());
  const sweep = useSweepActions();
  /** Right-click (or the context-menu key): the cell menu with "Sweep this". */
  const menu = (e: MouseEvent & { currentTarget: HTMLDivElement }) => {
    if (!sweep) return;
    e.preventDefault();
    const r = e.currentTarget.getBoundingClientRect();
    const keyboard = e.clientX === 0 && e.clientY === 0;
    sweep.openCellMenu(id(), keyboard ? r.left + 12 : e.clientX, keyboard ? r.top + 12 : e.clientY);
  };

  return (
    <div
      ref={view.ref}
      class="cell-card"
      classList={{
        input: def().kind === 'input',
        pinned: pinned(),
        error: isError(),
        na: notApplicable(),
        warning: !isError() && state() === 'warning',
        lit: props.store.isLit(id()),
        selected: relation() === 'selected',
        upstream: relation() === 'upstream',
        downstream: relation() === 'downstream',
      }}
      data-cell={id()}
      data-value={rawValue()}
      data-layer={props.box.layer}
      tabIndex={0}
      title={def().doc}
      style={{
        left: `${props.box.x}px`,
        top: `${props.box.y}px`,
        width: `${props.size.cardWidth}px`,
        height: `${props.size.cardHeight}px`,
        '--step': String(step()),
      }}
      onClick={() => props.store.select(id())}
      onContextMenu={menu}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) props.store.select(id());
      }}
    >
      <div class="cell-label">{def().label}</div>
      {/* The pin icon on the selected card (and on a pinned one): one button, not one per card. */}
      <Show when={pinned() || (relation() === 'selected' && def().kind === 'derived')}>
        <PinToggle id={id()} pinned={pinned()} />
      </Show>
      <Show
        when={def().kind === 'input' || pinned()}
        fallback={<div class="cell-value">{value().ok ? displayValue(def(), value()) : notApplicable() ? 'n/a' : shortValue(def(), value())}</div>}
      >
        <InputEditor store={props.store} id={id()} class="cell-value" />
      </Show>
      <div class="cell-foot">
        <Show
          when={problem() === undefined && (props.detailed?.() ?? true) && entry()?.after.ok ? entry() : undefined}
          fallback={
            <Show when={message()}>
              <div class="cell-message">{message()}</div>
            </Show>
          }
        >
          {(e) => (
            <div class="cell-change">
              <span class="old">{shortValue(def(), e().before)}</span> → <span class="new">{shortValue(def(), e().after)}</span>
              <Show when={relativeChange(e().before, e().after)}>
                {(r) => <span class="rel"> {r()}</span>}
              </Show>
            </div>
          )}
        </Show>
        <span class="cell-unit">{unitTag(def().unit)}</span>
      </div>
    </div>
  );
}
