import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioControls } from '../../src/ui/components/controls/index.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

let s: ScenarioStore;
beforeEach(() => {
  s = createScenarioStore();
});
afterEach(() => {
  cleanup();
  s.dispose();
});

describe('ScenarioControls shows the layout of a model split over devices', () => {
  it('one device: no layout line', () => {
    const { container } = render(() => <ScenarioControls store={s} />);
    expect(container.querySelector('[data-layout]')).toBeNull();
  });

  it('a node in serving mode: the searched layout, marked auto; an edit of communication.tp shows at once, no longer marked auto', () => {
    const { container } = render(() => <ScenarioControls store={s} />);
    s.choose({ model: 'Llama3_70B', system: 'DGX_H100', mode: 'serving' });
    const line = () => container.querySelector('[data-layout]')?.textContent ?? '';
    const t = s.built().layout!.values['communication.tp'] as number;
    expect(line()).toBe(`layout (auto): tp=${t}, pp=1, ep=1 · ${8 / t} replicas`);
    expect(container.querySelector('[data-layout]')!.getAttribute('title')).toContain('tokens/s at capacity');
    s.setInput('communication.tp', 8);
    expect(line()).toBe(t === 8 ? 'layout (auto): tp=8, pp=1, ep=1 · 1 replicas' : 'layout: tp=8, pp=1, ep=1 · 1 replicas');
  });
});
