import { describe, expect, it } from 'vitest';
import {
  autoSweeper, COMPILE_THRESHOLD, compileCone, compiledSweeper, type CellValue, fail, LiveGraph, type Plain, setSweeper,
  signalSweeper, sweep, type SweepTable, warn,
} from '../../src/graph/index.js';
import { buildScenario } from '../../src/scenario/index.js';
import { calc, num } from './cells.js';

/** Same to the last bit: Object.is on values, equal warnings, equal error kind/message/cell/root. */
function sameBits(a: CellValue, b: CellValue): boolean {
  if (a.ok !== b.ok) return false;
  if (a.ok && b.ok) return Object.is(a.value, b.value) && a.warnings.length === b.warnings.length && a.warnings.every((w, i) => w === b.warnings[i]);
  const ea = (a as Extract<CellValue, { ok: false }>).error;
  const eb = (b as Extract<CellValue, { ok: false }>).error;
  return ea.kind === eb.kind && ea.message === eb.message && ea.cell === eb.cell && ea.root === eb.root;
}

/** The first disagreement between two tables, as text (undefined when they agree everywhere). */
function firstDifference(a: SweepTable, b: SweepTable): string | undefined {
  for (let i = 0; i < a.cells.length; i++) {
    for (let j = 0; j < a.outputs.length; j++) {
      if (!sameBits(a.cells[i][j], b.cells[i][j])) {
        return `${a.input}=${String(a.values[i])} ${a.outputs[j]}: ${JSON.stringify(a.cells[i][j])} vs ${JSON.stringify(b.cells[i][j])}`;
      }
    }
  }
  return a.cells.length === b.cells.length ? undefined : 'row counts differ';
}

//   x ──► half = x/2 ──► inv = 1/half (may be +∞) ──► total = inv + half
//   │                                                   ▲
//   ├──► risky (throws for x = 7, fails for x = 3, warns for x > 100, NaN for x = 5)
//   └──► tolerant (tolerates errors: reads risky, sees null) ── y (constant)
function edgeDefs() {
  return [
    num('t.x', 2, { kind: 'number', min: 0 }),
    num('t.y', 10),
    calc('t.half', ['t.x'], (x) => x / 2),
    calc('t.inv', ['t.half'], (h) => 1 / h, { mayBeInfinite: true }),
    calc('t.total', ['t.inv', 't.half'], (i, h) => i + h, { mayBeInfinite: true }),
    calc('t.risky', ['t.x'], (x) => {
      if (x === 7) throw new Error('seven');
      if (x === 3) return fail('unsupported', 'three is not supported');
      if (x === 5) return Number.NaN;
      return x > 100 ? warn(x, 'large x') : x;
    }),
    calc('t.tolerant', ['t.risky', 't.y'], (r, y) => (r === null ? -y : r + y), { tolerateErrors: true }),
    calc('t.blocked', ['t.risky'], (r) => r * 2),
  ];
}

/** The interpreted cone (what runs where code generation is refused), as a sweep table. */
function interpreted(g: LiveGraph, input: string, values: readonly Plain[], outputs: readonly string[]): SweepTable {
  const cone = compileCone(g, input, outputs, false);
  expect(cone.kind).toBe('interpreted');
  return { input, values, outputs, cells: values.map((v) => cone.run(v)) };
}

const EDGE_VALUES: Plain[] = [0, 1, 2, 3, 5, 7, 150, -1, Number.NaN, Infinity, -Infinity, 1e308, 0.5, 'x', null, true];
const EDGE_OUTPUTS = ['t.x', 't.y', 't.half', 't.inv', 't.total', 't.risky', 't.tolerant', 't.blocked'];

