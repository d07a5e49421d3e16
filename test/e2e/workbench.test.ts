/**
 * The workbench in a real browser on the default workbook (Llama3_8B on one H100): choose
 * the scenario through the controls, change the batch size and check that exactly the cells
 * the library says change light up, walk the upstream cone of the latency, refuse an invalid
 * efficiency without breaking the rest, and keep the view over a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CellValue } from '../../src/graph/index.js';
import { buildScenario } from '../../src/scenario/index.js';
import { outputPath } from './helpers.js';
import { useBuiltPage } from './site.js';

const site = useBuiltPage();

const same = (a: CellValue, b: CellValue) => (a.ok && b.ok ? Object.is(a.value, b.value) : !a.ok && !b.ok && a.error.message === b.error.message);

/** What the library says: the cells whose value differs after batch 1 → 64, and the latency's upstream cone. */
function expected() {
  const built = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' });
  const g = built.graph;
  const before = g.snapshot();
  g.set('scenario.batch_size', 64);
  const after = g.snapshot();
  const down = new Set(g.topology.downstream('scenario.batch_size'));
  const changed = [...after.keys()].filter((id) => !same(before.get(id)!, after.get(id)!));
  expect(changed.every((id) => id === 'scenario.batch_size' || down.has(id))).toBe(true);
  return { changed: changed.sort(), upstream: [...g.topology.upstream('performance.latency')].sort() };
}

const cellsWith = (page: Page, cls: string) =>
  page.$$eval(`.cell-card.${cls}`, (els) => els.map((e) => e.getAttribute('data-cell') ?? '').sort());
const valueOf = (page: Page, id: string) => page.locator(`.cell-card[data-cell="${id}"] .cell-value`).textContent();

async function pick(page: Page, picker: string, id: string): Promise<void> {
  await page.locator(`[data-picker="${picker}"] input`).click();
  await page.locator(`[data-picker="${picker}"] input`).fill(id);
  await page.locator(`[data-picker="${picker}"] [data-option="${id}"]`).click();
}

async function type(page: Page, id: string, text: string): Promise<void> {
  const field = page.locator(`[data-key-input="${id}"] input`);
  await field.fill(text);
  await field.press('Enter');
}

describe('the workbench page', () => {
  it('traces a batch-size edit, the latency cone and a refused efficiency on Llama3_8B / H100', async () => {
    const want = expected();
    const page = site().browser.page;
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site().url);
    await expect.poll(() => valueOf(page, 'performance.latency')).toMatch(/\d/);

    await pick(page, 'model', 'Llama3_8B');
    await pick(page, 'hardware', 'H100');
    await expect.poll(() => page.locator('[data-scenario-name]').textContent()).toBe('Llama3_8B on H100');
    await page.screenshot({ path: outputPath('workbench-start.png') });

    await page.locator('[data-expand-all]').click();
    const before = { latency: await valueOf(page, 'performance.latency'), throughput: await valueOf(page, 'performance.throughput'), mfu: await valueOf(page, 'performance.mfu') };
    const point = page.locator('.operating-point').first();
    const pointBefore = [await point.getAttribute('data-x'), await point.getAttribute('data-y')];

    await type(page, 'scenario.batch_size', '64');
    await expect.poll(() => valueOf(page, 'performance.latency')).not.toBe(before.latency);
    expect(await valueOf(page, 'performance.throughput')).not.toBe(before.throughput);
    expect(await valueOf(page, 'performance.mfu')).not.toBe(before.mfu);
    expect(await cellsWith(page, 'lit')).toEqual(want.changed);
    const traced = await page.$$eval('.trace-list [data-link]', (els) => els.map((e) => e.getAttribute('data-link') ?? '').sort());
    expect(traced).toEqual(want.changed);
    expect([await point.getAttribute('data-x'), await point.getAttribute('data-y')]).not.toEqual(pointBefore);
    await page.waitForTimeout(800);
    await page.screenshot({ path: outputPath('workbench-batch-64.png') });

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await page.keyboard.type('performance.latency');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-inspecting]').getAttribute('data-inspecting')).toBe('performance.latency');
    expect(await cellsWith(page, 'selected')).toEqual(['performance.latency']);
    expect(await cellsWith(page, 'upstream')).toEqual(want.upstream);
    await page.screenshot({ path: outputPath('workbench-latency-cone.png') });

    await type(page, 'scenario.efficiency', '1.5');
    await expect.poll(() => page.locator('[data-key-input="scenario.efficiency"] .key-problem').textContent()).toContain('must be');
    const memory = await valueOf(page, 'feasibility.memory_used_gb');
    await type(page, 'scenario.batch_size', '32');
    await expect.poll(() => valueOf(page, 'feasibility.memory_used_gb')).not.toBe(memory);
    expect(await page.locator('.cell-card[data-cell="feasibility.memory_used_gb"]').getAttribute('class')).not.toContain('error');
    await page.screenshot({ path: outputPath('workbench-invalid-efficiency.png') });

    // The URL keeps the view: after a reload the edits and the selection are still there.
    await page.reload();
    await expect.poll(() => page.locator('[data-key-input="scenario.batch_size"] input').inputValue()).toBe('32 sequences');
    expect(await page.locator('[data-inspecting]').getAttribute('data-inspecting')).toBe('performance.latency');
    await page.keyboard.press('p');
    await page.waitForTimeout(300);
    await page.screenshot({ path: outputPath('workbench-presentation.png') });
    expect(errors).toEqual([]);
  });
});
