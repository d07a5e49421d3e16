/**
 * Every stored workbook (newest first) with open / rename / duplicate / delete, the entries
 * that cannot be opened (why, and discard), and the ways to start another: new, new from an
 * example (an editable copy), import a `.json` workbook or an mlsysim plan.
 */
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import type { WorkbookList as StoredList } from '../../../persist/index.js';
import type { WorkbookSession } from '../../store/workbook-session.js';
import { reasonText } from '../../store/session-messages.js';
import { ConfirmButton } from './ConfirmButton.jsx';
import { importedFile } from './download.js';
import { InlineRename } from './InlineRename.jsx';

interface WorkbookListProps {
  readonly session: WorkbookSession;
  /** Called after a workbook was opened (the dialog closes). */
  readonly onOpened?: () => void;
}

type Loaded = { readonly ok: true; readonly list: StoredList } | { readonly ok: false; readonly error: string };

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function WorkbookList(props: WorkbookListProps): JSX.Element {
  const s = props.session;
  const [loaded] = createResource(
    () => s.listVersion(),
    async (): Promise<Loaded> => {
      try {
        return { ok: true, list: await s.list() };
      } catch (e) {
        return { ok: false, error: reasonText(e) };
      }
    },
  );
  const examples = s.examples();
  const [example, setExample] = createSignal(examples[0]?.id ?? '');
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<boolean>, closeAfter = true) => {
    setBusy(true);
    try {
      if ((await action()) && closeAfter) props.onOpened?.();
    } finally {
      setBusy(false);
    }
  };
  const list = () => {
    const l = loaded();
    return l?.ok ? l.list : undefined;
  };

  return (
    <div class="workbook-list" aria-busy={busy()}>
      <div class="list-actions">
        <button type="button" class="primary" data-new-workbook disabled={busy()} onClick={() => void run(() => s.create())}>
          New workbook
        </button>
        <label class="inline-field">
          <span>New from example</span>
          <select data-example-select value={example()} onChange={(e) => setExample(e.currentTarget.value)}>
            <For each={examples}>{(x) => <option value={x.id} title={x.description}>{x.title}</option>}</For>
          </select>
        </label>
        <button type="button" data-open-example disabled={busy() || !example()} onClick={() => void run(() => s.openExample(example()))}>
          Open a copy
        </button>
        <label class="file-button">
          Import file…
          <input
            type="file"
            data-import-file
            accept=".json,.yaml,.yml,application/json,application/yaml"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              void run(() => s.importFile(importedFile(file))).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      <p class="hint">A <code>.json</code> workbook or an mlsysim plan (<code>.yaml</code>) becomes a new workbook; nothing is replaced.</p>

      <Show when={loaded()?.ok === false}>
        <p class="message error" role="alert" data-list-error>
          {(loaded() as { error: string }).error}
        </p>
      </Show>
      <ul class="item-list" data-workbooks>
        <For each={list()?.workbooks ?? []}>
          {(w) => (
            <li class="item" classList={{ current: s.workbook()?.id === w.id }} data-workbook={w.id}>
              <div class="item-main">
                <div class="title-row">
                  <InlineRename name={w.name} label="Workbook name" onRename={(name) => s.rename(w.id, name)}>
                    <span class="item-name" data-workbook-name>{w.name}</span>
                  </InlineRename>
                </div>
                <span class="item-detail">
                  {w.scenarios} scenario{w.scenarios === 1 ? '' : 's'} · saved {when(w.updated)}
                  {s.workbook()?.id === w.id ? ' · open' : ''}
                </span>
              </div>
              <div class="item-actions">
                <button type="button" class="link-button" data-open disabled={busy() || s.workbook()?.id === w.id} onClick={() => void run(() => s.open(w.id))}>
                  Open
                </button>
                <button type="button" class="link-button" data-duplicate disabled={busy()} onClick={() => void run(() => s.duplicate(w.id), false)}>
                  Duplicate
                </button>
                <ConfirmButton name="delete" label="Delete" question={`Delete '${w.name}'?`} onConfirm={() => void run(() => s.remove(w.id), false)} />
              </div>
            </li>
          )}
        </For>
      </ul>
      <Show when={(list()?.broken.length ?? 0) > 0}>
        <h3 class="broken-title">Entries that cannot be opened</h3>
        <p class="hint">The other workbooks are not affected. Discarding removes the damaged entry for good.</p>
        <ul class="item-list" data-broken-list>
          <For each={list()?.broken ?? []}>
            {(b) => (
              <li class="item broken" data-broken={b.key}>
                <div class="item-main">
                  <span class="item-name">{b.key}</span>
                  <span class="item-detail broken-reason" data-broken-reason>{b.reason}</span>
                </div>
                <div class="item-actions">
                  <ConfirmButton name="discard" label="Discard" question="Discard this entry?" onConfirm={() => void run(() => s.discardBroken(b.key), false)} />
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
