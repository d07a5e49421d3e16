/**
 * Presentation mode's story view, for a room (type ≥ 24 px at 1280 × 720): the change (the
 * edited input old → new, or the picker switch in words) with the knob that makes it, the few
 * cells between it and the scorecard that moved most (story.ts), the headline metrics old →
 * new, predict-then-reveal, and the roofline beside it with the point before the change. While
 * the class predicts, every new value reads "?". Every number opens its math peek on hover.
 */
import { createMemo, For, type JSX, Show } from 'solid-js';
import type { CellValue, LiveGraph } from '../../../graph/index.js';
import { relativeChange, shortValue } from '../../format/display.js';
import { metricLabel } from '../../../scenario/metric-labels.js';
import type { ScenarioStore } from '../../store/scenario-store.js';
import { PredictPanel } from '../predict/PredictPanel.jsx';
import type { PredictStore } from '../predict/predict-store.js';
import { Knob } from './Knob.jsx';
import { headlineMetrics, type StoryRow, storyOf } from './story.js';
import { StoryRoofline } from './StoryRoofline.jsx';
import './story.css';

interface StoryViewProps {
  readonly store: ScenarioStore;
  readonly predict: PredictStore;
  /** The input the knob edits (a lesson step's, else the last edited one, else the batch size). */
  readonly knob?: () => string | undefined;
  /** Above the story (a lesson's step). */
  readonly header?: JSX.Element;
  /** Back to the graph (presentation mode stays on). */
  onShowGraph(): void;
}

const show = (graph: LiveGraph, id: string, v: CellValue) => shortValue(graph.def(id), v);
/** A metric in words without its unit in brackets (the value carries it): "Latency per step". */
const metricWords = (id: string) => metricLabel(id).replace(/ \([^)]*\)$/, '');

export function StoryView(props: StoryViewProps): JSX.Element {
  const graph = () => props.store.built().graph;
  const metrics = createMemo(() => headlineMetrics(props.store.evaluation(), graph()));
  const story = createMemo(() => {
    props.store.version();
    return storyOf(props.store.workbench().trace(), graph(), metrics(), 3);
  });
  const hidden = () => props.predict.phase() === 'hidden';
  const knob = () => {
    const g = graph();
    const own = props.knob?.();
    if (own && g.isInput(own)) return own;
    const last = story().edited.find((r) => g.isInput(r.id))?.id;
    return last ?? (g.has('scenario.batch_size') ? 'scenario.batch_size' : undefined);
  };

  /** A row; `shown` keeps its new value visible while predicting (the change itself is no secret). */
  const Row = (p: { readonly row: StoryRow; readonly big?: boolean; readonly shown?: boolean }) => (
    <li class="story-row" classList={{ big: p.big, changed: p.row.changed }} data-story-row={p.row.id}>
      <span class="story-label">{p.row.label}</span>
      <span class="story-values">
        <Show when={p.row.changed}>
          <span class="story-old" data-peek={p.row.id}>{show(graph(), p.row.id, p.row.before)}</span>
          <span class="story-arrow" aria-hidden="true"> → </span>
          <span class="visually-hidden"> becomes </span>
        </Show>
        <span class="story-new" data-story-new={p.row.id} data-peek={hidden() && !p.shown ? undefined : p.row.id}>
          {hidden() && !p.shown && p.row.changed ? '?' : show(graph(), p.row.id, p.row.after)}
        </span>
        <Show when={(!hidden() || p.shown) && p.row.changed ? relativeChange(p.row.before, p.row.after) : ''}>
          {(r) => <span class="story-rel">{r()}</span>}
        </Show>
      </span>
    </li>
  );

  return (
    <section class="story-view" aria-label="Story of the last change" data-story-view>
      {props.header}
      <div class="story-grid">
        <div class="story-main">
          <header class="story-cause" data-story-cause>
            <Show when={story().cause}>{(c) => <p class="story-cause-text">{c()}</p>}</Show>
            <Show when={story().edited.length > 0}>
              <ul class="story-list">
                <For each={story().edited}>{(r) => <Row row={r} big shown />}</For>
              </ul>
            </Show>
            <Show when={!story().cause && story().edited.length === 0}>
              <p class="story-hint">Change an input (the knob below, a picker, or the graph) and the story of that change is told here.</p>
            </Show>
          </header>
          <Show when={knob()} keyed>
            {(id) => <Knob store={props.store} id={id} />}
          </Show>
          <h3 class="story-heading">Scorecard</h3>
          <ul class="story-list story-metrics" data-story-metrics>
            <For each={story().metrics}>{(r) => <Row row={{ ...r, label: metricWords(r.id) }} big />}</For>
          </ul>
          <Show when={story().path.length > 0}>
            <h3 class="story-heading">On the way</h3>
            <ol class="story-list story-path" data-story-path>
              <For each={story().path}>{(r) => <Row row={r} />}</For>
            </ol>
          </Show>
        </div>
        <div class="story-side">
          <StoryRoofline
            graph={graph}
            version={props.store.version}
            trace={() => props.store.workbench().trace()}
            hidden={hidden}
            actions={
              <button type="button" data-story-graph onClick={() => props.onShowGraph()}>
                Show the graph
              </button>
            }
          />
          <PredictPanel predict={props.predict} graph={graph} targets={metrics} labelOf={(id) => (id.includes('.') && metrics().includes(id) ? metricWords(id) : graph().def(id).label)} />
        </div>
      </div>
    </section>
  );
}
