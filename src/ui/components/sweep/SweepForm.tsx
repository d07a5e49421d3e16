/**
 * The sweep form: the x axis, an optional second axis (which turns the chart into a
 * heatmap), the outputs, and Run. The spec is checked as it is typed (`planSweep` on the
 * current graph) and the first problem is shown, naming the field and the allowed range.
 */
import { createMemo, type JSX, Show } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';
import type { ScenarioSweep } from '../../../scenario/index.js';
import { defaultAxis, headlineOutputs, planSweep, SweepSpecError } from '../../store/sweep-plan.js';
import { AxisFields } from './AxisFields.jsx';
import { isSweepable, sweepableCells } from './context.js';
import { displayUnitFor } from './display-units.js';
import { OutputPicker } from './OutputPicker.jsx';

interface SweepFormProps {
  readonly graph: LiveGraph;
  readonly spec: ScenarioSweep;
  readonly running: boolean;
  onChange(spec: ScenarioSweep): void;
  onRun(): void;
}

export function SweepForm(props: SweepFormProps): JSX.Element {
  /** The numeric inputs and pinned cells, and the axes' own cells (a derived cell chosen by "Sweep this…"). */
  const choices = createMemo(() => {
    const list = sweepableCells(props.graph);
    const own = [props.spec.x.cell, props.spec.y?.cell].filter((c): c is string => c !== undefined && !list.includes(c) && isSweepable(props.graph, c));
    return [...list, ...new Set(own)].sort();
  });
  const noteOf = (id: string) => (props.graph.isInput(id) ? '' : props.graph.isPinned(id) ? ' (pinned)' : ' (derived: pinned for the run)');
  const defaultFor = (id: string) => defaultAxis(props.graph, id);
  /** Each axis's display unit, chosen once per cell (from its value now), so a range keeps its unit while typed. */
  const unitOfAxis = (cell: () => string | undefined) => createMemo(() => {
    const id = cell();
    if (id === undefined || !props.graph.has(id)) return displayUnitFor('1', undefined, 1);
    const def = props.graph.def(id);
    const v = props.graph.value(id);
    return displayUnitFor(def.unit, def.displayUnit, typeof v === 'number' ? v : 1);
  });
  const xUnit = unitOfAxis(() => props.spec.x.cell);
  const yUnit = unitOfAxis(() => props.spec.y?.cell);
  const cells = createMemo(() => [...props.graph.topology.ids].sort());
  const labelOf = (id: string) => (props.graph.has(id) ? props.graph.def(id).label : id);
  const problem = createMemo(() => {
    try {
      const plan = planSweep(props.graph, props.spec);
      return { plan, error: undefined };
    } catch (e) {
      const error = e instanceof SweepSpecError ? { field: e.field, message: e.message } : { field: '', message: e instanceof Error ? e.message : String(e) };
      return { plan: undefined, error };
    }
  });
  const axisError = (name: 'x' | 'y') => {
    const err = problem().error;
    return err?.field.startsWith(`${name}.`) ? err : undefined;
  };
  const setY = (on: boolean) => {
    const { y: _drop, ...rest } = props.spec;
    if (!on) return props.onChange(rest);
    const other = choices().find((c) => c !== props.spec.x.cell);
    if (other) props.onChange({ ...rest, y: defaultAxis(props.graph, other) });
  };
  return (
    <form
      class="sweep-form"
      data-testid="sweep-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem().error) props.onRun();
      }}
    >
      <AxisFields name="x" axis={props.spec.x} choices={choices()} displayUnit={xUnit()} noteOf={noteOf} defaultFor={defaultFor} error={axisError('x')} onChange={(x) => props.onChange({ ...props.spec, x })} />
      <label class="sweep-heat-toggle">
        <input type="checkbox" data-field="y.on" checked={props.spec.y !== undefined} onChange={(e) => setY(e.currentTarget.checked)} /> Add a second input (heatmap)
      </label>
      <Show when={props.spec.y}>
        {(y) => <AxisFields name="y" axis={y()} choices={choices()} displayUnit={yUnit()} noteOf={noteOf} defaultFor={defaultFor} error={axisError('y')} onChange={(axis) => props.onChange({ ...props.spec, y: axis })} />}
      </Show>
      <OutputPicker
        outputs={props.spec.outputs}
        cells={cells()}
        headlines={headlineOutputs(props.graph)}
        labelOf={labelOf}
        onChange={(outputs) => props.onChange({ ...props.spec, outputs })}
      />
      <Show when={problem().error}>
        {(err) => (
          <p class="message error" role="alert" data-spec-error={err().field}>
            {err().message}
          </p>
        )}
      </Show>
      <div class="sweep-run-row">
        <button type="submit" class="primary" data-run-sweep disabled={problem().error !== undefined}>
          {props.running ? 'Restart sweep' : 'Run sweep'}
        </button>
        <Show when={problem().plan}>
          {(p) => (
            <span class="hint" data-point-count={p().points}>
              {p().points.toLocaleString('en-US')} points{p().x.integer && p().x.values.length < props.spec.x.points ? ' (integer input: repeated values merged)' : ''}
            </span>
          )}
        </Show>
      </div>
    </form>
  );
}
