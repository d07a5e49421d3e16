import 'fake-indexeddb/auto';
import { set } from 'idb-keyval';
import { createEffect, createRoot } from 'solid-js';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  encodeBase64url, encodeWorkbook, LAST_OPENED_KEY, MAX_LINK_PAYLOAD_CHARS, WorkbookStore, workbookIdbStore,
} from '../../src/persist/index.js';
import type { KeyValueBackend } from '../../src/persist/index.js';
import { deflateRaw } from '../../src/persist/compression.js';
import type { ScenarioSweep } from '../../src/scenario/index.js';
import { encodeViewState } from '../../src/ui/store/index.js';
import { fillableBackend } from '../persist/helpers.js';
import { batchOf, freshIndexedDb, mountSession, started } from './workbook-helpers.js';

beforeEach(freshIndexedDb);

const stored = () => new WorkbookStore();
const fileOf = (name: string, text: string) => ({ name, size: new TextEncoder().encode(text).length, text: async () => text });
const SWEEP: ScenarioSweep = { x: { cell: 'scenario.batch_size', start: 1, stop: 64, points: 7, scale: 'log' }, outputs: ['performance.latency'] };

describe('starting', () => {
  it('the first time, creates "My workbook" from the default scenario (Llama3_8B on one H100) and remembers it', async () => {
    const m = await started();
    const wb = m.session.workbook()!;
    expect(wb.name).toBe('My workbook');
    expect(wb.scenarios).toHaveLength(1);
    expect(wb.scenarios[0].name).toBe('Llama3_8B on H100');
    expect(wb.scenarios[0].scenario).toEqual({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' });
    expect(m.scenario.built().name).toBe('Llama3_8B on H100');
    expect(await stored().get(wb.id)).toEqual(wb);
    expect(await stored().lastOpenedId()).toBe(wb.id);
    expect(m.session.saveState()).toBe('saved');
    await m.close();
  });

  it('later, opens the last opened workbook with its edits', async () => {
    const a = await started();
    a.scenario.setInput('scenario.batch_size', 64);
    await a.session.flush();
    const id = a.session.workbook()!.id;
    await a.close();

    const b = await started();
    expect(b.session.workbook()!.id).toBe(id);
    expect(b.scenario.built().graph.value('scenario.batch_size')).toBe(64);
    expect(b.scenario.canUndo()).toBe(false);
    expect((await stored().list()).workbooks).toHaveLength(1);
    await b.close();
  });

  it('a reload with #v=…&w=<id> reopens that workbook, and the URL state (newer than the last save) wins', async () => {
    const a = await started();
    const wb = a.session.workbook()!;
    const view = encodeViewState({ desc: { ...a.scenario.desc(), overrides: { 'scenario.batch_size': 8 } } });
    const hash = a.session.hash(view);
    expect(hash).toBe(`${view}&w=${wb.id}&s=scenario-1`);
    await a.close();

    const b = await started({ hash });
    expect(b.session.workbook()!.id).toBe(wb.id);
    expect(b.scenario.built().graph.value('scenario.batch_size')).toBe(8);
    await b.session.flush();
    expect(batchOf(await stored().get(wb.id))).toBe(8);
    await b.close();
  });

  it('a view link from elsewhere (no known workbook) that shows another scenario becomes a new workbook', async () => {
    const a = await started();
    const first = a.session.workbook()!;
    await a.close();
    const hash = encodeViewState({ desc: { model: 'Llama3_70B', hardware: 'H100', overrides: {} } });
    const b = await started({ hash });
    expect(b.session.workbook()!.id).not.toBe(first.id);
    expect(b.session.workbook()!.name).toBe('Llama3_70B on H100 (from link)');
    expect(b.scenario.built().name).toBe('Llama3_70B on H100');
    expect(await stored().get(first.id)).toEqual(first);
    await b.close();
  });
});

describe('an edit made while storage is still opening', () => {
  it('the first time, goes into the new workbook', async () => {
    const m = mountSession();
    m.scenario.setInput('scenario.batch_size', 64);
    await m.session.start();
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(64);
    await m.session.flush();
    const wb = m.session.workbook()!;
    expect(wb.name).toBe('My workbook');
    expect(batchOf(await stored().get(wb.id))).toBe(64);
    await m.close();
  });

  it('on a reload, goes into the scenario the page was showing', async () => {
    const a = await started();
    const hash = a.session.hash(encodeViewState({ desc: a.scenario.desc() }));
    const id = a.session.workbook()!.id;
    await a.close();
    const b = mountSession({ hash });
    b.scenario.setInput('scenario.batch_size', 16);
    await b.session.start();
    expect(b.session.workbook()!.id).toBe(id);
    expect(b.scenario.built().graph.value('scenario.batch_size')).toBe(16);
    await b.session.flush();
    expect(batchOf(await stored().get(id))).toBe(16);
    await b.close();
  });

  it('when the last workbook opens instead, becomes a workbook of its own and stays in view; the last one is unchanged', async () => {
    const a = await started();
    a.scenario.setInput('scenario.batch_size', 8);
    await a.session.flush();
    const last = a.session.workbook()!;
    await a.close();
    const b = mountSession();
    b.scenario.setInput('scenario.batch_size', 64);
    await b.session.start();
    const wb = b.session.workbook()!;
    expect(wb.id).not.toBe(last.id);
    expect(wb.name).toBe('Llama3_8B on H100 (edited while opening)');
    expect(b.scenario.built().graph.value('scenario.batch_size')).toBe(64);
    await b.session.flush();
    expect(batchOf(await stored().get(wb.id))).toBe(64);
    expect(batchOf(await stored().get(last.id))).toBe(8);
    await b.close();
  });
});

describe('autosave and undo', () => {
  it('every edit is saved (debounced); undo and redo are saved too', async () => {
    const m = await started();
    const id = m.session.workbook()!.id;
    m.scenario.setInput('scenario.batch_size', 16);
    expect(m.session.saveState()).toBe('saving');
    await m.session.flush();
    expect(m.session.saveState()).toBe('saved');
    expect(batchOf(await stored().get(id))).toBe(16);
    m.scenario.undo();
    await m.session.flush();
    expect(batchOf(await stored().get(id))).toBeUndefined();
    m.scenario.redo();
    await m.session.flush();
    expect(batchOf(await stored().get(id))).toBe(16);
    m.scenario.choose({ region: 'Quebec' });
    await m.session.flush();
    expect((await stored().get(id))!.scenarios[0].scenario.region).toBe('Quebec');
    await m.close();
  });

  it('sweeps are saved with ids and the active scenario id, and come back with their scenario', async () => {
    const m = await started();
    m.sweeps.setSpecs([SWEEP]);
    await m.session.flush();
    const wb = (await stored().get(m.session.workbook()!.id))!;
    expect(wb.sweeps).toEqual([{ id: 'scenario-1-sweep-1', scenario_id: 'scenario-1', ...SWEEP }]);
    m.session.addScenario('Second');
    expect(m.session.activeId()).toBe('scenario-2');
    expect(m.sweeps.specs()).toEqual([SWEEP]);
    m.sweeps.setSpecs([]);
    m.session.switchScenario('scenario-1');
    expect(m.sweeps.specs()).toEqual([SWEEP]);
    await m.session.flush();
    expect((await stored().get(wb.id))!.sweeps.map((s) => [s.id, s.scenario_id])).toEqual([['scenario-1-sweep-1', 'scenario-1']]);
    await m.close();
  });
});

describe('a drag: a burst of edits', () => {
  const pause = () => new Promise((ok) => setTimeout(ok, 300));

  it('is written into the workbook when it starts and when it pauses, not per edit; reads in between see the last edit', async () => {
    const m = await started();
    const seen: unknown[] = [];
    const dispose = createRoot((d) => {
      createEffect(() => {
        const b = batchOf(m.session.workbook());
        if (seen.at(-1) !== b) seen.push(b);
      });
      return d;
    });
    await pause();
    m.scenario.setInput('scenario.batch_size', 2);
    m.scenario.setInput('scenario.batch_size', 3);
    m.scenario.setInput('scenario.batch_size', 4);
    expect(seen).toEqual([2]);
    await pause();
    // The view never saw batch 3: the burst's middle edits were not written one by one.
    expect(seen).toEqual([2, 4]);
    expect(batchOf(m.session.workbook())).toBe(4);
    m.scenario.setInput('scenario.batch_size', 5);
    m.scenario.setInput('scenario.batch_size', 6);
    // An action (here a read outside the view) writes back what the burst left pending.
    expect(batchOf(m.session.workbook())).toBe(6);
    await m.session.flush();
    expect(batchOf(await stored().get(m.session.workbook()!.id))).toBe(6);
    dispose();
    await m.close();
  });

  it('switching scenarios in the middle of a burst keeps its last edit in the scenario left behind', async () => {
    const m = await started();
    expect(m.session.addScenario('B')).toBe(true);
    await pause();
    m.scenario.setInput('scenario.batch_size', 5);
    m.scenario.setInput('scenario.batch_size', 6);
    expect(m.session.switchScenario('scenario-1')).toBe(true);
    expect(batchOf(m.session.workbook(), 'scenario-2')).toBe(6);
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(1);
    await m.close();
  });
});

describe('scenarios within a workbook', () => {
  it('add (a copy of the active one), rename, switch and delete', async () => {
    const m = await started();
    m.scenario.setInput('scenario.batch_size', 4);
    expect(m.session.addScenario()).toBe(true);
    const wb = m.session.workbook()!;
    expect(wb.scenarios.map((s) => s.name)).toEqual(['Llama3_8B on H100', 'Llama3_8B on H100 (copy)']);
    expect(wb.active_scenario_id).toBe('scenario-2');
    m.scenario.setInput('scenario.batch_size', 32);
    expect(m.session.renameScenario('scenario-2', '  Batch 32 ')).toBe(true);
    expect(m.session.switchScenario('scenario-1')).toBe(true);
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(4);
    expect(m.session.switchScenario('scenario-2')).toBe(true);
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(32);
    expect(m.session.deleteScenario('scenario-2')).toBe(true);
    expect(m.session.activeId()).toBe('scenario-1');
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(4);
    expect(m.session.deleteScenario('scenario-1')).toBe(false);
    expect(m.session.messages().at(-1)!.text).toMatch(/keeps at least one scenario/);
    expect(m.session.renameScenario('scenario-1', '   ')).toBe(false);
    expect(m.session.messages().at(-1)!.text).toBe('Could not rename the scenario: a scenario name cannot be empty');
    await m.session.flush();
    const saved = (await stored().get(wb.id))!;
    expect(saved.scenarios.map((s) => s.name)).toEqual(['Llama3_8B on H100']);
    await m.close();
  });

  it('switching starts undo afresh, so one scenario’s steps never land in another', async () => {
    const m = await started();
    m.scenario.setInput('scenario.batch_size', 4);
    m.session.addScenario();
    expect(m.scenario.canUndo()).toBe(false);
    m.scenario.undo();
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(4);
    await m.close();
  });

  it('notes are saved', async () => {
    const m = await started();
    m.session.setNotes('Decode is memory-bound.');
    await m.session.flush();
    expect((await stored().get(m.session.workbook()!.id))!.notes).toBe('Decode is memory-bound.');
    await m.close();
  });
});

describe('workbooks', () => {
  it('new, switch, rename, duplicate and delete', async () => {
    const m = await started();
    const first = m.session.workbook()!;
    m.scenario.setInput('scenario.batch_size', 2);
    expect(await m.session.create()).toBe(true);
    const second = m.session.workbook()!;
    expect(second.name).toBe('Workbook 1');
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(1);
    expect(await m.session.open(first.id)).toBe(true);
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(2);
    expect(await m.session.rename(second.id, 'Other')).toBe(true);
    expect(await m.session.rename(first.id, 'Mine')).toBe(true);
    expect(m.session.workbook()!.name).toBe('Mine');
    expect(await m.session.duplicate(first.id)).toBe(true);
    const names = (await m.session.list()).workbooks.map((w) => w.name).sort();
    expect(names).toEqual(['Mine', 'Mine (copy)', 'Other']);
    expect(await m.session.remove(first.id)).toBe(true);
    expect(m.session.workbook()!.id).not.toBe(first.id);
    expect(await stored().get(first.id)).toBeUndefined();
    expect((await m.session.list()).workbooks).toHaveLength(2);
    await m.close();
  });

  it('an empty workbook (as store.create makes) opens with the default scenario, which is saved', async () => {
    const empty = await stored().create('Empty');
    const m = await started();
    expect(await m.session.open(empty.id)).toBe(true);
    expect(m.scenario.built().name).toBe('Llama3_8B on H100');
    await m.session.flush();
    expect((await stored().get(empty.id))!.scenarios.map((s) => s.name)).toEqual(['Llama3_8B on H100']);
    await m.close();
  });

  it('an example opens as an editable copy; the example itself is untouched', async () => {
    const m = await started();
    expect(await m.session.openExample('lecture.roofline')).toBe(true);
    const wb = m.session.workbook()!;
    expect(wb.id).not.toBe('example.lecture.roofline');
    expect(wb.name).toBe('Roofline: ResNet-50 vs Llama decode');
    expect(m.scenario.built().name).toBe('ResNet-50 on H100');
    expect(wb.sweeps.filter((s) => s.scenario_id === 'resnet50')).toHaveLength(1);
    m.scenario.setInput('scenario.batch_size', 8);
    await m.session.flush();
    expect(batchOf(await stored().get(wb.id), 'resnet50')).toBe(8);
    await m.close();
  });
});

describe('share links', () => {
  it('opening a link makes a NEW workbook even when a workbook with the same id exists', async () => {
    const m = await started();
    const mine = m.session.workbook()!;
    m.scenario.setInput('scenario.batch_size', 64);
    await m.session.flush();
    const payload = await encodeWorkbook(m.session.workbook()!);
    m.scenario.setInput('scenario.batch_size', 2);
    await m.session.flush();
    await m.close();

    const b = await started({ hash: `#wb=${payload}` });
    const opened = b.session.workbook()!;
    expect(opened.id).not.toBe(mine.id);
    expect(opened.name).toBe('My workbook (shared)');
    expect(b.scenario.built().graph.value('scenario.batch_size')).toBe(64);
    expect(batchOf(await stored().get(mine.id))).toBe(2);
    expect(b.session.hash('#v=x')).not.toContain('wb=');
    await b.close();
  });

  it.each([
    ['a __proto__ key', async () => {
      const json = JSON.stringify({ schema_version: 1, id: 'x', name: 'x', created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z', scenarios: [], sweeps: [], notes: '' })
        .replace('"notes"', '"__proto__":{"polluted":true},"notes"');
      return encodeBase64url(await deflateRaw(new TextEncoder().encode(json)));
    }, /^Could not open the shared link: shared link: the workbook is refused: it contains the key '__proto__'/],
    ['an oversized payload', async () => 'A'.repeat(MAX_LINK_PAYLOAD_CHARS + 1), /the limit is 128 KiB/],
    ['garbage', async () => 'not*base64!', /not valid base64url/],
  ])('a link with %s is refused with a message; the last workbook opens as usual', async (_what, payload, message) => {
    const a = await started();
    const id = a.session.workbook()!.id;
    await a.close();
    const b = await started({ hash: `#wb=${await payload()}` });
    expect(b.session.messages().map((x) => x.text).join('\n')).toMatch(message);
    expect(b.session.workbook()!.id).toBe(id);
    expect((await stored().list()).workbooks).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await b.close();
  });
});

describe('failures leave everything else working', () => {
  it('a corrupt entry is reported; the other workbooks still open', async () => {
    const a = await started();
    const id = a.session.workbook()!.id;
    await a.close();
    await set('workbook:broken', '{not json', workbookIdbStore());
    const b = await started();
    expect(b.session.workbook()!.id).toBe(id);
    expect(b.session.messages()[0].text).toMatch(/1 stored workbook cannot be opened/);
    const list = await b.session.list();
    expect(list.broken.map((x) => x.key)).toEqual(['workbook:broken']);
    expect(await b.session.discardBroken('workbook:broken')).toBe(true);
    expect((await b.session.list()).broken).toEqual([]);
    await b.close();
  });

  it('a last-opened workbook that is corrupt: the session opens another one', async () => {
    await set('workbook:bad', { schema_version: 1, id: 'bad' }, workbookIdbStore());
    await set(LAST_OPENED_KEY, 'bad', workbookIdbStore());
    const m = await started();
    expect(m.session.workbook()!.name).toBe('My workbook');
    await m.close();
  });

  it('IndexedDB unavailable: a clear message, and the session works in memory', async () => {
    const backend: KeyValueBackend = {
      get: async () => Promise.reject(new Error('IndexedDB is not available in this browser')),
      set: async () => Promise.reject(new Error('IndexedDB is not available in this browser')),
      del: async () => Promise.reject(new Error('IndexedDB is not available in this browser')),
      keys: async () => Promise.reject(new Error('IndexedDB is not available in this browser')),
    };
    const m = await started({ backend });
    expect(m.session.saveState()).toBe('memory');
    expect(m.session.messages()[0].text).toMatch(/^storage is not available: .*IndexedDB is not available.*kept in this tab only/);
    m.scenario.setInput('scenario.batch_size', 8);
    const first = m.session.workbook()!.id;
    expect(await m.session.create()).toBe(true);
    expect(await m.session.open(first)).toBe(true);
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(8);
    expect(m.session.exportJson()!.text).toContain('"scenario.batch_size": 8');
    await m.close();
  });

  it('a full disk: the message says so and the last saved version stays', async () => {
    const disk = fillableBackend();
    const m = await started({ backend: disk.backend });
    const id = m.session.workbook()!.id;
    disk.full = true;
    m.scenario.setInput('scenario.batch_size', 8);
    await m.session.flush();
    expect(m.session.saveState()).toBe('failed');
    expect(m.session.messages().at(-1)!.text).toMatch(/^Could not save workbook 'My workbook': storage is full: .*the last saved version is kept/);
    expect(batchOf(await stored().get(id))).toBeUndefined();
    disk.full = false;
    m.scenario.setInput('scenario.batch_size', 16);
    await m.session.flush();
    expect(m.session.saveState()).toBe('saved');
    expect(batchOf(await stored().get(id))).toBe(16);
    await m.close();
  });

  it('an invalid import file is refused with the field named; a plan file becomes a new workbook', async () => {
    const m = await started();
    const id = m.session.workbook()!.id;
    expect(await m.session.importFile(fileOf('bad.json', '{"schema_version":1,"id":"x"}'))).toBe(false);
    expect(m.session.messages().at(-1)!.text).toMatch(/^Could not import bad\.json: bad\.json: the file is not a valid workbook: .*name/);
    expect(m.session.workbook()!.id).toBe(id);
    const plan = 'version: 1\nname: Plan A\nworkload: { name: Llama3_8B, batch_size: 4 }\nhardware: { name: H100 }\n';
    expect(await m.session.importFile(fileOf('a.mlsys.yaml', plan))).toBe(true);
    const huge = { name: 'huge.json', size: 600 * 1024, text: async () => { throw new Error('must not be read'); } };
    expect(await m.session.importFile(huge)).toBe(false);
    expect(m.session.messages().at(-1)!.text).toBe('Could not import huge.json: the file is too large (600 KiB; the limit is 512 KiB)');
    expect(m.session.workbook()!.name).toBe('Plan A');
    expect(m.scenario.built().graph.value('scenario.batch_size')).toBe(4);
    await m.close();
  });
});
