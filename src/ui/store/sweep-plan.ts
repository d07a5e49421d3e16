/**
 * A sweep spec (what a workbook saves: `{ x, y?, outputs }`, scenario schema `sweepShape`)
 * resolved against the current scenario's graph: the axis values in SI — integer inputs
 * rounded and deduplicated, exactly as `mlsysim sweep` does (src/cli/commands/sweep.ts) — and
 * the outputs with their units. A bad spec is refused with a message naming the field and the
 * allowed range; nothing is clamped.
 */
import { checkDomain, type LiveGraph, parseQuantity, parseUnit, range } from '../../graph/index.js';
import type { ScenarioSweep, SweepAxis } from '../../scenario/index.js';
import { feasibilityCells } from '../../scenario/feasible.js';

export interface ResolvedAxis {
  readonly cell: string;
  readonly label: string;
  /** The cell's unit ('1' for a pure number). */
  readonly unit: string;
  /** The unit the cell is shown in, when it declares one (g/kWh for g/J): charts label ticks in it. */
  readonly displayUnit?: string;
  readonly scale: 'linear' | 'log';
  readonly integer: boolean;
  /** The swept values in SI, in order. */
  readonly values: readonly number[];
}

interface ResolvedOutput {
  readonly cell: string;
  readonly label: string;
  readonly unit: string;
  readonly displayUnit?: string;
}

export interface SweepPlan {
  readonly x: ResolvedAxis;
  readonly y?: ResolvedAxis;
  readonly outputs: readonly ResolvedOutput[];
  /** Points to evaluate: |xs| × |ys| (|ys| = 1 for a one-axis sweep). */
  readonly points: number;
  /** The feasibility cells evaluated at every point too (scenario/feasible.ts), so charts can mark what would not run. */
  readonly checks?: readonly string[];
}

/** The schema's bounds on points per axis (scenario/schema.ts `sweepAxisSchema`). */
const MIN_POINTS = 2;
const MAX_POINTS = 10_000;
/**
 * Cap on points × outputs held in memory (each is a cell value object). Measured in Node 20 on
 * Llama3_8B / H100: 500 × 500 points of one output take ≈ 1 s and ≈ 22 MB of heap, so the cap
 * (a 1000 × 1000 heatmap) is ≈ 4 s and ≈ 90 MB — the most a page should hold.
 */
const MAX_CELL_VALUES = 1_000_000;

/** A spec that cannot run on this scenario; `field` is the spec path (`x.start`, `outputs[1]`). */
export class SweepSpecError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'SweepSpecError';
  }
}

/** A bound as SI: numbers are SI already; text may carry a unit ("4TB/s", "10 ms"). */
function bound(field: string, v: number | string, unit: string): number {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new SweepSpecError(field, 'must be a number (got NaN)');
    return v;
  }
  if (v.trim() === '') throw new SweepSpecError(field, 'is required: a number, optionally with a unit');
  try {
    return parseQuantity(v, unit);
  } catch (e) {
    throw new SweepSpecError(field, e instanceof Error ? e.message : String(e));
  }
}

/** Whether a cell can be swept: a numeric input, or a derived cell holding a number (pinned to each value for the run). */
export function isNumericCell(graph: LiveGraph, id: string): boolean {
  if (!graph.has(id)) return false;
  const def = graph.def(id);
  return def.kind === 'input' ? def.domain.kind === 'number' : !['bool', 'enum', 'text'].includes(def.unit);
}

/** Resolves one axis: a numeric cell (an input, or a derived cell pinned for the run) over `points` values from start to stop. */
function resolveAxis(graph: LiveGraph, axis: SweepAxis, name: 'x' | 'y'): ResolvedAxis {
  const { cell } = axis;
  if (!graph.has(cell)) throw new SweepSpecError(`${name}.cell`, `'${cell}' is not a cell of this scenario`);
  const def = graph.def(cell);
  // A derived cell is swept like an input: the engine pins it to each value for the run.
  const kind = def.kind === 'input' ? def.domain.kind : def.unit === 'bool' ? 'boolean' : def.unit === 'enum' || def.unit === 'text' ? 'text' : 'number';
  if (kind !== 'number') throw new SweepSpecError(`${name}.cell`, `${cell} is not numeric (it is a ${kind}); only numeric cells can be swept`);
  const points = axis.points;
  if (!Number.isInteger(points) || points < MIN_POINTS || points > MAX_POINTS) {
    throw new SweepSpecError(`${name}.points`, `must be an integer in [${MIN_POINTS}, ${MAX_POINTS}] (got ${points})`);
  }
  const start = bound(`${name}.start`, axis.start, def.unit);
  const stop = bound(`${name}.stop`, axis.stop, def.unit);
  for (const [side, v] of [['start', start], ['stop', stop]] as const) {
    if (!Number.isFinite(v)) throw new SweepSpecError(`${name}.${side}`, `must be a finite number (got ${v})`);
    if (axis.scale === 'log' && !(v > 0)) throw new SweepSpecError(`${name}.${side}`, `must be > 0 on a log scale (got ${v})`);
  }
  const integer = def.kind === 'input' && def.domain.kind === 'number' && def.domain.integer === true;
  // Values between the bounds lie inside any interval domain that holds both bounds, so
  // checking the (rounded) bounds checks every point. (A derived axis has no domain: any finite number.)
  for (const [side, v] of [['start', start], ['stop', stop]] as const) {
    const why = def.kind === 'input' ? checkDomain(cell, def.domain, integer ? Math.round(v) : v) : undefined;
    if (why) throw new SweepSpecError(`${name}.${side}`, why);
  }
  const raw = range(start, stop, points, axis.scale);
  const values = integer ? [...new Set(raw.map((v) => Math.round(v)))] : raw;
  return { cell, label: def.label, unit: def.unit, ...(def.displayUnit ? { displayUnit: def.displayUnit } : {}), scale: axis.scale, integer, values };
}

