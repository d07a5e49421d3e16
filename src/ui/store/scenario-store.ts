/**
 * The workbench around a real scenario: the description (catalogue choices, mode, region,
 * ops, overrides), the built graph and a workbench store over it, the evaluation (scorecard
 * and wall board) recomputed after every edit (sharing the objects of the parts that did not
 * change, store/share.ts), undo / redo, and the view state.
 *
 * A change of model, hardware, system, mode, region or ops rebuilds the graph and carries the
 * overrides whose input cells still exist; the others are reported, not silently lost.
 */
import { type Accessor, batch, createSignal } from 'solid-js';
import type { Plain } from '../../graph/index.js';
import { buildScenario, type BuiltScenario, type Evaluation, evaluateBuilt, overrideValue, WALLS } from '../../scenario/index.js';
import { groupCells } from '../layout/index.js';
import { DEFAULT_DESC, type ScenarioDesc, toScenario, withChoice } from './scenario-desc.js';
import { describeChoices } from './choice-words.js';
import { applyDescPins, pinEdits, withPins } from './pins.js';
import { rebuildTrace } from './rebuild-trace.js';
import { buildRepaired } from './repair-desc.js';
import type { Trace } from './trace.js';
import { createUndoStack } from './undo-stack.js';
import { DEFAULT_VIEW, type ViewState } from './url-state.js';
import { share } from './share.js';
import { createViewStore, type ViewStore } from './view-store.js';
import { createWorkbenchStore, type InputCommit, type InputEdit, type WorkbenchStore } from './workbench-store.js';

type Choice = Omit<ScenarioDesc, 'overrides'>;

type UndoEntry = ({ readonly kind: 'edit' } & InputEdit) | { readonly kind: 'scenario'; readonly before: ScenarioDesc; readonly after: ScenarioDesc };

interface RebuildResult {
  readonly ok: boolean;
  /** Why the scenario could not be built (the previous one stays). */
  readonly error?: string;
  /** Overrides whose cells are not inputs of the new scenario. */
  readonly dropped: readonly string[];
}

export interface ScenarioStore {
  readonly desc: Accessor<ScenarioDesc>;
  readonly built: Accessor<BuiltScenario>;
  /** The workbench store of the current graph (replaced on rebuild). */
  readonly workbench: Accessor<WorkbenchStore>;
  readonly evaluation: Accessor<Evaluation>;
  /** Bumped after every edit and rebuild (charts that read the graph directly follow it). */
  readonly version: Accessor<number>;
  readonly view: ViewStore;
  /** Messages for the user: dropped overrides, unreadable link state, failed rebuilds. */
  readonly notices: Accessor<readonly string[]>;
  dismissNotices(): void;
  /** Changes catalogue choices / mode / region / ops and rebuilds. */
  choose(patch: Partial<Choice>): RebuildResult;
  /**
   * Replaces the whole description, overrides included (opening a workbook or another of its
   * scenarios). Undo / redo start afresh: the steps recorded belong to the scenario left
   * behind, and replaying them here would write one scenario's edits into another. When the
   * description cannot be built, the current scenario stays and `ok` is false. `cause` heads
   * the trace of what changed ("Opened 'Llama3_70B on H100'").
   */
  load(desc: ScenarioDesc, cause?: string): RebuildResult;
  /** Edits an input by raw value (recorded for undo). */
  setInput(id: string, raw: Plain): InputCommit;
  /** Pins a derived cell (at its current value unless `raw` is given): its formula set aside, traced, recorded for undo. */
  pin(id: string, raw?: Plain): RebuildResult;
  /** Restores a pinned cell's formula (traced, recorded for undo). */
  unpin(id: string): RebuildResult;
  selectCell(id: string | undefined): void;
  /** Filters the graph to a wall, opens its groups and selects its headline cell. */
  focusWall(n: number): void;
  undo(): void;
  redo(): void;
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  /** What the URL keeps. */
  viewState(): ViewState;
  dispose(): void;
}

interface ScenarioStoreOptions {
  readonly initial?: ViewState;
  /** Shown at start (e.g. the URL's state could not be read). */
  readonly notice?: string;
  readonly highlightMs?: number;
}

