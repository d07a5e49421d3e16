/**
 * Goal seek (physics.md wall 22.2): find the value of an input x that makes an output y
 * equal, stay under or reach a target, within a range. Bracket on a 64-point grid when the
 * endpoints do not, then bisect (geometric midpoints on a log scale; integers for integer
 * inputs). Evaluated on scratch values: the live graph is left as it was.
 */
import type { LiveGraph } from './live.js';
import { withScratchInputs } from './scratch.js';
import { range } from './sweep.js';

export type SeekGoal = 'equal' | 'at_most' | 'at_least';

export interface SeekOptions {
  readonly input: string;
  readonly output: string;
  readonly goal?: SeekGoal;
  readonly target: number;
  readonly lo?: number;
  readonly hi?: number;
  readonly scale?: 'linear' | 'log';
  /** A point counts only when this holds (e.g. the scenario is feasible). */
  readonly accept?: (graph: LiveGraph) => boolean;
}

export type SeekResult =
  | {
      readonly ok: true;
      readonly solution: number;
      readonly achieved: number;
      readonly iterations: number;
      /** The 64-point grid was evaluated and g was monotone on it. */
      readonly monotoneChecked: boolean;
      readonly warnings: readonly string[];
      readonly lo: number;
      readonly hi: number;
    }
  | {
      readonly ok: false;
      readonly kind: 'no_solution' | 'invalid_input';
      readonly message: string;
      readonly closest?: { readonly x: number; readonly y: number };
    };

interface Point {
  readonly x: number;
  /** y(x), or undefined when the point errors or is not accepted. */
  readonly y?: number;
}

export function goalSeek(graph: LiveGraph, o: SeekOptions): SeekResult {
  const goal = o.goal ?? 'equal';
  const def = graph.def(o.input);
  if (def.kind !== 'input' || def.domain.kind !== 'number') {
    return { ok: false, kind: 'invalid_input', message: `${o.input} is not a numeric input cell` };
  }
  if (!graph.has(o.output)) return { ok: false, kind: 'invalid_input', message: `unknown cell ${o.output}` };
  if (!Number.isFinite(o.target)) return { ok: false, kind: 'invalid_input', message: `seek target must be finite (got ${o.target})` };
  const x0 = graph.value(o.input);
  const d = def.domain;
  const integer = d.integer === true;
  const base = typeof x0 === 'number' && x0 > 0 ? x0 : 1;
  // Default range: the domain bounds, clipped to [x₀/1000, 1000·x₀] (wall 22.2).
  let lo = o.lo ?? Math.max(d.min ?? -Infinity, base / 1000);
  let hi = o.hi ?? Math.min(d.max ?? Infinity, base * 1000);
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  if (!(lo < hi)) return { ok: false, kind: 'invalid_input', message: `seek range [${lo}, ${hi}] of ${o.input} is empty` };
  const scale = o.scale ?? (lo > 0 && hi / lo >= 100 ? 'log' : 'linear');
  const g = (y: number) => y - o.target;
  const acceptable = (y: number) => (goal === 'at_most' ? g(y) <= 0 : goal === 'at_least' ? g(y) >= 0 : false);
  return withScratchInputs(graph, [o.input], () => {
    const evalAt = (x: number): Point => {
      graph.restoreInput(o.input, x, 'user');
      const r = graph.get(o.output);
      if (!r.ok || typeof r.value !== 'number' || Number.isNaN(r.value)) return { x };
      if (o.accept && !o.accept(graph)) return { x };
      return { x, y: r.value };
    };
    const brackets = (a: Point, b: Point): boolean => {
      if (a.y === undefined || b.y === undefined) return false;
      if (goal === 'equal') return g(a.y) === 0 || g(b.y) === 0 || Math.sign(g(a.y)) !== Math.sign(g(b.y));
      return acceptable(a.y) !== acceptable(b.y);
    };
    let a = evalAt(lo);
    let b = evalAt(hi);
    let iterations = 2;
    let monotoneChecked = false;
    const warnings: string[] = [];
    if (!brackets(a, b)) {
      const xs = range(lo, hi, 64, scale).map((x) => (integer ? Math.round(x) : x));
      const grid = xs.map(evalAt);
      iterations += grid.length;
      const valid = grid.filter((p) => p.y !== undefined);
      const pair = grid.findIndex((p, i) => i > 0 && brackets(grid[i - 1], p));
      if (pair < 0) {
        const closest = valid.reduce<Point | undefined>((best, p) => (best === undefined || Math.abs(g(p.y!)) < Math.abs(g(best.y!)) ? p : best), undefined);
        const goalText = goal === 'equal' ? '=' : goal === 'at_most' ? '≤' : '≥';
        const near = closest ? `; closest ${closest.y} at ${closest.x}` : '; every point errors';
        return {
          ok: false,
          kind: 'no_solution',
          message: `no value of ${o.input} in [${lo}, ${hi}] gives ${o.output} ${goalText} ${o.target}${near}`,
          closest: closest ? { x: closest.x, y: closest.y! } : undefined,
        };
      }
      a = grid[pair - 1];
      b = grid[pair];
      monotoneChecked = isMonotone(valid.map((p) => p.y!));
      if (!monotoneChecked) warnings.push(`${o.output} is not monotone in ${o.input} on [${lo}, ${hi}]; this is the first crossing found`);
    } else {
      warnings.push('the range endpoints bracket the goal; monotonicity was not checked');
    }
    // Bisection. For at_most/at_least keep the acceptable end; for equal keep the sign change.
    for (let i = 0; i < 200; i++) {
      if (integer ? b.x - a.x <= 1 : Math.abs(b.x - a.x) <= 1e-6 * Math.max(Math.abs(a.x), 1e-12)) break;
      if (goal === 'equal' && a.y !== undefined && Math.abs(g(a.y)) <= 1e-9 * Math.max(Math.abs(o.target), 1e-30)) break;
      let mid = scale === 'log' && a.x > 0 && b.x > 0 ? Math.sqrt(a.x * b.x) : (a.x + b.x) / 2;
      if (integer) mid = Math.floor(mid) === a.x ? a.x + 1 : Math.floor(mid);
      const m = evalAt(mid);
      iterations++;
      if (brackets(a, m)) b = m;
      else a = m;
    }
    let best: Point;
    if (goal === 'equal') best = Math.abs(g(a.y ?? Infinity)) <= Math.abs(g(b.y ?? Infinity)) ? a : b;
    else best = a.y !== undefined && acceptable(a.y) ? a : b;
    evalAt(best.x);
    return { ok: true, solution: best.x, achieved: best.y!, iterations, monotoneChecked, warnings, lo, hi };
  });
}

function isMonotone(ys: readonly number[]): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < ys.length; i++) {
    if (ys[i] < ys[i - 1]) up = false;
    if (ys[i] > ys[i - 1]) down = false;
  }
  return up || down;
}
