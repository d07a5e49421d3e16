/**
 * The workbench state around one live graph: cell values as Solid signals, the selected
 * cell, the text of each input's editor, and the cause-and-effect trace of the last edit.
 * Components read from here and call `commitInput` / `select`; they never touch the graph's
 * setters themselves, so every edit goes through `graph.edit` and produces a trace.
 */
import { type Accessor, createSignal } from 'solid-js';
import { type InputDef, type LiveGraph, parseInputText, type Plain } from '../../graph/index.js';
import { editorText } from '../format/display.js';
import { type CellValues, createCellValues } from './cell-values.js';
import { buildTrace, type Trace, type TraceEntry } from './trace.js';

/** How a cell relates to the selected one (for highlighting its cone). */
export type Relation = 'selected' | 'upstream' | 'downstream';

/** What became of a typed value. */
export interface InputCommit {
  readonly accepted: boolean;
  /** Why it was refused: unparseable text, or outside the input's domain. */
  readonly message?: string;
}

export interface WorkbenchOptions {
  /** How long changed cells stay lit after an edit (ms). */
  readonly highlightMs?: number;
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
  /** Edits the graph with a raw value (undo / redo, controls); clears the typed text. Not reported to onCommit. */
  applyRaw(id: string, raw: Plain): InputCommit;
  /** The last edit's trace (kept until the next edit). */
  readonly trace: Accessor<Trace | undefined>;
  /** A cell's trace entry while the highlight of the last edit is on. */
  lit(id: string): TraceEntry | undefined;
  /** Every input back to its default. */
  reset(): void;
  dispose(): void;
}

export const DEFAULT_HIGHLIGHT_MS = 6000;

export function createWorkbenchStore(graph: LiveGraph, options: WorkbenchOptions = {}): WorkbenchStore {
  const highlightMs = options.highlightMs ?? DEFAULT_HIGHLIGHT_MS;
  const values = createCellValues(graph);
  const topology = graph.topology;
  const [selected, setSelected] = createSignal<string | undefined>(options.selected);
  const [texts, setTexts] = createSignal<ReadonlyMap<string, string>>(new Map());
  const [problems, setProblems] = createSignal<ReadonlyMap<string, string>>(new Map());
  const [trace, setTrace] = createSignal<Trace | undefined>();
  const [lit, setLit] = createSignal<ReadonlyMap<string, TraceEntry>>(new Map());
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cones = new Map<string, { up: Set<string>; down: Set<string> }>();
  const coneOf = (id: string) => {
    let c = cones.get(id);
    if (!c) cones.set(id, (c = { up: new Set(topology.upstream(id)), down: new Set(topology.downstream(id)) }));
    return c;
  };

  const withEntry = <V>(map: ReadonlyMap<string, V>, id: string, v: V | undefined): ReadonlyMap<string, V> => {
    const next = new Map(map);
    if (v === undefined) next.delete(id);
    else next.set(id, v);
    return next;
  };

  const inputDef = (id: string): InputDef => {
    const def = graph.def(id);
    if (def.kind !== 'input') throw new Error(`${id} is a derived cell and cannot be edited`);
    return def;
  };

  const light = (t: Trace): void => {
    clearTimeout(timer);
    setLit(new Map(t.entries.map((e) => [e.id, e])));
    timer = setTimeout(() => setLit(new Map()), highlightMs);
  };

  const editGraph = (id: string, raw: Plain): InputCommit => {
    const result = graph.edit({ [id]: raw });
    const t = buildTrace(++seq, [id], result.changed, topology);
    setTrace(t);
    light(t);
    const outcome = result.outcomes[0];
    return outcome.ok ? { accepted: true } : { accepted: false, message: outcome.message };
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
    inputText: (id) => texts().get(id) ?? editorText(inputDef(id), graph.rawInput(id)),
    inputProblem: (id) => problems().get(id),
    commitInput(id, text) {
      const def = inputDef(id);
      const current = texts().get(id) ?? editorText(def, graph.rawInput(id));
      // Enter and the blur after it both commit; the same text twice is one edit.
      if (text.trim() === current.trim() && !problems().has(id)) {
        const v = graph.get(id);
        return v.ok ? { accepted: true } : { accepted: false, message: v.error.message };
      }
      setTexts(withEntry(texts(), id, text));
      const parsed = parseInputText(def, text);
      if (!parsed.ok) {
        setProblems(withEntry(problems(), id, parsed.message));
        return { accepted: false, message: parsed.message };
      }
      setProblems(withEntry(problems(), id, undefined));
      const before = graph.rawInput(id);
      const outcome = editGraph(id, parsed.value);
      options.onCommit?.({ id, before, after: parsed.value });
      return outcome;
    },
    applyRaw(id, raw) {
      inputDef(id);
      setTexts(withEntry(texts(), id, undefined));
      setProblems(withEntry(problems(), id, undefined));
      return editGraph(id, raw);
    },
    trace,
    lit: (id) => lit().get(id),
    reset() {
      clearTimeout(timer);
      setTexts(new Map());
      setProblems(new Map());
      setTrace(undefined);
      setLit(new Map());
      graph.reset();
    },
    dispose() {
      clearTimeout(timer);
      values.dispose();
    },
  };
}
