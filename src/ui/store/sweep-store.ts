/**
 * The sweeps of the current scenario ("sweep any cell", DESIGN.md "What the user sees"): the
 * specs a workbook saves, the one being edited (the draft), and the run of the selected spec —
 * its progress, its result, and whether the result still describes the graph.
 *
 * Results are never stored: they are recomputed from the specs on the live graph of the
 * current scenario (sweep-runner.ts). An edit or a rebuild of the scenario re-runs a small
 * sweep at once and marks a large one stale (it can be re-run); a running sweep restarts.
 */
import { type Accessor, batch, createEffect, createSignal, on, untrack } from 'solid-js';
import type { ScenarioSweep } from '../../scenario/index.js';
import type { ScenarioStore } from './scenario-store.js';
import { defaultSpec, isNumericCell, planSweep } from './sweep-plan.js';
import { type RunOptions, runSweep, type SweepResult } from './sweep-runner.js';

type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface SweepRunState {
  readonly status: SweepStatus;
  /** Fraction of points evaluated, 0…1 (1 when done). */
  readonly progress: number;
  /** The last completed result (kept while a re-run is going). */
  readonly result?: SweepResult;
  /** Why the spec could not run (names the field and the allowed range). */
  readonly error?: string;
  /** The result no longer matches the graph (an edit or rebuild since it ran). */
  readonly stale: boolean;
}

export interface SweepStore {
  /** The sweeps defined for the current scenario (what a workbook saves). */
  readonly specs: Accessor<readonly ScenarioSweep[]>;
  /** Replaces them (a workbook or scenario was opened); cancels any running sweep. */
  setSpecs(specs: readonly ScenarioSweep[]): void;
  /** Index of the spec shown in the panel; undefined while a new sweep is being drafted. */
  readonly selected: Accessor<number | undefined>;
  /** Shows a saved spec (loads it into the draft and runs it). */
  select(index: number): void;
  /** The spec the form edits. */
  readonly draft: Accessor<ScenarioSweep | undefined>;
  setDraft(spec: ScenarioSweep): void;
  /** "Sweep this": opens the panel with a new draft for a numeric cell, input or derived (default range and outputs). */
  sweepCell(id: string): void;
  /** Saves the draft (over the selected spec, or as a new one) and runs it; a draft that cannot run is not saved. */
  runDraft(): Promise<SweepRunState>;
  /** Runs the selected spec again. */
  rerun(): Promise<SweepRunState>;
  /** Stops the running sweep (the graph keeps the user's values). */
  cancel(): void;
  remove(index: number): void;
  readonly state: Accessor<SweepRunState>;
  readonly open: Accessor<boolean>;
  setOpen(open: boolean): void;
}

export interface SweepStoreOptions extends Pick<RunOptions, 'budgetMs' | 'yieldToPage'> {
  /** Sweeps up to this many points re-run by themselves after an edit (default 2000). */
  readonly autoRerunPoints?: number;
}

const IDLE: SweepRunState = { status: 'idle', progress: 0, stale: false };

