/**
 * The workbench in a real browser: the built page shows the roofline example, and editing
 * the memory bandwidth changes the latency on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, buildPage, launchBrowser, outputPath, serveStatic, type StaticServer } from './helpers.js';

let server: StaticServer | undefined;
let browser: BrowserSession | undefined;

beforeAll(async () => {
  server = await serveStatic(await buildPage());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the workbench page', () => {
  it('editing the memory bandwidth changes the latency', async () => {
    const page = browser!.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server!.url);

    const latency = page.locator('[data-cell="compute.latency"] .cell-value');
    await expect.poll(() => latency.textContent()).toBe('5.106 ms');

    const bandwidth = page.locator('[data-cell="hardware.memory_bandwidth"] input');
    await bandwidth.fill('2 TB/s');
    await bandwidth.press('Enter');

    // 16 GB / 2 TB/s = 8 ms, plus 0.33 ms of overhead.
    await expect.poll(() => latency.textContent()).toBe('8.33 ms');
    await expect.poll(() => page.locator('[data-cell="compute.latency"]').getAttribute('class')).toContain('lit');
    // Let the ripple reach the last cells before the picture is taken.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: outputPath('roofline.png') });
    expect(errors).toEqual([]);
  });
});
