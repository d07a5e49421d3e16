/**
 * Inverse questions over the scenario itself (physics.md wall 22.2, the issue "Physics IV"):
 * "what is the longest context that fits?" and "how many devices do I need?". Each point is the
 * scenario rebuilt with that context or device count — so an automatic layout is searched again
 * at every point (more context may fit with more context parallelism; more devices split the
 * model further) — and it counts only when the scenario fits (the Feasibility lens's cells are
 * true) and, when a target is given, the target cell meets it.
 *
 *   context   the largest context x in [lo, hi] that is acceptable (memory grows with x);
 *   devices   the smallest device count N that is acceptable, over whole nodes of the scenario's
 *             node (1, the divisors of g, then k·g): fewer devices never fit better.
 *
 * Both bisect on integers after checking the ends, so they assume acceptability changes once
 * over the range; the answer is checked against its neighbour, and the reason the neighbour
 * fails (memory, or the target) is reported.
 */
import { FEASIBILITY_CELLS, metricSources } from '../nodes/analysis/index.js';
import { formatPlain, type LiveGraph } from '../graph/index.js';
import { registry as defaultRegistry } from '../registry/index.js';
import type { Registry } from '../registry/index.js';
import { type BuildOptions, buildScenario, type BuiltScenario } from './build.js';
import { loadScenario } from './load.js';
import type { Scenario } from './schema.js';
import { divisors } from './optimize/training-layouts.js';

export type ScenarioQuestion = 'context' | 'devices';
export type SeekGoalKind = 'at_most' | 'at_least';

export interface ScenarioTarget {
  readonly cell: string;
  readonly goal: SeekGoalKind;
  /** SI value of the target cell. */
  readonly value: number;
}

export interface ScenarioSeekOptions {
  readonly question: ScenarioQuestion;
  /** Range of the answer (tokens or devices); defaults below. */
  readonly lo?: number;
  readonly hi?: number;
  readonly target?: ScenarioTarget;
}

/** Why a point is not acceptable: it does not fit, or it misses the target. */
export interface PointVerdict {
  readonly x: number;
  readonly fits: boolean;
  readonly meets: boolean;
  /** "memory 81.2 GB / 80.0 GB" or "serving.itl = 0.052 (target at_most 0.05)". */
  readonly reason: string;
}

export interface ScenarioSeekResult {
  readonly question: ScenarioQuestion;
  /** The scenario's name ("Llama3_8B on H100"). */
  readonly name: string;
  /** The answer (tokens or devices), when one exists in the range. */
  readonly solution?: number;
  /** The scenario built at the answer. */
  readonly built?: BuiltScenario;
  /** The neighbour just past the answer and why it is not acceptable (absent at a range end). */
  readonly next?: PointVerdict;
  /** Nothing in the range is acceptable: why at the most favourable end. */
  readonly none?: PointVerdict;
  /** No point of the range fits at all (exit 2 in the CLI). */
  readonly infeasible: boolean;
  readonly lo: number;
  readonly hi: number;
  readonly evaluations: number;
  readonly warnings: readonly string[];
}

/** The scenario fits: every Feasibility-lens cell of its mode is true (scorecard.ts). */
export function scenarioFits(graph: LiveGraph): boolean {
  const mode = graph.value('scenario.mode');
  if (mode !== 'inference' && mode !== 'serving' && mode !== 'training') return false;
  return FEASIBILITY_CELLS[mode].every((id) => {
    if (!graph.has(id)) return true;
    const v = graph.get(id);
    return v.ok && v.value === true;
  });
}

const gb = (b: number) => `${(b / 1e9).toFixed(1)} GB`;

/** "memory 81.2 GB / 80.0 GB" from the mode's Feasibility metrics (metric-sources.ts). */
function memoryText(graph: LiveGraph): string {
  const mode = graph.value('scenario.mode') as 'inference' | 'serving' | 'training';
  const cell = (key: string) => metricSources(mode).find((s) => s.lens === 'feasibility' && s.key === key && graph.has(s.cell))?.cell;
  const read = (id: string | undefined) => {
    const v = id ? graph.get(id) : undefined;
    return v?.ok && typeof v.value === 'number' ? v.value : undefined;
  };
  const used = read(cell('memory_used_gb'));
  const cap = read(cell('memory_capacity_gb'));
  if (used === undefined || cap === undefined) return 'the scenario does not fit';
  const over = used > cap ? ` (${formatPlain(used - cap, 'B')} over)` : '';
  return `memory ${gb(used)} / ${gb(cap)} per device${over}`;
}

