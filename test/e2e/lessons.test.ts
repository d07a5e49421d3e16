/**
 * The workbench as a lecturer uses it, in real Chromium at 1280 × 720 (a common projector):
 * predict-then-reveal on the story view, a sweep that marks the points that do not fit, a
 * derived cell pinned from the inspector, and each lesson opening in presentation mode at its
 * first step (screenshots in test-output/e2e/lesson-*.png for review).
 *
 * Expected values are derived by hand (see each test) or computed by the library from the same
 * source as the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listExamples, exampleWorkbook } from '../../src/persist/index.js';
import { buildScenario } from '../../src/scenario/index.js';
import { outputPath, REPO_ROOT } from './helpers.js';
import { runSweep, sweepPanelFor } from './sweep-panel.js';
import { useBuiltPage } from './site.js';

const site = useBuiltPage();

/** A link to a view: the scenario description (compact keys of src/ui/store/url-state.ts), presentation mode, a selection. */
const view = (state: Record<string, unknown>) => `#v=${encodeURIComponent(JSON.stringify(state))}`;

async function open(page: Page, hash = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  page.setDefaultTimeout(15_000);
  // A fresh document each time (a new hash alone would not reload the page).
  await page.goto('about:blank');
  await page.goto(`${site().url}${hash}`);
  await page.locator('[data-scenario-name]').waitFor();
  return errors;
}

const close = (got: number, want: number) => expect(Math.abs(got / want - 1)).toBeLessThan(1e-12);

