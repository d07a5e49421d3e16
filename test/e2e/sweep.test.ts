/**
 * "Sweep any cell" in a real browser on the default workbook (Llama3_8B on one H100): open
 * the cell menu on the batch size, sweep it 1…512 on a log scale with 10 points, and check
 * the chart's points against the CLI (`mlsysim sweep … -o json`, the compiled dist/) — the
 * independent path. The CSV export must equal `mlsysim sweep … -o csv` byte for byte; the
 * SVG and PNG exports of the sweep chart and of the roofline must be real files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { outputPath } from './helpers.js';
import { runSweep, sweepPanelFor } from './sweep-panel.js';
import { useBuiltPage } from './site.js';

const site = useBuiltPage();

const AXIS = 'scenario.batch_size=1:512:10:log';
const METRICS = ['performance.latency', 'performance.throughput'];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface CliSweep {
  readonly axes: readonly { readonly cell: string; readonly values: readonly number[] }[];
  readonly rows: readonly Record<string, number>[];
}

async function cliSweep(format: 'json' | 'csv'): Promise<string> {
  const r = await cli(['sweep', 'Llama3_8B', 'H100', '--axis', AXIS, ...METRICS.flatMap((m) => ['--metric', m]), '-o', format]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** Clicks an export button and returns the downloaded file. */
async function download(page: Page, scope: string, kind: 'csv' | 'svg' | 'png'): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${scope} [data-export="${kind}"]`).first().click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

const pointsOf = (page: Page, series: string) =>
  page.$$eval(`.sweep-series[data-series="${series}"] .sweep-point`, (els) => els.map((e) => [Number(e.getAttribute('data-x')), Number(e.getAttribute('data-y'))]));

describe('sweep any cell', () => {
  it('sweeps the batch size 1…512 (log, 10 points) and matches the CLI point for point, CSV byte for byte', async () => {
    const [json, csv] = await Promise.all([cliSweep('json'), cliSweep('csv')]);
    const want = JSON.parse(json) as CliSweep;
    expect(want.axes[0].values).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);

    const page = site().browser.page;
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site().url);
    await expect.poll(() => page.locator('.cell-card[data-cell="performance.latency"] .cell-value').textContent()).toMatch(/\d/);
    await expect.poll(() => page.locator('[data-scenario-name]').textContent()).toBe('Llama3_8B on H100');

    // Right-click the batch-size card → "Sweep this…".
    const panel = await sweepPanelFor(page, 'scenario.batch_size', { start: 1, stop: 512, points: 10, scale: 'log' });
    expect(await panel.locator('[data-output]').evaluateAll((els) => els.map((e) => e.getAttribute('data-output')))).toEqual(METRICS);
    await runSweep(panel);
    expect(await panel.locator('.sweep-progress').getAttribute('data-progress')).toBe('1');

    for (const m of METRICS) {
      const pts = await pointsOf(page, m);
      expect(pts).toHaveLength(10);
      expect(pts).toEqual(want.rows.map((r) => [r['scenario.batch_size'], r[m]]));
    }
    // The current batch size (1) is marked; the right axis carries the throughput's unit.
    expect(await panel.locator('.sweep-current').getAttribute('data-current')).toBe('1');
    expect(await panel.locator('[data-axis="right"]').getAttribute('data-unit')).toBe('1/s');
    await panel.locator('[data-testid="sweep-line-chart"]').hover({ position: { x: 400, y: 150 } });
    await expect.poll(() => panel.locator('.sweep-readout .readout-y').count()).toBe(2);
    await panel.locator('.sweep-chart').first().screenshot({ path: outputPath('sweep-chart.png') });
    await page.screenshot({ path: outputPath('sweep-page.png') });

    const csvFile = await download(page, '[data-testid="sweep-panel"]', 'csv');
    expect(csvFile.file.suggestedFilename()).toBe('Llama3_8B_on_H100_sweep_scenario.batch_size.csv');
    expect(csvFile.bytes.toString('utf8')).toBe(csv);

    const svgFile = await download(page, '[data-testid="sweep-panel"]', 'svg');
    const svg = svgFile.bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    expect(svg.match(/<circle /g)).toHaveLength(20);
    const png = await download(page, '[data-testid="sweep-panel"]', 'png');
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(png.bytes.length).toBeGreaterThan(5000);
    await writeFile(outputPath('sweep-export.png'), png.bytes);

    // The roofline exports too (the drawer covers the left panel: close it first).
    await page.locator('[data-close-sweeps]').click();
    const roofPng = await download(page, '[data-testid="roofline"]', 'png');
    expect([...roofPng.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    await writeFile(outputPath('roofline-export.png'), roofPng.bytes);
    const roofSvg = await download(page, '[data-testid="roofline"]', 'svg');
    expect(roofSvg.bytes.toString('utf8')).toContain('Roofline: attainable FLOP/s');

    // The graph still holds batch 1 after the sweep.
    expect(await page.locator('.cell-card[data-cell="scenario.batch_size"] input').inputValue()).toBe('1 sequences');
    expect(errors).toEqual([]);
  });

  it('a second input gives a heatmap; a long sweep shows progress and can be cancelled', async () => {
    const page = site().browser.page;
    await page.locator('[data-open-sweeps]').click();
    const panel = page.locator('[data-testid="sweep-panel"]');
    await panel.locator('[data-field="y.on"]').check();
    await panel.locator('[data-field="y.cell"]').selectOption('scenario.context_len');
    await panel.locator('[data-field="y.start"]').fill('1024');
    await panel.locator('[data-field="y.stop"]').fill('8192');
    await panel.locator('[data-field="y.points"]').fill('4');
    await panel.locator('[data-field="y.scale"]').selectOption('log');
    await panel.locator('[data-run-sweep]').click();
    await expect.poll(() => panel.locator('.heat-cell').count()).toBe(40);
    await panel.locator('.sweep-chart').first().screenshot({ path: outputPath('sweep-heatmap.png') });

    // 5000 × 100 points × 2 outputs: long enough to watch, cancelled part-way.
    await panel.locator('[data-field="x.stop"]').fill('5000');
    await panel.locator('[data-field="x.points"]').fill('5000');
    await panel.locator('[data-field="x.scale"]').selectOption('linear');
    await panel.locator('[data-field="y.points"]').fill('100');
    await panel.locator('[data-field="y.scale"]').selectOption('linear');
    // Record main-thread tasks over 50 ms (the Long Tasks API) while the sweep runs.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await panel.locator('[data-run-sweep]').click();
    await expect.poll(async () => Number(await panel.locator('.sweep-progress').getAttribute('data-progress'))).toBeGreaterThan(0.05);
    // The page answers while the sweep runs: no task blocks it for long.
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest).toBeLessThan(200);
    // …and the observer does see a long task (a deliberate 120 ms busy loop in a timer task).
    await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 120;
        while (performance.now() < end);
      }, 0);
    });
    await expect.poll(() => page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks))).toBeGreaterThanOrEqual(120);
    await panel.locator('[data-cancel-sweep]').click();
    await expect.poll(() => panel.locator('.sweep-progress').getAttribute('data-status')).toBe('cancelled');
    expect(Number(await panel.locator('.sweep-progress').getAttribute('data-progress'))).toBeLessThan(1);
    expect(await page.locator('.cell-card[data-cell="scenario.batch_size"] input').inputValue()).toBe('1 sequences');
  });
});
