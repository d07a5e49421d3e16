/**
 * Honest heatmaps in a real browser (Llama3_8B on one H100, batch × context): the cells where
 * the design does not fit are hatched with an SVG pattern, at every size — rectangles on a small
 * grid, one path over the painted image on a grid too big for rectangles — and the legend says so.
 *
 * By hand (physics §2, catalogue Llama3_8B, H100 80 GB): weights 8.03e9 × 2 B = 16.06e9 B; KV per
 * token 2 × 32 × 8 × 128 × 2 B = 131 072 B; activations B × 16 × 4096 × 2 B = B × 131 072 B. The
 * design fits when 16.06e9 + 131 072·B·(x + 1) ≤ 80e9, i.e. B·(x + 1) ≤ 487 823.49:
 *   x = 1024: B ≤ 475 → 512 does not fit;    x = 2048: B ≤ 238 → 256, 512 do not;
 *   x = 4096: B ≤ 119 → 128, 256, 512;        x = 8192: B ≤ 59  → 64 … 512.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputPath } from './helpers.js';
import { useBuiltPage } from './site.js';

const site = useBuiltPage();
const fits = (b: number, x: number) => 16.06e9 + 131_072 * b * (x + 1) <= 80e9;

async function sweepBatchContext(page: Page, xPoints: number, yPoints: number): Promise<void> {
  const panel = page.locator('[data-testid="sweep-panel"]');
  await panel.locator('[data-field="x.start"]').fill('1');
  await panel.locator('[data-field="x.stop"]').fill('512');
  await panel.locator('[data-field="x.points"]').fill(String(xPoints));
  await panel.locator('[data-field="x.scale"]').selectOption('log');
  if (!(await panel.locator('[data-field="y.on"]').isChecked())) await panel.locator('[data-field="y.on"]').check();
  await panel.locator('[data-field="y.cell"]').selectOption('scenario.context_len');
  await panel.locator('[data-field="y.start"]').fill('1024');
  await panel.locator('[data-field="y.stop"]').fill('8192');
  await panel.locator('[data-field="y.points"]').fill(String(yPoints));
  await panel.locator('[data-field="y.scale"]').selectOption('log');
  await panel.locator('[data-run-sweep]').click();
  await expect.poll(() => panel.locator('.sweep-progress').getAttribute('data-status')).toBe('done');
}

describe('heatmaps hatch the cells that do not fit', () => {
  it('10 batches × 4 contexts: exactly the 10 cells that do not fit by hand are hatched; a grid past 4096 cells hatches its region over the image', async () => {
    const page = site().browser.page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site().url);
    await expect.poll(() => page.locator('[data-scenario-name]').textContent()).toBe('Llama3_8B on H100');
    await page.locator('.cell-card[data-cell="scenario.batch_size"] .cell-label').click({ button: 'right' });
    await page.locator('[data-cell-menu="scenario.batch_size"] [data-menu="sweep"]').click();
    const panel = page.locator('[data-testid="sweep-panel"]');
    await panel.waitFor();

    await sweepBatchContext(page, 10, 4);
    await expect.poll(() => panel.locator('.heat-cell').count()).toBe(40);
    const batches = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
    const contexts = [1024, 2048, 4096, 8192];
    const want = batches.flatMap((b, i) => contexts.flatMap((x, j) => (fits(b, x) ? [] : [`${i},${j}`]))).sort();
    expect(want).toEqual(['6,3', '7,2', '7,3', '8,1', '8,2', '8,3', '9,0', '9,1', '9,2', '9,3']);
    const hatched = await panel.locator('rect[data-infeasible]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-infeasible'), e.getAttribute('fill')] as const));
    expect(hatched.map(([ij]) => ij).sort()).toEqual(want);
    // Each is filled with the heatmap's hatch pattern, which the SVG defines.
    const fill = hatched[0][1]!;
    expect(fill).toMatch(/^url\(#.+\)$/);
    expect(hatched.every(([, f]) => f === fill)).toBe(true);
    expect(await panel.locator(`pattern${fill.slice(4, -1).replace(/:/g, '\\:')}`).count()).toBe(1);
    expect(await panel.locator('.heat-legend [data-legend="infeasible"]').textContent()).toBe('does not fit');
    await panel.locator('.sweep-chart').first().screenshot({ path: outputPath('heatmap-hatched-small.png') });

    // 100 × 100 log points (the batches rounded to whole numbers: fewer distinct) — past 4096 cells: one image.
    await sweepBatchContext(page, 100, 100);
    await expect.poll(() => panel.locator('[data-testid="sweep-heatmap"] image').count()).toBe(1);
    expect(await panel.locator('.heat-cell').count()).toBe(0);
    const region = panel.locator('[data-infeasible-region]');
    expect(await region.getAttribute('fill')).toMatch(/^url\(#.+\)$/);
    // The region counts exactly the cells the CSV marks feasible=false, and those are the ones the hand rule says.
    const [file] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-export="csv"]').first().click()]);
    const rows = (await readFile(await file.path(), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(4096);
    for (const r of rows) expect(r.at(-1), r.join(',')).toBe(String(fits(Number(r[0]), Number(r[1]))));
    const unfit = rows.filter((r) => r.at(-1) === 'false').length;
    expect(unfit).toBeGreaterThan(0);
    expect(Number(await region.getAttribute('data-infeasible-region'))).toBe(unfit);
    await panel.locator('.sweep-chart').first().screenshot({ path: outputPath('heatmap-hatched-large.png') });
    expect(errors).toEqual([]);
  });
});
