/**
 * The built page (dist-web, here the folder global-setup.ts builds) from a plain static server
 * (node:http, helpers.ts): after one visit its service worker controls it; with the network off
 * and the server stopped, a reload still opens the page with its autosaved workbook, an edit
 * recomputes the scorecard (the library's numbers), Export report works and the panels that load
 * on first use (calibrate, compare) open. A new deploy shows
 * "A new version is available — Reload", and Reload brings the new build in.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluate } from '../../src/scenario/index.js';
import { type BrowserSession, launchBrowser, outputPath, serveStatic, type StaticServer } from './helpers.js';
import { builtSite } from './site.js';

const batchField = (page: Page) => page.locator('[data-key-input="scenario.batch_size"] input');
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
const pill = (page: Page) => page.locator('[data-offline-state]');
const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

async function setBatch(page: Page, text: string): Promise<void> {
  await batchField(page).fill(text);
  await batchField(page).press('Enter');
}

/** The raw value behind the scorecard's throughput (its title is "performance.throughput = <value> <unit>"). */
async function throughput(page: Page): Promise<number> {
  const title = await page.locator('.metric-button[data-cell="performance.throughput"]').getAttribute('title');
  return Number(/= (\S+)/.exec(title ?? '')?.[1]);
}

/** Library value: Llama3_8B on one H100 (the default workbook) at batch size `b`. */
const libraryThroughput = (b: number) =>
  evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': b } }).card.performance.metrics.throughput.value;

let server: StaticServer | undefined;
let browser: BrowserSession | undefined;
let folder: string | undefined;
afterEach(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  [server, browser, folder] = [undefined, undefined, undefined];
});

describe('the built page offline', () => {
  it('after one visit: network off and server gone, a reload opens the page with its workbook, an edit recomputes, Export report works', async () => {
    server = await serveStatic(builtSite());
    browser = await launchBrowser();
    const { page, context } = browser;
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(server.url);
    await expect.poll(() => controlled(page), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => pill(page).getAttribute('data-offline-state')).toBe('ready');
    expect(await pill(page).textContent()).toBe('Available offline');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    await setBatch(page, '16');
    await expect.poll(() => saveState(page)).toBe('saved');

    await context.setOffline(true);
    await server.close();
    server = undefined;
    // Nothing answers any more: a file the precache does not hold cannot be fetched.
    expect(await page.evaluate(() => fetch(`/not-precached-${Date.now()}.txt`).then(() => 'answered', () => 'failed'))).toBe('failed');

    await page.reload();
    await expect.poll(() => batchField(page).inputValue()).toBe('16 sequences');
    await expect.poll(() => pill(page).getAttribute('data-offline-state')).toBe('offline');
    expect(await pill(page).textContent()).toBe('Offline · this copy works without a network');
    expect(await throughput(page)).toBe(libraryThroughput(16));

    await setBatch(page, '64');
    await expect.poll(() => throughput(page)).toBe(libraryThroughput(64));
    // Memory-bound decode (physics.md §3.1, η_bw = 1): a step reads 8.03e9 × 2 B of weights plus
    // 2,048 tokens × 32 layers × 2,048 elements × 2 B = 268.4 MB of KV cache per sequence, at 3.35 TB/s,
    // plus T_ov = 10 µs + 32 × 10 µs: T(16) = 6.406 ms, T(64) = 10.25 ms, so 4 × 6.406 / 10.25 = 2.50× the tokens/s.
    expect(libraryThroughput(64)! / libraryThroughput(16)!).toBeCloseTo(2.5, 1);
    await expect.poll(() => saveState(page)).toBe('saved');

    // The report's renderer is a chunk loaded on demand: the precache has it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-report]').click()]);
    expect(download.suggestedFilename()).toBe('Llama3_8B_on_H100_report.html');
    const report = await readFile(await download.path(), 'utf8');
    expect(report).toContain('<h1 data-scenario-name>Llama3_8B on H100</h1>');
    expect(report).toMatch(/<td><code>scenario\.batch_size<\/code><\/td><td>64 sequences<\/td>/);
    expect(report.match(/<tr data-wall="/g)).toHaveLength(22);
    // The panels that load on first use are chunks too (docs/performance.md §7c): the precache has them.
    await page.locator('.metric-button[data-cell="performance.throughput"]').click();
    await page.locator('[data-calibrate="performance.throughput"] [data-calibrate-input]').waitFor();
    await page.locator('[data-compare]').first().click();
    await page.locator('[data-dialog="compare"] [data-compare]').waitFor();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: outputPath('offline-reloaded.png') });
    expect(errors).toEqual([]);
  });

  it('a new deploy: "A new version is available — Reload"; Reload brings the new build in', async () => {
    folder = mkdtempSync(join(tmpdir(), 'mlsysim-deploy-'));
    cpSync(builtSite(), folder, { recursive: true });
    server = await serveStatic(folder);
    browser = await launchBrowser();
    const { page } = browser;
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await expect.poll(() => controlled(page), { timeout: 20_000 }).toBe(true);
    // A later visit: the page is controlled when it registers, as a returning user's is.
    await page.reload();
    await expect.poll(() => pill(page).getAttribute('data-offline-state')).toBe('ready');
    expect(await page.locator('[data-update-prompt]').count()).toBe(0);

    // Deploy build 2: a changed index.html, and the service worker's precache list with its new
    // revision (what `npm run build` writes when a file changes).
    const html = readFileSync(join(folder, 'index.html'), 'utf8').replace('</head>', '<meta name="build" content="2"></head>');
    writeFileSync(join(folder, 'index.html'), html);
    const sw = readFileSync(join(folder, 'sw.js'), 'utf8');
    const revised = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, `$1${createHash('md5').update(html).digest('hex')}"`);
    expect(revised).not.toBe(sw);
    writeFileSync(join(folder, 'sw.js'), revised);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.locator('[data-update-prompt]');
    await expect.poll(() => prompt.count()).toBe(1);
    expect(await prompt.textContent()).toBe('A new version is available —ReloadLater');
    await page.screenshot({ path: outputPath('offline-update-prompt.png') });
    await Promise.all([page.waitForEvent('load'), page.locator('[data-update-reload]').click()]);
    await expect.poll(() => page.locator('meta[name="build"]').count()).toBe(1);
    await expect.poll(() => pill(page).getAttribute('data-offline-state')).toBe('ready');
    expect(await prompt.count()).toBe(0);
  });
});
