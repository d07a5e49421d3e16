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

export interface TracePanelProps {
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
 * render effect writing its few text nodes rather than a dozen fine-grained ones; its "old"
 * text is usually the "new" text it showed for the previous edit, reused instead of formatted.
 */
function TraceRow(props: { readonly store: WorkbenchStore; readonly entry: Accessor<TraceEntry> }): JSX.Element {
  const graph = props.store.graph;
  const id = createMemo(() => props.entry().id);
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
  let shown: { id: string; value: CellValue; text: string } | undefined;
  const row = (
    <li ref={li}>
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
    const e = props.entry();
    const def = graph.def(e.id);
    // An edit is one batch (workbench-store.ts), so the value and the entry change together and this runs once.
    const failed = !props.store.value(e.id).ok;
    if (button.classList.contains('error') !== failed) button.classList.toggle('error', failed);
    const before = shown && shown.id === e.id && sameValue(shown.value, e.before) ? shown.text : shortValue(def, e.before);
    const after = shortValue(def, e.after);
    shown = { id: e.id, value: e.after, text: after };
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

function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}
