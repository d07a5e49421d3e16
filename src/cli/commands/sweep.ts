/** `mlsysim sweep (PLAN.yaml | MODEL HARDWARE) --axis CELL=START:STOP[:N][:log] --metric CELL`: a table. */
import type { Command } from 'commander';
import { type CellValue, type DerivedDef, formatNumber, formatPlain, type LiveGraph, type Plain, range, sweep, sweep2d } from '../../graph/index.js';
import { buildScenario } from '../../scenario/index.js';
import { feasibilityCells, feasibilityOf } from '../../scenario/feasible.js';
import { type AxisSpec, collect, inputBound, parseAxis, requireCell, requireNumericInput } from '../args.js';
import {
  act, type Answer, type CliState, formatOf, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { CliError } from '../errors.js';
import { out, renderTable, type TableCell, warn } from '../output.js';
import { resolveSource } from '../source.js';

interface SweepFlags extends ScenarioFlags {
  readonly axis?: string[];
  readonly metric?: string[];
}

/**
 * The axis values (SI), rounded and deduplicated for integer inputs. A numeric derived cell may
 * be an axis too: it is pinned to each value for the run (its formula set aside), said in `warnings`.
 */
function axisValues(graph: LiveGraph, a: AxisSpec, warnings: string[]): number[] {
  const def = derivedAxis(graph, a.cell, warnings) ?? requireNumericInput(graph, a.cell, '--axis');
  const before = def.kind === 'input' ? graph.rawInput(a.cell) : graph.value(a.cell);
  const start = inputBound('--axis', 'START', a.start, def, before, warnings);
  const stop = inputBound('--axis', 'STOP', a.stop, def, before, warnings);
  if (a.scale === 'log' && !(start > 0 && stop > 0)) throw new CliError('Bad flag value', `--axis ${a.cell}: a log axis needs bounds > 0 (got ${a.start}, ${a.stop})`);
  const values = range(start, stop, a.points, a.scale);
  if (!(def.kind === 'input' && def.domain.kind === 'number' && def.domain.integer)) return values;
  const rounded = values.filter((v) => !Number.isInteger(v));
  if (rounded.length) {
    const shown = rounded.slice(0, 3).map((v) => `${formatNumber(v, 6)} rounded to ${Math.round(v)}`).join(', ');
    warnings.push(`--axis ${a.cell} takes integers: ${shown}${rounded.length > 3 ? ` and ${rounded.length - 3} more` : ''} (duplicates dropped)`);
  }
  return [...new Set(values.map((v) => Math.round(v)))];
}

/** A numeric derived cell as a sweep axis (undefined for an input), with its warning. */
function derivedAxis(graph: LiveGraph, cell: string, warnings: string[]): DerivedDef | undefined {
  requireCell(graph, cell, '--axis');
  const def = graph.def(cell);
  if (def.kind !== 'derived') return undefined;
  if (['bool', 'enum', 'text'].includes(def.unit)) throw new CliError('Bad flag value', `--axis: ${cell} is not numeric (it holds ${def.unit === 'bool' ? 'true/false' : 'text'})`);
  warnings.push(`--axis ${cell}: a derived cell (${def.formula}); pinned to each swept value, its formula set aside for the sweep`);
  return def;
}

const jsonCell = (v: CellValue): Plain | { error: string; kind: string } => (v.ok ? v.value : { error: v.error.message, kind: v.error.kind });
const rawCell = (v: CellValue): TableCell => (v.ok ? (v.value === Infinity ? 'inf' : v.value) : undefined);

/** One point: its coordinates, the metric values, and whether the design fits (scenario/feasible.ts). */
interface SweepPoint {
  readonly coords: number[];
  readonly cells: readonly CellValue[];
  readonly feasible: boolean | undefined;
}

/** A sweep run: the axes, the metrics and one point per row (coordinates, then metric values). */
interface SweepRun {
  readonly name: string;
  readonly graph: LiveGraph;
  readonly axes: readonly AxisSpec[];
  readonly values: readonly number[][];
  readonly metrics: readonly string[];
  readonly points: readonly SweepPoint[];
  /** Whether the scenario has feasibility cells (then each point says whether it fits: a `feasible` column). */
  readonly checked: boolean;
  readonly warnings: readonly string[];
}

/** Checks --axis and --metric, builds the scenario and sweeps it. */
function runSweep(resolve: ResolveSource, opts: SweepFlags): SweepRun {
  const axes = (opts.axis ?? []).map(parseAxis);
  if (axes.length < 1 || axes.length > 2) throw new CliError('Bad arguments', `sweep needs one or two --axis CELL=START:STOP[:N][:log] (got ${axes.length})`);
  const metrics = opts.metric ?? [];
  if (!metrics.length) throw new CliError('Bad arguments', 'sweep needs at least one --metric CELL (an output cell id, e.g. compute.latency)');
  const src = resolve('sweep');
  const built = buildScenario(src.scenario, src.options);
  const g = built.graph;
  for (const m of metrics) requireCell(g, m, '--metric');
  const axisWarnings: string[] = [];
  const values = axes.map((a) => axisValues(g, a, axisWarnings));
  // The feasibility cells are swept too: an infeasible point still has its latencies (physics §0.1), so it is marked.
  const checks = feasibilityCells(g);
  const ids = [...metrics, ...checks];
  const point = (coords: number[], row: readonly CellValue[]): SweepPoint =>
    ({ coords, cells: row.slice(0, metrics.length), feasible: feasibilityOf(checks, row.slice(metrics.length)).feasible });
  const points: SweepPoint[] = [];
  if (axes.length === 1) {
    const t = sweep(g, axes[0].cell, values[0], ids);
    t.values.forEach((x, i) => points.push(point([x as number], t.cells[i])));
  } else {
    const t = sweep2d(g, axes[0].cell, values[0], axes[1].cell, values[1], ids);
    t.xs.forEach((x, i) => t.ys.forEach((y, j) => points.push(point([x as number, y as number], t.cells[i][j]))));
  }
  return { name: built.name, graph: g, axes, values, metrics, points, checked: checks.length > 0, warnings: [...src.warnings, ...built.warnings, ...axisWarnings] };
}

/** `sweep --output json` (and the mcp tool sweep): the axes with their values, the metrics, one row per point. */
export function sweepAnswer(resolve: ResolveSource, opts: SweepFlags): Answer {
  const { name, graph, axes, values, metrics, points, checked, warnings } = runSweep(resolve, opts);
  const unit = (id: string) => graph.def(id).unit;
  const ids = [...axes.map((a) => a.cell), ...metrics];
  return {
    json: {
      scenario: name,
      axes: axes.map((a, i) => ({ cell: a.cell, unit: unit(a.cell), scale: a.scale, values: values[i] })),
      metrics: metrics.map((m) => ({ cell: m, unit: unit(m) })),
      rows: points.map((p) => Object.fromEntries([
        ...p.coords.map((c, i) => [ids[i], c]), ...p.cells.map((v, i) => [metrics[i], jsonCell(v)]), ...(checked ? [['feasible', p.feasible ?? null]] : []),
      ])),
      ...(warnings.length ? { warnings } : {}),
    },
    code: 0,
  };
}

export function registerSweep(program: Command, state: CliState): void {
  const cmd = program
    .command('sweep')
    .summary('sweep one or two cells over a range and tabulate output cells')
    .description('Sweep input cells over linear or log ranges and tabulate metric cells.\n' +
      'A derived cell may be an axis too: it is pinned to each value (its formula set aside), with a warning.\n' +
      'Axes and metrics are cell ids (see `mlsysim explain … CELL`); values are SI base units (s, B, FLOP/s, W, g, USD).\n' +
      'START and STOP may carry units (4TB/s, 10ms); N defaults to 10; integer inputs are rounded.\n' +
      'One axis → rows (x, metrics…, feasible); two axes → rows (x, y, metrics…, feasible). --output csv gives CSV with a header.\n' +
      'feasible: whether the design fits at that point (the Feasibility lens: memory in inference); an infeasible point keeps its values.')
    .argument('<args...>', 'PLAN.yaml, or MODEL HARDWARE')
    .option('--axis <CELL=START:STOP[:N][:log]>', 'an input cell and its range (repeat for a second axis)', collect)
    .option('--metric <cell>', 'an output cell id (repeatable)', collect);
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim sweep Llama3_8B H100 --axis scenario.batch_size=1:256:9:log --metric compute.latency --metric memory.memory_footprint
  $ mlsysim sweep Llama3_8B H100 --axis hardware.memory_bandwidth=1TB/s:5TB/s:5 --metric compute.latency --output csv
  $ mlsysim sweep Llama3_8B H100 --axis scenario.batch_size=1:64:4:log --axis scenario.context_len=1024:8192:4:log --metric compute.latency`);
  cmd.action(act(state, (args: string[], opts: SweepFlags, self: Command) => {
    const format = formatOf(self);
    const resolve: ResolveSource = (command, mode) => resolveSource(args, opts, command, mode);
    if (format === 'json') return printAnswer(sweepAnswer(resolve, opts));
    const { name, graph: g, axes, metrics, points, checked, warnings } = runSweep(resolve, opts);
    const unit = (id: string) => g.def(id).unit;
    const ids = [...axes.map((a) => a.cell), ...metrics];
    const fits = (p: SweepPoint): TableCell[] => (checked ? [p.feasible] : []);
    warn(format, warnings);
    if (format === 'csv') {
      const headers = [...ids.map((id) => (unit(id) === '1' ? id : `${id} (${unit(id)})`)), ...(checked ? ['feasible'] : [])];
      out(renderTable('csv', { headers, rows: points.map((p) => [...p.coords, ...p.cells.map(rawCell), ...fits(p)]) }));
      return 0;
    }
    const rows = points.map((p) => [...p.coords.map((c, i) => formatPlain(c, unit(ids[i]) === '1' ? '' : unit(ids[i]))),
      ...p.cells.map((v, i) => (v.ok ? formatPlain(v.value, unit(metrics[i]) === '1' ? '' : unit(metrics[i])) : `error: ${v.error.message}`)),
      ...(checked ? [p.feasible === undefined ? 'unknown' : String(p.feasible)] : [])]);
    const table = renderTable(format, { headers: [...ids, ...(checked ? ['feasible'] : [])], rows });
    out(format === 'markdown' ? `## sweep — ${name}\n\n${table}` : `sweep — ${name}\n${table}`);
    return 0;
  }));
}
