/**
 * Sweep ranges in the units a person reads (display-units.ts): the US_Avg grid's carbon
 * intensity is 366 g/kWh (physics.md §1.5, catalogue), stored as 366 / 3.6e6 g/J
 * (1 kWh = 3.6e6 J) = 1.0167e-4 g/J; the form shows and reads g/kWh, the graph keeps g/J.
 * Changing the axis cell starts from that cell's own range.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario, type ScenarioSweep } from '../../src/scenario/index.js';
import { boundText, displayUnitFor, typedBound } from '../../src/ui/components/sweep/display-units.js';
import { SweepForm } from '../../src/ui/components/sweep/SweepForm.jsx';
import { defaultAxis, planSweep } from '../../src/ui/store/sweep-plan.js';

const G_PER_J = 366 / 3.6e6;
const graph = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' }).graph;
afterEach(cleanup);

describe('display units', () => {
  it('366 g/kWh ↔ 1.0167e-4 g/J: shown in the cell display unit, a bare number typed is read in it', () => {
    const du = displayUnitFor('g/J', 'g/kWh', G_PER_J);
    expect(du.unit).toBe('g/kWh');
    expect(du.scale).toBeCloseTo(1 / 3.6e6, 20);
    expect(boundText(G_PER_J, du)).toBe('366 g/kWh');
    expect(typedBound('366', du)).toBe('366 g/kWh');
    expect(typedBound('0.1 g/Wh', du)).toBe('0.1 g/Wh');
    const plan = planSweep(graph, { x: { cell: 'infra.carbon_intensity', start: typedBound('366', du), stop: '732 g/kWh', points: 2, scale: 'linear' }, outputs: ['performance.latency'] });
    expect(Math.abs(plan.x.values[0] / G_PER_J - 1)).toBeLessThan(1e-15);
    expect(Math.abs(plan.x.values[1] / (2 * G_PER_J) - 1)).toBeLessThan(1e-15);
  });

  it('without a declared display unit, an SI prefix that suits the value: 3.35e12 B/s in TB/s, 80e9 B in GB, 5e-3 s in ms', () => {
    expect(displayUnitFor('B/s', undefined, 3.35e12)).toEqual({ unit: 'TB/s', scale: 1e12 });
    expect(displayUnitFor('B', undefined, 80e9)).toEqual({ unit: 'GB', scale: 1e9 });
    expect(displayUnitFor('s', undefined, 5e-3)).toEqual({ unit: 'ms', scale: 1e-3 });
    expect(displayUnitFor('s', undefined, 7200)).toEqual({ unit: 's', scale: 1 });
    expect(displayUnitFor('sequences', undefined, 64)).toEqual({ unit: 'sequences', scale: 1 });
    expect(displayUnitFor('1', undefined, 0.5)).toEqual({ unit: '', scale: 1 });
    expect(boundText(3.35e11, displayUnitFor('B/s', undefined, 3.35e12))).toBe('0.335 TB/s');
    expect(typedBound('8', displayUnitFor('sequences', undefined, 1))).toBe(8);
  });

  it('the default range of a cell with a display unit is rounded in it: a decade either side of 366 g/kWh is 36.6 … 3660 g/kWh', () => {
    const a = defaultAxis(graph, 'infra.carbon_intensity');
    expect(Math.abs((a.start as number) / (36.6 / 3.6e6) - 1)).toBeLessThan(1e-12);
    expect(Math.abs((a.stop as number) / (3660 / 3.6e6) - 1)).toBeLessThan(1e-12);
  });
});

describe('SweepForm in display units', () => {
  function mountForm(initial: ScenarioSweep) {
    const [s, setS] = createSignal(initial);
    const r = render(() => <SweepForm graph={graph} spec={s()} running={false} onChange={setS} onRun={() => {}} />);
    const field = (name: string) => r.container.querySelector<HTMLInputElement>(`[data-field="${name}"]`)!;
    return { root: r.container, spec: s, field };
  }

  it('shows the carbon intensity range in g/kWh, reads 366 typed as 366 g/kWh', () => {
    const f = mountForm({ x: defaultAxis(graph, 'infra.carbon_intensity'), outputs: ['sustainability.carbon_footprint'] });
    expect(f.field('x.start').value).toBe('36.6 g/kWh');
    expect(f.field('x.stop').value).toBe('3660 g/kWh');
    expect(f.root.querySelector('[data-axis-unit="x"]')!.textContent).toBe('g/kWh');
    fireEvent.input(f.field('x.start'), { target: { value: '366' } });
    expect(f.spec().x.start).toBe('366 g/kWh');
    expect(f.field('x.start').value).toBe('366');
  });

  it('a new cell brings its own range and unit (no range left over from the previous cell)', () => {
    const f = mountForm({ x: defaultAxis(graph, 'infra.carbon_intensity'), outputs: ['performance.latency'] });
    const cell = f.root.querySelector<HTMLSelectElement>('[data-field="x.cell"]')!;
    cell.value = 'hardware.memory_bandwidth';
    fireEvent.change(cell);
    expect(f.spec().x).toEqual({ cell: 'hardware.memory_bandwidth', start: 3.35e11, stop: 3.35e13, points: 10, scale: 'log' });
    expect(f.field('x.start').value).toBe('0.335 TB/s');
    expect(f.field('x.stop').value).toBe('33.5 TB/s');
    expect(f.root.querySelector('[data-axis-unit="x"]')!.textContent).toBe('TB/s');
  });

  it('a derived cell chosen by "Sweep this…" is listed with a note that it is pinned for the run', () => {
    const f = mountForm({ x: defaultAxis(graph, 'memory.effective_bandwidth'), outputs: ['performance.latency'] });
    const option = [...f.root.querySelectorAll<HTMLOptionElement>('[data-field="x.cell"] option')].find((o) => o.value === 'memory.effective_bandwidth')!;
    expect(option.textContent).toBe('memory.effective_bandwidth (derived: pinned for the run)');
    expect(f.root.querySelector('[data-spec-error]')).toBeNull();
  });
});
