/**
 * The generic analyses on a live graph: sensitivity (elasticities), goal seek and grid
 * search. Expected values are derived by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { derived, gate, goalSeek, gridSearch, input, LiveGraph, number, paretoFront, sensitivity } from '../../src/graph/index.js';

const num = (id: string, def: number, extra: object = {}) =>
  input({ id, label: id, doc: id, unit: '1', layer: 'A', default: def, domain: { kind: 'number', min: 0, minExclusive: true, ...extra } });

/*
 *   a   b   c      n (integer ≥ 1)
 *    \  |  /       |
 *     f = a·b²/c   g = f·n
 */
function powerLaw(): LiveGraph {
  return new LiveGraph([
    num('t.a', 3),
    num('t.b', 2),
    num('t.c', 4),
    input({ id: 't.n', label: 'n', doc: 'n', unit: '1', layer: 'A', default: 100, domain: { kind: 'number', min: 1, integer: true } }),
    input({ id: 't.mode', label: 'mode', doc: 'mode', unit: 'enum', layer: 'A', default: 'x', domain: { kind: 'choice', choices: ['x', 'y'] } }),
    derived({ id: 't.f', label: 'f', doc: 'f', unit: '1', layer: 'E', formula: 'a·b²/c', inputs: { a: number('t.a'), b: number('t.b'), c: number('t.c'), mode: gate('t.mode') }, compute: ({ a, b, c }) => (a * b ** 2) / c }),
    derived({ id: 't.g', label: 'g', doc: 'g', unit: '1', layer: 'E', formula: 'f·n', inputs: { f: number('t.f'), n: number('t.n') }, compute: ({ f, n }) => f * n }),
  ]);
}

describe('sensitivity', () => {
  it('sensitivity(graph, output) gives central-difference elasticities of a power law', () => {
    const g = powerLaw();
    const r = sensitivity(g, 't.g', { perturbation: 0.01 });
    const by = Object.fromEntries(r.entries.map((e) => [e.input, e]));
    // f = a·b²/c = 3·4/4 = 3; g = 300.
    expect(r.baseline).toBe(300);
    // Exponent 1: [(1+h) − (1−h)]/(2h) = 1.
    expect(by['t.a'].value).toBeCloseTo(1, 12);
    // Exponent 2: [(1+h)² − (1−h)²]/(2h) = 4h/2h = 2.
    expect(by['t.b'].value).toBeCloseTo(2, 12);
    // Exponent −1: [1/(1+h) − 1/(1−h)]/(2h) = −1/(1−h²) = −1/0.9999.
    expect(by['t.c'].value).toBeCloseTo(-1 / 0.9999, 12);
    // Integer n = 100, Δ = round(0.01·100) = 1: (n/g)·[g(101) − g(99)]/2 = (100/300)·(303 − 297)/2 = 1.
    expect(by['t.n'].value).toBeCloseTo(1, 12);
    expect(by['t.mode'].note).toBe('n/a (discrete)');
    expect(r.binding).toBe('t.b');
    expect(r.entries[0].input).toBe('t.b');
  });

  it('sensitivity leaves every input as it was', () => {
    const g = powerLaw();
    g.set('t.a', 5);
    sensitivity(g, 't.g');
    expect(g.overrides()).toEqual({ 't.a': 5 });
    expect(g.value('t.g')).toBe(500);
    expect(g.provenance('t.b')).toBe('default');
  });

  it('sensitivity falls back to a one-sided difference at a domain edge', () => {
    const g = powerLaw();
    g.set('t.n', 1);
    // n = 1 has no lower neighbour: (1/f₀)·[g(2) − g(1)]/1 = (1/3)·(6 − 3) = 1.
    const r = sensitivity(g, 't.g');
    const e = r.entries.find((x) => x.input === 't.n')!;
    expect(e.method).toBe('one-sided');
    expect(e.value).toBeCloseTo(1, 12);
  });

  it('sensitivity lists integer inputs as n/a when discrete inputs are excluded', () => {
    const r = sensitivity(powerLaw(), 't.g', { includeDiscrete: false });
    expect(r.entries.find((x) => x.input === 't.n')!.note).toBe('n/a (discrete)');
  });

  it('sensitivity of an error output reports the error', () => {
    const g = powerLaw();
    g.set('t.c', -1);
    const r = sensitivity(g, 't.g');
    expect(r.error?.kind).toBe('upstream');
    expect(r.entries).toEqual([]);
  });
});

