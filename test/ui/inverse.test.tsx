/**
 * The workbench's inverse solves (src/ui/components/inverse/): the answer equals the CLI's
 * `seek --vary context|devices` (the same library function, seekScenario, run straight through),
 * the value is derived by hand, "nothing fits" is marked, and Apply is a traced, undoable edit.
 */
import { cleanup, fireEvent, render, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioFits, seekScenario, seekScenarioAsync } from '../../src/scenario/seek-scenario.js';
import { answerWords, applyPlan, batchWithinItl, InversePanel } from '../../src/ui/components/inverse/index.js';
import { cliJson } from '../cli/helpers.js';
import { createScenarioStore, DEFAULT_VIEW, type ScenarioDesc, type ScenarioStore } from '../../src/ui/store/index.js';

let stores: ScenarioStore[] = [];
afterEach(() => {
  cleanup();
  stores.forEach((s) => s.dispose());
  stores = [];
});

function storeOf(desc: Partial<ScenarioDesc> = {}): ScenarioStore {
  const s = createScenarioStore({ initial: { ...DEFAULT_VIEW, desc: { ...DEFAULT_VIEW.desc, ...desc } } });
  stores.push(s);
  return s;
}

const answerOf = (root: HTMLElement) => root.querySelector('[data-inverse-answer]')?.getAttribute('data-inverse-answer');
const statusOf = (root: HTMLElement) => root.querySelector('[data-inverse-status]')?.getAttribute('data-inverse-status');

describe('seekScenarioAsync: the search the CLI runs, with a turn for the page between builds', () => {
  it('judges the same points and gives the same answer as seekScenario, yielding after the first build and every point but the last', async () => {
    const scenario = { model: 'Llama3_70B', hardware: 'H100', mode: 'serving' as const };
    const sync = seekScenario(scenario, {}, { question: 'devices' });
    let turns = 0;
    const seen: number[] = [];
    const r = await seekScenarioAsync(scenario, {}, { question: 'devices' }, {
      yieldToPage: async () => void turns++,
      onProgress: (done, total) => seen.push(done, total),
    });
    expect(r?.solution).toBe(sync.solution);
    expect(r?.next).toEqual(sync.next);
    expect(r?.evaluations).toBe(sync.evaluations);
    // A turn after the first build (the scenario as it is) and after every point but the last.
    expect(turns).toBe(sync.evaluations);
    // Progress counts up to the points judged; the bound is the two ends plus bisection.
    expect(seen.filter((_, i) => i % 2 === 0)).toEqual([...Array.from({ length: sync.evaluations }, (_, i) => i), sync.evaluations]);
  });
});

