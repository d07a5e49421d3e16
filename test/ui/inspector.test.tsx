import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveGraph } from '../../src/graph/index.js';
import { Inspector } from '../../src/ui/components/Inspector.jsx';
import { TracePanel } from '../../src/ui/components/TracePanel.jsx';
import { rooflineExample } from './roofline-fixture.js';
import { createWorkbenchStore, type WorkbenchStore } from '../../src/ui/store/index.js';

let store: WorkbenchStore;
beforeEach(() => {
  store = createWorkbenchStore(new LiveGraph(rooflineExample.cells), { selected: 'compute.latency' });
});
afterEach(() => {
  cleanup();
  store.dispose();
});

const text = (root: HTMLElement, selector: string) => root.querySelector(selector)?.textContent ?? null;
const link = (root: HTMLElement, id: string) => root.querySelector<HTMLButtonElement>(`[data-link="${id}"]`)!;

describe('Inspector', () => {
  it('shows the selected cell: value, unit, doc, formula, inputs with values, dependents, source', () => {
    const { container } = render(() => <Inspector store={store} />);
    expect(text(container, 'h2')).toBe('Latency');
    expect(text(container, '[data-inspector-value]')).toBe('5.106 ms');
    expect(text(container, '.unit-line')).toBe('unit s, shown in ms');
    expect(text(container, '.doc')).toBe('Time of one step: the slower of compute and memory, plus overhead.');
    expect(text(container, '.formula')).toBe('T = max(T_c, T_m) + T_ov');
    expect(link(container, 'compute.t_memory').textContent).toBe('Memory time4.776 ms');
    expect(link(container, 'compute.mfu')).not.toBeNull();
    expect(text(container, '.source')).toContain('physics.md §3.1');
  });

  it('walks upstream when an input is clicked', () => {
    const { container } = render(() => <Inspector store={store} />);
    fireEvent.click(link(container, 'compute.t_memory'));
    expect(text(container, 'h2')).toBe('Memory time');
    fireEvent.click(link(container, 'hardware.memory_bandwidth'));
    expect(text(container, 'h2')).toBe('Memory bandwidth');
    expect(text(container, '.domain')).toBe('Allowed: a number > 0 · from catalogue');
    expect(container.querySelector('.formula')).toBeNull();
    expect(container.querySelector<HTMLAnchorElement>('.source a')!.href).toBe('https://www.nvidia.com/en-us/data-center/h100/');
  });

  it('edits an input with a domain check; a refused value shows its message', () => {
    store.select('scenario.efficiency');
    const { container } = render(() => <Inspector store={store} />);
    const field = container.querySelector<HTMLInputElement>('.inspector-editor')!;
    field.value = '0';
    fireEvent.change(field);
    expect(text(container, '.message.error')).toBe('scenario.efficiency must be a number in (0, 1] (got 0)');
    expect(store.value('compute.t_memory').ok).toBe(true);
    fireEvent.click(container.querySelector('.restore')!);
    expect(container.querySelector('.message.error')).toBeNull();
    expect(text(container, '[data-inspector-value]')).toBe('0.5');
    expect(container.querySelector('.restore')).toBeNull();
  });

  it('says why typed text was not taken and which value the graph keeps', () => {
    store.select('hardware.memory_bandwidth');
    const { container } = render(() => <Inspector store={store} />);
    const field = container.querySelector<HTMLInputElement>('.inspector-editor')!;
    field.value = '3 ms';
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(text(container, '.message.error')).toMatch(/"3 ms" has unit ms .* — the graph keeps 3\.35 TB\/s\.$/);
  });
});

