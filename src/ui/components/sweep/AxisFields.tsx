/**
 * The fields of one sweep axis: the input cell, start and stop (numbers in SI, or text with a
 * unit: "1 TB/s"), the number of points and the scale. The fields keep the text as typed;
 * the axis changes only when the text reads as a value, and an error names the field.
 */
import { createEffect, createSignal, For, type JSX, on, Show } from 'solid-js';
import type { SweepAxis } from '../../../scenario/index.js';

interface AxisFieldsProps {
  readonly name: 'x' | 'y';
  readonly axis: SweepAxis;
  /** The cells the axis may sweep (numeric inputs). */
  readonly choices: readonly string[];
  readonly unitOf: (id: string) => string;
  /** The spec error, when it concerns this axis ("x.start: …"). */
  readonly error?: { readonly field: string; readonly message: string };
  onChange(axis: SweepAxis): void;
}

/** A bound as typed: a plain number when the text is exactly one, else the text (it may carry a unit). */
function boundOf(text: string): number | string {
  const t = text.trim();
  return t !== '' && String(Number(t)) === t ? Number(t) : t;
}

export function AxisFields(props: AxisFieldsProps): JSX.Element {
  const [points, setPoints] = createSignal(String(props.axis.points));
  createEffect(on(() => props.axis.points, (p) => {
    if (Number(points()) !== p) setPoints(String(p));
  }, { defer: true }));
  const id = (f: string) => `sweep-${props.name}-${f}`;
  const change = (patch: Partial<SweepAxis>) => props.onChange({ ...props.axis, ...patch });
  const fieldError = (f: string) => (props.error?.field === `${props.name}.${f}` ? props.error.message : undefined);
  const pointsError = () => {
    const n = Number(points());
    return points().trim() === '' || !Number.isInteger(n) ? `${props.name}.points: must be a whole number (got '${points()}')` : undefined;
  };
  const unit = () => {
    const u = props.unitOf(props.axis.cell);
    return u === '1' ? 'number' : u;
  };
  return (
    <fieldset class="sweep-axis-fields" data-axis-fields={props.name}>
      <legend>{props.name === 'x' ? 'Sweep (x axis)' : 'Second input (y axis, heatmap)'}</legend>
      <label for={id('cell')}>Input cell</label>
      <select id={id('cell')} data-field={`${props.name}.cell`} value={props.axis.cell} onChange={(e) => change({ cell: e.currentTarget.value })}>
        <Show when={!props.choices.includes(props.axis.cell)}>
          <option value={props.axis.cell}>{props.axis.cell} (not an input here)</option>
        </Show>
        <For each={props.choices}>{(c) => <option value={c}>{c}</option>}</For>
      </select>
      <div class="sweep-range">
        <label>
          From
          <input id={id('start')} data-field={`${props.name}.start`} type="text" spellcheck={false} value={String(props.axis.start)} aria-invalid={fieldError('start') !== undefined} onInput={(e) => change({ start: boundOf(e.currentTarget.value) })} />
        </label>
        <label>
          to
          <input id={id('stop')} data-field={`${props.name}.stop`} type="text" spellcheck={false} value={String(props.axis.stop)} aria-invalid={fieldError('stop') !== undefined} onInput={(e) => change({ stop: boundOf(e.currentTarget.value) })} />
        </label>
        <span class="sweep-unit" title="a bare number is in this unit (SI); text may carry another unit of the same kind">{unit()}</span>
      </div>
      <div class="sweep-range">
        <label>
          Points
          <input
            id={id('points')}
            data-field={`${props.name}.points`}
            type="number"
            min="2"
            max="10000"
            step="1"
            value={points()}
            aria-invalid={pointsError() !== undefined || fieldError('points') !== undefined}
            onInput={(e) => {
              setPoints(e.currentTarget.value);
              const n = Number(e.currentTarget.value);
              if (e.currentTarget.value.trim() !== '' && Number.isInteger(n)) change({ points: n });
            }}
          />
        </label>
        <label>
          Scale
          <select data-field={`${props.name}.scale`} value={props.axis.scale} onChange={(e) => change({ scale: e.currentTarget.value === 'log' ? 'log' : 'linear' })}>
            <option value="linear">linear</option>
            <option value="log">log</option>
          </select>
        </label>
      </div>
      <Show when={pointsError()}>{(m) => <p class="message error" role="alert">{m()}</p>}</Show>
    </fieldset>
  );
}
