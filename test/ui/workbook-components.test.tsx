import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, waitFor } from '@solidjs/testing-library';
import { set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeWorkbook, type ExportedFile, WorkbookStore, workbookIdbStore } from '../../src/persist/index.js';
import type { Workbook } from '../../src/scenario/index.js';
import { WorkbookBar, WorkbookList, WorkbookPanel } from '../../src/ui/components/workbooks/index.js';
import { splitHash } from '../../src/ui/store/index.js';
import { freshIndexedDb, started } from './workbook-helpers.js';

afterEach(cleanup);
beforeEach(freshIndexedDb);

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const T = '2025-01-01T00:00:00.000Z';
const hostileWorkbook: Workbook = {
  schema_version: 1, id: 'hostile', name: HOSTILE, created: T, updated: T, notes: HOSTILE, sweeps: [], active_scenario_id: 's',
  scenarios: [{ id: 's', name: `${HOSTILE} scenario`, scenario: { model: 'Llama3_8B', hardware: 'H100' } }],
};

const q = <E extends Element = HTMLElement>(root: ParentNode, sel: string): E => {
  const el = root.querySelector<E>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};

describe('WorkbookList', () => {
  it('renders names with HTML and script as text, never as markup', async () => {
    await new WorkbookStore().save(hostileWorkbook, { touch: false });
    const m = await started();
    const { container } = render(() => <WorkbookList session={m.session} />);
    // The only workbook, so the session opened it.
    await waitFor(() => expect(container.querySelector('[data-workbook="hostile"]')).not.toBeNull());
    const name = q(container, '[data-workbook="hostile"] [data-workbook-name]');
    expect(name.textContent).toBe(HOSTILE);
    expect(name.children).toHaveLength(0);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    await m.close();
  });

  it('lists broken entries with the reason; discarding removes them and the others stay', async () => {
    await set('workbook:broken', 42, workbookIdbStore());
    const m = await started();
    const { container } = render(() => <WorkbookList session={m.session} />);
    await waitFor(() => expect(container.querySelector('[data-broken="workbook:broken"]')).not.toBeNull());
    expect(q(container, '[data-broken-reason]').textContent).toMatch(/stored workbook 'broken' .*other workbooks are not affected/);
    fireEvent.click(q(container, '[data-action="discard"]'));
    fireEvent.click(q(container, '[data-confirm="discard"]'));
    await waitFor(() => expect(container.querySelector('[data-broken-list]')).toBeNull());
    expect(container.querySelectorAll('[data-workbook]')).toHaveLength(1);
    await m.close();
  });

  it('new, open, rename, duplicate and delete (with a confirmation) from the list', async () => {
    const m = await started();
    const first = m.session.workbook()!.id;
    let opened = 0;
    const { container } = render(() => <WorkbookList session={m.session} onOpened={() => opened++} />);
    fireEvent.click(q(container, '[data-new-workbook]'));
    await waitFor(() => expect(container.querySelectorAll('[data-workbook]')).toHaveLength(2));
    expect(opened).toBe(1);
    expect(m.session.workbook()!.name).toBe('Workbook 1');

    fireEvent.click(q(container, `[data-workbook="${first}"] [data-open]`));
    await waitFor(() => expect(m.session.workbook()!.id).toBe(first));
    fireEvent.click(q(container, `[data-workbook="${first}"] [data-rename]`));
    const field = q<HTMLInputElement>(container, `[data-workbook="${first}"] [data-rename-field]`);
    field.value = 'Lecture 3';
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(q(container, `[data-workbook="${first}"] [data-workbook-name]`).textContent).toBe('Lecture 3'));

    fireEvent.click(q(container, `[data-workbook="${first}"] [data-duplicate]`));
    await waitFor(() => expect(container.querySelectorAll('[data-workbook]')).toHaveLength(3));
    const copy = [...container.querySelectorAll('[data-workbook-name]')].find((n) => n.textContent === 'Lecture 3 (copy)');
    expect(copy).toBeDefined();

    fireEvent.click(q(container, `[data-workbook="${first}"] [data-action="delete"]`));
    expect(q(container, `[data-workbook="${first}"] .confirm`).textContent).toMatch(/Delete 'Lecture 3'\?/);
    fireEvent.click(q(container, `[data-workbook="${first}"] [data-confirm="delete"]`));
    await waitFor(() => expect(m.session.workbook()!.id).not.toBe(first));
    await waitFor(() => expect(container.querySelectorAll('[data-workbook]')).toHaveLength(2));
    await m.close();
  });

  it('"New from example" opens an editable copy; an invalid file import shows why', async () => {
    const m = await started();
    const { container } = render(() => <WorkbookList session={m.session} />);
    const select = q<HTMLSelectElement>(container, '[data-example-select]');
    expect([...select.options].map((o) => o.value)).toContain('lecture.carbon');
    fireEvent.change(select, { target: { value: 'lecture.carbon' } });
    fireEvent.click(q(container, '[data-open-example]'));
    await waitFor(() => expect(m.session.workbook()!.name).toBe('Carbon: Quebec vs Poland'));
    expect(m.scenario.desc().region).toBe('Quebec');

    const input = q<HTMLInputElement>(container, '[data-import-file]');
    const file = new File(['{"schema_version": 99}'], 'future.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(m.session.messages().at(-1)?.text).toMatch(/^Could not import future\.json: future\.json: .*newer/));
    expect(m.session.workbook()!.name).toBe('Carbon: Quebec vs Poland');
    await m.close();
  });
});

