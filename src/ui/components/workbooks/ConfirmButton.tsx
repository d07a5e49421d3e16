/** A destructive action in two steps: the button asks "Delete 'name'?" and only the second click does it. */
import { createSignal, type JSX, Show } from 'solid-js';

interface ConfirmButtonProps {
  readonly label: string;
  readonly question: string;
  readonly onConfirm: () => void;
  readonly name?: string;
}

export function ConfirmButton(props: ConfirmButtonProps): JSX.Element {
  const [asking, setAsking] = createSignal(false);
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="link-button danger" data-action={props.name} onClick={() => setAsking(true)}>
          {props.label}
        </button>
      }
    >
      <span class="confirm" role="group" aria-label={props.question}>
        <span>{props.question}</span>
        <button
          type="button"
          class="link-button danger"
          data-confirm={props.name}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          Yes
        </button>
        <button type="button" class="link-button" data-cancel onClick={() => setAsking(false)}>
          No
        </button>
      </span>
    </Show>
  );
}
