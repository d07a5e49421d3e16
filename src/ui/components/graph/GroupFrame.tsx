/**
 * One group of the graph (a layer × scope): a frame behind its cards with a header — open /
 * close, title, cell count, the wall's board status, and how many of its cells hold errors
 * or warnings, changed in the last edit, or lie in the selected cell's cones. A closed group
 * shows only that summary, so the page stays calm with hundreds of cells.
 */
import { type Accessor, createMemo, type JSX, Show } from 'solid-js';
import type { Evaluation } from '../../../scenario/index.js';
import type { GroupBox } from '../../layout/index.js';
import type { ViewStore, WorkbenchStore } from '../../store/index.js';

interface GroupFrameProps {
  readonly store: WorkbenchStore;
  readonly view: ViewStore;
  readonly box: GroupBox;
  readonly evaluation?: Accessor<Evaluation>;
  /** In focus mode groups cannot be closed (they show the cones only). */
  readonly locked?: boolean;
}

interface Tally {
  readonly errors: number;
  readonly warnings: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function GroupFrame(props: GroupFrameProps): JSX.Element {
  const g = () => props.box.group;
  const tally = createMemo<Tally>(() => {
    let errors = 0;
    let warnings = 0;
    for (const id of g().ids) {
      const v = props.store.value(id);
      if (!v.ok) errors++;
      else if (v.warnings.length) warnings++;
    }
    return { errors, warnings };
  });
  const changed = () => g().ids.filter((id) => props.store.isLit(id)).length;
  const inCone = () => g().ids.filter((id) => props.store.relation(id) !== undefined).length;
  const wallStatus = () => {
    const w = g().wall;
    return w === undefined ? undefined : props.evaluation?.().walls.find((r) => r.wall === w)?.status;
  };
  /** A wall that does not apply to this scenario (SKIPPED): its cells' errors are expected, and said quietly. */
  const quiet = () => wallStatus() === 'SKIPPED';
  const toggle = () => props.view.setExpanded([g().key], props.box.collapsed);
  return (
    <div
      class="group-frame"
      classList={{ collapsed: props.box.collapsed, lit: changed() > 0, cone: inCone() > 0 }}
      data-group={g().key}
      data-layer={g().layer}
      style={{ left: `${props.box.x}px`, top: `${props.box.y}px`, width: `${props.box.width}px`, height: `${props.box.height}px` }}
    >
      <div class="group-header">
        <button
          type="button"
          class="group-toggle"
          disabled={props.locked}
          aria-expanded={!props.box.collapsed}
          aria-label={`${props.box.collapsed ? 'Open' : 'Close'} ${g().title}`}
          onClick={toggle}
        >
          {props.box.collapsed ? '▸' : '▾'}
        </button>
        <span class="group-title" title={g().key}>
          {g().title}
        </span>
        <Show when={wallStatus()}>
          {(s) => (
            <span class={`status-badge status-${s().toLowerCase()}`} title={s() === 'SKIPPED' ? 'SKIPPED: this wall does not apply to this scenario' : s()}>
              {s() === 'SKIPPED' ? 'n/a' : s()}
            </span>
          )}
        </Show>
        <span class="group-count">{g().ids.length}</span>
      </div>
      <Show when={props.box.collapsed}>
        <button type="button" class="group-summary" onClick={toggle}>
          {plural(g().ids.length, 'cell')}
          <Show when={quiet()}>
            <span class="sum-na"> · does not apply</span>
          </Show>
          <Show when={!quiet() && tally().errors}>{(n) => <span class="sum-error"> · {plural(n(), 'error')}</span>}</Show>
          <Show when={tally().warnings}>{(n) => <span class="sum-warning"> · {plural(n(), 'warning')}</span>}</Show>
          <Show when={changed()}>{(n) => <span class="sum-lit"> · {n()} changed</span>}</Show>
          <Show when={!changed() && inCone()}>{(n) => <span class="sum-cone"> · {n()} in cone</span>}</Show>
        </button>
      </Show>
    </div>
  );
}
