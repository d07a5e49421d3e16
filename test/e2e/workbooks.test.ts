/**
 * Workbooks in a real browser: an edit survives a reload (from the URL and from IndexedDB), a
 * workbook exported as .json and imported again is the same document, a share link opened in
 * a fresh browser profile shows the same scorecard, a corrupt IndexedDB entry is listed as
 * broken while the others still open, and a scenario exported as an mlsysim plan and imported
 * again shows the same scorecard, the YAML reader loading only then (not with the page).
 *
 * Import deliberately assigns a new id and new created/updated timestamps (it never replaces a
 * workbook), and a name suffixed " (imported)" when the name is taken; the round trip compares
 * everything else.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launchBrowser, outputPath } from './helpers.js';
import { builtSite, useBuiltPage } from './site.js';

const site = useBuiltPage();

const batchField = (page: Page) => page.locator('[data-key-input="scenario.batch_size"] input');
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
const workbookName = (page: Page) => page.locator('[data-open-workbook]').textContent();

async function setBatch(page: Page, text: string): Promise<void> {
  await batchField(page).fill(text);
  await batchField(page).press('Enter');
}

/** Every scorecard metric: cell id → the text shown. */
async function scorecard(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('[data-testid="scorecard"] [data-cell]', (els) =>
    els.map((e) => [e.getAttribute('data-cell') ?? '', e.querySelector('.metric-value')?.textContent ?? ''] as const));
  return Object.fromEntries(pairs);
}

/** Exports the open workbook through the page (a real download) and returns the file's JSON. */
async function exportOpenWorkbook(page: Page): Promise<{ name: string; doc: Record<string, unknown> }> {
  await page.locator('[data-open-workbook]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-json]').click()]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  await page.locator('[data-dialog="workbook"] [data-close]').click();
  return { name: download.suggestedFilename(), doc: JSON.parse(text) as Record<string, unknown> };
}

const withoutIdentity = ({ id: _id, name: _name, created: _c, updated: _u, ...rest }: Record<string, unknown>) => rest;

