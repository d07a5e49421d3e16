/**
 * The sweep panel wired to the page: "Sweep this" from the inspector and from a cell card's
 * context menu, the form (fields, units, errors naming the field), running from the form,
 * saved sweeps, and cancelling from the progress bar.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioGraph } from '../../src/ui/components/graph/index.js';
import { Inspector } from '../../src/ui/components/Inspector.jsx';
import { SweepActionsContext } from '../../src/ui/components/sweep/context.js';
import { SweepForm } from '../../src/ui/components/sweep/SweepForm.jsx';
import { SweepHost } from '../../src/ui/components/sweep/SweepHost.jsx';
import { SweepPanel } from '../../src/ui/components/sweep/SweepPanel.jsx';
import type { ScenarioSweep } from '../../src/scenario/index.js';
import { createScenarioStore, createSweepStore, type ScenarioStore, type SweepStore } from '../../src/ui/store/index.js';

let store: ScenarioStore;
let sweeps: SweepStore;
let disposeRoot: () => void;
beforeEach(() => {
  createRoot((dispose) => {
    store = createScenarioStore({ highlightMs: 60_000 });
    sweeps = createSweepStore(store, { yieldToPage: () => Promise.resolve() });
    disposeRoot = dispose;
  });
});
afterEach(() => {
  cleanup();
  store.dispose();
  disposeRoot();
});

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('"Sweep this"', () => {
  it('the inspector offers it for a numeric input (with the page\'s actions) and starts a draft', () => {
    store.selectCell('scenario.batch_size');
    const { container } = render(() => (
      <SweepActionsContext.Provider value={{ sweepCell: (id) => sweeps.sweepCell(id), openCellMenu: () => {} }}>
        <Inspector store={store.workbench()} />
      </SweepActionsContext.Provider>
    ));
    fireEvent.click(container.querySelector('[data-sweep-this="scenario.batch_size"]')!);
    expect(sweeps.open()).toBe(true);
    expect(sweeps.draft()!.x.cell).toBe('scenario.batch_size');
  });

  it('the inspector has no button for a derived cell, a non-numeric input, or without the actions', () => {
    store.selectCell('scenario.precision');
    const provided = render(() => (
      <SweepActionsContext.Provider value={{ sweepCell: () => {}, openCellMenu: () => {} }}>
        <Inspector store={store.workbench()} />
      </SweepActionsContext.Provider>
    ));
    expect(provided.container.querySelector('[data-sweep-this]')).toBeNull();
    store.selectCell('scenario.batch_size');
    const bare = render(() => <Inspector store={store.workbench()} />);
    expect(bare.container.querySelector('[data-sweep-this]')).toBeNull();
  });

  it('right-clicking a card opens the cell menu; "Sweep this" opens the panel with that cell', async () => {
    const { container } = render(() => (
      <SweepHost store={store} sweeps={sweeps}>
        <ScenarioGraph store={store.workbench()} view={store.view} />
      </SweepHost>
    ));
    const card = container.querySelector('.cell-card[data-cell="scenario.context_len"]')!;
    fireEvent.contextMenu(card, { clientX: 100, clientY: 120 });
    const menu = container.querySelector('[data-cell-menu="scenario.context_len"]')!;
    expect(menu.querySelector('[data-menu="sweep"]')).not.toBeNull();
    fireEvent.click(menu.querySelector('[data-menu="sweep"]')!);
    expect(container.querySelector('[data-cell-menu]')).toBeNull();
    expect(sweeps.draft()!.x.cell).toBe('scenario.context_len');
    expect(sweeps.open()).toBe(true);
    // A numeric derived cell's menu offers "Sweep this" too (it is pinned for the run), and "Inspect".
    fireEvent.contextMenu(container.querySelector('.cell-card[data-cell="performance.latency"]')!, { clientX: 10, clientY: 10 });
    expect(container.querySelector('[data-menu="sweep"]')).not.toBeNull();
    fireEvent.click(container.querySelector('[data-menu="inspect"]')!);
    expect(store.workbench().selected()).toBe('performance.latency');
  });
});

describe('SweepForm', () => {
  const spec: ScenarioSweep = { x: { cell: 'scenario.batch_size', start: 1, stop: 512, points: 10, scale: 'log' }, outputs: ['performance.latency'] };

  function mountForm(initial: ScenarioSweep) {
    const [s, setS] = createSignal(initial);
    let runs = 0;
    const r = render(() => <SweepForm graph={store.built().graph} spec={s()} running={false} onChange={setS} onRun={() => runs++} />);
    return { root: r.container, spec: s, runs: () => runs };
  }

  it('keeps what is typed: plain numbers become numbers, text with a unit stays text', () => {
    const f = mountForm(spec);
    const start = f.root.querySelector<HTMLInputElement>('[data-field="x.start"]')!;
    fireEvent.input(start, { target: { value: '2' } });
    expect(f.spec().x.start).toBe(2);
    const cell = f.root.querySelector<HTMLSelectElement>('[data-field="x.cell"]')!;
    cell.value = 'hardware.memory_bandwidth';
    fireEvent.change(cell);
    fireEvent.input(f.root.querySelector('[data-field="x.start"]')!, { target: { value: '1 TB/s' } });
    fireEvent.input(f.root.querySelector('[data-field="x.stop"]')!, { target: { value: '4 TB/s' } });
    fireEvent.input(f.root.querySelector('[data-field="x.points"]')!, { target: { value: '4' } });
    expect(f.spec().x).toEqual({ cell: 'hardware.memory_bandwidth', start: '1 TB/s', stop: '4 TB/s', points: 4, scale: 'log' });
    expect(f.root.querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('4');
    fireEvent.submit(f.root.querySelector('form')!);
    expect(f.runs()).toBe(1);
  });

  it('names the field and the allowed range for a bad value, and will not run', () => {
    const f = mountForm({ ...spec, x: { ...spec.x, scale: 'linear', start: 0 } });
    expect(f.root.querySelector('[data-spec-error]')!.textContent).toBe('x.start: scenario.batch_size must be an integer ≥ 1 (got 0)');
    expect(f.root.querySelector<HTMLButtonElement>('[data-run-sweep]')!.disabled).toBe(true);
    fireEvent.submit(f.root.querySelector('form')!);
    expect(f.runs()).toBe(0);
    fireEvent.input(f.root.querySelector('[data-field="x.stop"]')!, { target: { value: '8 GB' } });
    expect(f.root.querySelector('[data-spec-error]')!.textContent).toMatch(/^x\.stop: "8 GB" has unit GB \(.*\), but sequences/);
    expect(f.root.querySelector('[data-field="x.stop"]')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds and removes outputs by id, refusing an unknown id', () => {
    const f = mountForm(spec);
    const add = f.root.querySelector<HTMLInputElement>('[data-field="outputs.add"]')!;
    fireEvent.input(add, { target: { value: 'memory.memory_footprint' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(f.spec().outputs).toEqual(['performance.latency', 'memory.memory_footprint']);
    fireEvent.input(add, { target: { value: 'memory.nope' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(f.root.querySelector('.sweep-outputs [role="alert"]')!.textContent).toBe("'memory.nope' is not a cell of this scenario");
    fireEvent.click(f.root.querySelector('[data-add-output="performance.throughput"]')!);
    fireEvent.click(f.root.querySelector('[aria-label="Remove performance.latency"]')!);
    expect(f.spec().outputs).toEqual(['memory.memory_footprint', 'performance.throughput']);
  });

  it('a second input turns the sweep into a heatmap spec', () => {
    const f = mountForm(spec);
    fireEvent.click(f.root.querySelector('[data-field="y.on"]')!);
    expect(f.spec().y).toBeDefined();
    expect(f.spec().y!.cell).not.toBe('scenario.batch_size');
    fireEvent.click(f.root.querySelector('[data-field="y.on"]')!);
    expect(f.spec().y).toBeUndefined();
  });
});

describe('SweepPanel', () => {
  it('runs the draft from the form, lists it as a saved sweep and shows the chart', async () => {
    sweeps.sweepCell('scenario.batch_size');
    const { container } = render(() => <SweepPanel store={store} sweeps={sweeps} />);
    fireEvent.submit(container.querySelector('form')!);
    await settle();
    expect(sweeps.state().status).toBe('done');
    expect(container.querySelector('.sweep-progress')!.getAttribute('data-progress')).toBe('1');
    expect(container.querySelector('[data-sweep-index="0"]')!.textContent).toBe('scenario.batch_size → 2 outputs');
    // 1…10 log, 10 points, integers: 1, 1.29, 1.67, 2.15, 2.78, 3.59, 4.64, 5.99, 7.74, 10 → 8 distinct.
    expect(container.querySelectorAll('.sweep-series[data-series="performance.latency"] .sweep-point')).toHaveLength(8);
  });

  it('Cancel on the progress bar stops a long sweep', async () => {
    createRoot((dispose) => {
      sweeps = createSweepStore(store, { yieldToPage: () => new Promise((ok) => setTimeout(ok, 0)), budgetMs: 0.001 });
      const prev = disposeRoot;
      disposeRoot = () => (dispose(), prev());
    });
    sweeps.setDraft({ x: { cell: 'scenario.batch_size', start: 1, stop: 10_000, points: 5000, scale: 'linear' }, outputs: ['performance.latency'] });
    const { container } = render(() => <SweepPanel store={store} sweeps={sweeps} />);
    const run = sweeps.runDraft();
    await settle();
    const cancel = container.querySelector<HTMLButtonElement>('[data-cancel-sweep]')!;
    expect(cancel).not.toBeNull();
    fireEvent.click(cancel);
    await run;
    expect(container.querySelector('.sweep-progress')!.getAttribute('data-status')).toBe('cancelled');
    expect(store.built().graph.rawInput('scenario.batch_size')).toBe(1);
  });
});
