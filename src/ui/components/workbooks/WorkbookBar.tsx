/**
 * The workbook in the page header: the Workbooks list, the open workbook's name (its panel:
 * scenarios, notes, export, share), a scenario switcher, whether the last edit is saved, and
 * Share and Compare. It also owns the dialogs and the session's messages.
 *
 * On the page (`watchPage`), queued edits are written when the tab is hidden or left, and a
 * share link pasted into the address bar of an open tab is imported like one opened fresh.
 */
import { createSignal, For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import type { ExportedFile } from '../../../persist/index.js';
import { splitHash } from '../../store/url-hash.js';
import type { SaveState, WorkbookSession } from '../../store/workbook-session.js';
import { CompareHost } from '../compare/CompareHost.jsx';
import { Dialog } from './Dialog.jsx';
import { downloadFile } from './download.js';
import { SessionMessages } from './SessionMessages.jsx';
import { ShareBox } from './ShareBox.jsx';
import { WorkbookList } from './WorkbookList.jsx';
import { WorkbookPanel } from './WorkbookPanel.jsx';
import './workbooks.css';

interface WorkbookBarProps {
  readonly session: WorkbookSession;
  /** Flush on pagehide and import links pasted into the address bar (the page does; tests need not). */
  readonly watchPage?: boolean;
  /** Saves an exported file (default: a browser download). */
  readonly save?: (file: ExportedFile) => void;
}

const SAVE_TEXT: Record<SaveState, string> = {
  starting: 'Opening…',
  saved: 'Saved',
  saving: 'Saving…',
  failed: 'Not saved',
  memory: 'Not stored (this tab only)',
};

type DialogName = 'list' | 'workbook' | 'share' | 'compare';

export function WorkbookBar(props: WorkbookBarProps): JSX.Element {
  const s = props.session;
  const [dialog, setDialog] = createSignal<DialogName>();
  const close = () => setDialog(undefined);
  const base = () => (typeof location === 'undefined' ? '' : location.href.replace(/#.*$/, ''));
  const save = (file: ExportedFile) => {
    try {
      (props.save ?? downloadFile)(file);
    } catch (e) {
      s.report(`Could not save ${file.filename}`, e);
    }
  };

  onMount(() => {
    if (!props.watchPage) return;
    const flush = () => void s.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    const onHash = () => {
      const link = splitHash(location.hash).link;
      if (link !== undefined) void s.importLink(link);
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('hashchange', onHash);
    onCleanup(() => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('hashchange', onHash);
    });
  });

  return (
    <>
      <div class="workbook-bar" data-workbook-bar>
        <button type="button" class="reset" data-open-workbooks onClick={() => setDialog('list')} title="All workbooks: open, new, examples, import">
          Workbooks
        </button>
        <div class="workbook-current">
          <button type="button" class="workbook-name" data-open-workbook onClick={() => setDialog('workbook')} title="This workbook: scenarios, notes, export, share">
            {s.workbook()?.name ?? 'Opening…'}
          </button>
          <select
            class="scenario-switch"
            data-scenario-switch
            aria-label="Scenario"
            disabled={!s.workbook()}
            onChange={(e) => {
              if (!s.switchScenario(e.currentTarget.value)) e.currentTarget.value = s.activeId() ?? '';
            }}
          >
            <For each={s.workbook()?.scenarios ?? []}>
              {(sc) => (
                <option value={sc.id} selected={sc.id === s.activeId()}>
                  {sc.name}
                </option>
              )}
            </For>
          </select>
          <span class={`save-state state-${s.saveState()}`} data-save-state={s.saveState()} role="status">
            {SAVE_TEXT[s.saveState()]}
          </span>
        </div>
        <button type="button" class="reset" data-share disabled={!s.workbook()} onClick={() => setDialog('share')} title="A link that carries this workbook">
          Share
        </button>
        <button type="button" class="reset" data-compare disabled={!s.workbook()} onClick={() => setDialog('compare')} title="Scenarios of this workbook side by side">
          Compare
        </button>
      </div>
      <Show when={dialog() === 'list'}>
        <Dialog name="workbooks" title="Workbooks" onClose={close}>
          <WorkbookList session={s} onOpened={close} />
        </Dialog>
      </Show>
      <Show when={dialog() === 'workbook'}>
        <Dialog name="workbook" title="This workbook" onClose={close}>
          <WorkbookPanel session={s} save={save} shareBase={base} />
        </Dialog>
      </Show>
      <Show when={dialog() === 'share'}>
        <Dialog name="share" title="Share this workbook" onClose={close}>
          <ShareBox session={s} base={base} immediate />
        </Dialog>
      </Show>
      <Show when={dialog() === 'compare'}>
        <Dialog name="compare" title="Compare scenarios" wide onClose={close}>
          <CompareHost session={s} />
        </Dialog>
      </Show>
      <SessionMessages session={s} />
    </>
  );
}
