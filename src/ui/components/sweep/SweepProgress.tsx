/**
 * The state of a sweep run: a progress bar with the percentage and Cancel while it runs;
 * "cancelled" or the error otherwise; a stale result says so and offers Re-run.
 */
import { type JSX, Show } from 'solid-js';
import type { SweepRunState } from '../../store/sweep-store.js';

interface SweepProgressProps {
  readonly state: SweepRunState;
  onCancel(): void;
  onRerun(): void;
}

export function SweepProgress(props: SweepProgressProps): JSX.Element {
  const pct = () => Math.floor(props.state.progress * 100);
  return (
    <div class="sweep-progress" data-status={props.state.status} data-progress={String(props.state.progress)} role="status">
      <Show when={props.state.status === 'running'}>
        <progress max="1" value={props.state.progress} aria-label="Sweep progress" />
        <span class="pct">{pct()} %</span>
        <button type="button" data-cancel-sweep onClick={() => props.onCancel()}>
          Cancel
        </button>
      </Show>
      <Show when={props.state.status === 'cancelled'}>
        <span>Cancelled at {pct()} % — the graph keeps its values.</span>
        <button type="button" onClick={() => props.onRerun()}>
          Run again
        </button>
      </Show>
      <Show when={props.state.status === 'error'}>
        <span class="message error" role="alert">
          {props.state.error}
        </span>
      </Show>
      <Show when={props.state.stale && props.state.status !== 'running'}>
        <span class="message warning" data-stale>
          The scenario changed since this sweep ran.
        </span>
        <button type="button" data-rerun-sweep onClick={() => props.onRerun()}>
          Re-run
        </button>
      </Show>
    </div>
  );
}
