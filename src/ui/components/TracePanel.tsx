/**
 * Cause and effect: the cells the last change (an edit, a picker switch, undo, an opened
 * workbook) changed, each with old → new, grouped by wall with the largest relative change
 * first (store/trace-order.ts) and indented by their step along the path. Step and Play replay
 * the change upstream to downstream (store/replay.ts); the highlight stays until the next change.
 *
 * Rows are positional (`Index`): during a drag each edit changes much the same cells, so a
 * row rewrites its texts in place instead of being rebuilt.
 */
import { type Accessor, createMemo, createRenderEffect, Index, type JSX, Show } from 'solid-js';
import type { Trace, TraceEntry } from '../store/trace.js';
import { orderTrace, type TraceRowEntry } from '../store/trace-order.js';
import { type CellValue, sameValue } from '../../graph/index.js';
import { relativeChange, shortValue } from '../format/display.js';
import type { WorkbenchStore } from '../store/index.js';
import { createInView, holdWhileHidden } from './in-view.js';
import './trace.css';

interface TracePanelProps {
  readonly store: WorkbenchStore;
}

export function TracePanel(props: TracePanelProps): JSX.Element {
  const graph = props.store.graph;
  const replay = props.store.replay;
  // Grouped by wall, largest change first; while replaying, the steps shown so far, upstream first.
  // During a drag the rows keep the order they had when it began (the sizes of the changes move
  // every frame; re-sorting would rewrite every row's label each frame): re-sorted at the pause.
  const rows = createMemo((last: TraceRowEntry[]): TraceRowEntry[] => {
    const t = props.store.trace();
    if (!t) return [];
    const step = replay.step();
    if (step !== undefined) return t.entries.filter((e) => e.step <= step).map((entry) => ({ entry }));
    if (props.store.busy()) {
      const kept = keepOrder(last, t.entries);
      if (kept) return kept;
    }
    return orderTrace(t.entries, (id) => graph.def(id), t.edited);
  }, []);
  return (
    <section class="trace panel" aria-label="Cause and effect">
      <h3>Cause and effect</h3>
      <Show
        when={props.store.trace()}
        fallback={<p class="hint">Edit an input or switch a picker to see which cells change, in the order the change travels.</p>}
      >
        {(trace) => (
          <>
            <Show when={trace().cause}>{(c) => <p class="trace-cause" data-trace-cause>{c()}</p>}</Show>
            <Show when={trace().entries.length > 0} fallback={<p class="hint">That change changed no cell.</p>}>
              <ReplayControls store={props.store} />
              <ol class="trace-list" data-trace={trace().seq}>
                <Index each={rows()}>{(r) => <TraceRow store={props.store} row={r} />}</Index>
              </ol>
            </Show>
            <OtherCells trace={trace()} />
          </>
        )}
      </Show>
    </section>
  );
}

/** `entries` in the order of `last` (its group titles too), when both hold the same cells; else undefined. */
function keepOrder(last: readonly TraceRowEntry[], entries: readonly TraceEntry[]): TraceRowEntry[] | undefined {
  if (last.length !== entries.length || !last.length) return undefined;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: TraceRowEntry[] = [];
  for (const r of last) {
    const entry = byId.get(r.entry.id);
    if (!entry) return undefined;
    out.push(r.group === undefined ? { entry } : { entry, group: r.group });
  }
  return out;
}

/** Step / Play / All: the change replayed upstream to downstream, for a lecture. */
function ReplayControls(props: { readonly store: WorkbenchStore }): JSX.Element {
  const replay = props.store.replay;
  const status = () => {
    const s = replay.step();
    return s === undefined ? 'all steps' : `step ${s + 1} of ${replay.lastStep() + 1}`;
  };
  return (
    <div class="trace-replay" role="group" aria-label="Replay the change">
      <button type="button" data-trace-step onClick={() => replay.next()} title="Show the change one step further, upstream to downstream">
        Step
      </button>
      <button type="button" data-trace-play aria-pressed={replay.playing()} onClick={() => (replay.playing() ? replay.showAll() : replay.play())}>
        {replay.playing() ? 'Stop' : 'Play'}
      </button>
      <Show when={replay.step() !== undefined}>
        <button type="button" data-trace-all onClick={() => replay.showAll()}>
          All
        </button>
      </Show>
      <span class="trace-replay-status" data-replay-step={replay.step() ?? 'all'}>
        {status()}
      </span>
    </div>
  );
}

const MAX_LISTED = 60;

/** After a rebuild: how many cells appeared and were removed, their ids on request. */
function OtherCells(props: { readonly trace: Trace }): JSX.Element {
  const list = (ids: readonly string[]) => `${ids.slice(0, MAX_LISTED).join(', ')}${ids.length > MAX_LISTED ? ` … and ${ids.length - MAX_LISTED} more` : ''}`;
  const part = (ids: readonly string[] | undefined, what: string, name: string) => (
    <Show when={ids && ids.length > 0}>
      <details class="trace-other" data-trace-other={name}>
        <summary>
          {ids!.length} {ids!.length === 1 ? 'cell' : 'cells'} {what}
        </summary>
        <p>{list(ids!)}</p>
      </details>
    </Show>
  );
  return (
    <>
      {part(props.trace.appeared, 'appeared (not in the previous scenario)', 'appeared')}
      {part(props.trace.removed, 'removed (not in this scenario)', 'removed')}
    </>
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
function TraceRow(props: { readonly store: WorkbenchStore; readonly row: Accessor<TraceRowEntry> }): JSX.Element {
  const graph = props.store.graph;
  const view = createInView();
  const row = holdWhileHidden(props.row, view.inView, props.store.busy);
  const entry = () => row().entry;
  const id = createMemo(() => entry().id);
  let li!: HTMLLIElement;
  let head!: HTMLDivElement;
  let button!: HTMLButtonElement;
  let detail!: HTMLSpanElement;
  // Text nodes written in place (a text change re-lays out less than a replaced node), split
  // as CellLink and Show split them, so the row is drawn exactly as before.
  const label = document.createTextNode('');
  const oldText = document.createTextNode('');
  const newText = document.createTextNode('');
  let rel: { readonly span: HTMLSpanElement; readonly text: Text } | undefined;
  let step: number | undefined;
  let shownGroup = '';
  let shownCurrent = false;
  // The texts last written, to reuse rather than format again: during a drag "old" stays the
  // value the drag began from, and after a single edit it is usually the previous "new".
  let shownOld: Shown | undefined;
  let shownNew: Shown | undefined;
  const markup = (
    <li
      ref={(el) => {
        li = el;
        view.ref(el);
      }}
    >
      <div class="trace-group" ref={head} hidden />
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
    const r = row();
    const e = r.entry;
    const def = graph.def(e.id);
    const group = r.group ?? '';
    if (group !== shownGroup) {
      head.textContent = group;
      head.hidden = !group;
      shownGroup = group;
    }
    const current = props.store.replay.step() === e.step;
    if (current !== shownCurrent) li.classList.toggle('current-step', (shownCurrent = current));
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
  return markup;
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
