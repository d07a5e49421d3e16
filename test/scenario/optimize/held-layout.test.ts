/**
 * Setting one layout cell holds it and the layout search fills the others (issue "No silent
 * wrong answers" item 2): on the example plan, `--set communication.zero_stage=1` keeps a layout
 * that fits instead of falling back to t = p = 1 (348 GB per GPU before); a plan's
 * `parallelism` block and a scenario with `layout: auto` hold their cells the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScenario, evaluate } from '../../../src/scenario/index.js';
import { loadPlanText } from '../../../src/scenario/yaml-text.js';
import { EXAMPLE } from '../../cli/helpers.js';

const example = () => loadPlanText(readFileSync(EXAMPLE, 'utf8')).scenario;

describe('held layout cells', () => {
  it('--set communication.zero_stage=1 on the example plan: held, the rest searched, it fits and says which were searched', () => {
    const e = evaluate(example(), { overrides: { 'communication.zero_stage': 1 } });
    const g = e.built.graph;
    expect(e.layout?.auto).toBe(true);
    expect(g.value('communication.zero_stage')).toBe(1);
    expect(g.value('communication.train_feasible')).toBe(true);
    expect(g.value('communication.train_memory') as number).toBeLessThanOrEqual(80e9);
    expect(e.card.feasibility.status).not.toBe('FAIL');
    const said = e.warnings.find((w) => w.startsWith('layout (auto):'));
    expect(said).toMatch(/searched tp, pp, ep, microbatch_size, cp, virtual_stages; held as set: zero_stage=1/);
  });

  it('what used to happen (every other cell at its default: t = p = 1, dp = 64) does not fit: 70.6e9·(2 + 2 + 12/64) B of state alone', () => {
    const b = buildScenario({ ...example(), layout: 'given' }, { overrides: { 'communication.zero_stage': 1 } });
    expect(b.graph.value('communication.train_feasible')).toBe(false);
    expect(b.graph.value('communication.train_weights')).toBe(70.6e9 * 2);
  });

  it('a plan\'s parallelism block holds its cells (tp = 8, cp = 2), the search fills the rest', () => {
    const plan = `${readFileSync(EXAMPLE, 'utf8')}\nparallelism: { tp: 8, cp: 2 }\n`;
    const b = buildScenario(loadPlanText(plan).scenario);
    expect(b.graph.value('communication.tp')).toBe(8);
    expect(b.graph.value('communication.cp')).toBe(2);
    expect(b.layout?.auto).toBe(true);
    expect(b.layout?.note).toMatch(/held as set: tp=8, cp=2/);
    expect(() => loadPlanText('version: "1.0"\nworkload: { name: Llama3_8B }\nhardware: { name: H100 }\nparallelism: { tp: 2 }\n'))
      .toThrow(/parallelism\.tp needs a plan with more than one accelerator/);
  });

  it('a scenario with layout auto holds its layout overrides; layout given searches nothing', () => {
    const s = { model: 'Llama3_70B', hardware: 'H100', system: 'Lab_64_H100', mode: 'training' as const, overrides: { 'communication.global_batch_size': 512, 'communication.pp': 2 } };
    const auto = buildScenario({ ...s, layout: 'auto' });
    expect(auto.graph.value('communication.pp')).toBe(2);
    expect(auto.layout?.auto).toBe(true);
    const given = buildScenario({ ...s, layout: 'given' });
    expect(given.layout).toBeUndefined();
    expect(given.graph.value('communication.tp')).toBe(1);
  });
});