describe('goal seek', () => {
  it('goalSeek recovers a known input: set x, read y, forget x, seek y → x', () => {
    const g = powerLaw();
    g.set('t.b', 7.3);
    const target = g.value('t.g') as number; // 3·7.3²/4·100
    g.reset('t.b');
    const r = goalSeek(g, { input: 't.b', output: 't.g', goal: 'equal', target });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Math.abs(r.solution - 7.3) / 7.3).toBeLessThan(1e-3);
    expect(g.value('t.b')).toBe(2);
  });

  it('goalSeek on an integer input returns the boundary integer for at_most', () => {
    const g = powerLaw();
    // g = 3·n; the largest n with 3n ≤ 100 is 33.
    const r = goalSeek(g, { input: 't.n', output: 't.g', goal: 'at_most', target: 100, lo: 1, hi: 1000 });
    expect(r.ok && r.solution).toBe(33);
  });

  it('goalSeek reports "no solution in range" with the closest point', () => {
    const g = powerLaw();
    // g = 75·b² on b ∈ [1, 2] spans [75, 300]: 1000 is out of reach; closest 300 at b = 2.
    const r = goalSeek(g, { input: 't.b', output: 't.g', goal: 'equal', target: 1000, lo: 1, hi: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('no_solution');
      expect(r.message).toContain('no value of t.b in [1, 2]');
      expect(r.closest).toEqual({ x: 2, y: 300 });
    }
  });
});

describe('grid search', () => {
  it('gridSearch agrees with brute force and leaves the graph as it was', () => {
    const g = powerLaw();
    const as = [1, 2, 3, 4];
    const bs = [0.5, 1, 1.5];
    const cs = [1, 2, 8];
    // Maximise g = a·b²·100/c subject to g ≤ 500.
    let best = -Infinity;
    let feasible = 0;
    for (const a of as) for (const b of bs) for (const c of cs) {
      const v = ((a * b * b) / c) * 100;
      if (v <= 500) {
        feasible++;
        best = Math.max(best, v);
      }
    }
    const r = gridSearch(g, {
      axes: [{ input: 't.a', values: as }, { input: 't.b', values: bs }, { input: 't.c', values: cs }],
      objective: { cell: 't.g', sense: 'max' },
      constraints: [{ cell: 't.g', max: 500 }],
      topK: 3,
    });
    expect(r.total).toBe(36);
    expect(r.tried).toBe(36);
    expect(r.feasible).toBe(feasible);
    expect(r.best?.objective).toBe(best);
    expect(r.top).toHaveLength(3);
    expect(g.overrides()).toEqual({});
  });

  it('gridSearch reports progress and honours a prefilter', () => {
    const seen: number[] = [];
    const r = gridSearch(powerLaw(), {
      axes: [{ input: 't.n', values: [1, 2, 3, 4, 5, 6] }],
      objective: { cell: 't.g', sense: 'min' },
      prefilter: (v) => (v['t.n'] as number) % 2 === 0,
      onProgress: (done) => seen.push(done),
      progressEvery: 2,
    });
    expect(r.tried).toBe(3);
    expect(r.best?.values['t.n']).toBe(2);
    expect(seen).toEqual([2, 4, 6]);
  });

  it('the Pareto front contains no dominated point', () => {
    const pts = [
      [1, 9], [2, 7], [3, 8], [4, 3], [5, 5], [6, 1], [7, 2],
    ].map(([x, y]) => ({ values: {}, objective: x, objective2: y, report: {} }));
    // Minimise both: (3,8) is dominated by (2,7); (5,5) by (4,3); (7,2) by (6,1).
    const front = paretoFront(pts, 'min', 'min').map((c) => [c.objective, c.objective2]);
    expect(front).toEqual([[1, 9], [2, 7], [4, 3], [6, 1]]);
  });
});
