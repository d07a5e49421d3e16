/**
 * Predict, then reveal, on the story view: choose the number to predict and hide the new
 * values; the class guesses (typed in the number's unit, or on a slider a decade either side of
 * where it was); Reveal shows the value, the guess and the error factor guess / actual.
 */
import { type Accessor, For, type JSX, Show } from 'solid-js';
import { formatNumber, type LiveGraph } from '../../../graph/index.js';
import { formatValue, shortValue } from '../../format/display.js';
import type { PredictStore } from './predict-store.js';

interface PredictPanelProps {
  readonly predict: PredictStore;
  readonly graph: Accessor<LiveGraph>;
  /** The cells that may be predicted (the headline metrics). */
  readonly targets: Accessor<readonly string[]>;
  /** A cell's name in words (the cell's label by default). */
  readonly labelOf?: (id: string) => string;
}

/** "×0.706": the guess over the value. */
export function factorText(factor: number): string {
  return `×${formatNumber(factor, 3)}`;
}

export function PredictPanel(props: PredictPanelProps): JSX.Element {
  const p = props.predict;
  let choice: HTMLSelectElement | undefined;
  const label = (id: string | undefined) => (!id || !props.graph().has(id) ? id ?? '' : props.labelOf ? props.labelOf(id) : props.graph().def(id).label);
  const shown = (v: number) => {
    const id = p.target();
    return id && props.graph().has(id) ? formatValue(props.graph().def(id), v) : formatNumber(v);
  };
  const before = () => {
    const id = p.target();
    const b = p.before();
    return id && b ? shortValue(props.graph().def(id), b) : '';
  };
  /** The slider: log10(guess/before) in [−1, 1]. */
  const beforeNumber = () => {
    const b = p.before();
    return b?.ok && typeof b.value === 'number' && b.value > 0 ? b.value : undefined;
  };
  const slide = (k: number) => {
    const b = beforeNumber();
    if (b === undefined) return;
    p.setGuessText(formatNumber((b * 10 ** k) / p.unit().scale, 3).replace(/,/g, ''));
  };
  const sliderAt = () => {
    const b = beforeNumber();
    const g = p.guess();
    return b !== undefined && g !== undefined && g > 0 ? Math.max(-1, Math.min(1, Math.log10(g / b))) : 0;
  };
  return (
    <section class="predict" data-predict={p.phase()} aria-label="Predict, then reveal">
      <Show when={p.phase() === 'off'}>
        <label class="predict-choose">
          Predict
          <select ref={choice} data-predict-target>
            <For each={props.targets()}>{(id) => <option value={id}>{label(id)}</option>}</For>
          </select>
        </label>
        <button type="button" class="primary" data-predict-start onClick={() => choice?.value && p.arm(choice.value)}>
          Hide the new values
        </button>
      </Show>
      <Show when={p.phase() === 'hidden'}>
        <p class="predict-question">
          What will <strong>{label(p.target())}</strong> be? <span class="predict-before">(before: {before()})</span>
        </p>
        <div class="predict-guess">
          <input
            type="text"
            inputmode="decimal"
            data-predict-guess
            aria-label={`Your guess of ${label(p.target())}${p.unit().unit ? ` in ${p.unit().unit}` : ''}`}
            value={p.guessText()}
            onInput={(e) => p.setGuessText(e.currentTarget.value)}
          />
          <span class="predict-unit">{p.unit().unit}</span>
          <Show when={beforeNumber() !== undefined}>
            <input type="range" min="-1" max="1" step="0.01" data-predict-slider aria-label="Your guess, from a tenth to ten times the value before" value={sliderAt()} onInput={(e) => slide(Number(e.currentTarget.value))} />
          </Show>
          <button type="button" class="primary" data-predict-reveal disabled={p.guess() === undefined} onClick={() => p.reveal()}>
            Reveal
          </button>
          <button type="button" data-predict-cancel onClick={() => p.stop()}>
            Cancel
          </button>
        </div>
      </Show>
      <Show when={p.phase() === 'revealed' ? p.result() : undefined}>
        {(r) => (
          <div class="predict-result" data-predict-result data-actual={String(r().actual)} data-guess={String(r().guess)} data-factor={String(r().factor)}>
            <span>
              {label(p.target())}: <strong data-predict-actual>{shown(r().actual)}</strong>
            </span>
            <span>
              guess <strong data-predict-guessed>{shown(r().guess)}</strong>
            </span>
            <span>
              error factor <strong data-predict-factor>{factorText(r().factor)}</strong> (guess / actual)
            </span>
            <button type="button" data-predict-done onClick={() => p.stop()}>
              Done
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
