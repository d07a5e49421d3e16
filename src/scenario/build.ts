/**
 * `buildScenario(scenario)` → the live graph with every wall: resolve the catalogue choices,
 * lay out the cells for the mode, apply the overrides (units accepted), and — for a training
 * scenario whose layout is `auto` — let the parallelism search pick the layout (§11.4).
 */
import { type CellDef, type InputDef, LiveGraph, parseInputText, type Plain } from '../graph/index.js';
import { type BuildContext, buildScenarioDefs } from '../nodes/index.js';
import { closestMatches, registry } from '../registry/index.js';
import type { Registry } from '../registry/index.js';
import { resolveContext } from './context.js';
import { optimizeParallelism } from './optimize/parallelism.js';
import { ScenarioInputError } from './errors.js';
import { loadScenario } from './load.js';
import { LAYOUT_CELLS } from './schema.js';
import type { OverrideValue, Scenario } from './schema.js';

export interface LayoutChoice {
  readonly auto: boolean;
  /** The layout cells and their values (communication.tp …). */
  readonly values: Readonly<Record<string, Plain>>;
  /** Search counts when auto: combinations tried and feasible. */
  readonly tried?: number;
  readonly feasible?: number;
  readonly note?: string;
}

export interface BuiltScenario {
  readonly scenario: Scenario;
  /** "Llama3_8B on H100" (mlsysim's scenario string). */
  readonly name: string;
  readonly ctx: BuildContext;
  readonly defs: readonly CellDef[];
  readonly graph: LiveGraph;
  readonly warnings: readonly string[];
  readonly layout?: LayoutChoice;
}

export interface BuildOptions {
  readonly registry?: Registry;
  /** Applied after the scenario's own overrides (the CLI's --set). */
  readonly overrides?: Readonly<Record<string, OverrideValue>>;
  /** Extra cell factories (analysis cells are added by the caller). */
  readonly extraDefs?: (ctx: BuildContext) => CellDef[];
  /** Picks the layout of an `auto` training scenario (the parallelism optimizer). */
  readonly chooseLayout?: (built: Omit<BuiltScenario, 'layout'>) => LayoutChoice | undefined;
}

function scenarioName(s: Scenario): string {
  const model = typeof s.model === 'string' ? s.model : s.model.id;
  const hw = typeof s.system === 'string' ? s.system : typeof s.hardware === 'string' ? s.hardware : s.hardware.id;
  return s.name ?? `${model} on ${hw}`;
}

/**
 * A value from a document → the input's plain value (text with units parsed for its unit).
 * A choice outside the domain is kept as given, like a number outside it: the input then
 * holds an `invalid_input` error (physics.md §0.1), never a silent fix. Text that is no value
 * of the input's kind at all (a bad unit) throws.
 */
export function overrideValue(def: InputDef, v: OverrideValue, path = def.id): Plain {
  if (typeof v !== 'string' || def.domain.kind === 'text') return v;
  const parsed = parseInputText(def, v);
  if (!parsed.ok && def.domain.kind === 'choice') return v;
  if (!parsed.ok) throw ScenarioInputError.at(path, parsed.message);
  return parsed.value;
}

/** Checks override ids against the graph and converts their values; throws for unknown ids. */
export function resolveOverrides(graph: LiveGraph, overrides: Readonly<Record<string, OverrideValue>>, where = 'overrides'): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [id, v] of Object.entries(overrides)) {
    const path = `${where}.${id}`;
    if (!graph.has(id)) {
      const near = closestMatches(id, graph.topology.inputIds, 3);
      const hint = near.length ? ` Did you mean ${near.join(', ')}?` : '';
      throw ScenarioInputError.at(path, `is not a cell of this scenario.${hint}`);
    }
    const def = graph.def(id);
    if (def.kind !== 'input') throw ScenarioInputError.at(path, `is a derived cell (${def.formula}); only input cells can be set`);
    out[id] = overrideValue(def, v, path);
  }
  return out;
}

/** Validates, resolves and builds a scenario. Bad input throws ScenarioInputError. */
export function buildScenario(input: Scenario | unknown, options: BuildOptions = {}): BuiltScenario {
  const reg = options.registry ?? registry();
  const { scenario, warnings: loadWarnings } = loadScenario(input, { registry: reg });
  const { ctx, warnings } = resolveContext(scenario, reg);
  const defs = [...buildScenarioDefs(ctx), ...(options.extraDefs?.(ctx) ?? [])];
  const graph = new LiveGraph(defs);
  const values = {
    ...opsOverrides(graph, scenario),
    ...resolveOverrides(graph, scenario.overrides ?? {}),
    ...resolveOverrides(graph, options.overrides ?? {}, 'set'),
  };
  graph.setMany(values);
  const built = { scenario, name: scenarioName(scenario), ctx, defs, graph, warnings: [...loadWarnings, ...warnings] };
  const wantsAuto = ctx.mode === 'training' && scenario.layout === 'auto' && !Object.keys(values).some(isLayoutCell);
  const layout = wantsAuto ? (options.chooseLayout ?? autoLayout)(built) : undefined;
  if (layout) graph.setMany(layout.values);
  return { ...built, layout };
}

/** ops.duration_days → the duration cell of walls 17–18 (1 day = 86 400 s, physics.md §1.1). */
function opsOverrides(graph: LiveGraph, s: Scenario): Record<string, Plain> {
  const days = s.ops?.duration_days;
  return days !== undefined && graph.has('capital.duration') ? { 'capital.duration': days * 86400 } : {};
}

/** §11.4 `auto`: the parallelism search's best layout (or the least-memory one when none fits). */
export function autoLayout(built: Omit<BuiltScenario, 'layout'>): LayoutChoice | undefined {
  const r = optimizeParallelism(built.graph);
  if (!r.best) return undefined;
  return { auto: true, values: r.best.values, tried: r.tried, feasible: r.feasible, note: r.message };
}

function isLayoutCell(id: string): boolean {
  return (LAYOUT_CELLS as readonly string[]).includes(id);
}
