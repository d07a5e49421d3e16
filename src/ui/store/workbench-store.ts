/**
 * The workbench state around one live graph: cell values as Solid signals, the selected
 * cell, the text of each input's editor, and the cause-and-effect trace of the last edit.
 * Components read from here and call `commitInput` / `select`; they never touch the graph's
 * setters themselves, so every edit goes through `graph.edit` and produces a trace.
 */
import { type Accessor, batch, createSignal, type Setter, untrack } from 'solid-js';
import { type InputDef, type LiveGraph, parseInputText, type Plain } from '../../graph/index.js';
import { pinEditDef } from '../../scenario/pins.js';
import { editorText } from '../format/display.js';
import { createBurst } from './burst.js';
import { type CellValues, createCellValues } from './cell-values.js';
import { createKeyedSignals } from './keyed-signals.js';
import { rawOf } from './pins.js';
import { createReplay, type Replay } from './replay.js';
import { buildTrace, nextTraceSeq, sinceBurstStart, type Trace, type TraceEntry } from './trace.js';

/** How a cell relates to the selected one (for highlighting its cone). */
type Relation = 'selected' | 'upstream' | 'downstream';

/** What became of a typed value. */
export interface InputCommit {
  readonly accepted: boolean;
  /** Why it was refused: unparseable text, or outside the input's domain. */
  readonly message?: string;
}

interface WorkbenchOptions {
  /** How long changed cells stay lit after an edit (ms); by default until the next change. */
  readonly highlightMs?: number;
  /** The trace to show (and light) from the start: a rebuild's (rebuild-trace.ts). */
  readonly trace?: Trace;
  /** The cell selected at start. */
  readonly selected?: string;
  /** Called after every edit typed by the user (not after `applyRaw`): the undo stack listens here. */
  readonly onCommit?: (edit: InputEdit) => void;
  /** Called after every selection (the graph view brings the cell into view). */
  readonly onSelect?: (id: string | undefined) => void;
}

/** One edit of one input: its raw value before and after (what undo / redo re-apply). */
export interface InputEdit {
  readonly id: string;
  readonly before: Plain;
  readonly after: Plain;
}

export interface WorkbenchStore {
  readonly graph: LiveGraph;
  readonly value: CellValues['value'];
  readonly selected: Accessor<string | undefined>;
  select(id: string | undefined): void;
  relation(id: string): Relation | undefined;
  /** The text shown in an input's editor: the last text typed, else the formatted value. */
  inputText(id: string): string;
  /** The message for text that could not be parsed (the graph keeps the previous value). */
  inputProblem(id: string): string | undefined;
  /** Parses `text` and, when it parses, edits the graph (a domain refusal marks the cell). */
  commitInput(id: string, text: string): InputCommit;
  /** Edits the graph with a raw value (undo / redo, controls); clears the typed text. Not reported to onCommit. `cause` heads its trace ("Undo"). */
  applyRaw(id: string, raw: Plain, cause?: string): InputCommit;
  /** The last edit's trace (kept until the next edit); during a drag of one input, the drag's so far (store/trace.ts). */
  readonly trace: Accessor<Trace | undefined>;
  /** Step-by-step replay of the trace, upstream to downstream (replay.ts). */
  readonly replay: Replay;
  /** A cell's trace entry while the highlight of the last edit is on. */
  lit(id: string): TraceEntry | undefined;
  /**
   * Whether the cell is lit: changes only when the highlight goes on or off, not with every
   * entry (during a drag each edit brings new entries for much the same cells), so classes and
   * edges that only mark lit cells are not re-run per edit.
   */
  isLit(id: string): boolean;
  /**
   * On while edits come in a burst (a drag: from its second edit until the edits pause for
   * 200 ms, store/burst.ts): views out of sight may then wait for the pause.
   */
  readonly busy: Accessor<boolean>;
  /** Every input back to its default. */
  reset(): void;
  dispose(): void;
}

