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
import { sweepableCells } from './context.js';
import { OutputPicker } from './OutputPicker.jsx';

interface SweepFormProps {
  readonly graph: LiveGraph;
  readonly spec: ScenarioSweep;
  readonly running: boolean;
  onChange(spec: ScenarioSweep): void;
  onRun(): void;
}

export function SweepForm(props: SweepFormProps): JSX.Element {
  const choices = createMemo(() => sweepableCells(props.graph));
  const cells = createMemo(() => [...props.graph.topology.ids].sort());
  const unitOf = (id: string) => (props.graph.has(id) ? props.graph.def(id).unit : '1');
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
      <AxisFields name="x" axis={props.spec.x} choices={choices()} unitOf={unitOf} error={axisError('x')} onChange={(x) => props.onChange({ ...props.spec, x })} />
      <label class="sweep-heat-toggle">
        <input type="checkbox" data-field="y.on" checked={props.spec.y !== undefined} onChange={(e) => setY(e.currentTarget.checked)} /> Add a second input (heatmap)
      </label>
      <Show when={props.spec.y}>
        {(y) => <AxisFields name="y" axis={y()} choices={choices()} unitOf={unitOf} error={axisError('y')} onChange={(axis) => props.onChange({ ...props.spec, y: axis })} />}
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
