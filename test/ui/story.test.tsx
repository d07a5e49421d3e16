/**
 * Presentation mode's story of a change (story.ts, StoryView) and predict-then-reveal
 * (predict-store.ts): on Llama3_8B / H100, batch 1 → 64. The KV cache is B·x·kv_tok
 * (physics.md §2.6), so it grows exactly 64-fold (268 435 456 B → 17 179 869 184 B): the
 * largest kind of relative change on the path to the scorecard.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { StoryView } from '../../src/ui/components/presentation/StoryView.jsx';
import { ghostOf } from '../../src/ui/components/presentation/ghost.js';
import { headlineMetrics, storyOf } from '../../src/ui/components/presentation/story.js';
import { factorText } from '../../src/ui/components/predict/PredictPanel.jsx';
import { createPredictStore, type PredictStore } from '../../src/ui/components/predict/predict-store.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers) d();
  disposers = [];
});

function setup(): { store: ScenarioStore; predict: PredictStore } {
  return createRoot((dispose) => {
    const store = createScenarioStore();
    disposers.push(() => (store.dispose(), dispose()));
    return { store, predict: createPredictStore(() => store.built().graph) };
  });
}

describe('storyOf', () => {
  it('tells batch 1 → 64: the edited input, the cells on the way that moved most (upstream first), the headline metrics', () => {
    const { store } = setup();
    store.setInput('scenario.batch_size', 64);
    const g = store.built().graph;
    const metrics = headlineMetrics(store.evaluation(), g);
    expect(metrics).toEqual(['performance.latency', 'performance.throughput', 'feasibility.memory_used_gb']);
    const s = storyOf(store.workbench().trace(), g, metrics, 4);
    expect(s.edited.map((r) => [r.id, r.before.ok && r.before.value, r.after.ok && r.after.value])).toEqual([['scenario.batch_size', 1, 64]]);
    expect(s.path.length).toBe(4);
    const kv = s.path.find((r) => r.id === 'workload.kv_bytes')!;
    expect([kv.before.ok && kv.before.value, kv.after.ok && kv.after.value]).toEqual([268_435_456, 64 * 268_435_456]);
    const t = g.topology;
    const down = new Set(t.downstream('scenario.batch_size'));
    const feeds = new Set(metrics.flatMap((m) => t.upstream(m)));
    expect(s.path.every((r) => down.has(r.id) && feeds.has(r.id) && r.changed)).toBe(true);
    const trace = store.workbench().trace()!;
    const steps = s.path.map((r) => trace.entries.find((e) => e.id === r.id)!.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(s.metrics.every((r) => r.changed)).toBe(true);
  });

  it('the ghost is the roofline point before the change: AI and F/T read from the trace’s old values', () => {
    const { store } = setup();
    const g0 = store.built().graph;
    const before = { ai: g0.value('compute.arithmetic_intensity') as number, f: g0.value('compute.flops_per_step') as number, t: g0.value('compute.latency') as number };
    store.setInput('scenario.batch_size', 64);
    const ghost = ghostOf(store.workbench().trace(), store.built().graph)!;
    expect(ghost.point).toEqual({ intensity: before.ai, flops_per_s: before.f / before.t });
    expect(ghost.roof).toBeUndefined();
  });
});

describe('predict, then reveal', () => {
  it('hides, takes a guess in the metric’s unit, and reveals value, guess and guess / actual', () => {
    const { store, predict } = setup();
    const was = store.built().graph.value('performance.latency') as number;
    predict.arm('performance.latency');
    expect(predict.phase()).toBe('hidden');
    expect(predict.before()).toEqual(store.built().graph.get('performance.latency'));
    expect(predict.unit().unit).toBe('ms');
    store.setInput('scenario.batch_size', 64);
    expect(predict.reveal()).toBeUndefined();
    predict.setGuessText('seven');
    expect(predict.problem()).toMatch(/seven/);
    predict.setGuessText('7');
    const r = predict.reveal()!;
    const actual = store.built().graph.value('performance.latency') as number;
    expect(actual).not.toBe(was);
    expect(r).toEqual({ actual, guess: 7, factor: 7 / actual });
    expect(predict.phase()).toBe('revealed');
    expect(factorText(0.70612)).toBe('×0.706');
  });

  it('a guess with a unit is read in it: 0.007 s is 7 ms', () => {
    const { predict } = setup();
    predict.arm('performance.latency');
    predict.setGuessText('0.007 s');
    expect(predict.guess()).toBeCloseTo(7, 12);
  });

  it('the story view shows "?" for every new value while hidden, except the change itself, and the numbers after the reveal', () => {
    const { store, predict } = setup();
    const { container } = render(() => <StoryView store={store} predict={predict} onShowGraph={() => {}} />);
    const select = container.querySelector<HTMLSelectElement>('[data-predict-target]')!;
    select.value = 'performance.throughput';
    fireEvent.click(container.querySelector('[data-predict-start]')!);
    expect(predict.target()).toBe('performance.throughput');
    fireEvent.click(container.querySelector('[data-knob="double"]')!);
    expect(container.querySelector('[data-story-row="scenario.batch_size"] .story-new')!.textContent).toBe('2 sequences');
    expect(container.querySelector('[data-story-new="performance.latency"]')!.textContent).toBe('?');
    expect(container.querySelector('[data-story-new="performance.throughput"]')!.textContent).toBe('?');
    expect(container.querySelector('[data-story-roofline] [data-point]')).toBeNull();
    expect(container.querySelector('[data-story-roofline] [data-ghost-point]')).not.toBeNull();
    const guess = container.querySelector<HTMLInputElement>('[data-predict-guess]')!;
    fireEvent.input(guess, { target: { value: '300' } });
    fireEvent.click(container.querySelector('[data-predict-reveal]')!);
    const result = container.querySelector('[data-predict-result]')!;
    const actual = store.built().graph.value('performance.throughput') as number;
    expect(Number(result.getAttribute('data-factor'))).toBe(300 / actual);
    expect(container.querySelector('[data-story-new="performance.latency"]')!.textContent).not.toBe('?');
    expect(container.querySelector('[data-story-roofline] [data-point]')).not.toBeNull();
  });
});