export function createSweepStore(scenario: ScenarioStore, options: SweepStoreOptions = {}): SweepStore {
  const autoPoints = options.autoRerunPoints ?? 2000;
  const [specs, setSpecsSignal] = createSignal<readonly ScenarioSweep[]>([]);
  const [selected, setSelected] = createSignal<number>();
  const [draft, setDraft] = createSignal<ScenarioSweep>();
  const [state, setState] = createSignal<SweepRunState>(IDLE);
  const [open, setOpen] = createSignal(false);
  /** Bumped to cancel: a run checks that its token is still the latest. */
  let token = 0;
  let lastPoints = 0;

  const start = async (spec: ScenarioSweep): Promise<SweepRunState> => {
    const mine = ++token;
    const graph = untrack(scenario.built).graph;
    const prev = untrack(state).result;
    let plan;
    try {
      plan = planSweep(graph, spec);
    } catch (e) {
      const s: SweepRunState = { status: 'error', progress: 0, error: e instanceof Error ? e.message : String(e), stale: prev !== undefined, result: prev };
      setState(s);
      return s;
    }
    lastPoints = plan.points;
    setState({ status: 'running', progress: 0, result: prev, stale: prev !== undefined });
    const outcome = await runSweep(graph, plan, {
      budgetMs: options.budgetMs,
      yieldToPage: options.yieldToPage,
      cancelled: () => token !== mine,
      onProgress: (p) => {
        if (token === mine) setState((s) => ({ ...s, progress: p }));
      },
    });
    if (token !== mine) return untrack(state);
    const s: SweepRunState = outcome.status === 'done'
      ? { status: 'done', progress: 1, result: outcome.result, stale: false }
      : { ...untrack(state), status: 'cancelled' };
    setState(s);
    return s;
  };

  const cancel = (): void => {
    token++;
    if (untrack(state).status === 'running') setState((s) => ({ ...s, status: 'cancelled' }));
  };

  const current = (): ScenarioSweep | undefined => {
    const i = untrack(selected);
    return i === undefined ? undefined : untrack(specs)[i];
  };

  // An edit or a rebuild: the result describes the old graph. Restart a running sweep, re-run
  // a small one, mark a large one stale.
  createEffect(on([scenario.version, scenario.built], () => {
    const s = untrack(state);
    const spec = current();
    if (!spec || (s.status !== 'running' && s.status !== 'done' && s.status !== 'error')) {
      if (s.result) setState({ ...s, stale: true });
      return;
    }
    if (s.status === 'running' || s.status === 'error' || lastPoints <= autoPoints) void start(spec);
    else setState({ ...s, stale: true });
  }, { defer: true }));

  return {
    specs,
    setSpecs(next) {
      cancel();
      batch(() => {
        setSpecsSignal([...next]);
        setSelected(next.length ? 0 : undefined);
        setDraft(next[0]);
        setState(IDLE);
      });
      if (next.length && untrack(open)) void start(next[0]);
    },
    selected,
    select(index) {
      const spec = untrack(specs)[index];
      if (!spec) return;
      cancel();
      batch(() => {
        setSelected(index);
        setDraft(spec);
        setState(IDLE);
      });
      void start(spec);
    },
    draft,
    setDraft,
    sweepCell(id) {
      const graph = untrack(scenario.built).graph;
      if (!isNumericCell(graph, id)) return;
      cancel();
      batch(() => {
        setSelected(undefined);
        setDraft(defaultSpec(graph, id));
        setState(IDLE);
        setOpen(true);
      });
    },
    runDraft() {
      const spec = untrack(draft);
      if (!spec) return Promise.resolve(untrack(state));
      // Only a spec that runs on this scenario is saved (a workbook never holds a broken one).
      try {
        planSweep(untrack(scenario.built).graph, spec);
      } catch {
        return start(spec);
      }
      const i = untrack(selected);
      batch(() => {
        if (i === undefined) {
          setSpecsSignal([...untrack(specs), spec]);
          setSelected(untrack(specs).length - 1);
        } else {
          setSpecsSignal(untrack(specs).map((s, k) => (k === i ? spec : s)));
        }
      });
      return start(spec);
    },
    rerun() {
      const spec = current();
      return spec ? start(spec) : Promise.resolve(untrack(state));
    },
    cancel,
    remove(index) {
      const list = untrack(specs);
      if (index < 0 || index >= list.length) return;
      const i = untrack(selected);
      if (i === index) cancel();
      batch(() => {
        setSpecsSignal(list.filter((_, k) => k !== index));
        if (i === index) {
          setSelected(undefined);
          setState(IDLE);
        } else if (i !== undefined && i > index) {
          setSelected(i - 1);
        }
      });
    },
    state,
    open,
    setOpen(v) {
      if (!v) cancel();
      setOpen(v);
    },
  };
}