interface DescBuild {
  readonly built: BuiltScenario;
  /** The overrides applied, as raw values of their inputs (units converted). */
  readonly kept: Record<string, Plain>;
  /** Override ids that are not inputs of this scenario, or whose text is no value of the input (and pins that do not apply). */
  readonly dropped: string[];
  /** The pins applied (store/pins.ts). */
  readonly pins: Record<string, Plain>;
}
type Build = DescBuild;

/**
 * Builds a description as the workbench shows it; overrides apply after the build so missing
 * cells can be reported. The compare view builds every scenario of a workbook the same way.
 */
export function buildDesc(desc: ScenarioDesc): DescBuild {
  return build(desc);
}

function build(desc: ScenarioDesc): Build {
  const built = buildScenario(toScenario(desc));
  const kept: Record<string, Plain> = {};
  const dropped: string[] = [];
  for (const [id, raw] of Object.entries(desc.overrides)) {
    const def = built.graph.has(id) ? built.graph.def(id) : undefined;
    if (def?.kind !== 'input') {
      dropped.push(id);
      continue;
    }
    try {
      kept[id] = overrideValue(def, raw);
    } catch {
      dropped.push(id);
    }
  }
  if (Object.keys(kept).length) built.graph.setMany(kept);
  const pinned = applyDescPins(built.graph, desc.pins ?? {});
  return { built, kept, dropped: [...dropped, ...pinned.dropped], pins: pinned.kept };
}

