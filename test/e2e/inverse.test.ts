/**
 * Inverse solves in a real browser on the default workbook (Llama3_8B on one H100): "Longest
 * context that fits" answers what the CLI's `mlsysim seek … --vary context` answers (the compiled
 * dist/, spawned), the value derived by hand, without blocking the page; Apply is an edit the
 * trace shows, and Undo takes it back.
 *
 * By hand (physics §2, catalogue Llama3_8B, H100 80 GB, batch 1): weights 8.03e9 × 2 B =
 * 16.06e9 B; KV per token 2 × 32 layers × 8 KV heads × 128 × 2 B = 131 072 B; activations
 * 1 × 16 × 4096 × 2 B = 131 072 B. 16.06e9 + 131 072·x + 131 072 ≤ 80e9 → x ≤ 487 822.49.
 */
import { describe, expect, it } from 'vitest';
import { cliJson } from '../cli/helpers.js';
import { outputPath } from './helpers.js';
import { useBuiltPage } from './site.js';

const site = useBuiltPage();
const HAND = Math.floor((80e9 - 16.06e9 - 131_072) / 131_072);

describe('inverse solves in the workbench', () => {
  it('the longest context that fits on one H100 is the CLI\'s answer (487 822 tokens), found without freezing the page; Apply is traced and undoable', async () => {
    expect(HAND).toBe(487_822);
    const cli = await cliJson(['seek', 'Llama3_8B', 'H100', '--vary', 'context', '--output', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.json.solution).toBe(HAND);

    const page = site().browser.page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site().url);
    await page.waitForSelector('[data-headline-cell]');
    await expect.poll(() => page.locator('[data-scenario-name]').textContent()).toBe('Llama3_8B on H100');

    const panel = page.locator('[data-inverse-panel]');
    await panel.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await panel.locator('[data-inverse-ask="context"]').click();
    await expect.poll(() => panel.locator('[data-inverse-answer]').getAttribute('data-inverse-answer')).toBe(String(HAND));
    // Each scenario build is its own task: none blocks the page for long.
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest).toBeLessThan(250);
    expect(await panel.locator('[data-inverse-reason]').textContent()).toBe(`Binding: at 487,823 tokens: ${String((cli.json.next as { reason: string }).reason)}`);
    await panel.screenshot({ path: outputPath('inverse-context.png') });

    await panel.locator('[data-inverse-apply]').click();
    await expect.poll(() => page.locator('.trace-list [data-link="scenario.context_len"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.trace-list [data-link="memory.memory_footprint"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-key-input="scenario.context_len"] input').inputValue()).toMatch(/^487,?822\b/);
    await page.locator('[data-undo]').click();
    await expect.poll(() => page.locator('[data-key-input="scenario.context_len"] input').inputValue()).toMatch(/^2,?048\b/);
    expect(errors).toEqual([]);
  });
});