describe('TracePanel', () => {
  it('lists the changed cells of the last edit with old → new, by wall, the edited input first, then the largest change', () => {
    const { container } = render(() => <TracePanel store={store} />);
    expect(container.querySelector('.trace-list')).toBeNull();
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    const rows = [...container.querySelectorAll('.trace-list li .cell-link')].map((li) => li.textContent);
    // Memory time and ridge point both scale by 3.35/2 (×1.675); latency by ×1.631 and MFU by
    // its inverse (the same size): ties keep the order the change travelled.
    expect(rows).toEqual([
      'Memory bandwidth3.35 TB/s → 2 TB/s −40 %',
      'Memory time4.776 ms → 8 ms +68 %',
      'Ridge point147.6 FLOP/B → 247.3 FLOP/B +68 %',
      'Latency5.106 ms → 8.33 ms +63 %',
      'MFU0.3168 % → 0.1942 % −39 %',
    ]);
    const heads = [...container.querySelectorAll<HTMLElement>('.trace-group')].filter((h) => !h.hidden).map((h) => h.textContent);
    expect(heads).toEqual(['Device', '1 · Compute']);
    fireEvent.click(link(container, 'compute.latency'));
    expect(store.selected()).toBe('compute.latency');
  });

  it('rewrites its rows in place during a drag, old being the value before the drag began', () => {
    const { container } = render(() => <TracePanel store={store} />);
    store.commitInput('hardware.memory_bandwidth', '2 TB/s');
    const rows = [...container.querySelectorAll('.trace-list li .cell-link')];
    store.commitInput('hardware.memory_bandwidth', '1 TB/s');
    const again = [...container.querySelectorAll('.trace-list li .cell-link')];
    expect(again).toHaveLength(5);
    again.forEach((li, i) => expect(li).toBe(rows[i]));
    // t_mem = 16 GB / BW and the latency is t_mem + 0.33 ms (memory-bound): from 3.35 TB/s,
    // 4.776 → 16 ms (×3.35, +235 %) and 5.106 → 16.33 ms (×3.198, +220 %).
    expect(again[0].textContent).toBe('Memory bandwidth3.35 TB/s → 1 TB/s −70 %');
    expect(again[1].textContent).toBe('Memory time4.776 ms → 16 ms +235 %');
    expect(again[3].textContent).toBe('Latency5.106 ms → 16.33 ms +220 %');
  });

  it('after a pause, the next edit runs from the value the last one left', () => {
    vi.useFakeTimers();
    try {
      const { container } = render(() => <TracePanel store={store} />);
      store.commitInput('hardware.memory_bandwidth', '2 TB/s');
      vi.advanceTimersByTime(200);
      store.commitInput('hardware.memory_bandwidth', '1 TB/s');
      const rows = [...container.querySelectorAll('.trace-list li .cell-link')];
      // 8 → 16 ms and 8.33 → 16.33 ms.
      expect(rows[0].textContent).toBe('Memory bandwidth2 TB/s → 1 TB/s −50 %');
      expect(rows[1].textContent).toBe('Memory time8 ms → 16 ms +100 %');
      expect(rows[3].textContent).toBe('Latency8.33 ms → 16.33 ms +96 %');
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks the rows of cells that hold an error, as the cell links elsewhere do', () => {
    const { container } = render(() => <TracePanel store={store} />);
    store.commitInput('scenario.efficiency', '1.5');
    expect(link(container, 'scenario.efficiency').classList.contains('error')).toBe(true);
    store.commitInput('scenario.efficiency', '0.4');
    expect(link(container, 'scenario.efficiency').classList.contains('error')).toBe(false);
  });
});

describe('Inspector on the full scenario', () => {
  it('shows a scorecard metric, walks upstream, and edits an input with its domain check', async () => {
    const { createScenarioStore } = await import('../../src/ui/store/index.js');
    const s = createScenarioStore();
    s.selectCell('performance.latency');
    const { container } = render(() => <Inspector store={s.workbench()} />);
    expect(text(container, '.formula')).toBe('= compute.latency × 1000');
    fireEvent.click(link(container, 'compute.latency'));
    expect(container.querySelector('[data-inspecting]')!.getAttribute('data-inspecting')).toBe('compute.latency');
    s.selectCell('scenario.batch_size');
    expect(text(container, '.domain')).toMatch(/^Allowed: .*1/);
    const field = container.querySelector<HTMLInputElement>('.inspector-editor')!;
    field.value = '0';
    fireEvent.change(field);
    expect(text(container, '.message.error')).toMatch(/scenario.batch_size must be/);
    expect(s.desc().overrides).toEqual({ 'scenario.batch_size': 0 });
    s.undo();
    expect(container.querySelector('.message.error')).toBeNull();
    s.dispose();
  });
});

describe('shortcuts', () => {
  it('maps keys to actions; modifiers pick undo / redo', async () => {
    const { shortcutFor } = await import('../../src/ui/shortcuts.js');
    const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
      shortcutFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect([k('/'), k('u'), k('d'), k('f'), k('p'), k('Escape'), k('x')]).toEqual(['search', 'walkUp', 'walkDown', 'toggleFocus', 'togglePresentation', 'clear', undefined]);
    expect([k('z', { ctrlKey: true }), k('Z', { metaKey: true, shiftKey: true }), k('y', { ctrlKey: true }), k('u', { ctrlKey: true })]).toEqual(['undo', 'redo', 'redo', undefined]);
  });
});