function verdict(built: BuiltScenario, x: number, target: ScenarioTarget | undefined): PointVerdict {
  const g = built.graph;
  const fits = scenarioFits(g);
  if (!fits) return { x, fits, meets: false, reason: `does not fit: ${memoryText(g)}` };
  if (!target) return { x, fits, meets: true, reason: `fits: ${memoryText(g)}` };
  const v = g.has(target.cell) ? g.get(target.cell) : undefined;
  const y = v?.ok && typeof v.value === 'number' ? v.value : undefined;
  const meets = y !== undefined && (target.goal === 'at_most' ? y <= target.value : y >= target.value);
  const shown = y === undefined ? (v && !v.ok ? `an error (${v.error.message})` : 'not computed') : String(y);
  return { x, fits, meets, reason: `${target.cell} = ${shown} (target ${target.goal} ${target.value}); ${memoryText(g)}` };
}

/** The scenario at context x: scenario.context_len, and communication.seq_len when the scenario sets it. */
function withContext(s: Scenario, x: number): Scenario {
  const overrides = { ...(s.overrides ?? {}), 'scenario.context_len': x };
  if ('communication.seq_len' in overrides) overrides['communication.seq_len'] = x;
  return { ...s, overrides };
}

/** Devices of one node and the node (and fabric) the scenario uses, to grow it by whole nodes. */
function nodeShape(s: Scenario, built: BuiltScenario, reg: Registry): { perNode: number; node?: string; fabric?: string } {
  const sys = s.system;
  if (typeof sys === 'string') {
    if (reg.has('cluster', sys)) {
      const r = reg.resolveCluster(sys);
      return { perNode: r.node.gpus_per_node, node: r.node.id, fabric: r.fabric.id };
    }
    const node = reg.lookup('node', sys);
    return { perNode: node.gpus_per_node, node: node.id };
  }
  if (sys) return { perNode: sys.accelerators_per_node, node: sys.node, fabric: typeof sys.fabric === 'string' ? sys.fabric : undefined };
  const own = reg.list('node').find((n) => n.accelerator === built.ctx.device.id);
  return own ? { perNode: own.gpus_per_node, node: own.id } : { perNode: 1 };
}

/** The scenario on N devices: within one node up to g, then whole nodes; the mode is kept. */
function withDevices(s: Scenario, mode: string, shape: { perNode: number; node?: string; fabric?: string }, n: number): Scenario {
  const { node: _node, ...inline } = typeof s.system === 'object' ? s.system : { node: undefined };
  const perNode = n <= shape.perNode ? n : shape.perNode;
  const nodes = n <= shape.perNode ? 1 : n / shape.perNode;
  // A partial node is not the catalogue node (its NICs and power are for the whole one).
  const system = {
    ...inline, node_count: nodes, accelerators_per_node: perNode,
    ...(shape.node && perNode === shape.perNode ? { node: shape.node } : {}),
    ...(shape.fabric && nodes > 1 ? { fabric: shape.fabric } : {}),
  };
  return { ...s, system, mode: mode as Scenario['mode'] };
}

/** Device counts to try: 1, the divisors of g, then k·g up to hi. */
function deviceCounts(perNode: number, lo: number, hi: number): number[] {
  const out = new Set<number>(divisors(perNode));
  for (let k = 2; k * perNode <= hi; k++) out.add(k * perNode);
  return [...out].filter((n) => n >= lo && n <= hi).sort((a, b) => a - b);
}

/** Ascending candidates: how many, and the i-th (a range of integers is not listed out). */
interface Candidates {
  readonly length: number;
  at(i: number): number;
}

/** Where the boundary search ended: the answer and its neighbour, or why nothing is acceptable. */
interface Boundary {
  readonly at?: PointVerdict;
  readonly next?: PointVerdict;
  readonly none?: PointVerdict;
  readonly count: number;
}

/**
 * The boundary of acceptability over ascending candidates: for `largest`, the last acceptable
 * before the first that is not; for `smallest`, the first acceptable. Bisection over indices
 * after checking the ends (acceptability assumed to change once). A generator that yields the
 * number of points judged after each one, so a page can give the browser a turn between the
 * builds (seekScenarioAsync); seekScenario runs it straight through — the same points in the
 * same order either way.
 */
function* boundary(xs: Candidates, judge: (x: number) => PointVerdict, largest: boolean): Generator<number, Boundary, void> {
  let count = 0;
  const at = (i: number) => { count++; return judge(xs.at(i)); };
  const first = at(largest ? 0 : xs.length - 1);
  if (!first.meets) return { none: first, count };
  if (xs.length === 1) return { at: first, count };
  yield count;
  const last = at(largest ? xs.length - 1 : 0);
  if (last.meets) return { at: last, count };
  // good: index known acceptable; bad: index known not acceptable.
  let good = largest ? 0 : xs.length - 1;
  let bad = largest ? xs.length - 1 : 0;
  let goodV = first;
  let badV = last;
  while (Math.abs(good - bad) > 1) {
    yield count;
    const mid = Math.floor((good + bad) / 2);
    const v = at(mid);
    if (v.meets) { good = mid; goodV = v; } else { bad = mid; badV = v; }
  }
  return { at: goodV, next: badV, count };
}

