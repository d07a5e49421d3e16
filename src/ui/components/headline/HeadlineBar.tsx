/**
 * The headline, always on screen whatever the window's size: the verdict, the three lens
 * statuses, and latency, throughput and memory (the metrics of the scenario's mode). The full
 * scorecard may be scrolled or tabbed away on a small screen; these numbers never are. Each
 * number is a button selecting its metric cell, like the scorecard's. Rows are positional
 * (`Index`): a drag rewrites their texts rather than rebuilding them.
 */
import { type Accessor, createMemo, Index, type JSX } from 'solid-js';
import type { Evaluation, Lens, Metric } from '../../../scenario/index.js';
import { metricLabel } from '../../../scenario/metric-labels.js';
import { verdictOf } from '../scorecard/verdict.js';
import { formatDisplayValue, statusLabel, toneOf } from '../status/index.js';
import './headline.css';

interface HeadlineBarProps {
  readonly evaluation: Accessor<Evaluation>;
  readonly onSelectCell?: (id: string) => void;
}

const LENS_TITLES = { feasibility: 'Feasibility', performance: 'Performance', macro: 'Macro' } as const;
/** Which metrics stand for latency and throughput: the lens's first of each, in its own order (training lists its step time first). */
const LATENCY = ['latency', 'step_latency', 'request_latency', 'ttft'];
const THROUGHPUT = ['throughput', 'fleet_throughput'];

interface Figure {
  readonly id: string;
  readonly word: string;
  readonly text: string;
}

function pick(lens: Lens, keys: readonly string[], word: string): Figure | undefined {
  const m: Metric | undefined = Object.values(lens.metrics).find((x) => keys.includes(x.key));
  if (!m) return undefined;
  return { id: `${lens.name}.${m.key}`, word, text: m.value === undefined ? 'error' : formatDisplayValue(m.value, m.unit) };
}

function memory(lens: Lens): Figure | undefined {
  const used = lens.metrics.memory_used_gb;
  if (!used) return undefined;
  const cap = lens.metrics.memory_capacity_gb;
  const shown = (m: Metric) => (m.value === undefined ? 'error' : formatDisplayValue(m.value, m.unit));
  return { id: 'feasibility.memory_used_gb', word: 'Memory', text: cap ? `${shown(used)} of ${shown(cap)}` : shown(used) };
}

export function HeadlineBar(props: HeadlineBarProps): JSX.Element {
  const card = () => props.evaluation().card;
  const lenses = (): readonly Lens[] => [card().feasibility, card().performance, card().macro];
  const verdict = createMemo(() => verdictOf(card()), undefined, { equals: (a, b) => a.text === b.text && a.tone === b.tone });
  const figures = (): Figure[] =>
    [pick(card().performance, LATENCY, 'Latency'), pick(card().performance, THROUGHPUT, 'Throughput'), memory(card().feasibility)].filter(
      (f): f is Figure => f !== undefined,
    );
  return (
    <section class="headline-bar" aria-label="Headline" data-headline>
      <span class={`headline-verdict tone-${verdict().tone}`} data-verdict={verdict().tone}>
        {verdict().text}
      </span>
      <ul class="headline-lenses">
        <Index each={lenses()}>
          {(l) => (
            <li class={`tone-${toneOf(l().status)}`} data-headline-lens={l().name} data-status={l().status}>
              {LENS_TITLES[l().name]} <span class="headline-status">{l().status === 'SKIPPED' ? 'n/a' : statusLabel(l().status)}</span>
            </li>
          )}
        </Index>
      </ul>
      <ul class="headline-figures">
        <Index each={figures()}>
          {(f) => (
            <li>
              <button type="button" data-headline-cell={f().id} title={`${metricLabel(f().id)} — ${f().id}`} onClick={() => props.onSelectCell?.(f().id)}>
                <span class="headline-word">{f().word}</span> <span class="headline-value">{f().text}</span>
              </button>
            </li>
          )}
        </Index>
      </ul>
    </section>
  );
}
