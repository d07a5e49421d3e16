/**
 * One line chart of a one-axis sweep: the x axis is the swept input (linear or log), the
 * left axis one unit and, when the outputs' units differ, a right axis for the second unit.
 * Each point carries its values (`data-x`, `data-y`, exactly the graph's numbers); a dashed
 * line marks the input's current value; hovering (or arrow keys) reads out every series at
 * the nearest point. Ticks and axis titles are in display units (TB/s, ms, g/kWh: display-units.ts).
 * A point where the design does not fit (the Feasibility lens: out of memory) is drawn hollow
 * on a hatched band (from halfway to its neighbours), with a legend entry saying why: an
 * infeasible design still has a latency, it would not run.
 * Solid renders every element; d3 only maps numbers and writes paths.
 */
import { type ScaleContinuousNumeric, scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { createMemo, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { formatPlain } from '../../../graph/index.js';
import type { ResolvedAxis } from '../../store/sweep-plan.js';
import { displayTicks, nearestIndex } from './axis-ticks.js';
import { displayUnitFor, type DisplayUnit } from './display-units.js';
import { type ChartSpec, colourOf, extentOf, type Series, unitText } from './series.js';

interface SweepLineChartProps {
  readonly x: ResolvedAxis;
  readonly chart: ChartSpec;
  /** The swept input's current value (SI), marked on the x axis when inside the range. */
  readonly current?: number;
  /** Log y axes (an axis whose values are not all > 0 stays linear). */
  readonly logY?: boolean;
  /** Receives the SVG element (for export). */
  readonly ref?: (el: SVGSVGElement) => void;
  /** Per point (index into the x values): false where the design does not fit (drawn hollow). */
  readonly feasible?: readonly (boolean | undefined)[];
  /** Why those points do not fit, in words ("Does not fit in device memory"), for the legend. */
  readonly whyNot?: string;
}

const W = 760;
const H = 300;
const M = { top: 18, right: 84, bottom: 50, left: 84 };
/** Legend: entries of this width, this many to a row, under the x axis title. */
const LEGEND = { width: 300, perRow: 2, row: 18 };

export function SweepLineChart(props: SweepLineChartProps): JSX.Element {
  const titleId = createUniqueId();
  const log = () => props.x.scale === 'log';
  const xs = () => props.x.values;
  const xScale = createMemo(() => {
    const lo = Math.min(...xs());
    const hi = Math.max(...xs());
    const d: [number, number] = lo === hi ? [lo / 2 || -1, hi * 2 || 1] : [lo, hi];
    return (log() ? scaleLog() : scaleLinear()).domain(d).range([M.left, W - M.right]);
  });
  const xUnit = createMemo(() => displayUnitFor(props.x.unit, props.x.displayUnit, Math.max(...xs().map(Math.abs))));
  const yScale = (g: ChartSpec['left']): YScale => {
    const d = extentOf(g);
    const log = props.logY === true && d[0] > 0;
    const du = displayUnitFor(g.unit, g.series[0]?.displayUnit, Math.max(Math.abs(d[0]), Math.abs(d[1])));
    return { scale: (log ? scaleLog() : scaleLinear()).domain(d).nice().range([H - M.bottom, M.top]), log, du };
  };
  const left = createMemo(() => yScale(props.chart.left));
  const right = createMemo(() => (props.chart.right ? yScale(props.chart.right) : undefined));
  const all = createMemo(() => [
    ...props.chart.left.series.map((s) => ({ s, y: left().scale, side: 'left' })),
    ...(props.chart.right?.series ?? []).map((s) => ({ s, y: right()!.scale, side: 'right' })),
  ]);
  const path = (s: Series, y: (v: number) => number): string => {
    const byIndex = new Map(s.points.map((p) => [p.i, p]));
    const rows = xs().map((xv, i) => ({ x: xv, y: byIndex.get(i)?.y }));
    return line<{ x: number; y: number | undefined }>()
      .defined((p) => p.y !== undefined)
      .x((p) => xScale()(p.x))
      .y((p) => y(p.y!))(rows) ?? '';
  };
  const pixelXs = createMemo(() => xs().map((v) => xScale()(v)));
  const [hover, setHover] = createSignal<number>();
  const currentX = () => {
    const c = props.current;
    if (c === undefined || !Number.isFinite(c)) return undefined;
    const [a, b] = xScale().domain();
    return c >= Math.min(a, b) && c <= Math.max(a, b) ? xScale()(c) : undefined;
  };
  const move = (e: PointerEvent & { currentTarget: SVGRectElement }) => {
    const svg = e.currentTarget.ownerSVGElement;
    const box = svg?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    setHover(nearestIndex(pixelXs(), ((e.clientX - box.left) * W) / box.width));
  };
  const key = (e: KeyboardEvent) => {
    const n = xs().length;
    const now = hover();
    if (e.key === 'ArrowRight') setHover(now === undefined ? 0 : Math.min(n - 1, now + 1));
    else if (e.key === 'ArrowLeft') setHover(now === undefined ? n - 1 : Math.max(0, now - 1));
    else if (e.key === 'Escape') setHover(undefined);
    else return;
    e.preventDefault();
  };
  const infeasible = (i: number) => props.feasible?.[i] === false;
  const hatchId = createUniqueId();
  /** Hatched bands over runs of points that do not fit: from halfway to the previous point to halfway to the next. */
  const bands = createMemo(() => {
    const px = pixelXs();
    const out: { i0: number; i1: number; x0: number; x1: number }[] = [];
    const edge = (a: number, b: number | undefined) => (b === undefined ? a : (a + b) / 2);
    for (let i = 0; i < px.length; i++) {
      if (!infeasible(i)) continue;
      let j = i;
      while (j + 1 < px.length && infeasible(j + 1)) j++;
      const a = edge(px[i], px[i - 1]);
      const b = edge(px[j], px[j + 1]);
      out.push({ i0: i, i1: j, x0: Math.min(a, b), x1: Math.max(a, b) });
      i = j;
    }
    return out;
  });
  const anyInfeasible = () => props.feasible?.some((f) => f === false) === true;
  const legendCount = () => all().length + (anyInfeasible() ? 1 : 0);
  const height = () => H + Math.ceil(legendCount() / LEGEND.perRow) * LEGEND.row + 6;
  const units = () => [props.chart.left.unit, ...(props.chart.right ? [props.chart.right.unit] : [])].map((u) => unitText(u) || 'number');

  return (
    <div class="sweep-line">
      <svg
        class="sweep-svg"
        data-testid="sweep-line-chart"
        viewBox={`0 0 ${W} ${height()}`}
        role="img"
        tabIndex={0}
        aria-labelledby={titleId}
        xmlns="http://www.w3.org/2000/svg"
        ref={(el) => props.ref?.(el)}
        onKeyDown={key}
        onBlur={() => setHover(undefined)}
      >
        <title id={titleId}>
          Sweep of {props.x.label}: {all().map((a) => a.s.label).join(', ')} ({units().join(' and ')})
        </title>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#5a6472" fill-opacity="0.06" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#5a6472" stroke-opacity="0.45" stroke-width="2" />
          </pattern>
        </defs>
        <g class="sweep-infeasible">
          <For each={bands()}>
            {(b) => (
              <rect x={b.x0} y={M.top} width={Math.max(2, b.x1 - b.x0)} height={H - M.top - M.bottom} fill={`url(#${hatchId})`} data-infeasible-band={`${b.i0}-${b.i1}`} />
            )}
          </For>
        </g>
        <g class="sweep-grid">
          <For each={displayTicks(left().scale, 6, left().log, left().du)}>{(t) => <line x1={M.left} x2={W - M.right} y1={left().scale(t.value)} y2={left().scale(t.value)} />}</For>
        </g>
        <g class="sweep-axis" data-axis="x">
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          <For each={displayTicks(xScale(), 8, log(), xUnit())}>
            {(t) => (
              <g transform={`translate(${xScale()(t.value)},${H - M.bottom})`}>
                <line y2={t.label ? 6 : 3} />
                <Show when={t.label}>
                  <text y={20} text-anchor="middle">{t.label}</text>
                </Show>
              </g>
            )}
          </For>
          <text class="axis-title" x={(M.left + W - M.right) / 2} y={H - 8} text-anchor="middle" data-cell={props.x.cell}>
            {props.x.label}
            {xUnit().unit ? ` (${xUnit().unit})` : ''}
            {log() ? ' · log' : ''}
          </text>
        </g>
        <YAxis y={left()} x={M.left} side="left" unit={props.chart.left.unit} />
        <Show when={right()}>{(r) => <YAxis y={r()} x={W - M.right} side="right" unit={props.chart.right!.unit} />}</Show>
        <Show when={currentX()}>
          {(cx) => (
            <g class="sweep-current" data-current={String(props.current)}>
              <line x1={cx()} x2={cx()} y1={M.top} y2={H - M.bottom} />
              <text x={cx() + 4} y={M.top + 10}>now {formatPlain(props.current!, unitText(props.x.unit))}</text>
            </g>
          )}
        </Show>
        <For each={all()}>
          {(a) => (
            <g class="sweep-series" data-series={a.s.cell} data-unit={a.s.unit} data-axis-side={a.side} style={{ '--series': colourOf(a.s.slot) }}>
              <path class="sweep-path" d={path(a.s, a.y)} stroke={colourOf(a.s.slot)} fill="none" />
              <For each={a.s.points}>
                {(p) => (
                  <circle
                    class="sweep-point"
                    classList={{ hot: hover() === p.i, infeasible: infeasible(p.i) }}
                    cx={xScale()(p.x)}
                    cy={a.y(p.y)}
                    r={hover() === p.i ? 5 : infeasible(p.i) ? 4 : 3}
                    fill={infeasible(p.i) ? '#ffffff' : colourOf(a.s.slot)}
                    stroke={infeasible(p.i) ? colourOf(a.s.slot) : undefined}
                    stroke-width={infeasible(p.i) ? 2 : undefined}
                    data-i={p.i}
                    data-x={String(p.x)}
                    data-y={String(p.y)}
                    data-feasible={props.feasible ? String(props.feasible[p.i] ?? 'unknown') : undefined}
                  />
                )}
              </For>
            </g>
          )}
        </For>
        <Show when={hover() !== undefined}>
          <line class="sweep-guide" x1={pixelXs()[hover()!]} x2={pixelXs()[hover()!]} y1={M.top} y2={H - M.bottom} />
        </Show>
        <g class="sweep-legend">
          <For each={all()}>
            {(a, k) => (
              <g transform={`translate(${M.left + (k() % LEGEND.perRow) * LEGEND.width},${H + 4 + Math.floor(k() / LEGEND.perRow) * LEGEND.row})`} data-legend={a.s.cell}>
                <line x1={0} x2={22} y1={0} y2={0} stroke={colourOf(a.s.slot)} stroke-width={2.5} stroke-dasharray={a.side === 'right' ? '6 3' : undefined} />
                <text x={28} dy="0.32em">
                  {a.s.label} ({unitText(a.s.unit) || 'number'}{props.chart.right ? `, ${a.side}` : ''})
                </text>
              </g>
            )}
          </For>
          <Show when={anyInfeasible()}>
            <g
              transform={`translate(${M.left + (all().length % LEGEND.perRow) * LEGEND.width},${H + 4 + Math.floor(all().length / LEGEND.perRow) * LEGEND.row})`}
              data-legend="infeasible"
            >
              <rect x={0} y={-7} width={22} height={14} fill={`url(#${hatchId})`} stroke="#5a6472" stroke-width={0.5} />
              <path d="M7,0a4,4 0 1,0 8,0a4,4 0 1,0 -8,0" fill="#ffffff" stroke="#5a6472" stroke-width={2} />
              <text x={28} dy="0.32em">{props.whyNot ?? 'Does not fit'}</text>
            </g>
          </Show>
        </g>
        <rect
          class="sweep-hit"
          x={M.left}
          y={M.top}
          width={W - M.left - M.right}
          height={H - M.top - M.bottom}
          fill="transparent"
          onPointerMove={move}
          onPointerLeave={() => setHover(undefined)}
        />
      </svg>
      <Readout x={props.x} index={hover()} series={all().map((a) => a.s)} />
    </div>
  );
}

interface YScale {
  readonly scale: ScaleContinuousNumeric<number, number>;
  readonly log: boolean;
  /** The unit the ticks are labelled in. */
  readonly du: DisplayUnit;
}

function YAxis(props: { readonly y: YScale; readonly x: number; readonly side: 'left' | 'right'; readonly unit: string }): JSX.Element {
  const dir = () => (props.side === 'left' ? -1 : 1);
  return (
    <g class="sweep-axis" data-axis={props.side} data-unit={props.unit} data-scale={props.y.log ? 'log' : 'linear'}>
      <line x1={props.x} x2={props.x} y1={M.top} y2={H - M.bottom} />
      <For each={displayTicks(props.y.scale, 6, props.y.log, props.y.du)}>
        {(t) => (
          <g transform={`translate(${props.x},${props.y.scale(t.value)})`}>
            <line x2={(t.label ? 6 : 3) * dir()} />
            <text x={10 * dir()} dy="0.32em" text-anchor={props.side === 'left' ? 'end' : 'start'}>{t.label}</text>
          </g>
        )}
      </For>
      {/* Titles read bottom-to-top on the left, top-to-bottom on the right. */}
      <text class="axis-title" transform={`translate(${props.x + dir() * 68},${(M.top + H - M.bottom) / 2}) rotate(${dir() * 90})`} text-anchor="middle">
        {props.y.du.unit || 'number'}
        {props.y.log ? ' · log' : ''}
      </text>
    </g>
  );
}

function Readout(props: { readonly x: ResolvedAxis; readonly index: number | undefined; readonly series: readonly Series[] }): JSX.Element {
  const at = (s: Series, i: number) => s.points.find((p) => p.i === i);
  return (
    <div class="sweep-readout" aria-live="polite" data-readout={props.index ?? ''}>
      <Show when={props.index !== undefined ? { i: props.index } : undefined} fallback={<span class="hint">Hover the chart (or focus it and use ← →) to read values.</span>}>
        {(h) => (
          <>
            <span class="readout-x">
              {props.x.label} = {formatPlain(props.x.values[h().i], unitText(props.x.unit))}
            </span>
            <For each={props.series}>
              {(s) => (
                <span class="readout-y" style={{ '--series': colourOf(s.slot) }}>
                  <span class="swatch-dot" /> {s.label}: {at(s, h().i) ? formatPlain(at(s, h().i)!.y, unitText(s.unit)) : 'no value'}
                </span>
              )}
            </For>
          </>
        )}
      </Show>
    </div>
  );
}
