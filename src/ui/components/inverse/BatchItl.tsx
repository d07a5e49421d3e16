/**
 * The inverse panel's third question: the largest batch whose time between tokens stays within
 * a target (batch-itl.ts, the CLI's `seek … --goal at_most` within feasibility). One goal seek
 * on one built scenario — a few dozen cone evaluations — so it runs at once. Apply sets the
 * batch size as an edit (traced, undoable).
 */
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { ScenarioDesc, ScenarioStore } from '../../store/index.js';
import { type BatchAnswer, batchWithinItl, itlCell } from './batch-itl.js';

export function BatchItl(props: { readonly store: ScenarioStore }): JSX.Element {
  const store = props.store;
  const [text, setText] = createSignal('50 ms');
  const [answer, setAnswer] = createSignal<{ readonly a: BatchAnswer; readonly desc: ScenarioDesc }>();
  const [applied, setApplied] = createSignal<string>();
  const offered = () => itlCell(store.built().ctx.mode) !== undefined && store.built().graph.has('scenario.batch_size');
  const ask = () => {
    setApplied(undefined);
    setAnswer({ a: batchWithinItl(store.desc(), text()), desc: store.desc() });
  };
  const ok = () => {
    const x = answer();
    return x && x.a.ok ? x.a : undefined;
  };
  const stale = () => answer() !== undefined && answer()!.desc !== store.desc() && applied() === undefined;
  const apply = () => {
    const a = ok();
    if (a?.solution === undefined) return;
    const c = store.setInput('scenario.batch_size', a.solution);
    setApplied(c.accepted ? `Applied: batch ${a.solution}` : `scenario.batch_size refused ${a.solution}: ${c.message ?? 'outside its domain'}`);
  };
  return (
    <Show when={offered()}>
      <div class="inverse-batch" data-inverse-batch>
        <label>
          Largest batch with ITL at most{' '}
          <input type="text" size={8} value={text()} data-inverse-itl aria-label="ITL target" onInput={(e) => setText(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && ask()} />
        </label>
        <button type="button" data-inverse-ask="batch" onClick={ask}>
          Find
        </button>
        <Show when={answer()?.a.ok === false ? (answer()!.a as { problem: string }).problem : undefined}>
          {(p) => <p class="message error" role="alert" data-inverse-batch-problem>{p()}</p>}
        </Show>
        <Show when={ok()}>
          {(a) => (
            <div class="inverse-answer" data-inverse-none={a().none ? 'true' : 'false'}>
              <Show when={a().solution !== undefined} fallback={<p class="message error inverse-none" role="status">Nothing meets it: {a().reason}.</p>}>
                <div class="inverse-value" data-inverse-batch-answer={String(a().solution)}>
                  {a().solution} {a().solution === 1 ? 'sequence' : 'sequences'}
                </div>
                <p class="inverse-reason" data-inverse-batch-reason>
                  {a().achieved} (target ≤ {a().targetText}); binding: {a().reason}
                </p>
              </Show>
              <For each={a().notes}>{(n) => <p class="message warning">{n}</p>}</For>
              <Show when={stale()}>
                <p class="message warning">The scenario changed since this answer; ask again.</p>
              </Show>
              <Show when={a().solution !== undefined && !stale() && applied() === undefined}>
                <button type="button" class="inverse-apply" data-inverse-batch-apply onClick={apply}>
                  Apply batch {a().solution}
                </button>
              </Show>
              <Show when={applied()}>{(t) => <p class="inverse-applied" data-inverse-batch-applied>{t()}</p>}</Show>
            </div>
          )}
        </Show>
      </div>
    </Show>
  );
}