describe('predict, then reveal', () => {
  it('hides the new values of a change, takes a guess and reveals value, guess and error factor', async () => {
    const page = site().browser.page;
    const errors = await open(page, view({ m: 'Llama3_8B', h: 'H100', mode: 'inference', p: 1 }));
    const story = page.locator('[data-story-view]');
    await story.waitFor();
    // The story's type is readable from the back row: at least 24 px.
    const px = await story.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(24);

    await page.locator('[data-predict-target]').selectOption('performance.latency');
    await page.locator('[data-predict-start]').click();
    await page.locator('[data-knob="double"]').click();
    // Batch 1 → 2 is shown (the cause), the new latency is not, in the story or the headline.
    await expect.poll(() => page.locator('[data-story-row="scenario.batch_size"] .story-new').textContent()).toBe('2 sequences');
    expect(await page.locator('[data-story-new="performance.latency"]').textContent()).toBe('?');
    expect(await page.locator('.headline-figures .headline-value').first().evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    await page.screenshot({ path: outputPath('predict-hidden.png') });

    await page.locator('[data-predict-guess]').fill('6');
    await page.locator('[data-predict-reveal]').click();
    const result = page.locator('[data-predict-result]');
    await result.waitFor();
    const actual = Number(await result.getAttribute('data-actual'));
    const guess = Number(await result.getAttribute('data-guess'));
    const factor = Number(await result.getAttribute('data-factor'));
    // The value is the library's latency at batch 2 (ms: the §11.2 display unit of the metric cell).
    const lib = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference', overrides: { 'scenario.batch_size': 2 } });
    expect(actual).toBe(lib.graph.value('performance.latency'));
    expect(guess).toBe(6);
    expect(factor).toBe(6 / actual);
    expect(await result.locator('[data-predict-factor]').textContent()).toBe(`×${Number((6 / actual).toPrecision(3))}`);
    expect(await page.locator('[data-story-new="performance.latency"]').textContent()).not.toBe('?');
    expect(await page.locator('.headline-figures .headline-value').first().evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await page.screenshot({ path: outputPath('predict-revealed.png') });
    expect(errors).toEqual([]);
  });
});

describe('a sweep marks the points that do not fit', () => {
  /*
   * Llama3_70B at int4 on one H100 (80 GB): weights 70.6e9 × 0.5 B = 35.3 GB, KV 671 MB per
   * 2048-token sequence (80 layers × 8 KV heads × 256 × 2 B × 2048). Batch 64: 35.3 + 42.9 =
   * 78.2 GB fits; batch 128: 35.3 + 85.9 = 121.2 GB does not. Of 1, 2, 4 … 512: 128, 256, 512.
   */
  it('a batch sweep of Llama3_70B int4 on H100 draws batches 128, 256 and 512 hollow, with a legend entry', async () => {
    const page = site().browser.page;
    const errors = await open(page, view({ m: 'Llama3_70B', h: 'H100', mode: 'inference', o: { 'scenario.precision': 'int4' } }));
    const panel = await sweepPanelFor(page, 'scenario.batch_size', { start: 1, stop: 512, points: 10, scale: 'log' });
    await runSweep(panel);
    const hollow = await panel.locator('.sweep-series[data-series="performance.latency"] .sweep-point.infeasible').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-x'))));
    expect(hollow).toEqual([128, 256, 512]);
    expect(await panel.locator('[data-legend="infeasible"]').first().textContent()).toBe('Does not fit in device memory'); // the lens reason in words (scenario/metric-labels.ts)
    expect(await panel.locator('p[data-infeasible]').textContent()).toMatch(/^3 of 10 points do not fit/);
    await panel.locator('.sweep-chart').first().screenshot({ path: outputPath('sweep-infeasible.png') });
    expect(errors).toEqual([]);
  });
});

describe('a pinned cell', () => {
  /*
   * Llama3_8B fp16 on one H100, decode at batch 1, η_bw set to 1: Q = 8.03e9 × 2 + 2048 × 131 072 =
   * 16 328 435 456 B; T_ov = 10 µs + 32 × 10 µs; T_c ≈ 35 µs < T_m. With the effective bandwidth
   * pinned to 2 TB/s: latency = Q / 2e12 + 330 µs = 8.494217728 ms.
   */
  it('pinned from the inspector to 2 TB/s, the latency downstream follows: 8.494 ms', async () => {
    const page = site().browser.page;
    const bw = 'memory.effective_bandwidth';
    const errors = await open(page, view({ m: 'Llama3_8B', h: 'H100', mode: 'inference', o: { 'scenario.bandwidth_efficiency': 1 }, sel: bw }));
    const inspector = page.locator(`[data-inspecting="${bw}"]`);
    await inspector.locator(`[data-pin="${bw}"]`).click();
    await page.locator(`[data-inspecting="${bw}"] [data-pinned="${bw}"]`).waitFor();
    const field = page.locator(`[data-inspecting="${bw}"] [data-input="${bw}"]`);
    await field.fill('2 TB/s');
    await field.press('Enter');
    await expect.poll(async () => Number(await page.locator('.cell-card[data-cell="performance.latency"]').getAttribute('data-value'))).toBeCloseTo(8.494217728, 9);
    close(Number(await page.locator('.cell-card[data-cell="performance.latency"]').getAttribute('data-value')), 8.494217728);
    expect(await page.locator(`[data-inspecting="${bw}"] .message.warning`).textContent()).toMatch(/^pinned to 2000000000000: its formula/);
    await page.screenshot({ path: outputPath('pinned-cell.png') });
    // Unpinned, the formula is back: 16 328 435 456 / 3.35e12 + 330 µs = 5.204159837611940 ms.
    await page.locator(`[data-inspecting="${bw}"] [data-unpin="${bw}"]`).click();
    await expect.poll(async () => Number(await page.locator('.cell-card[data-cell="performance.latency"]').getAttribute('data-value'))).toBeCloseTo(5.20415983761194, 9);
    expect(errors).toEqual([]);
  });
});

describe('lessons', () => {
  const lessons = listExamples().filter((e) => e.kind === 'lesson');

  it('there are four: roofline and batching, the memory wall, fleet scaling, carbon by region', () => {
    expect(lessons.map((l) => l.id)).toEqual(['lesson.roofline-batching', 'lesson.memory-wall', 'lesson.fleet-scaling', 'lesson.carbon-region']);
  });

  it.each(lessons.map((l) => [l.id]))('%s opens in presentation mode at its first step', async (id) => {
    const page = site().browser.page;
    const errors = await open(page);
    await page.locator('[data-open-workbooks]').click();
    await page.locator('[data-example-select]').selectOption(id);
    await page.locator('[data-open-example]').click();
    const strip = page.locator('[data-lesson-step="1"]');
    await strip.waitFor();
    const first = exampleWorkbook(id).lesson!.steps[0];
    expect(await strip.locator('[data-lesson-title]').textContent()).toBe(first.title);
    expect(await page.locator('[data-presentation]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-story-view]').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: outputPath(`lesson-${id.replace('lesson.', '')}.png`) });
    expect(errors).toEqual([]);
  });

  it('the next step applies its change with the new values hidden until the guess is revealed', async () => {
    const page = site().browser.page;
    await open(page);
    await page.locator('[data-open-workbooks]').click();
    await page.locator('[data-example-select]').selectOption('lesson.roofline-batching');
    await page.locator('[data-open-example]').click();
    await page.locator('[data-lesson-step="1"]').waitFor();
    await page.locator('[data-lesson-next]').click();
    await page.locator('[data-lesson-step="2"]').waitFor();
    // Step 2 sets batch 8 and asks for the latency first.
    await expect.poll(() => page.locator('[data-story-row="scenario.batch_size"] .story-new').textContent()).toBe('8 sequences');
    expect(await page.locator('[data-story-new="performance.latency"]').textContent()).toBe('?');
    await page.locator('[data-predict-guess]').fill('10');
    await page.locator('[data-predict-reveal]').click();
    const lib = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference', overrides: { 'scenario.batch_size': 8 } });
    expect(Number(await page.locator('[data-predict-result]').getAttribute('data-actual'))).toBe(lib.graph.value('performance.latency'));
    await page.screenshot({ path: outputPath('lesson-roofline-batching-step2.png') });
  });
});

describe('accessibility of the lecture views (axe-core)', () => {
  const axeSource = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  async function serious(page: Page): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
  }

  it('a lesson step, a prediction hidden and revealed, and a math peek have no serious or critical violation', async () => {
    const page = site().browser.page;
    await open(page);
    const found: Record<string, string[]> = {};
    const check = async (what: string) => {
      const v = await serious(page);
      if (v.length) found[what] = v;
    };
    await page.locator('[data-open-workbooks]').click();
    await page.locator('[data-example-select]').selectOption('lesson.memory-wall');
    await page.locator('[data-open-example]').click();
    await page.locator('[data-lesson-step="1"]').waitFor();
    await check('lesson step 1');
    await page.locator('[data-lesson-next]').click();
    await page.locator('[data-predict-guess]').waitFor();
    await check('prediction hidden');
    await page.locator('[data-predict-guess]').fill('100');
    await page.locator('[data-predict-reveal]').click();
    await page.locator('[data-predict-result]').waitFor();
    await check('prediction revealed');
    await page.locator('[data-story-metrics] .story-new').first().hover();
    await page.locator('[data-math-peek]').waitFor();
    await page.screenshot({ path: outputPath('math-peek.png') });
    await check('math peek');
    expect(found).toEqual({});
  });
});
