import 'fake-indexeddb/auto';
import { set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_WORKBOOK_JSON_BYTES, WorkbookStore, workbookIdbStore,
} from '../../src/persist/index.js';
import { fillableBackend, fixtureText, freshIndexedDb, refusal, sampleWorkbook } from './helpers.js';

let clock = Date.parse('2025-06-01T00:00:00Z');
const now = (): Date => new Date((clock += 1000));

beforeEach(() => {
  freshIndexedDb();
});

describe('WorkbookStore CRUD', () => {
  it('create(name) stores an empty workbook that list() and get() return', async () => {
    const store = new WorkbookStore({ now });
    const wb = await store.create('  First  ');
    expect(wb.name).toBe('First');
    expect(wb.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.get(wb.id)).toEqual(wb);
    const { workbooks, broken } = await store.list();
    expect(workbooks).toEqual([{ id: wb.id, name: 'First', updated: wb.updated, scenarios: 0 }]);
    expect(broken).toEqual([]);
  });

  it('list() is sorted newest first; get() of an unknown id is undefined', async () => {
    const store = new WorkbookStore({ now });
    const a = await store.create('A');
    const b = await store.create('B');
    expect((await store.list()).workbooks.map((w) => w.id)).toEqual([b.id, a.id]);
    expect(await store.get('nope')).toBeUndefined();
    expect((await refusal(() => store.rename('nope', 'x'))).code).toBe('not_found');
  });

  it('save() stamps updated and replaces the entry with the same id', async () => {
    const store = new WorkbookStore({ now });
    const saved = await store.save(sampleWorkbook());
    expect(Date.parse(saved.updated)).toBeGreaterThan(Date.parse(saved.created));
    await store.save({ ...saved, notes: 'edited' });
    expect((await store.get('wb-1'))?.notes).toBe('edited');
    expect((await store.list()).workbooks).toHaveLength(1);
  });

  it('rename() keeps names with HTML or script as plain text; empty names are refused', async () => {
    const store = new WorkbookStore({ now });
    const wb = await store.create('x');
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quotes"';
    await store.rename(wb.id, hostile);
    expect((await store.get(wb.id))?.name).toBe(hostile);
    expect((await refusal(() => store.rename(wb.id, '   '))).message).toMatch(/cannot be empty/);
    expect((await refusal(() => store.rename(wb.id, 'x'.repeat(201)))).message).toMatch(/at most 200 characters/);
  });

  it('duplicate() makes a copy with a new id and a "(copy)" name', async () => {
    const store = new WorkbookStore({ now });
    const original = await store.save(sampleWorkbook());
    const copy = await store.duplicate(original.id);
    const copy2 = await store.duplicate(original.id);
    expect(copy.id).not.toBe(original.id);
    expect([copy.name, copy2.name]).toEqual(['Sample (copy)', 'Sample (copy 2)']);
    expect(copy.scenarios).toEqual(original.scenarios);
    expect(await store.get(original.id)).toEqual(original);
  });

  it('remove() deletes the workbook and forgets it as last opened', async () => {
    const store = new WorkbookStore({ now });
    const a = await store.create('A');
    const b = await store.create('B');
    await store.setLastOpened(a.id);
    expect(await store.lastOpenedId()).toBe(a.id);
    await store.remove(a.id);
    expect(await store.get(a.id)).toBeUndefined();
    expect(await store.lastOpenedId()).toBeUndefined();
    expect((await store.list()).workbooks.map((w) => w.id)).toEqual([b.id]);
    await store.remove(a.id);
  });

  it('ids come from crypto.randomUUID, or an injected source', async () => {
    let n = 0;
    const store = new WorkbookStore({ now, newId: () => `id-${++n}` });
    expect((await store.create('A')).id).toBe('id-1');
  });
});

describe('WorkbookStore with damaged or hostile entries', () => {
  it('a corrupt entry does not stop the others from opening, and is listed in broken', async () => {
    const store = new WorkbookStore({ now });
    const good = await store.save(sampleWorkbook());
    const raw = workbookIdbStore();
    await set('workbook:garbage', 'definitely not a workbook', raw);
    await set('workbook:half', { schema_version: 1, id: 'half', name: 'Half' }, raw);
    await set('workbook:evil', JSON.parse('{"schema_version":1,"__proto__":{"polluted":true}}'), raw);
    await set('workbook:future', { ...sampleWorkbook({ id: 'future' }), schema_version: 3 }, raw);
    await set('stray', 42, raw);

    const { workbooks, broken } = await store.list();
    expect(workbooks.map((w) => w.id)).toEqual([good.id]);
    const reasons = Object.fromEntries(broken.map((b) => [b.key, b.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['stray', 'workbook:evil', 'workbook:future', 'workbook:garbage', 'workbook:half']);
    expect(reasons['workbook:garbage']).toMatch(/not a workbook/);
    expect(reasons['workbook:half']).toMatch(/created is required/);
    expect(reasons['workbook:evil']).toMatch(/'__proto__'/);
    expect(reasons['workbook:future']).toMatch(/newer version \(3\)/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const e = await refusal(() => store.get('garbage'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/stored workbook 'garbage'/);
    expect(await store.get(good.id)).toEqual(good);

    await store.discardBroken('workbook:garbage');
    expect((await store.list()).broken.map((b) => b.key)).not.toContain('workbook:garbage');
  });

  it('a stored version-0 workbook opens migrated', async () => {
    await set('workbook:0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b', JSON.parse(fixtureText('workbooks/v0.json')), workbookIdbStore());
    const store = new WorkbookStore({ now });
    const wb = await store.get('0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(wb?.schema_version).toBe(1);
    expect(wb?.scenarios.map((s) => s.name)).toEqual(['Baseline', 'Big']);
  });

  it('an entry whose id differs from its key is broken', async () => {
    await set('workbook:a', sampleWorkbook({ id: 'b' }), workbookIdbStore());
    const { broken } = await new WorkbookStore().list();
    expect(broken[0].reason).toMatch(/contains workbook 'b'/);
  });
});

describe('WorkbookStore refusals', () => {
  it("save() of an invalid workbook is refused and writes nothing", async () => {
    const store = new WorkbookStore({ now });
    const bad = { ...sampleWorkbook(), active_scenario_id: 'missing' };
    const e = await refusal(() => store.save(bad));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/active_scenario_id must name a scenario of this workbook/);
    expect(await store.get('wb-1')).toBeUndefined();
  });

  it(`save() refuses a workbook over ${MAX_WORKBOOK_JSON_BYTES / 1024} KiB of JSON, stating the limit`, async () => {
    const store = new WorkbookStore({ now });
    const e = await refusal(() => store.save(sampleWorkbook({ notes: 'x'.repeat(MAX_WORKBOOK_JSON_BYTES) })));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/the limit is 512 KiB/);
  });

  it('a quota error becomes PersistError quota and the previous version stays intact', async () => {
    const disk = fillableBackend();
    const store = new WorkbookStore({ backend: disk.backend, now });
    const first = await store.save(sampleWorkbook({ notes: 'v1' }));
    disk.full = true;
    const e = await refusal(() => store.save({ ...first, notes: 'v2' }));
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/^storage is full: could not save workbook 'Sample'/);
    expect((await store.get(first.id))?.notes).toBe('v1');
  });

  it('a browser without IndexedDB gives PersistError unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const e = await refusal(() => new WorkbookStore().list());
      expect(e.code).toBe('unavailable');
      expect(e.message).toMatch(/storage is not available: .*IndexedDB is not available/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
