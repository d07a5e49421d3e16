/**
 * The headline strip: the verdict, the three lens statuses and the key numbers of the mode,
 * the same figures the scorecard shows (Llama3_8B on one H100, physics.md §12.1: 16.3286 GB of
 * the H100's 80 GB; no ops, so Macro does not apply).
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../src/scenario/index.js';
import { HeadlineBar } from '../../src/ui/components/headline/HeadlineBar.jsx';
import { ScorecardPanel } from '../../src/ui/components/scorecard/index.js';

afterEach(cleanup);

describe('HeadlineBar', () => {
  it('shows the verdict, the lens statuses and latency, throughput and memory as the scorecard does', () => {
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100' });
    const onSelect = vi.fn();
    const root = render(() => (
      <>
        <HeadlineBar evaluation={() => e} onSelectCell={onSelect} />
        <ScorecardPanel evaluation={() => e} />
      </>
    )).container;
    const head = root.querySelector<HTMLElement>('[data-headline]')!;
    expect(head.querySelector('.headline-verdict')!.textContent).toBe('All lenses that apply pass');
    const status = (lens: string) => head.querySelector(`[data-headline-lens="${lens}"] .headline-status`)!.textContent;
    expect([status('feasibility'), status('performance'), status('macro')]).toEqual(['PASS', 'PASS', 'n/a']);
    const figure = (id: string) => head.querySelector(`[data-headline-cell="${id}"] .headline-value`)!.textContent;
    expect(figure('feasibility.memory_used_gb')).toBe('16.33 GB of 80 GB');
    const scorecard = (id: string) => root.querySelector(`.scorecard [data-cell="${id}"] .metric-value`)!.textContent;
    expect(figure('performance.latency')).toBe(scorecard('performance.latency'));
    expect(figure('performance.throughput')).toBe(scorecard('performance.throughput'));
    fireEvent.click(head.querySelector('[data-headline-cell="performance.latency"]')!);
    expect(onSelect).toHaveBeenCalledWith('performance.latency');
  });

  it('training shows the step time and the fleet throughput', () => {
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', system: 'DGX_H100', mode: 'training' });
    const root = render(() => <HeadlineBar evaluation={() => e} />).container;
    const ids = [...root.querySelectorAll('[data-headline-cell]')].map((b) => b.getAttribute('data-headline-cell'));
    expect(ids).toEqual(['performance.step_latency', 'performance.fleet_throughput', 'feasibility.memory_used_gb']);
  });
});
