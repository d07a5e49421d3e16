/**
 * The bridge between a Workbook document and the ScenarioStore: the open workbook, which of
 * its scenarios the workbench shows, and the autosave of every edit.
 *
 *   ScenarioStore.desc ─┐                                    ┌─ autosave (debounced) → IndexedDB
 *   SweepStore.specs  ──┴─ effect → workbook (active scenario) ┤
 *                                                             └─ URL: #v=…&w=<id>&s=<scenario>
 *
 * Opening a workbook or a scenario loads its document into the store (`store.load`, which
 * starts undo afresh) and its sweeps into the sweep store; edits after that are written back
 * into that scenario only. A burst of edits (a slider drag, an edit per frame) is written back
 * once when it starts and once when it pauses (store/coalesce.ts), not per frame: every read
 * of the document outside the view (the session's and the library's actions, `flush`, a
 * `workbook()` call from a handler or a test) first writes back what is pending.
 *
 * A scenario that cannot be built is never shown in place of another,
 * and its document is left as it is. Workbook-level actions (list, open, import, share …) are
 * in workbook-library.ts.
 */
import { type Accessor, createEffect, createSignal, getListener, on, untrack } from 'solid-js';
import { createAutosaver, WorkbookStore } from '../../persist/index.js';
import type { KeyValueBackend } from '../../persist/index.js';
import type { ScenarioSweep, Workbook } from '../../scenario/index.js';
import { createMessageLog, type MessageLog, type SessionMessage } from './session-messages.js';
import { DEFAULT_DESC, fromScenario, type ScenarioDesc, toScenarioDocument } from './scenario-desc.js';
import { createCoalescer } from './coalesce.js';
import type { ScenarioStore } from './scenario-store.js';
import { joinHash, splitHash, type HashParts } from './url-hash.js';
import {
  addScenario, canonicalJson, deleteScenario, renameScenario, scenarioOf, sweepSpecs, withActive, withNotes,
  withScenarioDoc, withSweeps,
} from './workbook-doc.js';
import { createLibrary, descLabel, type WorkbookLibrary } from './workbook-library.js';

/**
 * A scenario named after its choices ("Llama3_8B on H100") follows them when they change; a
 * name the user gave (anything else) is kept.
 */
function followName(wb: Workbook, id: string, before: ScenarioDesc | undefined, after: ScenarioDesc): Workbook {
  const entry = scenarioOf(wb, id);
  const name = descLabel(after);
  if (!entry || !before || entry.name !== descLabel(before) || entry.name === name) return wb;
  try {
    return renameScenario(wb, id, name);
  } catch {
    return wb;
  }
}

/** What the session needs of the sweep store (sweep-store.ts). */
export interface SweepSpecs {
  readonly specs: Accessor<readonly ScenarioSweep[]>;
  setSpecs(specs: readonly ScenarioSweep[]): void;
}

/** starting: opening storage; saving: an edit is queued; memory: storage unavailable, nothing outlives the tab. */
export type SaveState = 'starting' | 'saved' | 'saving' | 'failed' | 'memory';

interface WorkbookSessionOptions {
  readonly scenario: ScenarioStore;
  readonly sweeps?: SweepSpecs;
  /** Default: IndexedDB via idb-keyval (tests inject fake or failing backends). */
  readonly backend?: KeyValueBackend;
  /** Autosave quiet time (default 500 ms). */
  readonly autosaveMs?: number;
  /** The location hash at start: a share link (wb=), the view's workbook and scenario (w=, s=). */
  readonly hash?: string;
  readonly now?: () => Date;
}

/** What the library functions share with the session. */
export interface SessionCore {
  readonly scenario: ScenarioStore;
  readonly log: MessageLog;
  readonly now: () => Date;
  readonly startParts: HashParts;
  readonly workbook: Accessor<Workbook | undefined>;
  store(): WorkbookStore;
  /** Replaces the storage (IndexedDB unavailable → memory). */
  useBackend(backend: KeyValueBackend, state: SaveState): void;
  setSaveState(s: SaveState): void;
  setPendingLink(payload: string | undefined): void;
  /** Shows `wb` (scenario `scenarioId`, else its active one, else the first that builds); false when none builds. */
  show(wb: Workbook, scenarioId?: string, fallback?: boolean): boolean;
  /** The new workbook document: kept and queued for saving. */
  commit(wb: Workbook): void;
  /** The view as the user left it, if they edited it before any workbook was open (storage still opening); cleared by the call. */
  takeEarlyEdit(): ScenarioDesc | undefined;
  flush(): Promise<void>;
  bumpList(): void;
}

