/**
 * Same-run A/B of edit-to-paint (docs/performance.md §7a): two builds of the page, served side
 * by side and driven alternately in one Chromium, round after round, at each window size, so
 * that the machine's load (shared, noisy) falls on both alike. Each round opens each page in a
 * fresh context, waits for it to settle, and times the batch-size drag of bench/browser.ts.
 *
 *   node --import tsx bench/browser-ab.ts SITE_A SITE_B [--rounds=5] [--edits=100] [--sizes=1280x720,1920x1080]
 *
 * SITE_A / SITE_B are `vite build` output directories (e.g. one built from `git archive` of the
 * commit before a change). Prints, per size and page, the pooled p50 / p95 of edit-to-paint and
 * of the script alone, the empty-frame baseline, and the load average before and after.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveStatic, type StaticServer } from '../test/e2e/helpers.js';
import { dragInPage, type EditTimings, markTime, settle } from './browser-page.js';
import { fmtMs, percentile } from './util.js';

const NAME_SHIM = 'globalThis.__name = (f) => f;';
const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sites = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (sites.length < 2) {
  console.error('usage: bench/browser-ab.ts SITE_A SITE_B [--rounds=5] [--edits=100] [--sizes=1280x720,1920x1080]');
  process.exit(1);
}
const rounds = Number(arg('rounds', '5'));
const edits = Number(arg('edits', '100'));
const sizes = arg('sizes', '1280x720,1920x1080')
  .split(',')
  .map((s) => {
    const [width, height] = s.split('x').map(Number);
    return { width, height };
  });
const WARMUP = 10;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

async function drag(browser: Awaited<ReturnType<typeof chromium.launch>>, server: StaticServer, viewport: { width: number; height: number }): Promise<EditTimings> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(NAME_SHIM);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(markTime, 'mlsysim:first-render');
    await page.evaluate(settle, [500, 10_000] as const);
    const values = Array.from({ length: edits + WARMUP }, (_, i) => i + 2);
    return await page.evaluate(dragInPage, {
      field: '[data-key-input="scenario.batch_size"] input',
      // The headline's throughput: on screen at every size (the scorecard is a tab below 1400 px).
      probe: '[data-headline-cell="performance.throughput"] .headline-value',
      values,
      warmup: WARMUP,
      emptyFrames: 30,
    });
  } finally {
    await context.close();
  }
}

const servers = await Promise.all(sites.map((s) => serveStatic(s)));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
console.log(`load average before: ${load()} (1, 5, 15 min)`);
const pooled = sizes.map(() => sites.map(() => ({ paint: [] as number[], script: [] as number[], empty: [] as number[], late: 0 })));
try {
  for (let r = 0; r < rounds; r++) {
    for (const [si, size] of sizes.entries()) {
      // Alternate which page goes first, so neither always runs on a warmer (or busier) machine.
      const order = sites.map((_, i) => i);
      if (r % 2) order.reverse();
      for (const i of order) {
        const t = await drag(browser, servers[i], size);
        const p = pooled[si][i];
        p.paint.push(...t.editToPaint);
        p.script.push(...t.script);
        p.empty.push(...t.emptyFrame);
        p.late += t.late;
        console.log(`  round ${r + 1} ${size.width}×${size.height} ${sites[i]}: p50 ${fmtMs(percentile(t.editToPaint, 0.5))}, p95 ${fmtMs(percentile(t.editToPaint, 0.95))}`);
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
console.log(`load average after: ${load()}`);
for (const [si, size] of sizes.entries()) {
  console.log(`\n${size.width}×${size.height}, ${rounds} rounds × ${edits} edits pooled:`);
  for (const [i, site] of sites.entries()) {
    const p = pooled[si][i];
    console.log(
      `  ${site}: edit-to-paint p50 ${fmtMs(percentile(p.paint, 0.5))}, p95 ${fmtMs(percentile(p.paint, 0.95))}; script p50 ${fmtMs(percentile(p.script, 0.5))}, p95 ${fmtMs(percentile(p.script, 0.95))}; empty frame p50 ${fmtMs(percentile(p.empty, 0.5))}, p95 ${fmtMs(percentile(p.empty, 0.95))}; late ${p.late}`,
    );
  }
}
