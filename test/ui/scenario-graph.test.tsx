import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/index.js';
import { DETAIL_SCALE, ScenarioGraph, searchCells } from '../../src/ui/components/graph/index.js';
import { displayValue } from '../../src/ui/format/display.js';
import { groupCells } from '../../src/ui/layout/index.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

let s: ScenarioStore;
beforeEach(() => {
  s = createScenarioStore({ highlightMs: 60_000 });
});
afterEach(() => {
  cleanup();
  s.dispose();
});

const mount = () => render(() => <ScenarioGraph store={s.workbench()} view={s.view} evaluation={s.evaluation} />).container;
const cards = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.cell-card')].map((c) => c.dataset.cell!);
const all = () => s.built().graph.topology.ids;

describe('ScenarioGraph with the full scenario', () => {
  it('groups every cell by layer × scope; closed groups show a summary instead of cards', () => {
    const root = mount();
    const groups = groupCells(s.built().graph.topology);
    expect(all().length).toBeGreaterThan(400);
    expect(root.querySelectorAll('.group-frame')).toHaveLength(groups.length);
    const shown = cards(root);
    expect(shown.length).toBeGreaterThan(30);
    expect(shown.length).toBeLessThan(120);
    expect(shown).toContain('scenario.batch_size');
    expect(shown).toContain('performance.latency');
    const serving = root.querySelector('[data-group="E:serving"]')!;
    expect(serving.classList.contains('collapsed')).toBe(true);
    expect(serving.querySelector('.group-summary')!.textContent).toMatch(/^\d+ cells/);
  });

  it('opens and closes groups one at a time or all at once', () => {
    const root = mount();
    fireEvent.click(root.querySelector('[data-group="E:serving"] .group-toggle')!);
    expect(cards(root)).toContain('serving.ttft');
    fireEvent.click(root.querySelector('[data-expand-all]')!);
    expect(cards(root).sort()).toEqual([...all()].sort());
    fireEvent.click(root.querySelector('[data-collapse-all]')!);
    expect(cards(root)).toEqual([]);
  });

  it('draws edges only between shown cards', () => {
    const root = mount();
    const shown = new Set(cards(root));
    const edges = [...root.querySelectorAll('path.edge')].map((p) => p.getAttribute('data-edge')!.split('->'));
    expect(edges.length).toBeGreaterThan(10);
    for (const [from, to] of edges) expect(shown.has(from) && shown.has(to)).toBe(true);
  });

  it('filters by wall or scope', () => {
    const root = mount();
    const select = root.querySelector<HTMLSelectElement>('[data-filter]')!;
    select.value = 'w1';
    fireEvent.change(select);
    const wall1 = all().filter((id) => s.built().graph.def(id).wall === 1 && id.startsWith('compute.'));
    expect(cards(root).sort()).toEqual(wall1.sort());
    expect([...root.querySelectorAll<HTMLElement>('.group-frame')].map((g) => g.dataset.group)).toEqual(['E:compute']);
  });

  it('focus mode shows only the selected cell and its upstream and downstream cones', () => {
    const root = mount();
    s.selectCell('compute.latency');
    fireEvent.click(root.querySelector('[data-focus-toggle]')!);
    const topo = s.built().graph.topology;
    const cone = ['compute.latency', ...topo.upstream('compute.latency'), ...topo.downstream('compute.latency')];
    expect(cards(root).sort()).toEqual(cone.sort());
    expect(root.querySelector('[data-cell="compute.latency"]')!.classList.contains('selected')).toBe(true);
    expect(root.querySelector('[data-cell="scenario.batch_size"]')!.classList.contains('upstream')).toBe(true);
  });

  it('search finds a cell by label or id, selects it and opens its group', () => {
    expect(searchCells(s.built().graph.topology, 'serving.ttft')[0]).toBe('serving.ttft');
    expect(searchCells(s.built().graph.topology, 'memory bandwidth').length).toBeGreaterThan(0);
    const root = mount();
    const field = root.querySelector<HTMLInputElement>('#cell-search')!;
    field.value = 'serving.ttft';
    fireEvent.input(field);
    expect(root.querySelector('[data-search-hit="serving.ttft"]')).not.toBeNull();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(s.workbench().selected()).toBe('serving.ttft');
    expect(cards(root)).toContain('serving.ttft');
    expect(s.view.reveal()?.id).toBe('serving.ttft');
  });

  it('after an edit only the changed cells light up, with old → new and the relative change', () => {
    const root = mount();
    s.setInput('scenario.batch_size', 64);
    const lit = [...root.querySelectorAll<HTMLElement>('.cell-card.lit')].map((c) => c.dataset.cell!);
    const changed = new Set(s.workbench().trace()!.entries.map((e) => e.id));
    expect(lit.length).toBeGreaterThan(3);
    for (const id of cards(root)) expect(lit.includes(id)).toBe(changed.has(id));
    // The old → new line shows at a zoom where it can be read (DETAIL_SCALE), not at the fit-to-width zoom.
    const scale = () => Number(/scale\(([\d.]+)\)/.exec(root.querySelector<HTMLElement>('.graph-canvas')!.style.transform)?.[1] ?? 1);
    const change = () => root.querySelector('[data-cell="scenario.batch_size"] .cell-change');
    const zoom = (label: string) => fireEvent.click(root.querySelector(`[aria-label="${label}"]`)!);
    while (scale() >= DETAIL_SCALE) zoom('Zoom out');
    expect(change()).toBeNull();
    while (scale() < DETAIL_SCALE) zoom('Zoom in');
    expect(change()!.textContent).toBe('1 sequences → 64 sequences ×64');
    zoom('Zoom out');
    expect(change()).toBeNull();
    // A closed group says how many of its cells changed.
    expect(root.querySelector('[data-group="E:memory"] .sum-lit')!.textContent).toMatch(/\d+ changed/);
  });

  it('below DETAIL_SCALE cards are chips: during a drag their values wait and their status follows; all catch up at the pause', async () => {
    const root = mount();
    fireEvent.click(root.querySelector('[data-expand-all]')!); // every card, the memory wall's included
    const canvas = root.querySelector<HTMLElement>('.graph-canvas')!;
    const scale = () => Number(/scale\(([\d.]+)\)/.exec(canvas.style.transform)?.[1] ?? 1);
    const zoom = (label: string) => fireEvent.click(root.querySelector(`[aria-label="${label}"]`)!);
    while (scale() >= DETAIL_SCALE) zoom('Zoom out');
    expect(canvas.classList.contains('overview')).toBe(true);
    const ID = 'performance.throughput';
    const value = () => root.querySelector(`[data-cell="${ID}"] .cell-value`)!.textContent;
    const status = () =>
      [...root.querySelectorAll<HTMLElement>('.cell-card')].filter((c) => c.matches('.error, .warning')).map((c) => `${c.dataset.cell}:${c.classList.contains('error') ? 'error' : 'warning'}`).sort();
    // What the library gives (the page's graph is not consulted).
    const library = (set: Readonly<Record<string, number>>) => {
      const b = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' });
      for (const [k, v] of Object.entries(set)) b.graph.set(k, v);
      return displayValue(b.graph.def(ID), b.graph.get(ID));
    };
    const atOne = status();

    s.setInput('scenario.batch_size', 2); // a single edit (the first of a burst) is drawn in full
    expect(s.workbench().busy()).toBe(false);
    expect(value()).toBe(library({ 'scenario.batch_size': 2 }));
    // Edits follow within 200 ms: a drag. η = 1.5 is outside (0, 1]: the cells it feeds are blocked.
    s.setInput('scenario.efficiency', 1.5);
    expect(s.workbench().busy()).toBe(true);
    expect(value()).toBe(library({ 'scenario.batch_size': 2 })); // a chip does not draw its value, which waits…
    const blocked = status();
    expect(blocked).toContain('scenario.efficiency:error');
    expect(blocked).toContain(`${ID}:error`); // …but its colours follow every edit
    s.setInput('scenario.batch_size', 64);
    s.setInput('scenario.efficiency', 0.5);
    expect(value()).toBe(library({ 'scenario.batch_size': 2 }));
    expect(status()).toEqual(atOne);

    await new Promise((ok) => setTimeout(ok, 300)); // the drag pauses
    expect(s.workbench().busy()).toBe(false);
    expect(value()).toBe(library({ 'scenario.batch_size': 64, 'scenario.efficiency': 0.5 }));
    expect(value()).not.toBe(library({ 'scenario.batch_size': 2 }));

    // Zoomed in, a card draws its value at every edit of a drag.
    while (scale() < DETAIL_SCALE) zoom('Zoom in');
    expect(canvas.classList.contains('overview')).toBe(false);
    s.setInput('scenario.batch_size', 3);
    s.setInput('scenario.batch_size', 5);
    expect(s.workbench().busy()).toBe(true);
    expect(value()).toBe(library({ 'scenario.batch_size': 5, 'scenario.efficiency': 0.5 }));
  });
});
