/** The session's messages (failed saves, refused imports and links, what an export left out), each dismissable. */
import { For, type JSX, Show } from 'solid-js';
import type { WorkbookSession } from '../../store/workbook-session.js';

export function SessionMessages(props: { readonly session: WorkbookSession }): JSX.Element {
  return (
    <Show when={props.session.messages().length > 0}>
      <div class="session-messages" data-session-messages>
        <For each={props.session.messages()}>
          {(m) => (
            <div class={`session-message tone-${m.tone}`} role={m.tone === 'error' ? 'alert' : 'status'} data-message-tone={m.tone}>
              <p class="session-message-text">{m.text}</p>
              <button type="button" class="link-button" data-dismiss onClick={() => props.session.dismiss(m.id)} aria-label="Dismiss">
                Dismiss
              </button>
            </div>
          )}
        </For>
      </div>
    </Show>
  );
}
