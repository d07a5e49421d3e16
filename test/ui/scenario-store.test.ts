import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/index.js';
import { createScenarioStore, decodeViewState, DEFAULT_DESC, encodeViewState } from '../../src/ui/store/index.js';

const latency = (s: ReturnType<typeof createScenarioStore>) => s.evaluation().card.performance.metrics.latency?.value;

describe('createScenarioStore', () => {
  it('starts on the default workbook: Llama3_8B on one H100, inference, batch 1', () => {
    const s = createScenarioStore();
    expect(s.built().name).toBe('Llama3_8B on H100');
    expect(s.evaluation().mode).toBe('inference');
    expect(s.built().graph.value('scenario.batch_size')).toBe(1);
    expect(s.evaluation().walls).toHaveLength(22);
    s.dispose();
  });

  it('setInput edits through the graph, re-evaluates and bumps the version', () => {
    const s = createScenarioStore();
    const before = latency(s);
    const v = s.version();
    s.setInput('scenario.batch_size', 64);
    expect(latency(s)).not.toBe(before);
    expect(s.version()).toBeGreaterThan(v);
    expect(s.desc().overrides).toEqual({ 'scenario.batch_size': 64 });
    expect(s.workbench().trace()!.edited).toEqual(['scenario.batch_size']);
    s.dispose();
  });

  it('an edit typed in a cell editor is recorded too (commitInput → overrides and undo)', () => {
    const s = createScenarioStore();
    s.workbench().commitInput('scenario.context_len', '4096');
    expect(s.desc().overrides).toEqual({ 'scenario.context_len': 4096 });
    s.undo();
    expect(s.built().graph.value('scenario.context_len')).toBe(2048);
    expect(s.desc().overrides).toEqual({});
    s.dispose();
  });

  it('a rebuild carries the overrides whose inputs still exist and reports the others', () => {
    const training = buildScenario({ model: 'Llama3_8B', hardware: 'H100', mode: 'training' }).graph;
    const lost = 'serving.prompt_len';
    expect(training.has(lost)).toBe(false);
    const s = createScenarioStore();
    s.setInput('scenario.batch_size', 8);
    s.setInput(lost, 1000);
    const r = s.choose({ mode: 'training' });
    expect(r.ok).toBe(true);
    expect(r.dropped).toEqual([lost]);
    expect(s.built().graph.value('scenario.batch_size')).toBe(8);
    expect(s.desc().overrides).toEqual({ 'scenario.batch_size': 8 });
    expect(s.notices().join(' ')).toContain(lost);
    s.dispose();
  });

  it('a scenario that cannot be built keeps the current one and says why', () => {
    const s = createScenarioStore();
    const r = s.choose({ hardware: 'NoSuchChip' });
    expect(r.ok).toBe(false);
    expect(s.built().name).toBe('Llama3_8B on H100');
    expect(s.notices().join(' ')).toContain('NoSuchChip');
    s.dispose();
  });

  it('undo / redo re-apply edits and catalogue changes through the graph', () => {
    const s = createScenarioStore();
    s.setInput('scenario.batch_size', 64);
    s.choose({ hardware: 'A100' });
    expect(s.built().name).toBe('Llama3_8B on A100');
    expect(s.built().graph.value('scenario.batch_size')).toBe(64);
    s.undo();
    expect(s.built().name).toBe('Llama3_8B on H100');
    expect(s.built().graph.value('scenario.batch_size')).toBe(64);
    s.undo();
    expect(s.built().graph.value('scenario.batch_size')).toBe(1);
    expect(s.workbench().lit('scenario.batch_size')).toBeDefined();
    expect(s.canUndo()).toBe(false);
    s.redo();
    expect(s.built().graph.value('scenario.batch_size')).toBe(64);
    s.redo();
    expect(s.built().name).toBe('Llama3_8B on A100');
    expect(s.canRedo()).toBe(false);
    s.dispose();
  });

  it('focusWall(n) filters the graph to the wall and selects its headline cell', () => {
    const s = createScenarioStore();
    s.focusWall(1);
    expect(s.view.filter()).toBe('w1');
    expect(s.workbench().selected()).toBe('compute.mfu');
    expect(s.view.reveal()?.id).toBe('compute.mfu');
    s.dispose();
  });
});

describe('URL state', () => {
  it('round-trips the scenario, overrides (±∞ included), selection and flags', () => {
    const state = {
      desc: { ...DEFAULT_DESC, system: 'DGX_H100', region: 'Quebec', opsDays: 14, overrides: { 'scenario.batch_size': 64, 'x.y': Infinity } },
      selected: 'performance.latency', focus: true, presentation: true, filter: 'w4',
    };
    const hash = encodeViewState(state);
    expect(hash.startsWith('#v=')).toBe(true);
    expect(decodeViewState(hash)).toEqual({ state });
  });

  it('a store started from decoded state shows the same view', () => {
    const a = createScenarioStore();
    a.setInput('scenario.batch_size', 32);
    a.selectCell('performance.latency');
    a.view.setFocus(true);
    const { state } = decodeViewState(encodeViewState(a.viewState()));
    const b = createScenarioStore({ initial: state });
    expect(b.built().graph.value('scenario.batch_size')).toBe(32);
    expect(b.workbench().selected()).toBe('performance.latency');
    expect(b.view.focus()).toBe(true);
    expect(b.evaluation().card).toEqual(a.evaluation().card);
    a.dispose();
    b.dispose();
  });

  it('bad state falls back to the defaults with a notice, never a throw', () => {
    for (const hash of ['#v=%7Bnot json', '#v=' + encodeURIComponent('[1,2]'), '#v=' + encodeURIComponent('{"mode":"dreaming"}'), '#garbage']) {
      const d = decodeViewState(hash);
      expect(d.state.desc).toEqual(DEFAULT_DESC);
      expect(d.notice, hash).toMatch(/could not be read/);
    }
    expect(decodeViewState('')).toEqual({ state: { desc: DEFAULT_DESC } });
  });

  it('state naming an unknown model opens the default model with the rest of the link, naming the field, the id and the suggestions', () => {
    const link = { m: 'Llama3_8X', h: 'A100', r: 'Quebec', o: { 'scenario.batch_size': 8 } };
    const { state } = decodeViewState('#v=' + encodeURIComponent(JSON.stringify(link)));
    const s = createScenarioStore({ initial: state });
    expect(s.built().name).toBe('Llama3_8B on A100');
    expect(s.desc().region).toBe('Quebec');
    expect(s.desc().overrides).toEqual({ 'scenario.batch_size': 8 });
    // The registry's closest ids by edit distance: Llama3_8B is one letter away.
    expect(s.notices().join(' ')).toMatch(/^model: Unknown model 'Llama3_8X'\. Did you mean Llama3_8B\b.*Showing the default model, Llama3_8B instead/);
    s.dispose();
  });

  it('an unknown region and an unknown system are each replaced and said, the model kept', () => {
    const { state } = decodeViewState('#v=' + encodeURIComponent(JSON.stringify({ m: 'Llama3_70B', h: 'H100', r: 'Quebek', s: 'NoSuchCluster' })));
    const s = createScenarioStore({ initial: state });
    expect(s.desc().model).toBe('Llama3_70B');
    expect(s.desc().region).toBeUndefined();
    expect(s.desc().system).toBeUndefined();
    const said = s.notices().join(' ');
    expect(said).toMatch(/region: Unknown grid 'Quebek'\. Did you mean Quebec\?/);
    expect(said).toMatch(/system: .*'NoSuchCluster'/);
    s.dispose();
  });
});
