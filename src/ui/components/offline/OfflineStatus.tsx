/**
 * The page's offline state, in the bottom corner: "Available offline" once the build is
 * precached (the workbooks live in this browser's IndexedDB anyway), "Offline" with what that
 * means when the network is gone, and — when a new build has been deployed — "A new version is
 * available" with Reload (the page never reloads under the user by itself).
 */
import { type JSX, Show } from 'solid-js';
import type { OfflineState } from './offline-state.js';
import './offline.css';

export function OfflineStatus(props: { readonly state: OfflineState }): JSX.Element {
  const s = props.state;
  const label = () => {
    if (!s.online()) return s.ready() ? 'Offline · this copy works without a network' : 'Offline · not saved for offline use yet';
    if (s.ready()) return 'Available offline';
    return s.problem() ? 'Needs the network' : undefined;
  };
  const title = () =>
    s.problem() ? `The page could not be saved for offline use: ${s.problem()}`
      : 'The page is saved in this browser: it opens and computes with the network off; workbooks are kept in this browser (IndexedDB).';
  return (
    <div class="offline-status">
      <Show when={s.updateWaiting()}>
        <div class="offline-update" role="alert" data-update-prompt>
          <span>A new version is available —</span>
          <button type="button" data-update-reload onClick={() => void s.reload()}>
            Reload
          </button>
          <button type="button" class="later" data-update-later onClick={() => s.dismissUpdate()}>
            Later
          </button>
        </div>
      </Show>
      <Show when={label()}>
        {(text) => (
          <p class="offline-pill" classList={{ off: !s.online(), ready: s.ready() }} role="status" data-offline-state={s.online() ? (s.ready() ? 'ready' : 'online') : 'offline'} title={title()}>
            {text()}
          </p>
        )}
      </Show>
    </div>
  );
}
