/**
 * The roofline SVG: log-log axes (d3 scales, decade ticks), the device roof, the effective
 * slope when the step sees another bandwidth, a comparison roof (dashed), the ridge and the
 * operating point, which glides to its new place after each edit. Solid renders every
 * element; d3 only maps numbers to pixels and writes path data. The geometry and the words
 * are src/scenario/roofline's, which the HTML report draws too.
 */
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { createMemo, createUniqueId, For, Index, type JSX, Show } from 'solid-js';
import {
  attainable, chartDescription, chartDomain, type ChartDomain, decadeTicks, flopsTickLabel, intensityTickLabel, type LegendEntry,
  legendEntries, pointTag, ridgeIntensity, ridgeLabel, type Roof, type RooflinePoint, type RooflineReading, rooflinePolyline,
} from '../../../scenario/roofline/index.js';
import { share } from '../../store/share.js';

interface RooflinePlotProps {
  readonly reading: RooflineReading;
  readonly deviceLabel: string;
  readonly compare?: { readonly label: string; readonly roof: Roof };
}

const WIDTH = 640;
const PLOT_HEIGHT = 380;
const M = { top: 16, right: 36, bottom: 60, left: 120 };
const LEGEND_ROW = 20;

const sameItems = <T,>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sameDomain = (a: ChartDomain, b: ChartDomain): boolean => a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

