/**
 * Consistency, browser leg: for the ten scenarios of test/consistency/library-cli.test.ts
 * (edge, mobile, single GPU, 1K- and 8K-GPU training, serving), the workbench page opened with
 * the scenario in its URL (src/ui/store/url-state.ts) shows exactly the library's values —
 * every cell of the graph (the card's `data-value`, full precision) and every scorecard metric
 * (the raw value in the metric's title) — compared as exact numbers, not formatted text.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluate, flatResult, type Scenario } from '../../src/scenario/index.js';
import type { ScenarioDesc } from '../../src/ui/store/scenario-desc.js';
import { encodeViewState } from '../../src/ui/store/url-state.js';
import { useBuiltPage } from './site.js';

interface Case {
  /** What the library evaluates (the same document as the library–CLI test). */
  readonly scenario: Scenario;
  /** The same scenario as the workbench's URL state. */
  readonly desc: ScenarioDesc;
}

const io = (model: string, hardware: string, rest: Partial<ScenarioDesc> = {}): Case => ({
  scenario: {
    model, hardware,
    ...(rest.system ? { system: rest.system } : {}),
    ...(rest.mode ? { mode: rest.mode } : {}),
    ...(rest.opsDays !== undefined ? { ops: { duration_days: rest.opsDays } } : {}),
    ...(rest.overrides && Object.keys(rest.overrides).length ? { overrides: rest.overrides } : {}),
  } as Scenario,
  desc: { model, hardware, overrides: {}, ...rest },
});

const CASES: Record<string, Case> = {
  'edge: ResNet50 on Jetson AGX Orin': io('ResNet50', 'JetsonAGXOrin'),
  'edge: MobileNetV2 on Coral': io('MobileNetV2', 'Coral'),
  'mobile: Llama3_8B on iPhone 15 Pro': io('Llama3_8B', 'iPhone15Pro'),
  'mobile: MobileNetV2 on Pixel 8': io('MobileNetV2', 'Pixel8'),
  'single GPU: Llama3_8B on H100': io('Llama3_8B', 'H100'),
  'single GPU: Llama3_70B on H200, batch 16': io('Llama3_70B', 'H200', { overrides: { 'scenario.batch_size': 16 } }),
  '1K-GPU training: Llama3_70B on Training_1K': io('Llama3_70B', 'H100', { system: 'Training_1K', mode: 'training', opsDays: 14 }),
  '8K-GPU training: Llama3_70B on Frontier_8K': io('Llama3_70B', 'H100', { system: 'Frontier_8K', mode: 'training', opsDays: 30 }),
  'serving: Llama3_8B on H100': io('Llama3_8B', 'H100', { mode: 'serving' }),
  // The library–CLI test writes this fleet as a map ({ node_count: 1, accelerators_per_node: 8 }),
  // which the URL cannot carry; DGX_H100 is that node from the catalogue (checked below).
  'serving: Llama3_70B on 8 × H100 (DGX_H100)': io('Llama3_70B', 'H100', { system: 'DGX_H100', mode: 'serving' }),
};

const site = useBuiltPage();

interface Shown {
  /** Cell id → data-value (absent for an error cell). */
  readonly cells: Record<string, string | null>;
  /** Metric cell id → the raw value in its title ("performance.latency = 12.5 ms"), or the error. */
  readonly metrics: Record<string, string>;
  readonly name: string;
}

/** Opens the page on the scenario, opens every graph group, and reads what it shows. */
async function show(page: Page, desc: ScenarioDesc, cellCount: number): Promise<Shown> {
  await page.goto('about:blank');
  await page.goto(site().url + encodeViewState({ desc }));
  await page.locator('[data-expand-all]').click();
  // Expanding every group of a 1K-GPU training graph draws ~600 cards: allow for a loaded machine.
  await expect.poll(() => page.locator('.cell-card[data-cell]').count(), { timeout: 20_000 }).toBe(cellCount);
  return page.evaluate(() => ({
    cells: Object.fromEntries([...document.querySelectorAll('.cell-card[data-cell]')]
      .map((e) => [e.getAttribute('data-cell') ?? '', e.getAttribute('data-value')])),
    metrics: Object.fromEntries([...document.querySelectorAll('.scorecard .metric-button[data-cell]')]
      .map((e) => [e.getAttribute('data-cell') ?? '', e.getAttribute('title') ?? ''])),
    name: document.querySelector('[data-scenario-name]')?.textContent ?? '',
  }));
}

describe('library and browser report identical values', () => {
  it('the 8 × H100 fleet map of the CLI test and the DGX_H100 node give the same values', () => {
    const map = flatResult(evaluate({ model: 'Llama3_70B', hardware: 'H100', system: { node_count: 1, accelerators_per_node: 8 }, mode: 'serving' }));
    const node = flatResult(evaluate(CASES['serving: Llama3_70B on 8 × H100 (DGX_H100)'].scenario));
    expect({ ...node, scenario: '' }).toEqual({ ...map, scenario: '' });
  });

  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const lib = evaluate(c.scenario);
    const graph = lib.built.graph;
    const ids = graph.topology.ids;
    const page = site().browser.page;
    const errors: string[] = [];
    const onError = (e: Error) => errors.push(e.message);
    page.on('pageerror', onError);
    const got = await show(page, c.desc, ids.length);
    page.off('pageerror', onError);
    expect(got.name).toBe(lib.scenario);

    // Every cell: the card's full-precision value is the library's, bit for bit.
    expect(Object.keys(got.cells).sort()).toEqual([...ids].sort());
    const mismatched = ids.filter((id) => {
      const v = graph.get(id);
      return got.cells[id] !== (v.ok ? String(v.value) : null);
    });
    expect(mismatched).toEqual([]);

    // Every scorecard metric: the raw value in the title is the library's scorecard value.
    const metrics = [lib.card.feasibility, lib.card.performance, lib.card.macro].flatMap((lens) =>
      Object.values(lens.metrics).map((m) => [`${lens.name}.${m.key}`, m] as const));
    expect(Object.keys(got.metrics).sort()).toEqual(metrics.map(([id]) => id).sort());
    for (const [id, m] of metrics) {
      const raw = /^\S+ = (\S+) /.exec(got.metrics[id])?.[1];
      if (m.value === undefined) expect(got.metrics[id], id).toContain(m.error ?? 'error');
      else if (m.value === null) expect(raw, id).toBe('∞');
      else expect(Number(raw), id).toBe(m.value);
    }
    expect(errors).toEqual([]);
  }, 30_000);
});
