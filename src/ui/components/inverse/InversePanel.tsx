/**
 * Inverse solves: "Longest context that fits" and "GPUs needed" for the scenario on screen,
 * answered by the CLI's own search (`seek --vary context|devices`; inverse.ts), and the largest
 * batch within an ITL target (BatchItl.tsx). The answer
 * shows with its unit, the reason one step further fails, and the layout it needs; "nothing
 * fits" is marked as such. Apply sets the answer as an edit (traced, undoable like any other).
 *
 * A search builds the scenario once per point it judges (about 26 for a context, a dozen for
 * devices, each with its own layout search): the page gets a turn after every build, a
 * progress bar moves, and Cancel stops it.
 */
import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { type ScenarioQuestion, type ScenarioSeekResult, scenarioFits, seekScenarioAsync } from '../../../scenario/seek-scenario.js';
import { type ScenarioDesc, type ScenarioStore, toScenarioDocument } from '../../store/index.js';
import { BatchItl } from './BatchItl.jsx';
import { amountText, answerWords, applyPlan, fleetText, QUESTIONS } from './inverse.js';
import './inverse.css';

interface InversePanelProps {
  readonly store: ScenarioStore;
}

type Run =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly question: ScenarioQuestion; readonly done: number; readonly total: number }
  | { readonly status: 'cancelled'; readonly question: ScenarioQuestion }
  | { readonly status: 'error'; readonly question: ScenarioQuestion; readonly error: string }
  | {
      readonly status: 'done'; readonly question: ScenarioQuestion; readonly result: ScenarioSeekResult;
      /** The description asked about, and its device count (a later edit makes the answer stale). */
      readonly desc: ScenarioDesc; readonly current: number;
    };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function InversePanel(props: InversePanelProps): JSX.Element {
  const store = props.store;
  const [run, setRun] = createSignal<Run>({ status: 'idle' });
  const [applied, setApplied] = createSignal<{ readonly text: string; readonly note?: string; readonly error?: boolean }>();
  let token = 0;
  onCleanup(() => void token++);
  const hasContext = () => {
    const g = store.built().graph;
    return g.has('scenario.context_len') && g.isInput('scenario.context_len');
  };
  const available = () => QUESTIONS.filter((q) => q.question !== 'context' || hasContext());

  const ask = async (question: ScenarioQuestion) => {
    const mine = ++token;
    const desc = store.desc();
    const f = store.built().ctx.fleet;
    const current = f.num_nodes * f.gpus_per_node;
    setApplied(undefined);
    setRun({ status: 'running', question, done: 0, total: 1 });
    try {
      const result = await seekScenarioAsync(toScenarioDocument(desc), {}, { question }, {
        onProgress: (done, total) => mine === token && setRun({ status: 'running', question, done, total }),
        cancelled: () => mine !== token,
      });
      if (mine !== token) return;
      setRun(result ? { status: 'done', question, result, desc, current } : { status: 'cancelled', question });
    } catch (e) {
      if (mine === token) setRun({ status: 'error', question, error: messageOf(e) });
    }
  };
  const cancel = () => {
    const r = run();
    token++;
    if (r.status === 'running') setRun({ status: 'cancelled', question: r.question });
  };
  const done = () => {
    const r = run();
    return r.status === 'done' ? r : undefined;
  };
  const words = () => {
    const d = done();
    return d ? answerWords(d.result) : undefined;
  };
  const stale = () => {
    const d = done();
    return d !== undefined && d.desc !== store.desc() && applied() === undefined;
  };
  const plan = () => {
    const d = done();
    return d ? applyPlan(d.desc, d.result, d.current) : undefined;
  };
  /** Warnings of the answer the workbench does not already show (the model's context limit). */
  const notes = () => {
    const d = done();
    if (!d) return [];
    const shown = new Set(store.built().warnings);
    return d.result.warnings.filter((w) => !shown.has(w));
  };

  const apply = () => {
    const d = done();
    const p = plan();
    if (!d || !p || d.result.solution === undefined) return;
    const text = `Applied: ${amountText(d.result.solution, d.question)}`;
    if (p.kind === 'inputs') {
      for (const [id, x] of p.edits) {
        const c = store.setInput(id, x);
        if (!c.accepted) return void setApplied({ text: `${id} refused ${x}: ${c.message ?? 'outside its domain'}`, error: true });
      }
      // The workbench keeps the layout it chose; the answer may have needed another one.
      const fits = scenarioFits(store.built().graph);
      return void setApplied({ text, ...(fits ? {} : { note: `With the workbench's current layout the scenario does not fit at this context; the answer was found with ${words()?.layout ?? 'its own layout'}.` }) });
    }
    if (p.kind === 'choose') {
      const before = d.desc.extras?.fleet ? fleetText(d.desc.extras.fleet, d.result.built?.ctx.device.id ?? '') : 'one device';
      const after = p.patch.extras?.fleet ? fleetText(p.patch.extras.fleet, d.result.built?.ctx.device.id ?? '') : '';
      const r = store.choose(p.patch);
      return void setApplied(r.ok ? { text, note: `System: ${before} → ${after}` } : { text: `Could not apply: ${r.error ?? 'the scenario could not be built'}`, error: true });
    }
    if (p.kind === 'load') {
      const r = store.load(p.desc, p.cause);
      return void setApplied(r.ok
        ? { text, note: 'The System picker held a catalogue system: it is replaced by this fleet, and undo starts afresh.' }
        : { text: `Could not apply: ${r.error ?? 'the scenario could not be built'}`, error: true });
    }
  };

  return (
    <section class="inverse-panel" aria-label="Inverse solves" data-inverse-panel>
      <h3>Inverse solves</h3>
      <div class="inverse-buttons">
        <For each={available()}>
          {(q) => (
            <button type="button" data-inverse-ask={q.question} disabled={run().status === 'running'} onClick={() => void ask(q.question)}>
              {q.title}
            </button>
          )}
        </For>
      </div>
      <BatchItl store={store} />
      <Show when={run().status === 'running' ? (run() as Extract<Run, { status: 'running' }>) : undefined}>
        {(r) => (
          <div class="inverse-progress" role="status" data-inverse-status="running">
            <progress max={r().total} value={r().done} aria-label="Search progress" />
            <span>
              {r().done} of at most {r().total} scenarios built
            </span>
            <button type="button" data-inverse-cancel onClick={cancel}>
              Cancel
            </button>
          </div>
        )}
      </Show>
      <Show when={run().status === 'cancelled'}>
        <p class="hint" data-inverse-status="cancelled">Cancelled — nothing changed.</p>
      </Show>
      <Show when={run().status === 'error' ? (run() as Extract<Run, { status: 'error' }>) : undefined}>
        {(r) => (
          <p class="message error" role="alert" data-inverse-status="error">
            {r().error}
          </p>
        )}
      </Show>
      <Show when={done()}>
        {(d) => (
          <div class="inverse-answer" data-inverse-status="done" data-inverse-question={d().question} data-inverse-none={words()?.none ? 'true' : 'false'}>
            <div class="inverse-title">{QUESTIONS.find((q) => q.question === d().question)?.title} — {d().result.name}</div>
            <Show
              when={words()?.answer}
              fallback={
                <p class="message error inverse-none" role="status">
                  {words()?.reason}
                </p>
              }
            >
              {(a) => (
                <>
                  <div class="inverse-value" data-inverse-answer={String(d().result.solution)}>
                    {a()}
                  </div>
                  <p class="inverse-reason" data-inverse-reason>
                    Binding: {words()?.reason}
                  </p>
                  <Show when={words()?.layout}>{(l) => <p class="inverse-layout">{l()}</p>}</Show>
                </>
              )}
            </Show>
            <For each={notes()}>{(n) => <p class="message warning" data-inverse-warning>{n}</p>}</For>
            <Show when={stale()}>
              <p class="message warning" data-inverse-stale>
                The scenario changed since this answer; ask again.
              </p>
            </Show>
            <Show when={!stale() && applied() === undefined ? plan() : undefined}>
              {(p) => (
                <Show when={p().kind !== 'none'} fallback={<p class="hint">{p().kind === 'none' ? (p() as { why: string }).why : ''}</p>}>
                  <button type="button" class="inverse-apply" data-inverse-apply onClick={apply}>
                    Apply {words()?.answer}
                  </button>
                </Show>
              )}
            </Show>
            <Show when={applied()}>
              {(a) => (
                <p class={a().error ? 'message error' : 'inverse-applied'} data-inverse-applied>
                  {a().text}
                  {a().note ? ` — ${a().note}` : ''}
                </p>
              )}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