export function createScenarioStore(options: ScenarioStoreOptions = {}): ScenarioStore {
  const initial = options.initial ?? DEFAULT_VIEW;
  const notices0: string[] = options.notice ? [options.notice] : [];
  let first: Build;
  let startDesc = initial.desc;
  try {
    // A link naming an unknown model, device, system or region opens with that choice replaced, said out loud.
    const repaired = buildRepaired(startDesc, build);
    first = repaired.built;
    startDesc = repaired.desc;
    notices0.push(...repaired.problems);
  } catch (e) {
    notices0.push(`The scenario could not be built (${messageOf(e)}); showing the default scenario.`);
    startDesc = DEFAULT_DESC;
    first = build(startDesc);
  }
  if (first.dropped.length) notices0.push(droppedNotice(first.dropped));

  const view = createViewStore(initial);
  const history = createUndoStack<UndoEntry>();
  const [notices, setNotices] = createSignal<readonly string[]>(notices0);
  const [desc, setDesc] = createSignal<ScenarioDesc>(withPins({ ...startDesc, overrides: first.kept }, first.pins));
  const [built, setBuilt] = createSignal(first.built);
  const [version, setVersion] = createSignal(0);
  const [evaluation, setEvaluation] = createSignal(evaluateBuilt(first.built));
  let stopEval: () => void = () => {};

  const remember = (id: string, raw: Plain): void => {
    const d = desc();
    const def = built().graph.def(id);
    if (def.kind === 'derived') return void setDesc(withPins(d, { ...d.pins, [id]: raw }));
    const overrides = { ...d.overrides };
    if (def.kind === 'input' && Object.is(def.default, raw)) delete overrides[id];
    else overrides[id] = raw;
    setDesc({ ...d, overrides });
  };

  /** Opens the cell's group (leaving a filter that hides it) and asks the graph to show it. */
  const reveal = (b: BuiltScenario, id: string): void => {
    const g = groupCells(b.graph.topology).find((x) => x.ids.includes(id));
    if (!g) return;
    const f = view.filter();
    if (f && !view.focus() && !(f === `w${g.wall}` || f === `s:${g.scope}`)) view.setFilter(undefined);
    if (!view.isExpanded(g)) view.setExpanded([g.key], true);
    view.requestReveal(id);
  };

  const attach = (b: BuiltScenario, selected: string | undefined, trace?: Trace): WorkbenchStore => {
    stopEval();
    const wb = createWorkbenchStore(b.graph, {
      highlightMs: options.highlightMs,
      trace,
      selected: selected !== undefined && b.graph.has(selected) ? selected : undefined,
      onSelect: (id) => {
        if (id !== undefined) reveal(b, id);
      },
      onCommit: (edit) => {
        history.push({ kind: 'edit', ...edit });
        remember(edit.id, edit.after);
      },
    });
    stopEval = b.graph.onEdit(() => {
      // Shared with the last evaluation: the panels re-render only the rows whose values moved.
      setEvaluation((prev) => share(prev, evaluateBuilt(b)));
      setVersion((v) => v + 1);
    });
    return wb;
  };
  const [workbench, setWorkbench] = createSignal(attach(first.built, initial.selected));

  const rebuild = (next: ScenarioDesc, record: boolean, cause: string): RebuildResult => {
    // The old graph's values, for the trace of what the switch changed (rebuild-trace.ts).
    const beforeValues = built().graph.snapshot();
    let b: Build;
    try {
      b = build(next);
    } catch (e) {
      const error = messageOf(e);
      setNotices([...notices(), `The scenario could not be built: ${error}`]);
      return { ok: false, error, dropped: [] };
    }
    const before = desc();
    const old = workbench();
    const selected = old.selected();
    const traced = rebuildTrace(beforeValues, b.built.graph, cause);
    // Nothing changed (the same scenario again): the last trace still describes the page.
    const unchanged = !traced.entries.length && !traced.appeared?.length && !traced.removed?.length;
    const trace = unchanged ? old.trace() : traced;
    old.dispose();
    batch(() => {
      setDesc(withPins({ ...next, overrides: b.kept }, b.pins));
      setBuilt(b.built);
      setWorkbench(attach(b.built, selected, trace));
      setEvaluation(evaluateBuilt(b.built));
      setVersion((v) => v + 1);
      if (b.dropped.length) setNotices([...notices(), droppedNotice(b.dropped)]);
    });
    if (record) history.push({ kind: 'scenario', before, after: desc() });
    return { ok: true, dropped: b.dropped };
  };

  const apply = (e: UndoEntry, dir: 'undo' | 'redo'): void => {
    const verb = dir === 'undo' ? 'Undo' : 'Redo';
    if (e.kind === 'scenario') {
      const [from, to] = dir === 'undo' ? [e.after, e.before] : [e.before, e.after];
      rebuild(to, false, `${verb}: ${describeChoices(from, to) || 'the scenario'}`);
      return;
    }
    if (!built().graph.isInput(e.id) && !built().graph.isPinned(e.id)) return;
    const raw = dir === 'undo' ? e.before : e.after;
    workbench().applyRaw(e.id, raw, `${verb}: ${built().graph.def(e.id).label}`);
    remember(e.id, raw);
  };

  const selectCell = (id: string | undefined): void => {
    const wb = workbench();
    if (id === undefined || wb.graph.has(id)) wb.select(id);
  };

  return {
    desc, built, workbench, evaluation, version, view, notices,
    dismissNotices: () => setNotices([]),
    choose(patch) {
      const next = withChoice(desc(), patch);
      return rebuild(next, true, describeChoices(desc(), next) || 'The same choice again');
    },
    load(next, cause) {
      const r = rebuild(next, false, cause ?? 'Opened another scenario');
      if (r.ok) history.clear();
      return r;
    },
    setInput: (id, raw) => batch(() => {
      const before = built().graph.rawInput(id);
      const out = workbench().applyRaw(id, raw);
      history.push({ kind: 'edit', id, before, after: raw });
      remember(id, raw);
      return out;
    }),
    ...pinEdits(desc, () => built().graph, (next, cause) => rebuild(next, true, cause)),
    selectCell,
    focusWall(n) {
      const groups = groupCells(built().graph.topology).filter((g) => g.wall === n);
      view.setFocus(false);
      view.setFilter(`w${n}`);
      view.setExpanded(groups.map((g) => g.key), true);
      const headline = WALLS[n - 1]?.headline;
      const target = headline && built().graph.has(headline) ? headline : groups[0]?.ids[0];
      if (target) selectCell(target);
    },
    undo() {
      const e = history.undo();
      if (e) apply(e, 'undo');
    },
    redo() {
      const e = history.redo();
      if (e) apply(e, 'redo');
    },
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    viewState: () => ({
      desc: desc(),
      selected: workbench().selected(),
      focus: view.focus(),
      presentation: view.presentation(),
      filter: view.filter(),
    }),
    dispose() {
      stopEval();
      workbench().dispose();
    },
  };
}

function droppedNotice(ids: readonly string[]): string {
  return `Overrides not carried over (no such input in this scenario): ${ids.join(', ')}`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
