/**
 * The open workbook: its name, its scenarios (switch, add a copy of the current one, rename,
 * delete, export one as an mlsysim plan), its notes, the `.json` export and the share link.
 */
import { For, type JSX, Show } from 'solid-js';
import type { Workbook } from '../../../scenario/index.js';
import type { WorkbookSession } from '../../store/workbook-session.js';
import { ConfirmButton } from './ConfirmButton.jsx';
import { InlineRename } from './InlineRename.jsx';
import { ShareBox } from './ShareBox.jsx';

interface WorkbookPanelProps {
  readonly session: WorkbookSession;
  /** Saves an exported file (the page: a download). */
  readonly save: (file: { filename: string; mimeType: string; text: string }) => void;
  readonly shareBase: () => string;
}

export function WorkbookPanel(props: WorkbookPanelProps): JSX.Element {
  const s = props.session;
  return (
    <Show when={s.workbook()} fallback={<p class="hint">Opening the workbook…</p>}>
      {(wb: () => Workbook) => (
        <div class="workbook-panel">
          <section class="panel-section">
            <div class="item-main">
              <span class="kicker">Workbook</span>
              <div class="title-row">
                <InlineRename name={wb().name} label="Workbook name" onRename={(name) => s.rename(wb().id, name)}>
                  <strong class="item-name" data-panel-name>{wb().name}</strong>
                </InlineRename>
              </div>
            </div>
          </section>

          <section class="panel-section" aria-label="Scenarios">
            <h3>Scenarios</h3>
            <ul class="item-list" data-scenarios>
              <For each={wb().scenarios}>
                {(sc) => (
                  <li class="item" classList={{ current: s.activeId() === sc.id }} data-scenario={sc.id}>
                    <div class="item-main">
                      <div class="title-row">
                        <InlineRename name={sc.name} label="Scenario name" onRename={(name) => s.renameScenario(sc.id, name)}>
                          <span class="item-name" data-scenario-label>{sc.name}</span>
                        </InlineRename>
                      </div>
                      <span class="item-detail">{s.activeId() === sc.id ? 'shown in the workbench' : ''}</span>
                    </div>
                    <div class="item-actions">
                      <button type="button" class="link-button" data-show-scenario disabled={s.activeId() === sc.id} onClick={() => s.switchScenario(sc.id)}>
                        Show
                      </button>
                      <button
                        type="button"
                        class="link-button"
                        data-export-plan
                        title="An mlsysim plan (mlsys.yaml) of this scenario"
                        onClick={() => {
                          void s.exportPlan(sc.id).then((file) => {
                            if (file) props.save(file);
                          });
                        }}
                      >
                        Plan .yaml
                      </button>
                      <Show when={wb().scenarios.length > 1}>
                        <ConfirmButton name="delete-scenario" label="Delete" question={`Delete '${sc.name}'?`} onConfirm={() => s.deleteScenario(sc.id)} />
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
            <button type="button" data-add-scenario onClick={() => s.addScenario()}>
              Add scenario (copy of the current one)
            </button>
          </section>

          <section class="panel-section">
            <label class="notes">
              <h3>Notes</h3>
              <textarea data-notes rows={5} value={wb().notes} onInput={(e) => s.setNotes(e.currentTarget.value)} />
            </label>
          </section>

          <section class="panel-section">
            <h3>Export and share</h3>
            <div class="list-actions">
              <button
                type="button"
                data-export-json
                onClick={() => {
                  const file = s.exportJson();
                  if (file) props.save(file);
                }}
              >
                Export .json
              </button>
            </div>
            <ShareBox session={s} base={props.shareBase} />
          </section>
        </div>
      )}
    </Show>
  );
}