export function RooflinePlot(props: RooflinePlotProps): JSX.Element {
  const titleId = createUniqueId();
  const descId = createUniqueId();
  const r = () => props.reading;
  const deviceRoof = createMemo(() => r().roof);
  const stepRoof = () => r().effective_roof ?? r().roof;
  // Equal-valued results keep their identity, so an edit that moves only the point does not redraw the axes and roofs.
  const roofs = createMemo(() => [r().roof, ...(r().effective_roof ? [r().effective_roof!] : []), ...(props.compare ? [props.compare.roof] : [])], undefined, { equals: sameItems });
  const domain = createMemo(() => chartDomain(roofs(), r().point ? [r().point!] : []), undefined, { equals: sameDomain });
  const x = createMemo(() => scaleLog().domain(domain().x).range([M.left, WIDTH - M.right]));
  const y = createMemo(() => scaleLog().domain(domain().y).range([PLOT_HEIGHT - M.bottom, M.top]));
  const path = (roof: Roof): string =>
    line<RooflinePoint>()
      .x((p) => x()(p.intensity))
      .y((p) => y()(p.flops_per_s))(rooflinePolyline(roof, domain().x)) ?? '';
  const legend = createMemo<LegendEntry[]>((prev) => share(prev, legendEntries(r(), props.deviceLabel, props.compare)));
  const height = () => PLOT_HEIGHT + legend().length * LEGEND_ROW + 8;
  const ridge = () => r().ridge_point ?? ridgeIntensity(stepRoof());
  const ridgeXY = () => ({ x: x()(ridge()), y: y()(stepRoof().ceiling_flops_per_s) });
  const bottom = PLOT_HEIGHT - M.bottom;

  return (
    <svg
      class="roofline-svg"
      data-testid="roofline-svg"
      viewBox={`0 0 ${WIDTH} ${height()}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>Roofline: attainable FLOP/s against arithmetic intensity</title>
      <desc id={descId}>{chartDescription(r(), props.deviceLabel)}</desc>
      <g class="roofline-grid">
        <For each={decadeTicks(domain().x[0], domain().x[1])}>
          {(t) => <line x1={x()(t)} x2={x()(t)} y1={M.top} y2={bottom} />}
        </For>
        <For each={decadeTicks(domain().y[0], domain().y[1])}>
          {(t) => <line x1={M.left} x2={WIDTH - M.right} y1={y()(t)} y2={y()(t)} />}
        </For>
      </g>
      <g class="roofline-axis x-axis" data-axis="x">
        <line x1={M.left} x2={WIDTH - M.right} y1={bottom} y2={bottom} />
        <For each={decadeTicks(domain().x[0], domain().x[1])}>
          {(t) => (
            <g transform={`translate(${x()(t)},${bottom})`}>
              <line y2={6} />
              <text y={22} text-anchor="middle">{intensityTickLabel(t)}</text>
            </g>
          )}
        </For>
        <text class="axis-title" x={(M.left + WIDTH - M.right) / 2} y={bottom + 46} text-anchor="middle">
          Arithmetic intensity (FLOP/B)
        </text>
      </g>
      <g class="roofline-axis y-axis" data-axis="y">
        <line x1={M.left} x2={M.left} y1={M.top} y2={bottom} />
        <For each={decadeTicks(domain().y[0], domain().y[1])}>
          {(t) => (
            <g transform={`translate(${M.left},${y()(t)})`}>
              <line x2={-6} />
              <text x={-10} dy="0.32em" text-anchor="end">{flopsTickLabel(t)}</text>
            </g>
          )}
        </For>
        <text class="axis-title" transform={`translate(16,${(M.top + bottom) / 2}) rotate(-90)`} text-anchor="middle">
          Attainable (FLOP/s)
        </text>
      </g>
      <Show when={props.compare}>
        {(c) => <path class="roof compare-roof" data-roof="compare" d={path(c().roof)} />}
      </Show>
      <Show when={r().effective_roof}>
        {(e) => <path class="roof effective-roof" data-roof="effective" d={path(e())} />}
      </Show>
      <path class="roof device-roof" data-roof="device" d={path(deviceRoof())} />
      <g class="ridge" data-ridge={ridge()}>
        <line class="ridge-drop" x1={ridgeXY().x} x2={ridgeXY().x} y1={ridgeXY().y} y2={bottom} />
        <circle cx={ridgeXY().x} cy={ridgeXY().y} r={5} />
        {/* At the foot of the drop line: the space under the roof near the axis stays clear of the point's tag. */}
        <text
          x={ridgeXY().x + (ridgeXY().x > WIDTH * 0.7 ? -6 : 6)}
          y={bottom - 8}
          text-anchor={ridgeXY().x > WIDTH * 0.7 ? 'end' : 'start'}
        >
          {ridgeLabel(ridge())}
        </text>
      </g>
      <Show when={r().point}>
        {(p) => {
          const px = () => x()(p().intensity);
          const py = () => y()(p().flops_per_s);
          const roofY = () => y()(attainable(stepRoof(), p().intensity));
          // The tag sits below the point, under the roof where nothing else is drawn, and
          // flips to the left of the point when it would run past the plot (≈7.5 px a character).
          const leftSide = () => px() + 12 + pointTag(p()).length * 7.5 > WIDTH - M.right;
          return (
            <g
              class="operating-point"
              data-bottleneck={p().bottleneck}
              data-intensity={p().intensity}
              data-flops={p().flops_per_s}
              data-x={px()}
              data-y={py()}
              style={{ transform: `translate(${px()}px, ${py()}px)` }}
            >
              <line class="headroom" x1={0} x2={0} y1={0} y2={roofY() - py()} />
              <circle r={7} />
              <text x={leftSide() ? -12 : 12} y={24} text-anchor={leftSide() ? 'end' : 'start'}>
                {pointTag(p())}
              </text>
            </g>
          );
        }}
      </Show>
      <g class="roofline-legend" transform={`translate(${M.left - 100},${PLOT_HEIGHT + 4})`}>
        <Index each={legend()}>
          {(entry, i) => (
            <g transform={`translate(0,${i * LEGEND_ROW + 10})`} data-legend={entry().kind}>
              <Show when={entry().kind === 'point'} fallback={<line class={`swatch swatch-${entry().kind}`} x1={0} x2={24} />}>
                <circle class="swatch swatch-point" data-bottleneck={r().point?.bottleneck} cx={12} r={5} />
              </Show>
              <text x={32} dy="0.32em">{entry().text}</text>
            </g>
          )}
        </Index>
      </g>
    </svg>
  );
}
