/**
 * The heatmap of a two-axis sweep: one output over x × y, one cell per point (`data-i`,
 * `data-j`, `data-value` — exactly the graph's numbers), a colour legend, the point nearest
 * the inputs' current values outlined, and a hover readout. Ticks are labelled in display units
 * (TB/s, g/kWh; display-units.ts); axes are titled in words (the cell's label; its id in data-cell). Cells where the design does not fit (the Feasibility lens) are
 * hatched, with a legend entry, at every size. Grids up to `RECT_LIMIT` cells are SVG rectangles
 * (a hatched rectangle over each cell that does not fit); larger ones are painted on a canvas and
 * embedded as one image, with the region that does not fit hatched by one path over it (its runs
 * along y, heatmap-grid.ts), so a 1000 × 1000 grid costs a few elements, not a million.
 */
import { createMemo, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { formatPlain } from '../../../graph/index.js';
import { displayUnitFor, shownNumber } from './display-units.js';
import type { SweepResult } from '../../store/sweep-runner.js';
import { canLog, GAP_COLOUR, HEAT_STOPS, heatColour, heatGrid, labelIndices, nearestValueIndex, unfitRuns } from './heatmap-grid.js';
import { unitText } from './series.js';

interface HeatmapProps {
  readonly result: SweepResult;
  /** Which output (index into the plan's outputs). */
  readonly output: number;
  readonly current?: { readonly x?: number; readonly y?: number };
  /** Colour on a log scale (when every value is > 0). */
  readonly logColour?: boolean;
  readonly ref?: (el: SVGSVGElement) => void;
}

/** Above this many cells the grid is one image instead of rectangles. */
const RECT_LIMIT = 4096;

const W = 760;
const H = 380;
const M = { top: 16, right: 120, bottom: 52, left: 96 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

export function Heatmap(props: HeatmapProps): JSX.Element {
  const titleId = createUniqueId();
  const gradId = createUniqueId();
  const hatchId = createUniqueId();
  const plan = () => props.result.plan;
  const ys = () => plan().y?.values ?? [];
  const nx = () => plan().x.values.length;
  const ny = () => Math.max(1, ys().length);
  const cw = () => PW / nx();
  const ch = () => PH / ny();
  const grid = createMemo(() => heatGrid(props.result, props.output));
  const log = () => props.logColour === true && canLog(grid());
  const colour = createMemo(() => heatColour(grid(), log()));
  const out = () => plan().outputs[props.output];
  const span = (vs: readonly number[]) => Math.max(...vs.map(Math.abs));
  const xUnit = createMemo(() => displayUnitFor(plan().x.unit, plan().x.displayUnit, span(plan().x.values)));
  const yUnit = createMemo(() => displayUnitFor(plan().y?.unit ?? '1', plan().y?.displayUnit, span(ys())));
  const vUnit = createMemo(() => displayUnitFor(out().unit, out().displayUnit, Math.max(Math.abs(grid().min), Math.abs(grid().max))));
  /** Cells where the design does not fit (hatched). */
  const infeasible = createMemo(() => {
    const list: { i: number; j: number }[] = [];
    props.result.feasibility?.forEach((col, i) => col.forEach((f, j) => f.feasible === false && list.push({ i, j })));
    return list;
  });
  const unfit = createMemo(() => new Set(infeasible().map((c) => `${c.i},${c.j}`)));
  const cells = createMemo(() => {
    if (nx() * ny() > RECT_LIMIT) return [];
    const list: { i: number; j: number; v: number | undefined }[] = [];
    grid().values.forEach((col, i) => col.forEach((v, j) => list.push({ i, j, v })));
    return list;
  });
  const image = createMemo(() => (nx() * ny() > RECT_LIMIT ? paint(grid().values, colour()) : undefined));
  const [hover, setHover] = createSignal<{ i: number; j: number }>();
  const move = (e: PointerEvent & { currentTarget: SVGRectElement }) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    const px = ((e.clientX - box.left) * W) / box.width - M.left;
    const py = ((e.clientY - box.top) * H) / box.height - M.top;
    const i = Math.min(nx() - 1, Math.max(0, Math.floor(px / cw())));
    const j = Math.min(ny() - 1, Math.max(0, Math.floor((PH - py) / ch())));
    setHover({ i, j });
  };
  const marked = () => {
    const c = props.current;
    const p = plan();
    if (c?.x === undefined || c.y === undefined || !p.y) return undefined;
    const i = nearestValueIndex(p.x.values, c.x, p.x.scale === 'log');
    const j = nearestValueIndex(p.y.values, c.y, p.y.scale === 'log');
    return i === undefined || j === undefined ? undefined : { i, j };
  };
  const cellX = (i: number) => M.left + i * cw();
  const cellY = (j: number) => M.top + PH - (j + 1) * ch();
  /** A big grid's cells that do not fit, as one path of rectangles (one per run along y). */
  const unfitPath = createMemo(() => {
    if (nx() * ny() <= RECT_LIMIT) return '';
    return unfitRuns(props.result.feasibility)
      .map((r) => `M${cellX(r.i)},${cellY(r.j1 - 1)}h${cw()}v${(r.j1 - r.j0) * ch()}h${-cw()}z`)
      .join('');
  });
  const axisText = (cell: string, unit: string, log: boolean) => `${cell}${unit ? ` (${unit})` : ''}${log ? ' · log' : ''}`;

  return (
    <div class="sweep-heatmap">
      <svg class="sweep-svg" data-testid="sweep-heatmap" data-colour-scale={log() ? 'log' : 'linear'} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} xmlns="http://www.w3.org/2000/svg" ref={(el) => props.ref?.(el)}>
        <title id={titleId}>
          Heatmap of {out().label} over {plan().x.label} and {plan().y?.label}
        </title>
        <defs>
          <linearGradient id={gradId} x1="0" x2="0" y1="1" y2="0">
            <For each={[...HEAT_STOPS]}>{(c, k) => <stop offset={`${k() * 50}%`} stop-color={c} />}</For>
          </linearGradient>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" fill-opacity="0.25" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.5" />
          </pattern>
        </defs>
        <Show when={image()}>{(href) => <image href={href()} x={M.left} y={M.top} width={PW} height={PH} preserveAspectRatio="none" style={{ 'image-rendering': 'pixelated' }} />}</Show>
        <g class="heat-cells">
          <For each={cells()}>
            {(c) => (
              <rect
                class="heat-cell"
                x={cellX(c.i)}
                y={cellY(c.j)}
                width={cw() + 0.5}
                height={ch() + 0.5}
                fill={colour()(c.v)}
                data-i={c.i}
                data-j={c.j}
                data-value={c.v === undefined ? '' : String(c.v)}
              />
            )}
          </For>
        </g>
        <Show when={unfitPath()}>
          {(d) => <path class="heat-infeasible-region" d={d()} fill={`url(#${hatchId})`} data-infeasible-region={infeasible().length} />}
        </Show>
        <Show when={image() === undefined}>
          <g class="heat-infeasible">
            <For each={infeasible()}>
              {(c) => <rect x={cellX(c.i)} y={cellY(c.j)} width={cw() + 0.5} height={ch() + 0.5} fill={`url(#${hatchId})`} data-infeasible={`${c.i},${c.j}`} />}
            </For>
          </g>
        </Show>
        <Show when={marked()}>
          {(m) => <rect class="heat-current" x={cellX(m().i)} y={cellY(m().j)} width={cw()} height={ch()} fill="none" stroke="#ffffff" stroke-width="2.5" data-current={`${m().i},${m().j}`} />}
        </Show>
        <Show when={hover()}>{(h) => <rect class="heat-hover" x={cellX(h().i)} y={cellY(h().j)} width={cw()} height={ch()} fill="none" stroke="#16202c" stroke-width="1.5" />}</Show>
        <g class="sweep-axis" data-axis="x">
          <For each={labelIndices(nx(), 7)}>
            {(i) => (
              <text x={cellX(i) + cw() / 2} y={M.top + PH + 18} text-anchor="middle">{shownNumber(plan().x.values[i], xUnit())}</text>
            )}
          </For>
          <text class="axis-title" x={M.left + PW / 2} y={H - 10} text-anchor="middle" data-cell={plan().x.cell}>{axisText(plan().x.label, xUnit().unit, plan().x.scale === 'log')}</text>
        </g>
        <g class="sweep-axis" data-axis="y">
          <For each={labelIndices(ny(), 7)}>
            {(j) => (
              <text x={M.left - 8} y={cellY(j) + ch() / 2} dy="0.32em" text-anchor="end">{shownNumber(ys()[j] ?? 0, yUnit())}</text>
            )}
          </For>
          <text class="axis-title" transform={`translate(18,${M.top + PH / 2}) rotate(-90)`} text-anchor="middle" data-cell={plan().y?.cell}>
            {axisText(plan().y?.label ?? '', yUnit().unit, plan().y?.scale === 'log')}
          </text>
        </g>
        <g class="heat-legend" transform={`translate(${W - M.right + 24},${M.top})`}>
          <rect width={16} height={PH} fill={`url(#${gradId})`} />
          <text x={22} y={8}>{shownNumber(grid().max, vUnit())}</text>
          <text x={22} y={PH}>{shownNumber(grid().min, vUnit())}</text>
          <text x={22} y={PH / 2} dy="0.32em">
            {vUnit().unit}
            {log() ? ' · log' : ''}
          </text>
          <Show when={grid().gaps > 0}>
            <rect y={PH + 12} width={16} height={10} fill={GAP_COLOUR} />
            <text x={22} y={PH + 21}>no value</text>
          </Show>
          <Show when={infeasible().length > 0}>
            <g transform={`translate(0,${PH + (grid().gaps > 0 ? 28 : 12)})`} data-legend="infeasible">
              <rect width={16} height={10} fill="#5a6472" />
              <rect width={16} height={10} fill={`url(#${hatchId})`} />
              <text x={22} y={9}>does not fit</text>
            </g>
          </Show>
        </g>
        <rect class="sweep-hit" x={M.left} y={M.top} width={PW} height={PH} fill="transparent" onPointerMove={move} onPointerLeave={() => setHover(undefined)} />
      </svg>
      <div class="sweep-readout" aria-live="polite">
        <Show when={hover()} fallback={<span class="hint">Hover a cell to read its value.</span>}>
          {(h) => (
            <span>
              {plan().x.label} = {formatPlain(plan().x.values[h().i], unitText(plan().x.unit))}, {plan().y?.label} ={' '}
              {formatPlain(ys()[h().j], unitText(plan().y?.unit ?? '1'))} → {out().label}:{' '}
              {grid().values[h().i][h().j] === undefined ? 'no value' : formatPlain(grid().values[h().i][h().j]!, unitText(out().unit))}
              {unfit().has(`${h().i},${h().j}`) ? ' (does not fit)' : ''}
            </span>
          )}
        </Show>
      </div>
      <Show when={nx() * ny() > RECT_LIMIT && !image()}>
        <p class="message error">This browser cannot paint a grid of {nx() * ny()} cells; export the CSV instead.</p>
      </Show>
    </div>
  );
}

/** Paints the grid one pixel per cell (y up) and returns it as a PNG data URL (the cells that do not fit are hatched over it). */
function paint(values: readonly (readonly (number | undefined)[])[], colour: (v: number | undefined) => string): string | undefined {
  const nx = values.length;
  const ny = values[0]?.length ?? 0;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  if (!ctx || nx === 0 || ny === 0) return undefined;
  values.forEach((col, i) =>
    col.forEach((v, j) => {
      ctx.fillStyle = colour(v);
      ctx.fillRect(i, ny - 1 - j, 1, 1);
    }),
  );
  return canvas.toDataURL('image/png');
}
