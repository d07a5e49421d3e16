/**
 * An evaluation renders itself three ways: mlsysim's flat JSON keys, the boxed text scorecard
 * with the 22-wall board, and markdown tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, flatResult, markdownScorecard, textScorecard } from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';

const e = evaluate({
  model: 'Llama3_8B', hardware: 'H100', system: { node_count: 1, accelerators_per_node: 8 }, ops: { duration_days: 1 },
  overrides: { 'communication.tp': 8 }, asserts: [{ metric: 'performance.latency', max: 1e9 }],
});
const lenses = [e.card.feasibility, e.card.performance, e.card.macro];
const prefix = { feasibility: 'f', performance: 'p', macro: 'm' } as const;

describe('flatResult', () => {
  const flat = flatResult(e);
  it('carries scenario, statuses, summaries, passed_all and the binding wall', () => {
    expect(flat).toMatchObject({
      scenario: 'Llama3_8B on H100', mode: 'training', passed_all: e.card.passed_all, binding_wall: e.binding_wall, binding_share: e.binding_share,
    });
    for (const l of lenses) {
      expect(flat[`${prefix[l.name]}_status`]).toBe(l.status);
      expect(flat[`${prefix[l.name]}_summary`]).toBe(l.summary);
    }
  });
  it('has one f_/p_/m_ key per card metric with the same value, and nothing else', () => {
    const want: Record<string, number | null> = {};
    for (const l of lenses) for (const m of Object.values(l.metrics)) want[`${prefix[l.name]}_${m.key}`] = m.value!;
    const got = Object.fromEntries(Object.entries(flat).filter(([k]) => /^[fpm]_/.test(k) && !/_(status|summary)$/.test(k)));
    expect(got).toEqual(want);
    expect(Object.keys(want)).toContain('m_water_l');
  });
  it('writes +∞ as null in JSON (an unstable queue’s p99)', () => {
    const unstable = evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides: { 'tail_latency.arrival_rate': 100 } });
    const f = flatResult(unstable);
    expect(f.p_p99_latency).toBeNull();
    expect(JSON.parse(JSON.stringify(f)).p_p99_latency).toBeNull();
  });
});

describe('textScorecard', () => {
  const text = textScorecard(e);
  const lines = text.split('\n');
  it('is boxed and titled with the scenario and mode', () => {
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(text).toContain('MLSys·im scorecard — Llama3_8B on H100 (training)');
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
  });
  it('has the three lens lines with status and summary', () => {
    for (const l of lenses) {
      const line = lines.find((x) => x.includes(l.level_name))!;
      expect(line).toContain(l.status);
      expect(line).toContain(l.summary);
    }
  });
  it('has 22 board rows, the binding mark on the binding wall, and the asserts box', () => {
    const rows = lines.filter((x) => /^│\s*\d{1,2} \S/.test(x));
    expect(rows).toHaveLength(22);
    expect(rows.map((r) => Number(/^│\s*(\d+)/.exec(r)![1]))).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.includes('◀ binding'))).toHaveLength(1);
    expect(rows[e.binding_wall! - 1]).toContain('◀ binding');
    expect(text).toContain('PASS performance.latency');
  });
});

it('textScorecard reports an auto layout (the seed example plan)', () => {
  const plan = readFileSync(new URL('../../examples/example_cluster.yaml', import.meta.url), 'utf8');
  const auto = evaluate(loadPlanText(plan).scenario);
  const t = auto.layout!.values['communication.tp'];
  expect(textScorecard(auto)).toContain(`layout (auto): tp=${String(t)}, pp=`);
});

describe('markdownScorecard', () => {
  const md = markdownScorecard(e);
  it('has a lens table, a metric table, a 22-row board table and the asserts table', () => {
    expect(md.startsWith('## Llama3_8B on H100 (training)')).toBe(true);
    expect(md).toContain('| lens | status | summary |');
    for (const l of lenses) expect(md).toContain(`| ${l.level_name} | ${l.status} | ${l.summary} |`);
    expect(md).toContain('| metric | value |');
    for (const l of lenses) for (const m of Object.values(l.metrics)) expect(md).toContain(`| ${l.name}.${m.key} | `);
    const board = md.split('\n').filter((x) => /^\| \d{1,2} \| /.test(x));
    expect(board).toHaveLength(22);
    expect(board.filter((r) => r.endsWith('| binding |'))).toHaveLength(1);
    expect(md).toContain('| assert | result |');
  });
});
