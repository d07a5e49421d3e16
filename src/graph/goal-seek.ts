/**
 * Goal seek (physics.md wall 22.2): find the value of an input x that makes an output y
 * equal, stay under or reach a target, within a range. Bracket on a 64-point grid when the
 * endpoints do not, then bisect (geometric midpoints on a log scale; integers for integer
 * inputs). Evaluated on scratch values: the live graph is left as it was.
 *
 * `require_feasible` (wall 22.2, default true where the caller knows what feasible means):
 * with `feasible`, a point whose scenario does not fit never meets the goal. For at_most and
 * at_least such a point is unacceptable (so the answer may be the edge of what fits, and
 * `limitedBy` says so); for equal it is left out. When no point of the range fits at all the
 * result says `infeasible`.
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
  /** A point counts only when this holds; a point failing it is left out, as if it errored. */
  readonly accept?: (graph: LiveGraph) => boolean;
  /** The scenario fits at the current point (wall 22.2 require_feasible); a point that does not never meets the goal. */
  readonly feasible?: (graph: LiveGraph) => boolean;
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
      /**
       * What bounds the answer: the target, or (at_most/at_least with `feasible`) the edge of
       * what fits — the next point past the solution meets the target but does not fit.
       */
      readonly limitedBy: 'target' | 'feasibility';
    }
  | {
      readonly ok: false;
      readonly kind: 'no_solution' | 'invalid_input';
      readonly message: string;
      /** The closest point that fits (any point when `feasible` is not given). */
      readonly closest?: { readonly x: number; readonly y: number };
      /** No point of the range fits (only with `feasible`). */
      readonly infeasible?: boolean;
    };

interface Point {
  readonly x: number;
  /** y(x), or undefined when the point errors or is not accepted. */
  readonly y?: number;
  /** The scenario fits at x (always true without `feasible`). */
  readonly fits: boolean;
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
  const meets = (y: number) => (goal === 'at_most' ? g(y) <= 0 : goal === 'at_least' ? g(y) >= 0 : false);
  /** A point meets the goal: it fits and its y is on the right side of the target. */
  const acceptable = (p: Point) => p.fits && p.y !== undefined && meets(p.y);
  /** A point takes part in the search: for equal it must fit; an unfitting one is still a "no" for at_most/at_least. */
  const counts = (p: Point) => p.y !== undefined && (goal !== 'equal' || p.fits);
  return withScratchInputs(graph, [o.input], () => {
    const evalAt = (x: number): Point => {
      graph.restoreInput(o.input, x, 'user');
      const r = graph.get(o.output);
      if (!r.ok || typeof r.value !== 'number' || Number.isNaN(r.value)) return { x, fits: false };
      if (o.accept && !o.accept(graph)) return { x, fits: false };
      return { x, y: r.value, fits: o.feasible ? o.feasible(graph) : true };
    };
    const brackets = (a: Point, b: Point): boolean => {
      if (!counts(a) || !counts(b)) return false;
      if (goal === 'equal') return g(a.y!) === 0 || g(b.y!) === 0 || Math.sign(g(a.y!)) !== Math.sign(g(b.y!));
      return acceptable(a) !== acceptable(b);
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
      const valid = grid.filter((p) => p.y !== undefined && p.fits);
      const pair = grid.findIndex((p, i) => i > 0 && brackets(grid[i - 1], p));
      if (pair < 0) {
        const closest = valid.reduce<Point | undefined>((best, p) => (best === undefined || Math.abs(g(p.y!)) < Math.abs(g(best.y!)) ? p : best), undefined);
        const goalText = goal === 'equal' ? '=' : goal === 'at_most' ? '≤' : '≥';
        const none = o.feasible && !grid.some((p) => p.fits);
        const near = closest ? `; closest ${closest.y} at ${closest.x}` : none ? '; the scenario does not fit anywhere in the range' : '; every point errors';
        const which = o.feasible ? 'feasible value' : 'value';
        return {
          ok: false,
          kind: 'no_solution',
          message: `no ${which} of ${o.input} in [${lo}, ${hi}] gives ${o.output} ${goalText} ${o.target}${near}`,
          closest: closest ? { x: closest.x, y: closest.y! } : undefined,
          ...(none ? { infeasible: true } : {}),
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
    else best = acceptable(a) ? a : b;
    const other = best === a ? b : a;
    // The neighbour that is not acceptable met the target but did not fit: feasibility binds.
    const limitedBy = goal !== 'equal' && !other.fits && other.y !== undefined && meets(other.y) ? 'feasibility' : 'target';
    evalAt(best.x);
    return { ok: true, solution: best.x, achieved: best.y!, iterations, monotoneChecked, warnings, lo, hi, limitedBy };
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
