/**
 * Cause and effect: the cells the last edit changed, in the order the change travelled
 * (topological), indented by their step along the path, each with old → new.
 *
 * Rows are positional (`Index`): during a drag each edit changes much the same cells, so a
 * row rewrites its texts in place instead of being rebuilt.
 */
import { type Accessor, createMemo, createRenderEffect, Index, type JSX, Show } from 'solid-js';
import { type CellValue, sameValue } from '../../graph/index.js';
import { relativeChange, shortValue } from '../format/display.js';
import type { TraceEntry, WorkbenchStore } from '../store/index.js';
import { createInView, holdWhileHidden } from './in-view.js';

interface TracePanelProps {
  readonly store: WorkbenchStore;
}

export function TracePanel(props: TracePanelProps): JSX.Element {
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
              <Index each={trace().entries}>{(e) => <TraceRow store={props.store} entry={e} />}</Index>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}

/**
 * One row, the markup of a CellLink whose value is "old → new ±rel" (and which is marked
 * when the cell holds an error). A drag rewrites every row at each edit, so a row is one
 * render effect writing its few text nodes rather than a dozen fine-grained ones, and texts it
 * already shows are reused instead of formatted.
 * During a drag a row scrolled out of the sidebar keeps its texts until it is scrolled back
 * or the drag pauses (in-view.ts): most of a long trace is out of sight.
 */
function TraceRow(props: { readonly store: WorkbenchStore; readonly entry: Accessor<TraceEntry> }): JSX.Element {
  const graph = props.store.graph;
  const view = createInView();
  const entry = holdWhileHidden(props.entry, view.inView, props.store.busy);
  const id = createMemo(() => entry().id);
  let li!: HTMLLIElement;
  let button!: HTMLButtonElement;
  let detail!: HTMLSpanElement;
  // Text nodes written in place (a text change re-lays out less than a replaced node), split
  // as CellLink and Show split them, so the row is drawn exactly as before.
  const label = document.createTextNode('');
  const oldText = document.createTextNode('');
  const newText = document.createTextNode('');
  let rel: { readonly span: HTMLSpanElement; readonly text: Text } | undefined;
  let step: number | undefined;
  // The texts last written, to reuse rather than format again: during a drag "old" stays the
  // value the drag began from, and after a single edit it is usually the previous "new".
  let shownOld: Shown | undefined;
  let shownNew: Shown | undefined;
  const row = (
    <li
      ref={(el) => {
        li = el;
        view.ref(el);
      }}
    >
      <button type="button" class="cell-link" ref={button} data-link={id()} onClick={() => props.store.select(id())}>
        <span class="link-label">{label}</span>
        <span class="link-value" ref={detail}>
          <span class="old">{oldText}</span>
          {document.createTextNode(' →')}
          {document.createTextNode(' ')}
          <span class="new">{newText}</span>
        </span>
      </button>
    </li>
  );
  // After the markup, so the refs are set.
  createRenderEffect(() => {
    const e = entry();
    const def = graph.def(e.id);
    // The trace is the last edit's, so its "after" is the cell's value now.
    const failed = !e.after.ok;
    if (button.classList.contains('error') !== failed) button.classList.toggle('error', failed);
    const before = reuse(e.id, e.before, shownOld) ?? reuse(e.id, e.before, shownNew) ?? shortValue(def, e.before);
    const after = shortValue(def, e.after);
    shownOld = { id: e.id, value: e.before, text: before };
    shownNew = { id: e.id, value: e.after, text: after };
    setText(label, def.label);
    setText(oldText, before);
    setText(newText, after);
    const change = relativeChange(e.before, e.after);
    if (change && !rel) {
      rel = { span: document.createElement('span'), text: document.createTextNode('') };
      rel.span.className = 'rel';
      rel.span.append(' ', rel.text);
      detail.append(rel.span);
    } else if (!change && rel) {
      rel.span.remove();
      rel = undefined;
    }
    if (rel) setText(rel.text, change);
    if (e.step !== step) li.style.setProperty('--step', String((step = e.step)));
  });
  return row;
}

/** A value a row's text node shows, and the text. */
interface Shown {
  readonly id: string;
  readonly value: CellValue;
  readonly text: string;
}

/** The text already shown for this cell's value, if any. */
function reuse(id: string, value: CellValue, shown: Shown | undefined): string | undefined {
  return shown && shown.id === id && sameValue(shown.value, value) ? shown.text : undefined;
}

function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}
