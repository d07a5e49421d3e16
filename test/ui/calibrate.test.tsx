/**
 * The inspector's "Calibrate to a measurement" (src/ui/components/calibrate/CalibrateSection.tsx),
 * which loads on first use (CalibrateHost.tsx): the tests wait for it.
 */
import { cleanup, fireEvent, render, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveGraph } from '../../src/graph/index.js';
import { buildScenario } from '../../src/scenario/index.js';
import { Inspector } from '../../src/ui/components/Inspector.jsx';
import { createWorkbenchStore, type WorkbenchStore } from '../../src/ui/store/index.js';
import { expectClose } from '../helpers/golden.js';
import { rooflineExample } from './roofline-fixture.js';

let store: WorkbenchStore;
beforeEach(() => {
  store = createWorkbenchStore(buildScenario({ model: 'Llama3_8B', hardware: 'H100' }).graph, { selected: 'compute.latency' });
});
afterEach(() => {
  cleanup();
  store.dispose();
});

/** The inspector with the calibrate section loaded. */
async function opened(): Promise<HTMLElement> {
  const { container } = render(() => <Inspector store={store} />);
  // The section's place is there at once: the section, or its loading state on first use.
  expect(container.querySelector('[data-calibrate], [data-calibrate-loading]')).not.toBeNull();
  await waitFor(() => expect(container.querySelector('[data-calibrate-input]')).not.toBeNull());
  return container;
}

describe('Inspector: calibrate to a measurement', () => {
  it('fits η_bw to a measured decode latency and sets it as an edit; the cell then equals the measurement', async () => {
    const container = await opened();
    const field = container.querySelector<HTMLInputElement>('[data-calibrate-input]')!;
    fireEvent.input(field, { target: { value: '6.1 ms' } });
    fireEvent.click(container.querySelector('[data-calibrate-fit]')!);
    // §12.1: Q = 1.63284e10 B, T_ov = 0.33 ms → η_bw = Q/(3.35e12 B/s · 5.77 ms).
    expectClose(store.graph.value('scenario.bandwidth_efficiency'), 1.63284e10 / (3.35e12 * 5.77e-3), 1e-5, 'η_bw');
    expectClose(store.graph.value('compute.latency'), 6.1e-3, 1e-5, 'latency');
    expect(store.graph.provenance('scenario.bandwidth_efficiency')).toBe('user');
    expect(container.querySelector('[data-calibrate-result]')!.textContent).toMatch(/^memory-bound: scenario\.bandwidth_efficiency 0\.9000 → 0\.8447/);
  });

  it('a measurement no efficiency can explain is said, and nothing changes', async () => {
    const container = await opened();
    fireEvent.input(container.querySelector('[data-calibrate-input]')!, { target: { value: '1 ms' } });
    fireEvent.click(container.querySelector('[data-calibrate-fit]')!);
    expect(container.querySelector('[data-calibrate-problem]')!.textContent).toMatch(/beyond what the device's peak allows/);
    expect(store.graph.value('scenario.bandwidth_efficiency')).toBe(0.9);
  });

  it('loads a device profile onto the scenario; a profile of another device is refused', async () => {
    const container = await opened();
    const input = container.querySelector<HTMLInputElement>('[data-calibrate-profile]')!;
    const profile = (device: string) => new File([JSON.stringify({
      kind: 'mlsysim-device-profile', version: 1, device, fitted: { 'scenario.bandwidth_efficiency': 0.8 },
      measurement: { cell: 'compute.latency', value: 0.0064, unit: 's', text: '6.4ms', scenario: 'Llama3_8B on H100' },
    })], 'p.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [profile('A100')] } });
    await waitFor(() => expect(container.querySelector('[data-calibrate-problem]')?.textContent).toMatch(/is A100 but the scenario runs on H100/));
    fireEvent.change(input, { target: { files: [profile('H100')] } });
    await waitFor(() => expect(store.graph.value('scenario.bandwidth_efficiency')).toBe(0.8));
  });

  it('is offered for derived numbers of a full scenario only (not for inputs, not on a hand-made graph)', async () => {
    const { container, unmount } = render(() => <Inspector store={store} />);
    await waitFor(() => expect(container.querySelector('[data-calibrate="compute.latency"]')).not.toBeNull());
    store.select('scenario.batch_size');
    expect(container.querySelector('[data-calibrate], [data-calibrate-loading]')).toBeNull();
    unmount();
    const small = createWorkbenchStore(new LiveGraph(rooflineExample.cells), { selected: 'compute.latency' });
    const r = render(() => <Inspector store={small} />);
    expect(r.container.querySelector('[data-calibrate], [data-calibrate-loading]')).toBeNull();
    small.dispose();
  });
});
