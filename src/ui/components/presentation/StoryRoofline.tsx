/**
 * The roofline beside the story: the device roof and the operating point now, and — while a
 * change is being compared — a ghost of the point (and of the roof, when the device changed)
 * from before it. The axes stay put while comparing: they only grow to take in a new point
 * (Fit axes starts afresh), so a point moves across a still chart instead of the chart moving
 * under it. While the class predicts, the new point is hidden and only the ghost shows.
 */
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { type Accessor, createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';
import type { Trace } from '../../store/trace.js';
import {
  chartDomain, type ChartDomain, decadeTicks, flopsTickLabel, intensityTickLabel, readRoofline, type Roof, type RooflinePoint, rooflinePolyline,
} from '../../../scenario/roofline/index.js';
import { ghostOf } from './ghost.js';

interface StoryRooflineProps {
  readonly graph: Accessor<LiveGraph>;
  readonly version: Accessor<number>;
  readonly trace: Accessor<Trace | undefined>;
  /** The new point is hidden (the class is predicting). */
  readonly hidden: Accessor<boolean>;
  /** More buttons beside "Fit axes". */
  readonly actions?: JSX.Element;
}

const W = 520;
const H = 440;
const M = { top: 16, right: 52, bottom: 76, left: 156 };

const union = (a: ChartDomain | undefined, b: ChartDomain): ChartDomain =>
  a ? { x: [Math.min(a.x[0], b.x[0]), Math.max(a.x[1], b.x[1])], y: [Math.min(a.y[0], b.y[0]), Math.max(a.y[1], b.y[1])] } : b;
const same = (a: ChartDomain, b: ChartDomain) => a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

export function StoryRoofline(props: StoryRooflineProps): JSX.Element {
  const reading = createMemo(() => {
    props.version();
    const r = readRoofline(props.graph());
    return r.ok ? r.reading : undefined;
  });
  const ghost = createMemo(() => ghostOf(props.trace(), props.graph()));
  const [fitSeq, setFitSeq] = createSignal(0);
  let lastFit = 0;
  /** The axes: the union of every domain since the last fit (they grow, never jump back). */
  const domain = createMemo<ChartDomain | undefined>((prev) => {
    fitSeq();
    const r = reading();
    if (!r) return prev;
    const g = ghost();
    const roofs: Roof[] = [r.roof, ...(r.effective_roof ? [r.effective_roof] : []), ...(g?.roof ? [g.roof] : [])];
    const points: RooflinePoint[] = [...(r.point ? [r.point] : []), ...(g?.point ? [g.point] : [])];
    const next = union(fitSeq() === lastFit ? prev : undefined, chartDomain(roofs, points));
    lastFit = fitSeq();
    return prev && same(prev, next) ? prev : next;
  });
  const x = createMemo(() => scaleLog().domain(domain()?.x ?? [0.1, 1e4]).range([M.left, W - M.right]));
  const y = createMemo(() => scaleLog().domain(domain()?.y ?? [1e9, 1e15]).range([H - M.bottom, M.top]));
  const path = (roof: Roof) =>
    line<RooflinePoint>().x((p) => x()(p.intensity)).y((p) => y()(p.flops_per_s))(rooflinePolyline(roof, domain()?.x ?? [0.1, 1e4])) ?? '';
  const xTicks = () => decadeTicks(x().domain()[0], x().domain()[1], 5);
  const yTicks = () => decadeTicks(y().domain()[0], y().domain()[1], 5);

  return (
    <figure class="story-roofline" data-story-roofline>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Roofline: attainable FLOP/s against arithmetic intensity, the point now and before the change" xmlns="http://www.w3.org/2000/svg">
        <g class="story-axis" data-axis="x">
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          <For each={xTicks()}>
            {(t) => (
              <text x={x()(t)} y={H - M.bottom + 26} text-anchor="middle">{intensityTickLabel(t)}</text>
            )}
          </For>
          <text class="story-axis-title" x={(M.left + W - M.right) / 2} y={H - 14} text-anchor="middle">FLOP per byte</text>
        </g>
        <g class="story-axis" data-axis="y">
          <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
          <For each={yTicks()}>
            {(t) => (
              <text x={M.left - 8} y={y()(t)} dy="0.35em" text-anchor="end">{flopsTickLabel(t)}</text>
            )}
          </For>
        </g>
        <Show when={ghost()?.roof}>{(g) => <path class="story-roof ghost" d={path(g())} data-ghost-roof />}</Show>
        <Show when={reading()}>{(r) => <path class="story-roof" d={path(r().roof)} data-roof />}</Show>
        <Show when={reading()?.effective_roof}>{(e) => <path class="story-roof effective" d={path(e())} />}</Show>
        <Show when={ghost()?.point}>
          {(p) => (
            <g data-ghost-point={`${p().intensity},${p().flops_per_s}`}>
              <circle class="story-point ghost" cx={x()(p().intensity)} cy={y()(p().flops_per_s)} r={11} />
              <text class="story-point-label" x={x()(p().intensity) + 16} y={y()(p().flops_per_s) + 7}>before</text>
            </g>
          )}
        </Show>
        <Show when={!props.hidden() ? reading()?.point : undefined}>
          {(p) => (
            <g data-point={`${p().intensity},${p().flops_per_s}`}>
              <circle class="story-point" cx={x()(p().intensity)} cy={y()(p().flops_per_s)} r={11} />
              <text class="story-point-label" x={x()(p().intensity) + 16} y={y()(p().flops_per_s) - 12}>now</text>
            </g>
          )}
        </Show>
      </svg>
      <figcaption>
        <span>Roofline</span>
        <span class="story-roofline-actions">
          <button type="button" data-fit-axes onClick={() => setFitSeq((n) => n + 1)} title="The axes stay put while comparing; fit them to what is shown now">
            Fit axes
          </button>
          {props.actions}
        </span>
      </figcaption>
    </figure>
  );
}
