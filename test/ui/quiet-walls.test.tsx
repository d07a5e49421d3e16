/**
 * Walls that do not apply are quiet: in the default workbook (Llama3_8B on one H100, inference)
 * the serving and training walls are SKIPPED (physics.md §11.3); the cells of such a wall that
 * cannot be computed without their inputs show n/a, muted, not a red error, and a closed
 * group says "does not apply" rather than counting errors.
 */
import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioGraph } from '../../src/ui/components/graph/index.js';
import { groupCells } from '../../src/ui/layout/index.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

let s: ScenarioStore;
beforeEach(() => {
  s = createScenarioStore();
});
afterEach(() => {
  cleanup();
  s.dispose();
});

const mount = () => render(() => <ScenarioGraph store={s.workbench()} view={s.view} evaluation={s.evaluation} />).container;

describe('walls that do not apply', () => {
  it('a skipped wall with errors: its group says "does not apply", its cards n/a without the error class', () => {
    const g = s.built().graph;
    const skipped = new Set(s.evaluation().walls.filter((r) => r.status === 'SKIPPED').map((r) => r.wall));
    // A cell of a skipped wall that holds an error (the wall's inputs are absent in this mode).
    const quiet = g.topology.order.find((d) => d.wall !== undefined && skipped.has(d.wall) && !g.get(d.id).ok);
    expect(quiet, 'a skipped wall with an error cell').toBeDefined();
    const root = mount();
    const key = groupCells(g.topology).find((c) => c.ids.includes(quiet!.id))!.key;
    const frame = root.querySelector<HTMLElement>(`.group-frame[data-group="${key}"]`)!;
    expect(frame.querySelector('.status-badge')!.textContent).toBe('n/a');
    expect(frame.querySelector('.group-summary')!.textContent).toContain('does not apply');
    expect(frame.querySelector('.sum-error')).toBeNull();

    s.view.setExpanded([key], true);
    const card = root.querySelector<HTMLElement>(`.cell-card[data-cell="${quiet!.id}"]`)!;
    expect(card.classList.contains('na')).toBe(true);
    expect(card.classList.contains('error')).toBe(false);
    expect(card.querySelector('.cell-value')!.textContent).toBe('n/a');
  });

  it('a wall that applies keeps its errors red (wall 1 with an efficiency out of range)', () => {
    const root = mount();
    s.workbench().commitInput('scenario.efficiency', '1.5');
    const card = root.querySelector<HTMLElement>('.cell-card[data-cell="compute.latency"]')!;
    expect(card.classList.contains('error')).toBe(true);
    expect(card.classList.contains('na')).toBe(false);
  });
});