export interface WorkbookSession extends WorkbookLibrary {
  readonly workbook: Accessor<Workbook | undefined>;
  readonly activeId: Accessor<string | undefined>;
  readonly saveState: Accessor<SaveState>;
  readonly messages: Accessor<readonly SessionMessage[]>;
  dismiss(id: number): void;
  /** Shows "<what>: <reason>" (a failure outside the session, e.g. a download the browser refused). */
  report(what: string, e: unknown): void;
  /** Bumped when the stored list may have changed (the list dialog reloads). */
  readonly listVersion: Accessor<number>;
  switchScenario(id: string): boolean;
  /** Adds a copy of the active scenario and switches to it. */
  addScenario(name?: string): boolean;
  renameScenario(id: string, name: string): boolean;
  deleteScenario(id: string): boolean;
  setNotes(notes: string): void;
  /** The URL fragment for a view ('#v=…'): the view plus the workbook, scenario and pending link. */
  hash(view: string): string;
  /** Writes any queued edit now. */
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

/** Must be called under a Solid owner (App, or createRoot in tests): it installs an effect. */
export function createWorkbookSession(options: WorkbookSessionOptions): WorkbookSession {
  const { scenario, sweeps } = options;
  const now = options.now ?? (() => new Date());
  const log = createMessageLog();
  const startParts = splitHash(options.hash ?? '');
  const [workbook, setWorkbook] = createSignal<Workbook>();
  const [saveState, setSaveState] = createSignal<SaveState>('starting');
  const [pendingLink, setPendingLink] = createSignal<string | undefined>(startParts.link);
  const [listVersion, setListVersion] = createSignal(0);
  const bumpList = () => setListVersion((v) => v + 1);
  let store = new WorkbookStore({ backend: options.backend, now });
  /** Storage fell back to memory: saves still happen (so switching loses nothing) but not to disk. */
  let memory = false;

  const sameContent = (a: Workbook, b: Workbook) => canonicalJson({ ...a, updated: '' }) === canonicalJson({ ...b, updated: '' });
  const makeSaver = () => createAutosaver(store, {
    delayMs: options.autosaveMs,
    onSaved(saved) {
      const wb = untrack(workbook);
      if (wb?.id === saved.id) {
        setWorkbook({ ...wb, updated: saved.updated });
        if (sameContent(wb, saved)) setSaveState(memory ? 'memory' : 'saved');
      }
      bumpList();
    },
    onError(e, wb) {
      setSaveState('failed');
      log.fail(`Could not save workbook '${wb.name}'`, e);
    },
  });
  let saver = makeSaver();

  // What the stores held right after the last load: only later changes are edits to write back.
  let loadedDesc: ScenarioDesc | undefined;
  let loadedSpecs: readonly ScenarioSweep[] | undefined;
  let loading = false;

  const commit = (wb: Workbook): void => {
    setWorkbook(wb);
    setSaveState(memory ? 'memory' : 'saving');
    saver.schedule(wb);
  };

  /** Writes the store's description and sweeps, when changed since the last write or load, into the active scenario. */
  const writeBack = (): void => {
    const wb = untrack(workbook);
    const id = wb?.active_scenario_id;
    if (loading || !wb || id === undefined) return;
    const desc = untrack(scenario.desc);
    const specs = sweeps ? untrack(sweeps.specs) : undefined;
    let next = wb;
    if (desc !== loadedDesc) {
      next = followName(withScenarioDoc(next, id, toScenarioDocument(desc)), id, loadedDesc, desc);
      loadedDesc = desc;
    }
    if (specs !== undefined && specs !== loadedSpecs) {
      next = withSweeps(next, id, specs);
      loadedSpecs = specs;
    }
    if (next !== wb) commit(next);
  };
  const writes = createCoalescer();
  /** Writes back what a burst of edits left pending (before anything reads or replaces the document). */
  const sync = (): void => writes.flush();
  /** The document for actions: up to date with the last edit. (The view reads `workbook` itself and is not woken per edit.) */
  const current = (): Workbook | undefined => {
    if (!getListener()) sync();
    return workbook();
  };

  const show = (given: Workbook, scenarioId?: string, fallback = true): boolean => {
    // The scenario being left gets its pending edits first.
    sync();
    // A workbook without scenarios (a file may hold one) gets the default scenario to show.
    const wb: Workbook = given.scenarios.length ? given : {
      ...given, scenarios: [{ id: 'scenario-1', name: 'Llama3_8B on H100', scenario: toScenarioDocument(DEFAULT_DESC) }], active_scenario_id: 'scenario-1',
    };
    const wanted = [scenarioId, ...(fallback ? [wb.active_scenario_id, ...wb.scenarios.map((s) => s.id)] : [])];
    const order = [...new Set(wanted)].filter((id): id is string => id !== undefined && scenarioOf(wb, id) !== undefined);
    const problems: string[] = [];
    for (const id of order) {
      const entry = scenarioOf(wb, id)!;
      loading = true;
      try {
        const r = scenario.load(fromScenario(entry.scenario), `Opened '${entry.name}'`);
        if (!r.ok) {
          problems.push(`'${entry.name}': ${r.error ?? 'it cannot be built'}`);
          continue;
        }
        sweeps?.setSpecs(sweepSpecs(wb, id));
        loadedDesc = untrack(scenario.desc);
        loadedSpecs = sweeps ? untrack(sweeps.specs) : undefined;
      } finally {
        loading = false;
      }
      if (problems.length) log.say('error', `Could not show scenario ${problems.join('; ')}. It is kept unchanged; showing '${entry.name}'.`);
      const shown = withActive(wb, id);
      if (shown !== given) commit(shown);
      else setWorkbook(shown);
      return true;
    }
    log.say('error', `Could not show workbook '${wb.name}' (${problems.join('; ')}). It is kept unchanged; export it as .json to repair it.`);
    return false;
  };

  /** An edit made while storage was still opening: no workbook to write it into yet, so start() keeps it (workbook-library.ts). */
  let earlyEdit: ScenarioDesc | undefined;
  createEffect(on([scenario.desc, () => sweeps?.specs()] as const, () => {
    if (loading) return;
    if (untrack(workbook)) writes.run(writeBack);
    else earlyEdit = untrack(scenario.desc);
  }, { defer: true }));

  /** Writes what is pending into the document, then the document to storage. */
  const flush = (): Promise<void> => {
    sync();
    return saver.flush();
  };

  const core: SessionCore = {
    scenario, log, now, startParts, workbook: current,
    store: () => store,
    useBackend(backend, state) {
      store = new WorkbookStore({ backend, now });
      saver = makeSaver();
      memory = state === 'memory';
      setSaveState(state);
    },
    setSaveState,
    setPendingLink,
    show,
    commit,
    takeEarlyEdit() {
      const d = earlyEdit;
      earlyEdit = undefined;
      return d;
    },
    flush,
    bumpList,
  };
  const library = createLibrary(core);

  /** Applies a document edit to the open workbook; a refused edit becomes a message. */
  const edit = (what: string, change: (wb: Workbook) => Workbook): Workbook | undefined => {
    const wb = current();
    if (!wb) return undefined;
    try {
      const next = change(wb);
      if (next !== wb) commit(next);
      return next;
    } catch (e) {
      log.fail(what, e);
      return undefined;
    }
  };

  return {
    ...library,
    workbook: current,
    activeId: () => workbook()?.active_scenario_id,
    saveState,
    messages: log.messages,
    dismiss: log.dismiss,
    report: log.fail,
    listVersion,
    switchScenario(id) {
      const wb = current();
      if (!wb || wb.active_scenario_id === id) return Boolean(wb);
      return show(wb, id, false);
    },
    addScenario(name) {
      const wb = current();
      const from = wb?.active_scenario_id;
      if (!wb || from === undefined) return false;
      try {
        const { workbook: next, id } = addScenario(wb, from, name);
        commit(next);
        return show(next, id, false);
      } catch (e) {
        log.fail('Could not add a scenario', e);
        return false;
      }
    },
    renameScenario: (id, name) => edit('Could not rename the scenario', (wb) => renameScenario(wb, id, name)) !== undefined,
    deleteScenario(id) {
      const wasActive = workbook()?.active_scenario_id === id;
      const next = edit('Could not delete the scenario', (wb) => deleteScenario(wb, id));
      if (next && wasActive) show(next, next.active_scenario_id, true);
      return next !== undefined;
    },
    setNotes: (notes) => void edit('Could not change the notes', (wb) => withNotes(wb, notes)),
    hash(view) {
      const wb = workbook();
      return joinHash(view, {
        workbookId: wb?.id ?? startParts.workbookId,
        scenarioId: wb ? wb.active_scenario_id : startParts.scenarioId,
        link: pendingLink(),
      });
    },
    flush,
    dispose() {
      sync();
      writes.dispose();
      return saver.dispose();
    },
  };
}