describe('workbooks in the browser', () => {
  it('an edit is autosaved: a reload and a fresh visit without the URL state both show it', async () => {
    const page = site().browser.page;
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site().url);
    await expect.poll(() => workbookName(page)).toBe('My workbook');
    await setBatch(page, '64');
    await expect.poll(() => saveState(page)).toBe('saved');
    expect(page.url()).toMatch(/#v=.*&w=[0-9a-f-]{36}&s=scenario-1$/);

    await page.reload();
    await expect.poll(() => batchField(page).inputValue()).toBe('64 sequences');
    // Without the hash, the last opened workbook comes from IndexedDB.
    await page.goto(site().url);
    await expect.poll(() => workbookName(page)).toBe('My workbook');
    await expect.poll(() => batchField(page).inputValue()).toBe('64 sequences');
    await page.screenshot({ path: outputPath('workbooks-reloaded.png') });
    expect(errors).toEqual([]);
  });

  it('export .json, then import it: the same workbook document (new id, name and timestamps)', async () => {
    const page = site().browser.page;
    await page.locator('[data-open-workbook]').click();
    await page.locator('[data-notes]').fill('Decode is memory-bound <b>even</b> at batch 64.');
    await page.locator('[data-add-scenario]').click();
    await page.locator('[data-dialog="workbook"] [data-close]').click();
    await setBatch(page, '8');
    await expect.poll(() => saveState(page)).toBe('saved');
    const exported = await exportOpenWorkbook(page);
    expect(exported.name).toBe('My_workbook.json');
    expect((exported.doc.scenarios as unknown[]).length).toBe(2);

    await page.locator('[data-open-workbooks]').click();
    await page.locator('[data-import-file]').setInputFiles({
      name: exported.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported.doc, null, 2)),
    });
    await expect.poll(() => workbookName(page)).toBe('My workbook (imported)');
    await expect.poll(() => saveState(page)).toBe('saved');
    const again = await exportOpenWorkbook(page);
    expect(again.doc.id).not.toBe(exported.doc.id);
    expect(withoutIdentity(again.doc)).toEqual(withoutIdentity(exported.doc));
    expect(await batchField(page).inputValue()).toBe('8 sequences');
    await page.screenshot({ path: outputPath('workbooks-imported.png') });
  });

  it('a share link opened in a fresh browser profile shows the same scorecard', async () => {
    const page = site().browser.page;
    await setBatch(page, '32');
    await expect.poll(() => saveState(page)).toBe('saved');
    const want = await scorecard(page);
    await page.locator('[data-compare]').click();
    await expect.poll(() => page.locator('[data-compare-table="scorecard"] [data-compare-row="performance.latency"] [data-relative]').textContent()).toMatch(/%$/);
    await page.screenshot({ path: outputPath('workbooks-compare.png') });
    await page.locator('[data-dialog="compare"] [data-close]').click();
    await page.locator('[data-open-workbook]').click();
    await page.screenshot({ path: outputPath('workbooks-panel.png') });
    await page.locator('[data-dialog="workbook"] [data-close]').click();
    expect(want['performance.latency']).toMatch(/ms$/);
    await page.locator('[data-share]').click();
    const link = await page.locator('[data-share-link]').inputValue();
    expect(link.startsWith(`${site().url}#wb=`)).toBe(true);
    await page.screenshot({ path: outputPath('workbooks-share.png') });
    await page.locator('[data-dialog="share"] [data-close]').click();

    const fresh = await launchBrowser();
    try {
      const other = fresh.page;
      other.setDefaultTimeout(10_000);
      await other.goto(link);
      await expect.poll(() => workbookName(other)).toBe('My workbook (imported)');
      await expect.poll(() => batchField(other).inputValue()).toBe('32 sequences');
      expect(await scorecard(other)).toEqual(want);
      await expect.poll(() => other.url()).not.toContain('wb=');
      await expect.poll(() => saveState(other)).toBe('saved');
      await other.screenshot({ path: outputPath('workbooks-shared-fresh-profile.png') });
    } finally {
      await fresh.close();
    }
  });

  it('a corrupt IndexedDB entry is listed as broken with a message; the other workbooks still open', async () => {
    const page = site().browser.page;
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('mlsysim');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('workbooks', 'readwrite');
        tx.objectStore('workbooks').put('\u0000garbage{', 'workbook:corrupt-1');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.goto(site().url);
    await expect.poll(() => page.locator('[data-session-messages]').textContent()).toContain('1 stored workbook cannot be opened');
    await page.locator('[data-open-workbooks]').click();
    const broken = page.locator('[data-broken="workbook:corrupt-1"] [data-broken-reason]');
    await expect.poll(() => broken.textContent()).toMatch(/stored workbook 'corrupt-1'.*other workbooks are not affected/);
    expect(await page.locator('[data-workbooks] [data-workbook]').count()).toBe(2);
    await page.screenshot({ path: outputPath('workbooks-broken-entry.png') });
    await page.locator('[data-workbooks] [data-workbook]:not(.current) [data-open]').click();
    await expect.poll(() => workbookName(page)).toBe('My workbook');
    // Its active scenario is the copy added before the export, at batch 8.
    await expect.poll(() => batchField(page).inputValue()).toBe('8 sequences');
  });

  it('plan .yaml export, then import: the same scorecard; the YAML reader is not part of the first load', async () => {
    const page = site().browser.page;
    const errors: string[] = [];
    const scripts: string[] = [];
    const onError = (e: Error) => errors.push(e.message);
    const onRequest = (r: Request) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    };
    page.on('pageerror', onError);
    page.on('request', onRequest);
    // A text only the yaml package holds (its duplicate-key error).
    const hasYaml = async (path: string) => (await readFile(join(builtSite(), path), 'utf8')).includes('Map keys must be unique');
    try {
      await page.goto(site().url);
      await expect.poll(() => workbookName(page)).toBe('My workbook');
      await setBatch(page, '16');
      await expect.poll(() => saveState(page)).toBe('saved');
      const want = await scorecard(page);
      const firstLoad = [...scripts];
      expect(firstLoad.length).toBeGreaterThan(0);
      for (const path of firstLoad) expect(await hasYaml(path)).toBe(false);

      await page.locator('[data-open-workbook]').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-scenario].current [data-export-plan]').click(),
      ]);
      const text = await readFile(await download.path(), 'utf8');
      await page.locator('[data-dialog="workbook"] [data-close]').click();
      expect(download.suggestedFilename()).toMatch(/\.mlsys\.yaml$/);
      // The default scenario (Llama3_8B on one H100) at the batch set above, in mlsys.yaml's keys.
      expect(text).toMatch(/^workload:\n {2}name: Llama3_8B\n {2}batch_size: 16$/m);
      expect(text).toMatch(/^hardware:\n {2}name: H100$/m);
      const onDemand = scripts.slice(firstLoad.length);
      expect((await Promise.all(onDemand.map(hasYaml))).some(Boolean)).toBe(true);

      await page.locator('[data-open-workbooks]').click();
      await page.locator('[data-import-file]').setInputFiles({
        name: download.suggestedFilename(), mimeType: 'application/yaml', buffer: Buffer.from(text),
      });
      await expect.poll(() => workbookName(page)).not.toBe('My workbook');
      await expect.poll(() => batchField(page).inputValue()).toBe('16 sequences');
      expect(await scorecard(page)).toEqual(want);
      await page.screenshot({ path: outputPath('workbooks-plan-imported.png') });
      expect(errors).toEqual([]);
    } finally {
      page.off('pageerror', onError);
      page.off('request', onRequest);
    }
  });
});
