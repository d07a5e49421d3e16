import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate, type Evaluation } from '../../src/scenario/index.js';
import { WallBoard } from '../../src/ui/components/wall-board/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js'; // §12.1's η 0.5, η_bw 1, power model (issue 19)

afterEach(cleanup);

const tile = (root: ParentNode, n: number) => root.querySelector<HTMLButtonElement>(`.wall-tile[data-wall="${n}"]`)!;
const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? null;

function show(evaluation: Evaluation, onFocusWall?: (wall: number) => void) {
  return render(() => <WallBoard evaluation={() => evaluation} onFocusWall={onFocusWall} />).container;
}

describe('WallBoard: the 22 tiles', () => {
  it('draws 22 buttons, numbered 1…22 with their names', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const tiles = [...root.querySelectorAll<HTMLButtonElement>('button.wall-tile')];
    expect(tiles.map((t) => Number(t.dataset.wall))).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(text(tile(root, 1), '.wall-name')).toBe('Compute');
    expect(text(tile(root, 22), '.wall-name')).toBe('Synthesis');
  });

  it('colours each tile by status: walls 1–3 PASS, serving walls SKIPPED (inference, §12.1)', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    for (const n of [1, 2, 3]) {
      expect(tile(root, n).dataset.status).toBe('PASS');
      expect(tile(root, n).classList.contains('tone-pass')).toBe(true);
    }
    expect(tile(root, 4).dataset.status).toBe('SKIPPED');
    expect(tile(root, 4).classList.contains('tone-skipped')).toBe(true);
    expect(tile(root, 4).title).toBe('Wall 4 Serving: SKIPPED, 69.07 ms. inactive');
  });

  it('shows each headline in display units: MFU 0.3329 %, memory utilisation 20.41 %, overhead 6.341 %', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    expect(text(tile(root, 1), '.wall-headline')).toBe('0.3329 %');
    expect(text(tile(root, 2), '.wall-headline')).toBe('20.41 %');
    expect(text(tile(root, 3), '.wall-headline')).toBe('6.341 %');
    expect(text(tile(root, 21), '.wall-headline')).toBe('—');
  });

  it('marks wall 2 as binding with its share 4.87416/5.20416 ms = 93.66 % (§11.5)', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const binding = [...root.querySelectorAll('.wall-tile.binding')].map((t) => (t as HTMLElement).dataset.wall);
    expect(binding).toEqual(['2']);
    expect(text(tile(root, 2), '.wall-binding')).toBe('binding · 93.66 % of time');
    expect(text(root, '.wall-board-binding')).toBe('binding: wall 2 Memory');
    // The accessible name is the tile's own text (what a speech-input user reads and says); the sentence is its description.
    expect(tile(root, 2).getAttribute('aria-label')).toBeNull();
    expect(tile(root, 2).title).toBe('Wall 2 Memory: PASS, 20.41 %, binding · 93.66 % of time');
  });

  it('shows a failing wall with its reason (Llama-3-70B offload: wall 2 FAIL)', () => {
    const root = show(evaluate({ model: 'Llama3_70B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    expect(tile(root, 2).dataset.status).toBe('FAIL');
    expect(tile(root, 2).classList.contains('tone-fail')).toBe(true);
    expect(text(tile(root, 2), '.status-badge')).toBe('FAIL');
    expect(text(tile(root, 2), '.wall-reason')).toBe('footprint exceeds memory capacity (U = 1.773); offloading over the host link');
    expect(tile(root, 2).title).toContain('offloading over the host link');
    expect(text(tile(root, 2), '.wall-headline')).toBe('177.3 %');
  });

  it('activates the Macro walls with ops (8B, 1 day): wall 17 TCO in dollars, wall 18 in t CO2e', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', ops: { duration_days: 1 }, overrides: { ...FIRST_BUILD_DEFAULTS, 'sustainability.host_power': 0 } }));
    expect(tile(root, 17).dataset.status).toBe('PASS');
    expect(text(tile(root, 17), '.wall-headline')).toBe('$31.97');
    expect(text(tile(root, 18), '.wall-headline')).toBe('0.002232 t CO2e');
  });
});

describe('WallBoard: focus', () => {
  it('calls onFocusWall(n) when a tile is clicked', () => {
    const onFocus = vi.fn();
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }), onFocus);
    fireEvent.click(tile(root, 2));
    fireEvent.click(tile(root, 17));
    expect(onFocus.mock.calls).toEqual([[2], [17]]);
  });

  it('is keyboard accessible: tiles are focusable buttons of type button', () => {
    const root = show(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const t = tile(root, 2);
    expect(t.tagName).toBe('BUTTON');
    expect(t.type).toBe('button');
    t.focus();
    expect(document.activeElement).toBe(t);
  });
});

describe('WallBoard: live updates', () => {
  it('keeps its 22 tiles from one evaluation to the next and rewrites what changed', () => {
    const [ev, setEv] = createSignal<Evaluation>(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } }));
    const root = render(() => <WallBoard evaluation={ev} />).container;
    const before = [...root.querySelectorAll('button.wall-tile')];
    const headline = text(tile(root, 2), '.wall-headline');
    setEv(evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS, 'scenario.batch_size': 64 } }));
    const after = [...root.querySelectorAll('button.wall-tile')];
    after.forEach((t, i) => expect(t).toBe(before[i]));
    // Wall 2 (memory) carries the memory utilisation, which grows with the KV cache of 64 sequences.
    expect(text(tile(root, 2), '.wall-headline')).not.toBe(headline);
  });
});
