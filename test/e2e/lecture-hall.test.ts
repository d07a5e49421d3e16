/**
 * The workbench in a lecture hall, in real Chromium: the page fits 1024 × 768, 1280 × 720 and
 * 1920 × 1080 without scrolling sideways (Undo, Redo, Present, the headline, the inspector and
 * the trace on screen, in presentation mode too); a region switch and its undo are traced; a
 * link naming an unknown model says so and keeps later edits; the keyboard keeps its place;
 * axe-core finds no serious or critical violation on the main views.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, outputPath, REPO_ROOT, serveStatic, type StaticServer } from './helpers.js';
import { builtSite } from './site.js';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

let server: StaticServer | undefined;
beforeAll(async () => {
  server = await serveStatic(builtSite());
});
afterAll(async () => {
  await server?.close();
});

/** A fresh browser (empty storage) at `viewport`, the page opened at `hash`; closed after `run`. */
async function withPage(viewport: { width: number; height: number }, hash: string, run: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchBrowser(viewport);
  const page = browser.page;
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(server!.url + hash);
    await page.waitForSelector('[data-headline-cell]');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).not.toBe('starting');
    await run(page);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}

/** Whether the element is drawn entirely inside the window. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
  });
}

const overflow = (page: Page) => page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, width: innerWidth }));

async function pick(page: Page, picker: string, id: string): Promise<void> {
  const field = page.locator(`[data-picker="${picker}"] input`);
  await field.click();
  await field.fill(id);
  await field.press('Enter');
}

describe('layout that fits', () => {
  for (const size of SIZES) {
    it(`${size.width} × ${size.height}: no sideways scrolling; Undo, Redo, Present, the headline, the inspector and the trace on screen, in presentation mode too`, async () => {
      await withPage(size, '', async (page) => {
        for (const mode of ['normal', 'presentation']) {
          if (mode === 'presentation') await page.locator('[data-presentation]').click();
          await page.waitForTimeout(300);
          const o = await overflow(page);
          expect(o.scroll, `${mode}: page width`).toBeLessThanOrEqual(o.width);
          for (const s of ['[data-undo]', '[data-redo]', '[data-presentation]', '[data-headline]', '[data-headline-cell="performance.latency"]', '.inspector', '.trace']) {
            expect(await onScreen(page, s), `${mode}: ${s}`).toBe(true);
          }
          await page.screenshot({ path: outputPath(`fit-${size.width}x${size.height}-${mode}.png`) });
        }
        // The sweep drawer and the compare dialog fit too.
        await page.locator('[data-open-sweeps]').click();
        await page.waitForSelector('.sweep-drawer:not(.sweep-loading)');
        let o = await overflow(page);
        expect(o.scroll, 'sweep drawer: page width').toBeLessThanOrEqual(o.width);
        await page.locator('.sweep-close').click();
        await page.locator('[data-compare]').click();
        await page.waitForSelector('[data-dialog="compare"] div[data-compare]'); // the view, loaded on first use
        o = await overflow(page);
        expect(o.scroll, 'compare: page width').toBeLessThanOrEqual(o.width);
        await page.keyboard.press('Escape');
      });
    });
  }
});

describe('every change is traced', () => {
  it('a region switch US_Avg → Quebec lights the grid cells old → new; Undo traces it back; the picker keeps the focus', async () => {
    await withPage({ width: 1280, height: 720 }, '', async (page) => {
      await pick(page, 'region', 'Quebec');
      await expect.poll(() => page.locator('[data-trace-cause]').textContent()).toBe('Grid region: US_Avg → Quebec');
      // The catalogue's grids: US_Avg 366 g/kWh (U.S. EIA), Quebec 20 g/kWh (Hydro-Québec).
      const row = page.locator('.trace-list [data-link="infra.carbon_intensity"]');
      expect(await row.textContent()).toContain('366 g/kWh → 20 g/kWh');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pick-region');
      await page.screenshot({ path: outputPath('trace-region-quebec.png') });

      await page.locator('[data-undo]').click();
      await expect.poll(() => page.locator('[data-trace-cause]').textContent()).toBe('Undo: Grid region: Quebec → US_Avg');
      expect(await row.textContent()).toContain('20 g/kWh → 366 g/kWh');
      // The highlight stays until the next change.
      await page.waitForTimeout(1500);
      expect(await page.locator('.trace-list li').count()).toBeGreaterThan(0);

      // Step through the change: step 0 is where it entered (the grid's own cells).
      await page.locator('[data-trace-step]').click();
      expect(await page.locator('[data-replay-step]').getAttribute('data-replay-step')).toBe('0');
      expect(await page.locator('.trace-list [data-link="infra.carbon_intensity"]').count()).toBe(1);
    });
  });

  it('Enter in the cell search selects the cell and keeps the focus in the field', async () => {
    await withPage({ width: 1280, height: 720 }, '', async (page) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('/');
      await page.keyboard.type('performance.latency');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-inspecting]').getAttribute('data-inspecting')).toBe('performance.latency');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-search');
    });
  });
});

describe('a link naming an unknown model', () => {
  it('says which field and id, with suggestions, opens the rest of the link, and keeps later edits', async () => {
    const link = '#v=' + encodeURIComponent(JSON.stringify({ m: 'Llama3_8X', h: 'A100' }));
    await withPage({ width: 1280, height: 720 }, link, async (page) => {
      const notice = await page.locator('.notices').textContent();
      expect(notice).toContain("model: Unknown model 'Llama3_8X'. Did you mean Llama3_8B");
      expect(await page.locator('[data-scenario-name]').textContent()).toBe('Llama3_8B on A100');
      await expect.poll(() => page.locator('[data-open-workbook]').textContent()).not.toBe('Opening…');
      const field = page.locator('[data-key-input="scenario.batch_size"] input');
      await field.fill('8');
      await field.press('Enter');
      await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
      await page.reload();
      await page.waitForSelector('[data-headline-cell]');
      await expect.poll(() => page.locator('[data-key-input="scenario.batch_size"] input').inputValue()).toBe('8 sequences');
      expect(await page.locator('[data-scenario-name]').textContent()).toBe('Llama3_8B on A100');
    });
  });
});

describe('accessibility (axe-core)', () => {
  const axeSource = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

  /** Serious and critical violations on the page as it is: rule id, impact and the first elements. */
  async function axe(page: Page): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await run.run(document, { resultTypes: ['violations'] });
      // The wall tiles are named by their visible text (number, status, name, headline): no aria-label to disagree with it.
      const named = [...document.querySelectorAll('.wall-tile[aria-label]')].map((t) => ({ id: 'wall-tile-aria-label', impact: 'serious', nodes: [{ target: [t.getAttribute('data-wall') ?? ''] }] }));
      return [...r.violations, ...named]
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
  }

  it('finds no serious or critical violation: default workbook, sweep panel, workbooks dialog, compare, presentation mode', async () => {
    const found: Record<string, string[]> = {};
    const check = async (page: Page, view: string) => {
      const v = await axe(page);
      if (v.length) found[view] = v;
    };
    // At 1920 × 1080 every panel is shown at once (below 1400 px the left panel is tabs: each tab in turn).
    await withPage({ width: 1280, height: 720 }, '', async (page) => {
      for (const tab of ['scenario', 'scorecard', 'walls', 'roofline']) {
        await page.locator(`[data-panel-tab="${tab}"]`).click();
        await check(page, `default workbook at 1280 × 720, ${tab} tab`);
      }
    });
    await withPage({ width: 1920, height: 1080 }, '', async (page) => {
      await check(page, 'default workbook');

      await page.locator('[data-open-sweeps]').click();
      await page.waitForSelector('.sweep-drawer:not(.sweep-loading)');
      await check(page, 'sweep panel');
      await page.locator('.sweep-close').click();

      await page.locator('[data-open-workbooks]').click();
      await page.waitForSelector('[data-dialog="workbooks"]');
      await check(page, 'workbooks dialog');
      await page.keyboard.press('Escape');
      // Closing the dialog gives the focus back to the button that opened it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-open-workbooks'))).toBe(true);

      await page.locator('[data-compare]').click();
      await page.waitForSelector('[data-dialog="compare"] div[data-compare]'); // the view, loaded on first use
      await check(page, 'compare');
      await page.keyboard.press('Escape');

      await page.locator('[data-presentation]').click();
      await page.waitForTimeout(300);
      await check(page, 'presentation mode');
    });
    expect(found).toEqual({});
  });
});