/** Resolves a whole spec against `graph`, or throws a `SweepSpecError`. */
export function planSweep(graph: LiveGraph, spec: ScenarioSweep): SweepPlan {
  const x = resolveAxis(graph, spec.x, 'x');
  const y = spec.y ? resolveAxis(graph, spec.y, 'y') : undefined;
  if (y && y.cell === x.cell) throw new SweepSpecError('y.cell', `must differ from x.cell (both are ${x.cell})`);
  if (spec.outputs.length === 0) throw new SweepSpecError('outputs', 'pick at least one output cell');
  const seen = new Set<string>();
  const outputs: ResolvedOutput[] = [];
  spec.outputs.forEach((id, i) => {
    if (!graph.has(id)) throw new SweepSpecError(`outputs[${i}]`, `'${id}' is not a cell of this scenario`);
    if (seen.has(id)) return;
    seen.add(id);
    const def = graph.def(id);
    outputs.push({ cell: id, label: def.label, unit: def.unit, ...(def.displayUnit ? { displayUnit: def.displayUnit } : {}) });
  });
  const points = x.values.length * (y ? y.values.length : 1);
  if (points * outputs.length > MAX_CELL_VALUES) {
    throw new SweepSpecError(y ? 'y.points' : 'x.points',
      `points × outputs must be ≤ ${MAX_CELL_VALUES.toLocaleString('en-US')} (got ${points.toLocaleString('en-US')} × ${outputs.length})`);
  }
  return { x, y, outputs, points, checks: feasibilityCells(graph) };
}

/**
 * The outputs a new sweep plots: the scorecard's headline metrics (physics.md §11.2, the
 * metric cells of src/nodes/analysis/metric-cells.ts) that this scenario's graph has —
 * latency and throughput under each mode's name.
 */
const HEADLINE_OUTPUTS = [
  'performance.latency', 'performance.throughput', 'performance.fleet_throughput', 'performance.ttft',
] as const;

export function headlineOutputs(graph: LiveGraph, except?: string): string[] {
  return HEADLINE_OUTPUTS.filter((id) => graph.has(id) && id !== except);
}

/**
 * A first range for a cell: the whole domain when it is bounded on both sides (an efficiency
 * in (0, 1]), else a decade either side of the current value on a log scale, kept inside the
 * domain. Only a suggestion: the form shows it for editing and `planSweep` checks it.
 */
export function defaultAxis(graph: LiveGraph, cell: string): SweepAxis {
  const def = graph.def(cell);
  const d = def.kind === 'input' && def.domain.kind === 'number' ? def.domain : undefined;
  const v = graph.value(cell);
  const now = typeof v === 'number' && Number.isFinite(v) ? v : 1;
  const integer = d?.integer === true;
  // Rounded where it is read: in the cell's display unit when it has one (36.6 … 3660 g/kWh, not 36.6001).
  const shown = def.displayUnit ? parseUnit(def.displayUnit).scale : 1;
  const fit = (x: number) => (integer ? Math.round(x) : Number((x / shown).toPrecision(shown === 1 ? 6 : 4)) * shown);
  if (d && d.min !== undefined && d.max !== undefined && Number.isFinite(d.min) && Number.isFinite(d.max)) {
    // An exclusive bound is left out by starting 1 % of the span inside it.
    const span = d.max - d.min;
    const lo = d.minExclusive ? d.min + span / 100 : d.min;
    const hi = d.maxExclusive ? d.max - span / 100 : d.max;
    return { cell, start: fit(lo), stop: fit(hi), points: integer ? Math.max(2, Math.min(10, Math.round(hi - lo) + 1)) : 10, scale: 'linear' };
  }
  if (now > 0) {
    let lo = now / 10;
    let hi = now * 10;
    if (d?.min !== undefined && lo <= d.min) lo = d.minExclusive ? d.min + (now - d.min) / 10 : d.min;
    if (d?.max !== undefined && hi >= d.max) hi = d.maxExclusive ? now + (d.max - now) / 2 : d.max;
    if (integer) lo = Math.max(1, lo);
    return { cell, start: fit(lo), stop: fit(hi), points: 10, scale: 'log' };
  }
  return { cell, start: fit(now - 1), stop: fit(now + 1), points: 11, scale: 'linear' };
}

/** "Sweep this": the cell over its default range against the headline outputs. */
export function defaultSpec(graph: LiveGraph, cell: string): ScenarioSweep {
  const outputs = headlineOutputs(graph, cell);
  return { x: defaultAxis(graph, cell), outputs: outputs.length ? outputs : [graph.topology.ids[graph.topology.ids.length - 1]] };
}
