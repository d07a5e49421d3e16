/**
 * `evaluate(scenario)` → a plain result: the 3-lens scorecard, the 22-wall board with the
 * binding wall, assert results, every cell's value, and the exit code the CLI uses. Same
 * numbers as the live graph: it only reads it.
 */
import type { CellValue, LiveGraph, Plain } from '../graph/index.js';
import { sensitivity, type SensitivityResult } from '../graph/index.js';
import type { Mode } from '../nodes/index.js';
import { type AssertResult, checkAsserts } from './asserts.js';
import { bindingWall } from './binding.js';
import { type WallRow, wallBoard } from './board.js';
import { type BuildOptions, buildScenario, type BuiltScenario, grownNumberWarnings, type LayoutChoice } from './build.js';
import type { Scenario } from './schema.js';
import { type Scorecard, scorecard } from './scorecard.js';

export type CellReport = { readonly value: Plain; readonly unit: string; readonly warnings?: readonly string[] } | { readonly error: string; readonly kind: string; readonly unit: string };

export interface Evaluation {
  /** "Llama3_8B on H100". */
  readonly scenario: string;
  readonly mode: Mode;
  readonly card: Scorecard;
  readonly walls: readonly WallRow[];
  readonly binding_wall?: number;
  readonly binding_share?: number;
  readonly asserts: readonly AssertResult[];
  readonly sensitivity?: SensitivityResult;
  readonly layout?: LayoutChoice;
  /** Scenario-level notes (fallbacks, defaults assumed). */
  readonly warnings: readonly string[];
  /** 0 ok, 1 bad input, 2 infeasible, 3 assert violated (physics.md §11.6). */
  readonly exit_code: 0 | 1 | 2 | 3;
  /** Why the exit code is 1 (the root cell and its message). */
  readonly input_error?: string;
}

export interface EvaluateOptions extends BuildOptions {
  /** Run wall 21 on this output cell (default: the mode's headline time). */
  readonly sensitivity?: boolean | { readonly output?: string; readonly perturbation?: number; readonly includeDiscrete?: boolean };
}

const INPUT_KINDS = new Set(['invalid_input', 'unsupported', 'missing_data']);

/** The kind of the error at the root of `v` (upstream errors point at their root). */
function rootKind(graph: LiveGraph, v: CellValue): string | undefined {
  if (v.ok) return undefined;
  if (v.error.kind !== 'upstream') return v.error.kind;
  const root = graph.has(v.error.root) ? graph.get(v.error.root) : undefined;
  return root && !root.ok ? root.error.kind : v.error.kind;
}

/**
 * Why the evaluation is bad input (exit 1), or undefined: a headline metric that is an error of
 * an input kind (its root named), else any input cell refused by its domain (§11.6).
 */
function inputError(graph: LiveGraph, card: Scorecard): string | undefined {
  for (const lens of [card.feasibility, card.performance]) {
    for (const m of Object.values(lens.metrics)) {
      if (m.value !== undefined || !graph.has(m.cell)) continue;
      const v = graph.get(m.cell);
      if (!v.ok && INPUT_KINDS.has(rootKind(graph, v) ?? '')) {
        const rootMsg = v.error.kind === 'upstream' ? v.error.message.replace(/^blocked by /, '') : `${v.error.cell}: ${v.error.message}`;
        return rootMsg;
      }
    }
  }
  for (const id of graph.topology.inputIds) {
    const v = graph.get(id);
    if (!v.ok && v.error.kind === 'invalid_input') return `${id}: ${v.error.message}`;
  }
  return undefined;
}

/**
 * A lens in ERROR is a real inconsistency (walls lacking catalogue data are n/a, not ERROR:
 * board.ts), so it is bad input too: the first such lens and its first reason.
 */
function lensError(card: Scorecard): string | undefined {
  const lens = [card.feasibility, card.performance, card.macro].find((l) => l.status === 'ERROR');
  return lens ? `${lens.level_name}: ${lens.reasons[0] ?? 'an error'}` : undefined;
}

/** The headline output of wall 21 by mode (physics.md wall 21). */
export function headlineCell(mode: Mode): string {
  return mode === 'training' ? 'communication.step_latency' : mode === 'serving' ? 'serving.itl' : 'compute.latency';
}

function runSensitivity(built: BuiltScenario, opt: EvaluateOptions['sensitivity']): SensitivityResult | undefined {
  if (!opt) return undefined;
  const o = typeof opt === 'object' ? opt : {};
  const g = built.graph;
  const fromCell = (id: string) => (g.has(id) ? g.value(id) : undefined);
  const output = o.output ?? (fromCell('sensitivity.sensitivity_output') as string | undefined) ?? headlineCell(built.ctx.mode);
  const perturbation = o.perturbation ?? (fromCell('sensitivity.perturbation') as number | undefined);
  const includeDiscrete = o.includeDiscrete ?? (fromCell('sensitivity.include_discrete') as boolean | undefined);
  return sensitivity(g, output, { perturbation, includeDiscrete });
}

/** Evaluates an already built scenario (the live graph as it stands now). */
export function evaluateBuilt(built: BuiltScenario, options: EvaluateOptions = {}): Evaluation {
  const { graph, ctx } = built;
  const sens = runSensitivity(built, options.sensitivity);
  const rows = wallBoard(graph, sens ? { sensitivity: { ok: !sens.error, message: sens.error?.message } } : {});
  const binding = bindingWall(graph, ctx.mode, rows);
  const walls: WallRow[] = rows.map((r) => ({ ...r, binding: r.wall === binding.wall }));
  const lensCard = scorecard(graph, ctx.mode, walls, ctx.ops);
  const asserts = checkAsserts(built.scenario.asserts ?? [], lensCard);
  // A failed assert fails the evaluation as a whole (README, Exit codes).
  const card = asserts.every((a) => a.passed) ? lensCard : { ...lensCard, passed_all: false };
  const input_error = inputError(graph, card) ?? lensError(card);
  const exit_code = card.feasibility.status === 'FAIL' ? 2 : input_error ? 1 : asserts.some((a) => !a.passed) ? 3 : 0;
  return {
    scenario: built.name,
    mode: ctx.mode,
    card,
    walls,
    binding_wall: binding.wall,
    binding_share: binding.share,
    asserts,
    sensitivity: sens,
    layout: built.layout,
    // Numbers of the user's the physics changed are said at the top level too (README, Warnings).
    warnings: [...built.warnings, ...grownNumberWarnings(graph)],
    exit_code,
    input_error,
  };
}

/** Builds and evaluates a scenario. Bad documents throw ScenarioInputError. */
export function evaluate(s: Scenario | unknown, options: EvaluateOptions = {}): Evaluation & { readonly built: BuiltScenario } {
  const built = buildScenario(s, options);
  return { ...evaluateBuilt(built, options), built };
}

/** Every cell's value with its SI unit (errors as {error, kind}). */
export function cellReport(graph: LiveGraph): Record<string, CellReport> {
  const out: Record<string, CellReport> = {};
  for (const id of graph.topology.ids) {
    const def = graph.def(id);
    const v = graph.get(id);
    out[id] = v.ok
      ? { value: v.value, unit: def.unit, ...(v.warnings.length ? { warnings: v.warnings } : {}) }
      : { error: v.error.message, kind: v.error.kind, unit: def.unit };
  }
  return out;
}