describe('Inverse solves: the longest context that fits', () => {
  it('Llama-3-8B on one H100 at batch 1: 487 822 tokens, as the CLI finds, with the memory that binds', async () => {
    // By hand (physics §2, catalogue Llama3_8B, H100 80 GB):
    //   weights  W = 8.03e9 params × 2 B (bf16)                 = 16.06e9 B
    //   KV/token   = 2 (K, V) × 32 layers × 8 KV heads × 128 × 2 B = 131 072 B
    //   activations A_work(1, 1) = 1 × κ_act 16 × 4096 × 2 B     = 131 072 B
    //   16.06e9 + 131 072·x + 131 072 ≤ 80e9  →  x ≤ 487 822.49  →  487 822 tokens;
    //   at 487 823: 16.06e9 + 131 072 × 487 824 = 80 000 067 328 B, 67 328 B (67.33 kB) over.
    const want = Math.floor((80e9 - 16.06e9 - 131_072) / 131_072);
    expect(want).toBe(487_822);
    const cli = seekScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'inference' }, {}, { question: 'context' });
    expect(cli.solution).toBe(want);

    const s = storeOf();
    const { container } = render(() => <InversePanel store={s} />);
    fireEvent.click(container.querySelector('[data-inverse-ask="context"]')!);
    // The search gives the page a turn after every scenario it builds: it is running first.
    expect(statusOf(container)).toBe('running');
    expect(container.querySelector<HTMLButtonElement>('[data-inverse-ask="devices"]')!.disabled).toBe(true);
    await waitFor(() => expect(answerOf(container)).toBe(String(want)), { timeout: 20_000 });
    expect(container.querySelector('.inverse-value')!.textContent).toBe('487,822 tokens');
    expect(container.querySelector('[data-inverse-reason]')!.textContent)
      .toBe('Binding: at 487,823 tokens: does not fit: memory 80.0 GB / 80.0 GB per device (67.33 kB over)');
    // Past the model's own context (catalogue max_context_tokens 131 072): said.
    expect(container.querySelector('[data-inverse-warning]')!.textContent).toMatch(/supports 131072 tokens of context/);
    expect(container.querySelector('[data-inverse-none]')!.getAttribute('data-inverse-none')).toBe('false');
  });

  it('Apply sets scenario.context_len as an edit: traced, the scenario still fits, and undo restores 2048', async () => {
    const s = storeOf();
    const { container } = render(() => <InversePanel store={s} />);
    fireEvent.click(container.querySelector('[data-inverse-ask="context"]')!);
    await waitFor(() => expect(container.querySelector('[data-inverse-apply]')).not.toBeNull(), { timeout: 20_000 });
    fireEvent.click(container.querySelector('[data-inverse-apply]')!);
    const g = s.built().graph;
    expect(g.value('scenario.context_len')).toBe(487_822);
    expect(g.provenance('scenario.context_len')).toBe('user');
    expect(scenarioFits(g)).toBe(true);
    expect(s.desc().overrides['scenario.context_len']).toBe(487_822);
    const traced = s.workbench().trace()?.entries.map((e) => e.id) ?? [];
    expect(traced).toContain('scenario.context_len');
    expect(traced).toContain('memory.memory_footprint');
    expect(container.querySelector('[data-inverse-applied]')!.textContent).toBe('Applied: 487,822 tokens');
    s.undo();
    expect(s.built().graph.value('scenario.context_len')).toBe(2048);
  });

  it('nothing fits: Llama-3-405B on one H100 (810 GB of weights in 80 GB) is marked, with no Apply', async () => {
    const s = storeOf({ model: 'Llama3_405B' });
    const { container } = render(() => <InversePanel store={s} />);
    fireEvent.click(container.querySelector('[data-inverse-ask="context"]')!);
    await waitFor(() => expect(statusOf(container)).toBe('done'), { timeout: 20_000 });
    expect(container.querySelector('[data-inverse-none]')!.getAttribute('data-inverse-none')).toBe('true');
    expect(container.querySelector('.inverse-none')!.textContent).toMatch(/^Nothing in the range fits \(1 token to 16,777,216 tokens\): does not fit: memory/);
    expect(container.querySelector('[data-inverse-answer]')).toBeNull();
    expect(container.querySelector('[data-inverse-apply]')).toBeNull();
  });

  it('Cancel stops the search and changes nothing', async () => {
    const s = storeOf();
    const { container } = render(() => <InversePanel store={s} />);
    fireEvent.click(container.querySelector('[data-inverse-ask="context"]')!);
    fireEvent.click(container.querySelector('[data-inverse-cancel]')!);
    expect(statusOf(container)).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 50));
    expect(statusOf(container)).toBe('cancelled');
    expect(s.built().graph.value('scenario.context_len')).toBe(2048);
  });
});

describe('Inverse solves: GPUs needed', () => {
  it('Llama-3-70B in inference on H100: 2 devices (141 GB of bf16 weights do not fit one 80 GB device), applied as a system change, undoable', async () => {
    // By hand: W = 70.6e9 params × 2 B = 141.2e9 B > 80e9 B, so 1 device does not fit; over
    // tp = 2 each device holds 70.6e9 B of weights plus half the 2048-token KV cache
    // (2048 × 80 layers × 8 KV heads × 256 × 2 B / 2 = 0.34e9 B): it fits.
    const s = storeOf({ model: 'Llama3_70B' });
    const cli = seekScenario({ model: 'Llama3_70B', hardware: 'H100', mode: 'inference' }, {}, { question: 'devices' });
    expect(cli.solution).toBe(2);
    const { container } = render(() => <InversePanel store={s} />);
    fireEvent.click(container.querySelector('[data-inverse-ask="devices"]')!);
    await waitFor(() => expect(answerOf(container)).toBe('2'), { timeout: 30_000 });
    expect(container.querySelector('.inverse-value')!.textContent).toBe('2 devices');
    expect(container.querySelector('[data-inverse-reason]')!.textContent).toMatch(/^Binding: at 1 device: does not fit: memory 14\d\.\d GB \/ 80\.0 GB per device/);
    expect(container.querySelector('.inverse-layout')!.textContent).toMatch(/^layout \(auto\): tp=2/);
    fireEvent.click(container.querySelector('[data-inverse-apply]')!);
    expect(s.desc().extras?.fleet).toEqual({ node_count: 1, accelerators_per_node: 2 });
    expect(container.querySelector('[data-inverse-applied]')!.textContent).toBe('Applied: 2 devices — System: one device → 2 × H100');
    expect(s.desc().mode).toBe('inference');
    expect(scenarioFits(s.built().graph)).toBe(true);
    expect(s.built().ctx.fleet.gpus_per_node).toBe(2);
    expect(s.workbench().trace()?.entries.length).toBeGreaterThan(0);
    s.undo();
    expect(s.built().ctx.fleet.gpus_per_node).toBe(1);
    expect(scenarioFits(s.built().graph)).toBe(false);
  });

  it('on a catalogue system the answer replaces it (said), since no catalogue system has that count', () => {
    const desc: ScenarioDesc = { model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'inference', overrides: {}, extras: { name: 'mine' } };
    const r = seekScenario({ model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'inference' }, {}, { question: 'devices' });
    expect(r.solution).toBe(2);
    const plan = applyPlan(desc, r, 8);
    expect(plan).toEqual({
      kind: 'load',
      desc: { model: 'Llama3_70B', hardware: 'H100', mode: 'inference', overrides: {}, extras: { fleet: { node_count: 1, accelerators_per_node: 2 } } },
      cause: 'GPUs needed: System DGX_H100 → 2 × H100',
    });
    expect(applyPlan(desc, r, 2)).toEqual({ kind: 'none', why: 'the scenario already has 2 devices' });
    expect(answerWords(r)).toMatchObject({ answer: '2 devices', none: false });
  });
});