describe('WorkbookPanel', () => {
  it('scenarios: add a copy, show, rename, delete; notes; hostile names as text', async () => {
    await new WorkbookStore().save(hostileWorkbook, { touch: false });
    const m = await started();
    await m.session.open('hostile');
    const saved: ExportedFile[] = [];
    const { container } = render(() => <WorkbookPanel session={m.session} save={(f) => saved.push(f)} shareBase={() => 'http://x/'} />);
    expect(q(container, '[data-panel-name]').textContent).toBe(HOSTILE);
    expect(q(container, '[data-scenario="s"] [data-scenario-label]').textContent).toBe(`${HOSTILE} scenario`);
    expect(q<HTMLTextAreaElement>(container, '[data-notes]').value).toBe(HOSTILE);
    expect(container.querySelector('img, script')).toBeNull();

    fireEvent.click(q(container, '[data-add-scenario]'));
    expect(container.querySelectorAll('[data-scenario]')).toHaveLength(2);
    expect(m.session.activeId()).toBe('scenario-2');
    fireEvent.click(q(container, '[data-scenario="s"] [data-show-scenario]'));
    expect(m.session.activeId()).toBe('s');
    fireEvent.click(q(container, '[data-scenario="scenario-2"] [data-action="delete-scenario"]'));
    fireEvent.click(q(container, '[data-scenario="scenario-2"] [data-confirm="delete-scenario"]'));
    expect(container.querySelectorAll('[data-scenario]')).toHaveLength(1);

    fireEvent.input(q(container, '[data-notes]'), { target: { value: 'Plain notes' } });
    expect(m.session.workbook()!.notes).toBe('Plain notes');
    fireEvent.click(q(container, '[data-export-json]'));
    expect(saved[0].filename).toBe('img_src_x_onerror_window._pwned_1_script_window._pwned_2_script.json');
    expect(JSON.parse(saved[0].text)).toEqual(m.session.workbook());
    fireEvent.click(q(container, '[data-scenario="s"] [data-export-plan]'));
    // The plan writer (YAML) loads on first use, so the file is saved after the click.
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1].filename).toMatch(/\.mlsys\.yaml$/);
    expect(saved[1].text).toMatch(/name: Llama3_8B/);
    await m.close();
  });
});

describe('WorkbookBar', () => {
  it('switches scenarios, shows the save state, and makes a share link that decodes to the open workbook', async () => {
    const m = await started();
    m.session.addScenario('Second');
    await m.session.flush();
    const { container } = render(() => <WorkbookBar session={m.session} />);
    expect(q(container, '[data-open-workbook]').textContent).toBe('My workbook');
    expect(q(container, '[data-save-state]').textContent).toBe('Saved');
    const select = q<HTMLSelectElement>(container, '[data-scenario-switch]');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Llama3_8B on H100', 'Second']);
    fireEvent.change(select, { target: { value: 'scenario-1' } });
    expect(m.session.activeId()).toBe('scenario-1');
    expect(q(container, '[data-save-state]').textContent).toBe('Saving…');

    fireEvent.click(q(container, '[data-share]'));
    const link = await waitFor(() => q<HTMLInputElement>(document, '[data-share-link]').value);
    expect(link).toMatch(/#wb=[A-Za-z0-9_-]+$/);
    // The autosave may stamp `updated` after the link was made; everything else is the open workbook.
    expect({ ...(await decodeWorkbook(splitHash(link.slice(link.indexOf('#'))).link!)), updated: '' }).toEqual({ ...m.session.workbook()!, updated: '' });
    fireEvent.keyDown(q(document, '[data-dialog="share"]'), { key: 'Escape' });
    expect(document.querySelector('[data-dialog]')).toBeNull();

    fireEvent.click(q(container, '[data-compare]'));
    // The dialog opens at once; the comparison loads on first use (CompareHost.tsx).
    expect(document.querySelector('[data-dialog="compare"] [data-compare], [data-dialog="compare"] .compare-loading')).not.toBeNull();
    await waitFor(() => expect(document.querySelector('[data-dialog="compare"] [data-compare]')).not.toBeNull());
    await m.close();
  });
});