/** At most how many points `boundary` judges over n candidates (the two ends, then bisection). */
const maxSteps = (n: number): number => (n <= 1 ? 1 : 2 + Math.ceil(Math.log2(n - 1)));

/** A prepared question: the search to run and how to turn its end into the result. */
interface PreparedSeek {
  readonly steps: Generator<number, Boundary, void>;
  /** The most points the search may judge (for a progress bar). */
  readonly total: number;
  finish(r: Boundary): ScenarioSeekResult;
}

/** Builds the scenario once (to learn its mode and node) and sets up the search. */
function prepareSeek(input: Scenario | unknown, options: BuildOptions, o: ScenarioSeekOptions): PreparedSeek {
  const reg = options.registry ?? defaultRegistry();
  const { scenario } = loadScenario(input, { registry: reg });
  const base = buildScenario(scenario, options);
  const mode = base.ctx.mode;
  const warnings: string[] = [];
  const shape = nodeShape(scenario, base, reg);
  const cache = new Map<number, BuiltScenario>();
  const build = (x: number): BuiltScenario => {
    let b = cache.get(x);
    if (!b) {
      b = buildScenario(o.question === 'context' ? withContext(scenario, x) : withDevices(scenario, mode, shape, x), options);
      cache.set(x, b);
    }
    return b;
  };
  const lo = o.lo ?? 1;
  // Context: up to 2^24 tokens (16.8 M), past every catalogue model's context. Devices: 1024 nodes.
  const hi = o.hi ?? (o.question === 'context' ? 16_777_216 : 1024 * shape.perNode);
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && lo <= hi)) throw new RangeError(`the range [${lo}, ${hi}] must be integers 1 ≤ LO ≤ HI`);
  let xs: Candidates;
  if (o.question === 'context') {
    xs = { length: hi - lo + 1, at: (i) => lo + i };
  } else {
    const counts = deviceCounts(shape.perNode, lo, hi);
    if (!counts.length) throw new RangeError(`no device count in [${lo}, ${hi}] is a divisor of ${shape.perNode} or a whole number of ${shape.perNode}-device nodes`);
    xs = { length: counts.length, at: (i) => counts[i] };
  }
  const judge = (x: number) => verdict(build(x), x, o.target);
  const finish = (r: Boundary): ScenarioSeekResult => {
    const infeasible = r.none !== undefined && !r.none.fits;
    const max = base.ctx.model.max_context_tokens;
    if (o.question === 'context' && r.at && max !== undefined && r.at.x > max) {
      warnings.push(`${r.at.x} tokens fit in memory, but ${base.ctx.model.id} supports ${max} tokens of context (catalogue max_context_tokens)`);
    }
    return {
      question: o.question, name: base.name, lo, hi, evaluations: r.count, warnings: [...base.warnings, ...warnings], infeasible,
      ...(r.at ? { solution: r.at.x, built: build(r.at.x) } : {}),
      ...(r.next ? { next: r.next } : {}),
      ...(r.none ? { none: r.none } : {}),
    };
  };
  return { steps: boundary(xs, judge, o.question === 'context'), total: maxSteps(xs.length), finish };
}

/** Answers the question for a scenario (built once here to learn its mode and node). */
export function seekScenario(input: Scenario | unknown, options: BuildOptions, o: ScenarioSeekOptions): ScenarioSeekResult {
  const p = prepareSeek(input, options, o);
  let step = p.steps.next();
  while (!step.done) step = p.steps.next();
  return p.finish(step.value);
}

export interface SeekProgress {
  /** Called after each point judged: how many so far, and at most how many in all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked between points; true stops the search (the promise resolves to undefined). */
  readonly cancelled?: () => boolean;
  /** How to give the page a turn between points (default: a macrotask). */
  readonly yieldToPage?: () => Promise<void>;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * seekScenario for a page: the same search over the same points (so the same answer as the CLI's
 * `seek --vary context|devices`), with a turn for the browser after each scenario built — one
 * build is tens of milliseconds; with an automatic layout search (a fleet in training or
 * serving) one build can take a few hundred, which no yield can split.
 * Bad input throws at once, as seekScenario does.
 */
export async function seekScenarioAsync(input: Scenario | unknown, options: BuildOptions, o: ScenarioSeekOptions, progress: SeekProgress = {}): Promise<ScenarioSeekResult | undefined> {
  const p = prepareSeek(input, options, o);
  const pause = progress.yieldToPage ?? macrotask;
  // The scenario was built once to learn its mode and node: a turn for the page before the first point.
  progress.onProgress?.(0, p.total);
  await pause();
  if (progress.cancelled?.()) return undefined;
  let step = p.steps.next();
  while (!step.done) {
    progress.onProgress?.(step.value, p.total);
    await pause();
    if (progress.cancelled?.()) return undefined;
    step = p.steps.next();
  }
  progress.onProgress?.(step.value.count, step.value.count);
  return p.finish(step.value);
}
