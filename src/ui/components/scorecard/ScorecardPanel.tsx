/**
 * The 3-lens scorecard (physics.md §11.1–11.2): Feasibility, Performance and Macro, each
 * with its level name, status, summary and metrics in display units; whether every lens
 * passed; and the plan's asserts. Each metric is a button naming its graph cell
 * (`<lens>.<key>`), so a click can select that cell.
 *
 * Every edit brings a new Evaluation (new objects throughout), so the lists are positional
 * (`Index`): an edit rewrites the texts of the rows it changes rather than rebuilding them.
 */
import { type Accessor, createMemo, type JSX, Index, Show } from 'solid-js';
import type { AssertResult, Evaluation, Lens, Metric } from '../../../scenario/index.js';
import { createInView, holdWhileHidden } from '../in-view.js';
import { metricLabel, reasonLabel } from '../../../scenario/metric-labels.js';
import { formatDisplayValue, StatusBadge, toneOf } from '../status/index.js';
import { verdictOf } from './verdict.js';
import './scorecard.css';

interface ScorecardPanelProps {
  readonly evaluation: Accessor<Evaluation>;
  /** Called with the metric's cell id, e.g. `performance.latency`. */
  readonly onSelectCell?: (id: string) => void;
  /** On during a burst of edits (a drag): a lens scrolled out of view then waits for the pause (in-view.ts). */
  readonly busy?: Accessor<boolean>;
}

const LENS_TITLES = { feasibility: 'Feasibility', performance: 'Performance', macro: 'Macro' } as const;

export function ScorecardPanel(props: ScorecardPanelProps): JSX.Element {
  const card = () => props.evaluation().card;
  const lenses = (): readonly Lens[] => [card().feasibility, card().performance, card().macro];
  // Once per evaluation, and the text and tone wake only when the verdict's words change.
  const verdict = createMemo(() => verdictOf(card()), undefined, { equals: (a, b) => a.text === b.text && a.tone === b.tone });
  return (
    <section class="scorecard panel" aria-label="Scorecard" data-testid="scorecard">
      <header class="scorecard-head">
        <h2>Scorecard</h2>
        <span class={`scorecard-overall tone-${verdict().tone}`} data-passed-all={String(card().passed_all)} data-verdict={verdict().tone}>
          {verdict().text}
        </span>
      </header>
      <div class="scorecard-lenses">
        <Index each={lenses()}>{(lens) => <LensCard lens={lens} busy={props.busy} onSelectCell={props.onSelectCell} />}</Index>
      </div>
      <Show when={props.evaluation().asserts.length > 0}>
        <AssertList asserts={props.evaluation().asserts} />
      </Show>
    </section>
  );
}

function LensCard(props: { readonly lens: Accessor<Lens>; readonly busy?: Accessor<boolean>; readonly onSelectCell?: (id: string) => void }): JSX.Element {
  const view = createInView();
  const lens = holdWhileHidden(props.lens, view.inView, props.busy);
  const metrics = () => Object.values(lens().metrics);
  return (
    <article ref={view.ref} class={`lens-card tone-${toneOf(lens().status)}`} data-lens={lens().name} aria-label={LENS_TITLES[lens().name]}>
      <div class="lens-top">
        <h3>{LENS_TITLES[lens().name]}</h3>
        <StatusBadge status={lens().status} />
      </div>
      <div class="lens-level">{lens().level_name}</div>
      <p class="lens-summary">{lens().summary}</p>
      <Show when={lens().reasons.length > 0}>
        <ul class="lens-reasons">
          <Index each={lens().reasons}>{(r) => <li title={r()}>{reasonLabel(r())}</li>}</Index>
        </ul>
      </Show>
      <Show when={metrics().length > 0}>
        <dl class="lens-metrics">
          <Index each={metrics()}>
            {(m) => <MetricRow lens={lens().name} metric={m()} onSelectCell={props.onSelectCell} />}
          </Index>
        </dl>
      </Show>
    </article>
  );
}

function MetricRow(props: { readonly lens: Lens['name']; readonly metric: Metric; readonly onSelectCell?: (id: string) => void }): JSX.Element {
  const id = () => `${props.lens}.${props.metric.key}`;
  const failed = () => props.metric.value === undefined;
  const text = () => formatDisplayValue(props.metric.value, props.metric.unit);
  const title = () => (failed() ? `${id()}: ${props.metric.error ?? 'error'}` : `${id()} = ${rawValue(props.metric)} ${props.metric.unit}`);
  return (
    <div class="metric-row" classList={{ error: failed() }}>
      <dt title={id()}>{metricLabel(id())}</dt>
      <dd>
        <button type="button" class="metric-button" data-cell={id()} title={title()} onClick={() => props.onSelectCell?.(id())}>
          <span class="metric-value">{failed() ? 'error' : text()}</span>
          <Show when={failed()}>
            <span class="metric-error">{props.metric.error}</span>
          </Show>
        </button>
      </dd>
    </div>
  );
}

function rawValue(m: Metric): string {
  return m.value === null ? '∞' : String(m.value);
}

function AssertList(props: { readonly asserts: readonly AssertResult[] }): JSX.Element {
  const failed = () => props.asserts.filter((a) => !a.passed).length;
  return (
    <div class="scorecard-asserts">
      <h3>
        Asserts <span class="assert-count">{props.asserts.length - failed()} of {props.asserts.length} passed</span>
      </h3>
      <ul>
        <Index each={props.asserts}>
          {(a) => (
            <li class={`assert tone-${a().passed ? 'pass' : 'fail'}`} data-metric={a().metric} data-passed={String(a().passed)}>
              <span class="assert-mark" aria-hidden="true">{a().passed ? '✓' : '✗'}</span>
              <span class="visually-hidden">{a().passed ? 'passed: ' : 'failed: '}</span>
              <span class="assert-message">{a().message}</span>
            </li>
          )}
        </Index>
      </ul>
    </div>
  );
}
