/**
 * A sweep's result: for one axis, line charts (one per pair of units, see series.ts); for
 * two axes, the heatmap of a chosen output. Each chart exports as SVG and PNG, and the
 * sweep's table as CSV (the `mlsysim sweep --output csv` form). Points without a value are
 * counted and the first reason is given; so are points where the design does not fit (marked
 * on the charts: hatched bands and hollow points, hatched cells, at every size).
 */
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { ExportButtons } from '../../export/ExportButtons.jsx';
import { sweepCsv } from '../../export/csv.js';
import { reasonLabel } from '../../../scenario/metric-labels.js';
import type { SweepResult } from '../../store/sweep-runner.js';
import { Heatmap } from './Heatmap.jsx';
import { chartsOf, seriesOf } from './series.js';
import { SweepLineChart } from './SweepLineChart.jsx';

interface SweepResultsProps {
  readonly result: SweepResult;
  /** The swept inputs' current values (SI), marked on the charts. */
  readonly current: { readonly x?: number; readonly y?: number };
  /** Scenario name, for file names. */
  readonly scenarioName: string;
}

export function SweepResults(props: SweepResultsProps): JSX.Element {
  const plan = () => props.result.plan;
  const base = () => `${props.scenarioName} sweep ${plan().x.cell}${plan().y ? ` ${plan().y!.cell}` : ''}`;
  const csv = () => sweepCsv(props.result);
  const [log, setLog] = createSignal(false);
  return (
    <div class="sweep-results" data-testid="sweep-results" data-points={plan().points}>
      <label class="sweep-log">
        <input type="checkbox" data-field="log-values" checked={log()} onChange={(e) => setLog(e.currentTarget.checked)} /> Log scale for values
        {plan().y ? ' (colour)' : ' (y axes)'}
      </label>
      <Show when={plan().y} fallback={<LineCharts {...props} base={base()} csv={csv} log={log()} />}>
        <HeatmapView {...props} base={base()} csv={csv} log={log()} />
      </Show>
    </div>
  );
}

interface ViewProps extends SweepResultsProps {
  readonly base: string;
  readonly csv: () => string;
  readonly log: boolean;
}

/** Whether each point fits, and why the first that does not (in words: metric-labels.ts), from the result's feasibility checks. */
function fitsOf(result: SweepResult): { readonly count: number; readonly total: number; readonly why?: string } {
  const all = (result.feasibility ?? []).flat();
  const bad = all.filter((f) => f.feasible === false);
  const why = bad[0]?.reason;
  return { count: bad.length, total: all.length, ...(why !== undefined ? { why: reasonLabel(why) } : {}) };
}

function Infeasible(props: { readonly result: SweepResult }): JSX.Element {
  const fits = () => fitsOf(props.result);
  return (
    <Show when={fits().count > 0}>
      <p class="message warning" data-infeasible={fits().count}>
        {fits().count} of {fits().total} points do not fit ({fits().why ?? 'a feasibility check is false'}): they are hatched{props.result.plan.y ? '' : ' and drawn hollow'}; their values are what the design would give if it ran.
      </p>
    </Show>
  );
}

function LineCharts(props: ViewProps): JSX.Element {
  const series = createMemo(() => seriesOf(props.result));
  const charts = createMemo(() => chartsOf(series()));
  const gaps = () => series().filter((s) => s.gaps > 0);
  const feasible = createMemo(() => props.result.feasibility?.map((col) => col[0]?.feasible));
  return (
    <>
      <For each={charts()}>
        {(chart, k) => {
          let svg: SVGSVGElement | undefined;
          return (
            <div class="sweep-chart" data-chart={k()}>
              <SweepLineChart x={props.result.plan.x} chart={chart} current={props.current.x} logY={props.log} feasible={feasible()} whyNot={fitsOf(props.result).why} ref={(el) => (svg = el)} />
              <ExportButtons svg={() => svg} name={`${props.base}${charts().length > 1 ? ` ${k() + 1}` : ''}`} csv={k() === 0 ? props.csv : undefined} what="sweep chart" />
            </div>
          );
        }}
      </For>
      <Infeasible result={props.result} />
      <For each={gaps()}>
        {(s) => (
          <p class="message warning" data-gaps={s.cell}>
            {s.cell}: {s.gaps} of {props.result.plan.x.values.length} points have no value{s.firstError ? ` (${s.firstError})` : ''}.
          </p>
        )}
      </For>
    </>
  );
}

function HeatmapView(props: ViewProps): JSX.Element {
  const [output, setOutput] = createSignal(0);
  const k = () => Math.min(output(), props.result.plan.outputs.length - 1);
  let svg: SVGSVGElement | undefined;
  return (
    <div class="sweep-chart">
      <label class="heat-output">
        Colour by{' '}
        <select data-field="heatmap.output" value={String(k())} onChange={(e) => setOutput(Number(e.currentTarget.value))}>
          <For each={props.result.plan.outputs}>{(o, i) => <option value={String(i())}>{o.cell}</option>}</For>
        </select>
      </label>
      <Heatmap result={props.result} output={k()} current={props.current} logColour={props.log} ref={(el) => (svg = el)} />
      <ExportButtons svg={() => svg} name={`${props.base} ${props.result.plan.outputs[k()].cell}`} csv={props.csv} what="heatmap" />
      <Infeasible result={props.result} />
    </div>
  );
}