describe('Inverse solves: the largest batch within an ITL target', () => {
  it('Llama-3-8B on one H100, ITL ≤ 1 s: memory binds at 238 sequences (the CLI\'s seek answer), applied as a batch edit', async () => {
    // By hand: at x = 2048 the design fits while 16.06e9 + 131 072·B·(2048 + 1) ≤ 80e9 (KV B·x·131 072 B,
    // activations B·131 072 B), i.e. B ≤ 238.08; the decode step at 238 is tens of ms, far under 1 s.
    const want = Math.floor((80e9 - 16.06e9) / (131_072 * 2049));
    expect(want).toBe(238);
    const cli = await cliJson(['seek', 'Llama3_8B', 'H100', '--target', 'compute.latency=1s', '--vary', 'scenario.batch_size=1:4096', '--goal', 'at_most', '--output', 'json']);
    expect(cli.json).toMatchObject({ status: 'ok', solution: want, limited_by: 'feasibility' });

    const s = storeOf();
    const { container } = render(() => <InversePanel store={s} />);
    const field = container.querySelector<HTMLInputElement>('[data-inverse-itl]')!;
    fireEvent.input(field, { target: { value: '1 s' } });
    fireEvent.click(container.querySelector('[data-inverse-ask="batch"]')!);
    expect(container.querySelector('[data-inverse-batch-answer]')!.getAttribute('data-inverse-batch-answer')).toBe('238');
    expect(container.querySelector('[data-inverse-batch-reason]')!.textContent).toMatch(/binding: memory — the next batch would meet the target but does not fit$/);
    fireEvent.click(container.querySelector('[data-inverse-batch-apply]')!);
    expect(s.built().graph.value('scenario.batch_size')).toBe(238);
    expect(scenarioFits(s.built().graph)).toBe(true);
    expect(s.workbench().trace()?.entries.map((e) => e.id)).toContain('scenario.batch_size');
    s.undo();
    expect(s.built().graph.value('scenario.batch_size')).toBe(1);
  });

  it('a bare number is read in ms and said; a target nothing meets is marked with the closest point; training has no ITL', () => {
    const a = batchWithinItl({ ...DEFAULT_VIEW.desc }, '20');
    expect(a.ok && a.target).toBe(0.02);
    expect(a.ok && a.notes).toEqual(['20 read as 20 ms (a bare number is in ms)']);
    expect(a.ok && a.reason).toBe('the ITL target 20 ms');
    const none = batchWithinItl({ ...DEFAULT_VIEW.desc }, '0.1 ms');
    expect(none).toMatchObject({ ok: true, none: true });
    expect(none.ok && none.reason).toMatch(/^no batch that fits gives an ITL ≤ 100 µs; the closest is .* at batch 1$/);
    expect(batchWithinItl({ ...DEFAULT_VIEW.desc }, '5 GB')).toMatchObject({ ok: false });
    expect(batchWithinItl({ ...DEFAULT_VIEW.desc, mode: 'training' }, '50 ms')).toEqual({ ok: false, problem: 'this scenario has no time between tokens (inference or serving of a language model)' });
  });
});
