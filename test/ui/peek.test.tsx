/**
 * The math peek: the formula behind a number with the numbers substituted (each input the
 * formula names, with its value now), its source, and for an input where its value is from —
 * the same content as `mlsysim explain CELL --depth 1` (scenario/explain.ts).
 *
 * Hand check (physics.md §2.5, §2.6, §3.1), Llama3_8B fp16 on one H100, decode at B = 1,
 * x = 2048, η_bw set to 1: Q = 8.03e9·2 + 2048·131 072 = 16 328 435 456 B = 16.33 GB;
 * T_m = Q/(BW·η_bw) = 16 328 435 456 / (3.35e12 · 1) = 4.874e-3 s = 4.874 ms.
 * US_Avg grid: 366 g/kWh (catalogue, EIA), stored as 366/3.6e6 g/J.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/index.js';
import { explainCell, peekCell } from '../../src/scenario/explain.js';
import { PeekCard } from '../../src/ui/components/peek/PeekCard.jsx';
import { PeekHost } from '../../src/ui/components/peek/PeekHost.jsx';
import { SourceText } from '../../src/ui/components/peek/SourceText.jsx';
import { peekTarget } from '../../src/ui/components/peek/target.js';

const graph = buildScenario({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.bandwidth_efficiency': 1 } }).graph;
afterEach(cleanup);

const rows = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-peek-input]')].map((r) => [r.querySelector('th')!.textContent, r.querySelector('.peek-input-value')!.textContent, r.getAttribute('data-peek-input')]);

describe('the peek of a derived cell', () => {
  it('T_m: the formula, then each named input with its value now, the result and the source', () => {
    expect(Math.abs((graph.value('compute.t_memory') as number) / (16_328_435_456 / 3.35e12) - 1)).toBeLessThan(1e-15);
    const { container } = render(() => <PeekCard graph={graph} id="compute.t_memory" />);
    expect(container.querySelector('.peek-label')!.textContent).toBe(graph.def('compute.t_memory').label);
    expect(container.querySelector('[data-peek-formula]')!.textContent).toBe('T_m = Q/(BW·η_bw)');
    expect(container.querySelector('[data-peek-value]')!.textContent).toBe('= 4.874 ms');
    expect(rows(container)).toEqual([
      ['bytes', '16.33 GB', 'compute.memory_traffic'],
      ['bandwidth', '3.35 TB/s', 'memory.effective_bandwidth'],
      ['bandwidthEfficiency', '1', 'scenario.bandwidth_efficiency'],
    ]);
    expect(container.querySelector('[data-peek-source]')!.textContent).toBe('spec physics.md §3.1');
  });

  it('says the same as explain at depth 1: the inputs in the order the cell reads them, under its argument names', () => {
    const p = peekCell(graph, 'compute.latency');
    const e = explainCell(graph, 'compute.latency', 1);
    expect(p.formula).toBe(e.formula);
    expect(p.display).toBe(e.display);
    expect(p.named.map((n) => n.cell)).toEqual(e.inputs);
    const def = graph.def('compute.latency');
    expect(p.named.map((n) => n.name)).toEqual(def.kind === 'derived' ? def.argNames : []);
  });

  it('a pinned cell says its formula is set aside', () => {
    const g = buildScenario({ model: 'Llama3_8B', hardware: 'H100', pins: { 'memory.effective_bandwidth': '2 TB/s' } }).graph;
    const { container } = render(() => <PeekCard graph={g} id="memory.effective_bandwidth" />);
    expect(container.querySelector('[data-peek-value]')!.textContent).toBe('= 2 TB/s');
    expect(container.textContent).toContain('pinned: the formula is set aside and the value was given');
  });
});

describe('the peek of an input', () => {
  it('the grid carbon intensity: 366 g/kWh from the catalogue, with the agency source linked', () => {
    const { container } = render(() => <PeekCard graph={graph} id="infra.carbon_intensity" />);
    expect(container.querySelector('[data-peek-value]')!.textContent).toBe('= 366 g/kWh');
    expect(container.querySelector('[data-peek-formula]')).toBeNull();
    expect(container.textContent).toContain('an input; its value is from the catalogue');
    expect(container.querySelector<HTMLAnchorElement>('[data-peek-source] a')!.href).toBe('https://www.eia.gov/tools/faqs/faq.php?id=74&t=3');
  });
});

describe('peekTarget: which cell a number on the page shows', () => {
  it('reads cards, scorecard and headline metrics, trace rows, the inspector value and data-peek', () => {
    document.body.innerHTML = `
      <div class="cell-card" data-cell="compute.latency"><div class="cell-label">L</div><div class="cell-value"><b id="v">5 ms</b></div></div>
      <button class="metric-button" data-cell="performance.latency"><span id="m">5</span></button>
      <button data-headline-cell="feasibility.memory_used_gb"><span id="h">16</span></button>
      <button class="cell-link" data-link="compute.t_memory"><span id="t">4 → 8</span></button>
      <div data-inspecting="hardware.memory_bandwidth"><div data-inspector-value id="i">3.35 TB/s</div></div>
      <span data-peek="compute.mfu" id="p">0.3 %</span>
      <div class="cell-card" data-cell="x.y"><div class="cell-label" id="label">no number</div></div>`;
    const at = (id: string) => peekTarget(document.getElementById(id))?.id;
    expect(['v', 'm', 'h', 't', 'i', 'p', 'label'].map(at)).toEqual([
      'compute.latency', 'performance.latency', 'feasibility.memory_used_gb', 'compute.t_memory', 'hardware.memory_bandwidth', 'compute.mfu', undefined,
    ]);
  });
});

describe('PeekHost', () => {
  it('opens beside a hovered number and closes on Escape', async () => {
    const [v] = createSignal(0);
    const { container } = render(() => (
      <div>
        <button class="metric-button" data-cell="compute.t_memory">4.874 ms</button>
        <PeekHost graph={() => graph} version={v} delayMs={0} />
      </div>
    ));
    fireEvent.pointerOver(container.querySelector('.metric-button')!);
    await new Promise((ok) => setTimeout(ok, 10));
    const peek = document.querySelector('[data-math-peek="compute.t_memory"]')!;
    expect(peek).not.toBeNull();
    expect(peek.getAttribute('role')).toBe('tooltip');
    expect(container.querySelector('.metric-button')!.getAttribute('aria-describedby')).toBe('math-peek');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(document.querySelector('[data-math-peek]')).toBeNull();
  });
});

describe('SourceText: a source in one line, as the peek and the inspector show it', () => {
  it('names the kind, then the reference, linked when the source has a URL', () => {
    const { container } = render(() => (
      <p>
        <SourceText source={{ kind: 'datasheet', ref: 'NVIDIA H100 datasheet', url: 'https://www.nvidia.com/en-us/data-center/h100/' }} />
      </p>
    ));
    expect(container.querySelector('.source-kind')!.textContent).toBe('datasheet');
    expect(container.querySelector('a')!.href).toBe('https://www.nvidia.com/en-us/data-center/h100/');
    expect(container.textContent).toBe('datasheet NVIDIA H100 datasheet');
  });

  it('leaves a reference without a URL as plain text', () => {
    const { container } = render(() => (
      <p>
        <SourceText source={{ kind: 'spec', ref: 'physics.md §3.1' }} />
      </p>
    ));
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('spec physics.md §3.1');
  });
});