export function createWorkbenchStore(graph: LiveGraph, options: WorkbenchOptions = {}): WorkbenchStore {
  // The highlight stays until the next change unless a time is given (a lecture talks over it).
  const highlightMs = options.highlightMs ?? Infinity;
  const values = createCellValues(graph);
  const topology = graph.topology;
  const [selected, setSelected] = createSignal<string | undefined>(options.selected);
  // Per cell, so typing into one field does not wake every editor on the page.
  const texts = createKeyedSignals<string>();
  const problems = createKeyedSignals<string>();
  const [trace, setTrace] = createSignal<Trace | undefined>(options.trace);
  const lit = createLitCells(topology.ids);
  const burst = createBurst();
  const replay = createReplay(trace, (entries) => lit.set(entries));
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cones = new Map<string, { up: Set<string>; down: Set<string> }>();
  const coneOf = (id: string) => {
    let c = cones.get(id);
    if (!c) cones.set(id, (c = { up: new Set(topology.upstream(id)), down: new Set(topology.downstream(id)) }));
    return c;
  };

  const inputDef = (id: string): InputDef => {
    const def = graph.def(id);
    // A pinned derived cell is edited like an input (store/pins.ts).
    if (def.kind === 'derived' && graph.isPinned(id)) return pinEditDef(def);
    if (def.kind !== 'input') throw new Error(`${id} is a derived cell and cannot be edited`);
    return def;
  };

  /** When the highlight goes out: one timer per burst of edits, re-armed for the rest when it fires early (a drag does not set a timer per frame). */
  let litUntil = 0;
  const dim = (): void => {
    const left = litUntil - Date.now();
    timer = left > 0 ? setTimeout(dim, left) : undefined;
    if (left <= 0) lit.set([]);
  };
  const light = (t: Trace): void => {
    replay.stop();
    lit.set(t.entries);
    if (!Number.isFinite(highlightMs)) return;
    litUntil = Date.now() + highlightMs;
    if (timer === undefined) timer = setTimeout(dim, highlightMs);
  };
  if (options.trace) light(options.trace);

  const editGraph = (id: string, raw: Plain, cause?: string): InputCommit => {
    const result = graph.edit({ [id]: raw });
    const continuing = burst.touch();
    // A drag of one input is one gesture: its trace runs from where the drag began.
    const last = untrack(trace);
    // (An undo or redo, which has a cause, is a change of its own even right after a drag.)
    const sameGesture = cause === undefined && continuing && last !== undefined && last.edited.length === 1 && last.edited[0] === id;
    const t = buildTrace(nextTraceSeq(), [id], sameGesture ? sinceBurstStart(last, result.changed, topology) : result.changed, topology);
    setTrace(cause === undefined ? t : { ...t, cause });
    light(t);
    const outcome = result.outcomes[0];
    return outcome.ok ? { accepted: true } : { accepted: false, message: outcome.message };
  };

  const commitInput = (id: string, text: string): InputCommit => {
    const def = inputDef(id);
    const current = untrack(() => texts.get(id)) ?? editorText(def, rawOf(graph, id));
    // Enter and the blur after it both commit; the same text twice is one edit.
    if (text.trim() === current.trim() && !problems.has(id)) {
      const v = graph.get(id);
      return v.ok ? { accepted: true } : { accepted: false, message: v.error.message };
    }
    texts.set(id, text);
    const parsed = parseInputText(def, text);
    if (!parsed.ok) {
      problems.set(id, parsed.message);
      return { accepted: false, message: parsed.message };
    }
    problems.set(id, undefined);
    const before = rawOf(graph, id);
    const outcome = editGraph(id, parsed.value);
    options.onCommit?.({ id, before, after: parsed.value });
    return outcome;
  };

  return {
    graph,
    value: values.value,
    selected,
    select(id) {
      setSelected(id);
      options.onSelect?.(id);
    },
    relation(id) {
      const s = selected();
      if (s === undefined) return undefined;
      if (s === id) return 'selected';
      const cone = coneOf(s);
      return cone.up.has(id) ? 'upstream' : cone.down.has(id) ? 'downstream' : undefined;
    },
    inputText(id) {
      const typed = texts.get(id);
      if (typed !== undefined) return typed;
      // The graph's raw input is not reactive; its cell's value is, and changes with it.
      values.value(id);
      return editorText(inputDef(id), rawOf(graph, id));
    },
    inputProblem: (id) => problems.get(id),
    // One batch per edit: the cell values, the evaluation, the trace and the highlight all
    // change before any view re-renders, so a card or row that reads several of them
    // re-renders once per edit, not once per signal.
    commitInput: (id, text) => batch(() => commitInput(id, text)),
    applyRaw: (id, raw, cause) => batch(() => {
      inputDef(id);
      texts.set(id, undefined);
      problems.set(id, undefined);
      return editGraph(id, raw, cause);
    }),
    trace,
    replay,
    lit: (id) => lit.get(id),
    isLit: (id) => lit.isOn(id),
    busy: burst.active,
    reset() {
      clearTimeout(timer);
      burst.end();
      timer = undefined;
      texts.clear();
      problems.clear();
      replay.stop();
      setTrace(undefined);
      lit.set([]);
      graph.reset();
    },
    dispose() {
      clearTimeout(timer);
      replay.stop();
      burst.dispose();
      values.dispose();
    },
  };
}

interface LitCells {
  /** A cell's entry while lit (a reactive read of that cell only). */
  get(id: string): TraceEntry | undefined;
  /** Whether the cell is lit (a reactive read that changes only when the light goes on or off). */
  isOn(id: string): boolean;
  /** Lights exactly these entries' cells; the others go dark. */
  set(entries: readonly TraceEntry[]): void;
}

interface LitSlot {
  readonly entry: Accessor<TraceEntry | undefined>;
  readonly setEntry: Setter<TraceEntry | undefined>;
  readonly on: Accessor<boolean>;
  readonly setOn: Setter<boolean>;
}

/**
 * Two signals per cell rather than one map for all: an edit then wakes only what reads the
 * cells that changed (their old → new), and what only marks lit cells (classes, edges, group
 * counts) wakes only when a cell lights up or goes dark.
 */
function createLitCells(ids: readonly string[]): LitCells {
  const slots = new Map<string, LitSlot>();
  for (const id of ids) {
    const [entry, setEntry] = createSignal<TraceEntry | undefined>();
    const [on, setOn] = createSignal(false);
    slots.set(id, { entry, setEntry, on, setOn });
  }
  let lit: readonly TraceEntry[] = [];
  return {
    get: (id) => slots.get(id)?.entry(),
    isOn: (id) => slots.get(id)?.on() ?? false,
    set(entries) {
      const next = new Set(entries.map((e) => e.id));
      batch(() => {
        for (const e of lit) {
          if (next.has(e.id)) continue;
          const slot = slots.get(e.id);
          slot?.setEntry(undefined);
          slot?.setOn(false);
        }
        for (const e of entries) {
          const slot = slots.get(e.id);
          slot?.setEntry(() => e);
          slot?.setOn(true);
        }
      });
      lit = entries;
    },
  };
}
