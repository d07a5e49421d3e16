import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  decodeWorkbook, encodeBase64url, encodeWorkbook, MAX_LINK_PAYLOAD_CHARS, PersistError, WorkbookStore,
} from '../../src/persist/index.js';
import { deflateRaw } from '../../src/persist/compression.js';
import { workbookSchema } from '../../src/scenario/index.js';
import { workbookArb } from './arbitraries.js';
import { freshIndexedDb, refusal, sampleWorkbook } from './helpers.js';

/** Any text as a link payload, skipping the workbook checks of encodeWorkbook. */
async function payloadOf(text: string): Promise<string> {
  return encodeBase64url(await deflateRaw(new TextEncoder().encode(text)));
}

const validJson = (extra: Record<string, unknown>): string => JSON.stringify({ ...sampleWorkbook(), ...extra });

describe('share link round trip', () => {
  it('the arbitrary only makes schema-valid workbooks', () => {
    fc.assert(fc.property(workbookArb, (wb) => {
      const r = workbookSchema.safeParse(wb);
      if (!r.success) throw new Error(JSON.stringify(r.error.issues.slice(0, 2)));
    }), { numRuns: 200 });
  });

  it('decodeWorkbook(encodeWorkbook(w)) deep-equals w for random workbooks (HTML, script, unicode names)', async () => {
    await fc.assert(fc.asyncProperty(workbookArb, async (wb) => {
      const payload = await encodeWorkbook(wb);
      expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(await decodeWorkbook(payload)).toEqual(wb);
    }), { numRuns: 60 });
  });
});

describe('hostile and broken links are refused with a clear message', () => {
  it.each([
    ['__proto__', validJson({}).replace('"overrides":{', '"overrides":{"__proto__":{"polluted":true},')],
    ['constructor', validJson({ constructor: { prototype: { polluted: true } } })],
    ['prototype', validJson({}).replace('"model":', '"x":{"prototype":1},"model":')],
  ])('a link with a %s key', async (key, json) => {
    const e = await refusal(async () => decodeWorkbook(await payloadOf(json)));
    expect(e.code).toBe('hostile');
    expect(e.message).toMatch(new RegExp(`^shared link: the workbook is refused: it contains the key '${key}'`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`a payload over ${MAX_LINK_PAYLOAD_CHARS / 1024} KiB, stating the limit`, async () => {
    const e = await refusal(() => decodeWorkbook('A'.repeat(MAX_LINK_PAYLOAD_CHARS + 1)));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/the limit is 128 KiB/);
  });

  it('a small payload that inflates past 512 KiB (a deflate bomb)', async () => {
    const payload = await payloadOf(' '.repeat(2 * 1024 * 1024));
    expect(payload.length).toBeLessThan(10_000);
    const e = await refusal(() => decodeWorkbook(payload));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/expands to more than 512 KiB/);
  });

  it('encodeWorkbook() refuses a workbook too large for a link and suggests a file', async () => {
    // Incompressible notes: random base64url text of ~200 KiB (under the 512 KiB JSON limit).
    const bytes = new Uint8Array(150 * 1024).map((_, i) => (i * 2654435761) >>> 24 ^ (i * 40503) & 0xff);
    const e = await refusal(() => encodeWorkbook(sampleWorkbook({ notes: encodeBase64url(bytes) })));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/too large for a share link .*the limit is 128 KiB.*\.json file/);
  });

  it('text that is not base64url', async () => {
    const e = await refusal(() => decodeWorkbook('not*base64!'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toBe('shared link: the data is not valid base64url (character "*" at position 4)');
  });

  it('valid base64url that is not deflate data', async () => {
    const e = await refusal(() => decodeWorkbook(encodeBase64url(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 1, 2, 3]))));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/^shared link: the data is not compressed workbook data/);
  });

  it('a cut-off link', async () => {
    const full = await encodeWorkbook(sampleWorkbook());
    const e = await refusal(() => decodeWorkbook(full.slice(0, Math.floor(full.length / 2))));
    expect(['corrupt']).toContain(e.code);
    expect(e.message).toMatch(/^shared link: /);
  });

  it('deflate data that is not JSON, and an empty payload', async () => {
    expect((await refusal(async () => decodeWorkbook(await payloadOf('hello')))).message).toMatch(/is not valid JSON/);
    expect((await refusal(() => decodeWorkbook(''))).message).toMatch(/carries no workbook/);
  });

  it('valid JSON that breaks the schema names the field', async () => {
    const e = await refusal(async () => decodeWorkbook(await payloadOf(validJson({ scenarios: [{ id: 'a', name: 'x', scenario: { model: 'Llama3_8B' } }] }))));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/^shared link: the workbook is not a valid workbook: scenarios\[0\]\.scenario\.hardware is required/);
  });

  it('a workbook from a newer app', async () => {
    const e = await refusal(async () => decodeWorkbook(await payloadOf(validJson({ schema_version: 3 }))));
    expect(e.code).toBe('newer_version');
    expect(e.message).toMatch(/saved by a newer version \(3\); this app reads up to 1/);
  });
});

describe('a shared workbook is stored as a new one (WorkbookStore.add, as the page opens a link)', () => {
  beforeEach(() => {
    freshIndexedDb();
  });

  const open = async (payload: string, store: WorkbookStore) => store.add(await decodeWorkbook(payload), 'shared');

  it('always creates a NEW workbook and never overwrites, even one with the same id and name', async () => {
    const store = new WorkbookStore();
    const mine = await store.save(sampleWorkbook({ notes: 'mine' }));
    const payload = await encodeWorkbook({ ...sampleWorkbook(), notes: 'theirs' });

    const first = await open(payload, store);
    const second = await open(payload, store);
    expect(first.id).not.toBe(mine.id);
    expect(second.id).not.toBe(first.id);
    expect([first.name, second.name]).toEqual(['Sample (shared)', 'Sample (shared 2)']);
    expect(first.notes).toBe('theirs');
    expect(await store.get(mine.id)).toEqual(mine);
    expect((await store.list()).workbooks).toHaveLength(3);
  });

  it('keeps the name when it is free; a bad link stores nothing', async () => {
    const store = new WorkbookStore();
    const imported = await open(await encodeWorkbook(sampleWorkbook({ name: 'Fresh' })), store);
    expect(imported.name).toBe('Fresh');
    await expect(open('%%%', store)).rejects.toBeInstanceOf(PersistError);
    expect((await store.list()).workbooks).toHaveLength(1);
  });
});