describe('compiledSweeper', () => {
  it('agrees with the signal sweeper (generated and interpreted) on throws, failures, warnings, NaN, ∞ and refused values', () => {
    const a = compiledSweeper.sweep(new LiveGraph(edgeDefs()), 't.x', EDGE_VALUES, EDGE_OUTPUTS);
    const b = signalSweeper.sweep(new LiveGraph(edgeDefs()), 't.x', EDGE_VALUES, EDGE_OUTPUTS);
    expect(firstDifference(a, b)).toBeUndefined();
    expect(firstDifference(interpreted(new LiveGraph(edgeDefs()), 't.x', EDGE_VALUES, EDGE_OUTPUTS), b)).toBeUndefined();
    expect(compileCone(new LiveGraph(edgeDefs()), 't.x', EDGE_OUTPUTS).kind).toBe('generated');
    // Spot checks that the edge cases were really hit.
    const row = (v: Plain) => a.cells[EDGE_VALUES.indexOf(v)];
    expect(row(7)[5]).toMatchObject({ ok: false, error: { kind: 'numeric', message: 't.risky failed: seven' } });
    expect(row(3)[6]).toMatchObject({ ok: true, value: -10 });
    expect(row(150)[5]).toMatchObject({ ok: true, value: 150, warnings: ['large x'] });
    expect(row(0)[3]).toMatchObject({ ok: true, value: Infinity });
    expect(row(-1)[7]).toMatchObject({ ok: false, error: { kind: 'upstream', root: 't.x' } });
  });

  it('compiles only the part of the cone the outputs read', () => {
    const cone = compileCone(new LiveGraph(edgeDefs()), 't.x', ['t.inv']);
    expect(cone.steps).toEqual(['t.half', 't.inv']);
  });

  it('leaves the live graph untouched: values, evaluation counts, raw inputs, subscribers', () => {
    const g = new LiveGraph(edgeDefs());
    const before = g.snapshot();
    g.resetEvaluationCounts();
    let calls = 0;
    const stop = g.subscribe('t.total', () => calls++);
    compiledSweeper.sweep(g, 't.x', EDGE_VALUES, EDGE_OUTPUTS);
    stop();
    expect(calls).toBe(1); // the subscription's first call only
    expect([...g.evaluationCounts().values()].every((n) => n === 0)).toBe(true);
    for (const [id, v] of g.snapshot()) expect(v).toBe(before.get(id));
    expect(g.rawInput('t.x')).toBe(2);
    expect(g.provenance('t.x')).toBe('default');
  });

  it(`is what sweep() runs from ${COMPILE_THRESHOLD} values on (signals below)`, () => {
    const prev = setSweeper(autoSweeper);
    try {
      const g = new LiveGraph(edgeDefs());
      g.snapshot();
      g.resetEvaluationCounts();
      sweep(g, 't.x', [1, 2], ['t.total']);
      expect(g.evaluations('t.total')).toBe(2);
      g.resetEvaluationCounts();
      sweep(g, 't.x', Array.from({ length: COMPILE_THRESHOLD }, (_, i) => i), ['t.total']);
      expect(g.evaluations('t.total')).toBe(0);
    } finally {
      setSweeper(prev);
    }
  });
});

const MODES = [
  { name: 'inference (Llama3_8B on H100)', scenario: { model: 'Llama3_8B', hardware: 'H100' } },
  { name: 'training (Llama3_70B on Frontier_8K)', scenario: { model: 'Llama3_70B', hardware: 'H100', system: 'Frontier_8K', mode: 'training', layout: 'given' } },
];

/** Values to sweep an input over: its default, neighbours, and values the domain refuses. */
function valuesFor(def: Plain): Plain[] {
  const bad: Plain[] = [Number.NaN, Infinity, -Infinity, -1, 0, 1e300, 0.5, 'nonsense', null, true];
  if (typeof def === 'number') return [def, def * 2, def / 3, def + 1, ...bad];
  return [def, ...bad];
}

describe('compiled and signal sweeps agree to the last bit on the full scenarios', () => {
  for (const m of MODES) {
    it(`${m.name}: every input, every cell, valid and invalid values`, () => {
      const built = buildScenario(m.scenario);
      const g = built.graph;
      const outputs = g.topology.ids;
      const before = g.snapshot();
      let compared = 0;
      for (const id of g.topology.inputIds) {
        const values = valuesFor(g.rawInput(id));
        const a = compiledSweeper.sweep(g, id, values, outputs);
        const b = signalSweeper.sweep(g, id, values, outputs);
        expect(firstDifference(a, b)).toBeUndefined();
        expect(firstDifference(interpreted(g, id, values, outputs), b)).toBeUndefined();
        compared += values.length * outputs.length;
      }
      expect(compared).toBeGreaterThan(100_000);
      for (const [id, v] of g.snapshot()) expect(sameBits(v, before.get(id)!)).toBe(true);
    }, 60_000);
  }

  it('agrees over a 2,000-point batch-size sweep of the scorecard cells', () => {
    const g = buildScenario(MODES[0].scenario).graph;
    const outputs = g.topology.ids.filter((id) => /^(feasibility|performance|macro)\./.test(id));
    const values = Array.from({ length: 2000 }, (_, i) => i * 37 + 1);
    expect(firstDifference(compiledSweeper.sweep(g, 'scenario.batch_size', values, outputs), signalSweeper.sweep(g, 'scenario.batch_size', values, outputs))).toBeUndefined();
  });
});
