/**
 * Sensitivity (physics.md wall 21): the elasticity E = (x/f)·∂f/∂x of an output with
 * respect to every input in its upstream cone, by finite differences evaluated on scratch
 * values (nothing persists). Ranked by |E|; the largest is the binding constraint.
 */
import { checkDomain } from './domain.js';
import type { LiveGraph } from './live.js';
import { withScratchInputs } from './scratch.js';
import type { CellError } from './values.js';

export type ElasticityMethod = 'central' | 'one-sided' | 'zero-input' | 'discrete';

export interface Elasticity {
  readonly input: string;
  /** Finite elasticity, when computed. */
  readonly value?: number;
  /** Why there is no value: "n/a (discrete)", the root message of an error, … */
  readonly note?: string;
  readonly method?: ElasticityMethod;
}

export interface SensitivityResult {
  readonly output: string;
  readonly perturbation: number;
  /** f₀, when the output is a number. */
  readonly baseline?: number;
  /** Entries ranked by |E| (largest first), then those without a value, by id. */
  readonly entries: readonly Elasticity[];
  /** The input with the largest |E|; ties (relative ≤ 1e-9) go to the smaller id. */
  readonly binding?: string;
  /** Set when the output itself is an error or not a number. */
  readonly error?: CellError | { kind: 'numeric'; message: string };
}

export interface SensitivityOptions {
  /** h, 0 < h ≤ 0.5 (default 0.01). */
  readonly perturbation?: number;
  /** Perturb integer inputs with integer steps (default true). */
  readonly includeDiscrete?: boolean;
}

export function sensitivity(graph: LiveGraph, output: string, options: SensitivityOptions = {}): SensitivityResult {
  const h = options.perturbation ?? 0.01;
  if (!(h > 0 && h <= 0.5)) throw new RangeError(`perturbation must be a number in (0, 0.5] (got ${h})`);
  const includeDiscrete = options.includeDiscrete ?? true;
  const base = graph.get(output);
  if (!base.ok) return { output, perturbation: h, entries: [], error: base.error };
  if (typeof base.value !== 'number' || !Number.isFinite(base.value)) {
    return { output, perturbation: h, entries: [], error: { kind: 'numeric', message: `${output} is not a finite number` } };
  }
  const f0 = base.value;
  const inputs = [...graph.topology.upstreamInputs(output)].sort();
  const entries = inputs.map((id) => elasticityOf(graph, output, id, f0, h, includeDiscrete));
  const ranked = rank(entries);
  const top = ranked[0];
  return { output, perturbation: h, baseline: f0, entries: ranked, binding: top?.value !== undefined ? top.input : undefined };
}

function rank(entries: Elasticity[]): Elasticity[] {
  const withValue = entries.filter((e) => e.value !== undefined);
  const without = entries.filter((e) => e.value === undefined);
  withValue.sort((a, b) => {
    const x = Math.abs(a.value!);
    const y = Math.abs(b.value!);
    const tie = Math.abs(x - y) <= 1e-9 * Math.max(x, y);
    return tie ? (a.input < b.input ? -1 : 1) : y - x;
  });
  return [...withValue, ...without];
}

function elasticityOf(graph: LiveGraph, output: string, id: string, f0: number, h: number, includeDiscrete: boolean): Elasticity {
  const def = graph.def(id);
  if (def.kind !== 'input') return { input: id, note: 'not an input' };
  const cur = graph.get(id);
  if (!cur.ok) return { input: id, note: cur.error.message };
  const x = cur.value;
  if (x === null) return { input: id, note: 'unset' };
  if (def.domain.kind !== 'number' || typeof x !== 'number') return { input: id, note: 'n/a (discrete)' };
  if (f0 === 0) return { input: id, note: 'elasticity undefined at zero output' };
  if (x === 0) return { input: id, value: 0, method: 'zero-input' };
  const integer = def.domain.integer === true;
  if (integer && !includeDiscrete) return { input: id, note: 'n/a (discrete)' };
  const step = integer ? Math.max(1, Math.round(h * x)) : h * x;
  const up = x + step;
  const down = x - step;
  const valid = (v: number) => checkDomain(id, def.domain, v) === undefined;
  const at = (v: number): number | string =>
    withScratchInputs(graph, [id], () => {
      graph.restoreInput(id, v, 'user');
      const r = graph.get(output);
      if (!r.ok) return r.error.message;
      return typeof r.value === 'number' ? r.value : `${output} is not a number`;
    });
  const okUp = valid(up);
  const okDown = valid(down);
  if (!okUp && !okDown) return { input: id, note: 'not perturbable at this point' };
  if (okUp && okDown) {
    const fUp = at(up);
    const fDown = at(down);
    if (typeof fUp === 'string') return { input: id, note: fUp };
    if (typeof fDown === 'string') return { input: id, note: fDown };
    // E = (x/f₀)·Δf/Δx; with Δx = 2h·x this is the spec's [f(x(1+h)) − f(x(1−h))]/(2h·f₀).
    return { input: id, value: ((fUp - fDown) / (2 * step)) * (x / f0), method: 'central' };
  }
  // One-sided on the valid side. The two-point form [f(x±Δ) − f₀]/(±Δ) is only first-order
  // accurate (error O(h)), and that 1 % bias would outrank inputs whose true elasticities are
  // equal — e.g. η_bw = 1 against memory_bandwidth, which enter T_m as a product (§12.1 names
  // memory_bandwidth binding). So use the second-order three-point form
  // [−3f₀ + 4f(x±Δ) − f(x±2Δ)]/(±2Δ), as accurate as the central difference, when x±2Δ is
  // still valid; else the two-point form.
  const dir = okUp ? 1 : -1;
  const f1 = at(x + dir * step);
  if (typeof f1 === 'string') return { input: id, note: f1 };
  const x2 = x + 2 * dir * step;
  const f2 = valid(x2) ? at(x2) : undefined;
  if (typeof f2 === 'string') return { input: id, note: f2 };
  const slope = f2 === undefined ? (f1 - f0) / (dir * step) : (-3 * f0 + 4 * f1 - f2) / (2 * dir * step);
  return { input: id, value: slope * (x / f0), method: 'one-sided' };
}
