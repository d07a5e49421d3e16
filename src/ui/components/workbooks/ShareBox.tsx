/**
 * The share link of the open workbook: the whole workbook, compressed, in the URL fragment
 * (nothing is uploaded). It is copied to the clipboard when the browser allows, and always
 * shown, so it can be copied by hand.
 */
import { createSignal, type JSX, Show } from 'solid-js';
import { formatBytes, MAX_LINK_PAYLOAD_CHARS } from '../../../persist/index.js';
import type { WorkbookSession } from '../../store/workbook-session.js';

interface ShareBoxProps {
  readonly session: WorkbookSession;
  /** The page address the link starts with. */
  readonly base: () => string;
  /** Make the link at once (the header's Share button). */
  readonly immediate?: boolean;
}

async function copy(text: string): Promise<string> {
  const clip = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clip || typeof clip.writeText !== 'function') return 'The clipboard is not available here: copy the link above by hand.';
  try {
    await clip.writeText(text);
    return 'Copied to the clipboard.';
  } catch {
    return 'The browser did not allow copying: copy the link above by hand.';
  }
}

export function ShareBox(props: ShareBoxProps): JSX.Element {
  const [link, setLink] = createSignal<string>();
  const [status, setStatus] = createSignal<string>();
  const make = async () => {
    setStatus(undefined);
    const url = await props.session.shareUrl(props.base());
    setLink(url);
    setStatus(url ? await copy(url) : 'No link: see the message below.');
  };
  if (props.immediate) void make();
  return (
    <div class="share-box" data-share-box>
      <button type="button" data-make-link onClick={() => void make()}>
        Copy share link
      </button>
      <Show when={link()}>
        {(url) => (
          <input class="share-link" data-share-link readOnly value={url()} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
        )}
      </Show>
      <Show when={status()}>{(t) => <p class="hint" data-share-status role="status">{t()}</p>}</Show>
      <p class="hint">
        The link carries the whole workbook (up to {formatBytes(MAX_LINK_PAYLOAD_CHARS)} compressed); nothing is uploaded. Opening it
        creates a new workbook and never replaces one.
      </p>
    </div>
  );
}
