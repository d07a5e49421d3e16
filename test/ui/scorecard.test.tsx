import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate, type Evaluation } from '../../src/scenario/index.js';
import { ScorecardPanel } from '../../src/ui/components/scorecard/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js'; // §12.1's η 0.5, η_bw 1, power model (issue 19)

afterEach(cleanup);

const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? null;
const lens = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[data-lens="${name}"]`)!;
const metric = (root: ParentNode, id: string) => root.querySelector<HTMLButtonElement>(`[data-cell="${id}"]`)!;

/** What a lens card says: its level, its status badge and its summary line. */
const lensText = (root: ParentNode, name: string) => {
  const l = lens(root, name);
  return { level: text(l, '.lens-level'), status: text(l, '.status-badge'), summary: text(l, '.lens-summary') };
};

/** `model` on one H100 with §12.1's calibration (η 0.5, η_bw 1), plus `overrides`. */
const onH100 = (model: string, overrides: Record<string, number> = {}): Evaluation =>
  evaluate({ model, hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS, ...overrides } });

function show(evaluation: Evaluation, onSelectCell?: (id: string) => void) {
  return render(() => <ScorecardPanel evaluation={() => evaluation} onSelectCell={onSelectCell} />).container;
}

describe('ScorecardPanel: the three lenses', () => {
  it('shows Llama-3-8B on one H100 (physics.md §12.1, B = 1): every lens passes or is skipped', () => {
    const root = show(onH100('Llama3_8B'));
    expect(lensText(root, 'feasibility')).toEqual({ level: 'Memory Feasibility', status: 'PASS', summary: '16.3 GB / 80.0 GB used' });
    expect(lensText(root, 'performance')).toEqual({ level: 'Single Node Performance', status: 'PASS', summary: 'Memory Bound' });
    expect(lensText(root, 'macro')).toMatchObject({ status: 'SKIPPED', summary: 'No Ops config provided' });
    expect(root.querySelector('[data-passed-all]')!.getAttribute('data-passed-all')).toBe('true');
  });

  it('formats metrics in display units: latency 5.20416 ms, footprint 16.3286 GB, utilisation 0.204107', () => {
    const root = show(onH100('Llama3_8B'));
    expect(text(metric(root, 'performance.latency'), '.metric-value')).toBe('5.204 ms');
    expect(text(metric(root, 'feasibility.memory_used_gb'), '.metric-value')).toBe('16.33 GB');
    expect(text(metric(root, 'feasibility.memory_capacity_gb'), '.metric-value')).toBe('80 GB');
    expect(text(metric(root, 'feasibility.memory_utilization'), '.metric-value')).toBe('20.41 %');
    expect(text(metric(root, 'performance.throughput'), '.metric-value')).toBe('192.2/s');
    expect(text(metric(root, 'performance.mfu'), '.metric-value')).toBe('0.3329 %');
    expect(metric(root, 'performance.latency').title).toMatch(/^performance\.latency = 5\.204159\d* ms$/);
  });

  it('calls onSelectCell with the metric cell id `<lens>.<key>` on click', () => {
    const onSelect = vi.fn();
    const root = show(onH100('Llama3_8B'), onSelect);
    fireEvent.click(metric(root, 'performance.latency'));
    fireEvent.click(metric(root, 'feasibility.memory_utilization'));
    expect(onSelect.mock.calls).toEqual([['performance.latency'], ['feasibility.memory_utilization']]);
  });

  it('shows the offload regime (Llama-3-70B on one H100, §12.1): Feasibility and Performance FAIL "(infeasible)"', () => {
    const root = show(onH100('Llama3_70B'));
    expect(text(lens(root, 'feasibility'), '.status-badge')).toBe('FAIL');
    expect(lens(root, 'feasibility').classList.contains('tone-fail')).toBe(true);
    expect(text(lens(root, 'feasibility'), '.lens-summary')).toBe('141.9 GB / 80.0 GB used');
    expect(text(lens(root, 'performance'), '.status-badge')).toBe('FAIL');
    expect(text(lens(root, 'performance'), '.lens-summary')).toBe('Host link Bound (infeasible)');
    expect(text(metric(root, 'performance.latency'), '.metric-value')).toBe('991.4 ms');
    expect(text(lens(root, 'performance'), '.lens-reasons')).toContain('wall 2 Memory: footprint exceeds memory capacity');
    expect(root.querySelector('[data-passed-all]')!.getAttribute('data-passed-all')).toBe('false');
    expect(text(root, '.scorecard-overall')).toBe('Feasibility and Performance fail');
    // The reason in words; the check's id stays in the tooltip.
    const reason = lens(root, 'feasibility').querySelector<HTMLElement>('.lens-reasons li')!;
    expect(reason.textContent).toBe('Does not fit in device memory');
    expect(reason.title).toBe('memory.feasible is false');
  });

  it('labels metrics in words with units, the metric id in the tooltip', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', ops: { duration_days: 1 }, overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const label = (id: string) => metric(root, id).closest('.metric-row')!.querySelector<HTMLElement>('dt')!;
    expect(label('feasibility.memory_used_gb').textContent).toBe('Memory used (GB)');
    expect(label('feasibility.memory_used_gb').title).toBe('feasibility.memory_used_gb');
    expect(label('macro.tco_usd').textContent).toBe('Total cost of ownership (USD)');
    expect(label('macro.carbon_footprint').textContent).toBe('Carbon footprint (t CO2e)');
  });

  it('the headline agrees with the lenses: no "All lenses pass" beside a skipped lens', () => {
    const root = show(onH100('Llama3_8B'));
    expect(text(root, '.scorecard-overall')).toBe('All lenses that apply pass');
  });

  it('shows Macro with ops (8B, 1 day): PASS, "TCO: $32", dollars and tonnes', () => {
    // §12.3's host power 0 with the first build's defaults (issue 19 added node host power for a bare device).
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', ops: { duration_days: 1 }, overrides: { ...FIRST_BUILD_DEFAULTS, 'sustainability.host_power': 0 } }));
    expect(text(lens(root, 'macro'), '.status-badge')).toBe('PASS');
    expect(text(lens(root, 'macro'), '.lens-summary')).toBe('TCO: $32');
    expect(text(metric(root, 'macro.tco_usd'), '.metric-value')).toBe('$31.97');
    expect(text(metric(root, 'macro.carbon_footprint'), '.metric-value')).toBe('0.002232 t CO2e');
    expect(text(metric(root, 'macro.energy_kwh'), '.metric-value')).toBe('5.689 kWh');
  });

  it('shows an error metric as "error" with its message (fp8 on A100)', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'A100', overrides: { 'scenario.precision': 'fp8' } }));
    expect(text(lens(root, 'performance'), '.status-badge')).toBe('ERROR');
    const latency = metric(root, 'performance.latency');
    expect(text(latency, '.metric-value')).toBe('error');
    expect(text(latency, '.metric-error')).toContain('precision fp8 is not supported on A100');
  });
});

describe('ScorecardPanel: asserts and live updates', () => {
  it('lists asserts as passed or failed with their messages', () => {
    const root = show(evaluate({
      model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS },
      asserts: [{ metric: 'performance.latency', max: 5 }, { metric: 'feasibility.memory_utilization', max: 0.9 }],
    }));
    const items = [...root.querySelectorAll<HTMLElement>('.assert')];
    expect(items.map((i) => i.dataset.passed)).toEqual(['false', 'true']);
    expect(text(items[0]!, '.assert-message')).toBe('performance.latency (5.20416) exceeds max (5)');
    expect(text(root, '.assert-count')).toBe('1 of 2 passed');
  });

  it('has no assert list when the scenario has no asserts', () => {
    const root = show(onH100('Llama3_8B'));
    expect(root.querySelector('.scorecard-asserts')).toBeNull();
  });

  it('keeps its lens cards and metric buttons across evaluations and rewrites the values', () => {
    const [ev, setEv] = createSignal<Evaluation>(onH100('Llama3_8B'));
    const root = render(() => <ScorecardPanel evaluation={ev} />).container;
    const card = lens(root, 'performance');
    const button = metric(root, 'performance.latency');
    expect(text(button, '.metric-value')).toBe('5.204 ms');
    setEv(onH100('Llama3_8B', { 'scenario.batch_size': 64 }));
    expect(lens(root, 'performance')).toBe(card);
    expect(metric(root, 'performance.latency')).toBe(button);
    expect(text(button, '.metric-value')).not.toBe('5.204 ms');
  });

  it('follows the evaluation accessor', () => {
    const [ev, setEv] = createSignal<Evaluation>(onH100('Llama3_8B'));
    const root = render(() => <ScorecardPanel evaluation={ev} />).container;
    expect(text(lens(root, 'feasibility'), '.status-badge')).toBe('PASS');
    setEv(onH100('Llama3_70B'));
    expect(text(lens(root, 'feasibility'), '.status-badge')).toBe('FAIL');
  });
});
