/**
 * The fields of one sweep axis: the cell, start and stop, the number of points and the scale.
 * Bounds are shown in the cell's display unit (366 g/kWh, 3.35 TB/s) and a bare number typed is
 * read in that unit; text may carry any unit of the same kind ("1 TB/s"). The fields keep the
 * text as typed; the axis changes only when the text reads as a value, and an error names the
 * field. Choosing another cell starts from that cell's own range (no range left from the last).
 */
import { createEffect, createSignal, For, type JSX, on, Show } from 'solid-js';
import type { SweepAxis } from '../../../scenario/index.js';
import { boundText, type DisplayUnit, typedBound } from './display-units.js';

interface AxisFieldsProps {
  readonly name: 'x' | 'y';
  readonly axis: SweepAxis;
  /** The cells the axis may sweep (numeric inputs, pinned cells, and the axis's own cell). */
  readonly choices: readonly string[];
  /** The unit the bounds are shown in (display-units.ts). */
  readonly displayUnit: DisplayUnit;
  /** A note after a choice's id (" (derived: pinned for the run)"), '' for an input. */
  readonly noteOf?: (id: string) => string;
  /** The starting range of a cell, used when the cell is changed. */
  readonly defaultFor?: (id: string) => SweepAxis;
  /** The spec error, when it concerns this axis ("x.start: …"). */
  readonly error?: { readonly field: string; readonly message: string };
  onChange(axis: SweepAxis): void;
}

export function AxisFields(props: AxisFieldsProps): JSX.Element {
  const [points, setPoints] = createSignal(String(props.axis.points));
  createEffect(on(() => props.axis.points, (p) => {
    if (Number(points()) !== p) setPoints(String(p));
  }, { defer: true }));
  const change = (patch: Partial<SweepAxis>) => props.onChange({ ...props.axis, ...patch });
  const bound = (side: 'start' | 'stop') => {
    const [text, setText] = createSignal(boundText(props.axis[side], props.displayUnit));
    /** What the field last gave the axis: a change from elsewhere (another cell, a loaded spec) resets the text. */
    let given: number | string | undefined;
    createEffect(on(() => [props.axis[side], props.displayUnit] as const, ([v, du]) => {
      if (v !== given) setText(boundText(v, du));
    }, { defer: true }));
    const input = (t: string) => {
      setText(t);
      given = typedBound(t, props.displayUnit);
      change({ [side]: given });
    };
    return { text, input };
  };
  const start = bound('start');
  const stop = bound('stop');
  const id = (f: string) => `sweep-${props.name}-${f}`;
  const fieldError = (f: string) => (props.error?.field === `${props.name}.${f}` ? props.error.message : undefined);
  const pointsError = () => {
    const n = Number(points());
    return points().trim() === '' || !Number.isInteger(n) ? `${props.name}.points: must be a whole number (got '${points()}')` : undefined;
  };
  const unit = () => props.displayUnit.unit || 'number';
  const pickCell = (cell: string) => props.onChange(props.defaultFor ? props.defaultFor(cell) : { ...props.axis, cell });
  return (
    <fieldset class="sweep-axis-fields" data-axis-fields={props.name}>
      <legend>{props.name === 'x' ? 'Sweep (x axis)' : 'Second input (y axis, heatmap)'}</legend>
      <label for={id('cell')}>Cell</label>
      <select id={id('cell')} data-field={`${props.name}.cell`} value={props.axis.cell} onChange={(e) => pickCell(e.currentTarget.value)}>
        <Show when={!props.choices.includes(props.axis.cell)}>
          <option value={props.axis.cell}>{props.axis.cell} (not a numeric cell here)</option>
        </Show>
        <For each={props.choices}>{(c) => <option value={c}>{c}{props.noteOf?.(c) ?? ''}</option>}</For>
      </select>
      <div class="sweep-range">
        <label>
          From
          <input id={id('start')} data-field={`${props.name}.start`} type="text" spellcheck={false} value={start.text()} aria-invalid={fieldError('start') !== undefined} onInput={(e) => start.input(e.currentTarget.value)} />
        </label>
        <label>
          to
          <input id={id('stop')} data-field={`${props.name}.stop`} type="text" spellcheck={false} value={stop.text()} aria-invalid={fieldError('stop') !== undefined} onInput={(e) => stop.input(e.currentTarget.value)} />
        </label>
        <span class="sweep-unit" data-axis-unit={props.name} title="a bare number is in this unit; text may carry another unit of the same kind">{unit()}</span>
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
