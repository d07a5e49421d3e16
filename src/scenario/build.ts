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
import { precisionDefaultWarning } from './device-defaults.js';
import { optimizeParallelism } from './optimize/parallelism.js';
import { searchedCells, TRAINING_LAYOUT_CELLS } from './optimize/training-layouts.js';
import { layoutNotice, layoutText, replicaLayout } from './replica-layout.js';
import { ScenarioInputError } from './errors.js';
import { loadScenario } from './load.js';
import { applyPins, pinValue, pinWarning, resolvePins } from './pins.js';
import { bareNumberWarning, fleetSizeProblem } from './plausible.js';
import type { OverrideValue, Scenario } from './schema.js';
import { withoutRetired } from './retired-cells.js';
import { isBareNumber } from '../graph/units.js';

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
  readonly chooseLayout?: (built: Omit<BuiltScenario, 'layout'>, held?: Readonly<Record<string, Plain>>) => LayoutChoice | undefined;
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

/**
 * Checks override ids against the graph and converts their values; throws for unknown ids.
 * A bare number for a dimensioned cell is read in SI; when that is implausible for the
 * quantity (plausible.ts), a warning naming the reading and the likely intent goes to `warnings`.
 */
export function resolveOverrides(graph: LiveGraph, overrides: Readonly<Record<string, OverrideValue>>, where = 'overrides', warnings?: string[], pins?: Record<string, Plain>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [id, v] of Object.entries(overrides)) {
    const path = `${where}.${id}`;
    if (!graph.has(id)) {
      const near = closestMatches(id, graph.topology.inputIds, 3);
      const hint = near.length ? ` Did you mean ${near.join(', ')}?` : '';
      throw ScenarioInputError.at(path, `is not a cell of this scenario.${hint}`);
    }
    const def = graph.def(id);
    if (def.kind !== 'input' && pins) {
      // --set on a derived cell pins it (scenario/pins.ts), said out loud.
      pins[id] = pinValue(def, v, path);
      warnings?.push(pinWarning(def, pins[id], path));
      continue;
    }
    if (def.kind !== 'input') throw ScenarioInputError.at(path, `is a derived cell (${def.formula}); only input cells can be set (list it under pins to set its formula aside)`);
    out[id] = overrideValue(def, v, path);
    const bare = typeof v === 'number' || (typeof v === 'string' && isBareNumber(v));
    const w = bare && typeof out[id] === 'number' ? bareNumberWarning(id, String(v).trim(), out[id], def, numberOrNull(graph.rawInput(id))) : undefined;
    if (w) warnings?.push(w);
  }
  return out;
}

/**
 * An override of a cell that only another mode has (communication.zero_stage on one device in
 * inference) names the mode that has it and how to ask for it.
 */
function refuseOtherModeCells(graph: LiveGraph, ctx: BuildContext, overrides: Readonly<Record<string, OverrideValue>>, where: string): void {
  const missing = Object.keys(overrides).filter((id) => !graph.has(id));
  if (!missing.length) return;
  for (const mode of (['training', 'serving', 'inference'] as const).filter((m) => m !== ctx.mode)) {
    let ids: Set<string>;
    try {
      ids = new Set(buildScenarioDefs({ ...ctx, mode, ops: true }).map((d) => d.id));
    } catch {
      continue;
    }
    const id = missing.find((m) => ids.has(m));
    if (id) {
      throw ScenarioInputError.at(`${where}.${id}`, `is not a cell of this scenario (${ctx.mode} mode; it is a cell of ${mode} mode: ` +
        `add --mode ${mode}, or mode: ${mode} in a scenario file)`);
    }
  }
}

const numberOrNull = (v: Plain): number | null => (typeof v === 'number' ? v : null);

/** The fleet cells a user may set; past MAX_ACCELERATORS in total the scenario is refused. */
const FLEET_CELLS = ['communication.num_nodes', 'communication.gpus_per_node', 'capital.num_devices', 'capital.num_nodes'];

function checkFleetSize(graph: LiveGraph, values: Readonly<Record<string, Plain>>, where: Readonly<Record<string, string>>): void {
  const total = Math.max(...['communication.num_devices', 'capital.num_devices'].map((id) => {
    const v = graph.has(id) ? graph.get(id) : undefined;
    return v?.ok && typeof v.value === 'number' ? v.value : 0;
  }));
  const problem = fleetSizeProblem(total);
  if (!problem) return;
  const culprit = FLEET_CELLS.find((id) => id in values);
  throw ScenarioInputError.at(culprit ? `${where[culprit] ?? 'overrides'}.${culprit}` : 'system', problem);
}

/**
 * Warnings for numbers of the user's that the physics changed: the global batch grown to a
 * multiple of dp·b (physics §8.2 cell 6). The cell keeps its value and its warning; this
 * repeats it at the top level (Evaluation.warnings), with what to write to keep one's own.
 */
export function grownNumberWarnings(graph: LiveGraph): string[] {
  const id = 'communication.effective_global_batch';
  const v = graph.has(id) ? graph.get(id) : undefined;
  if (!v?.ok || !v.warnings.length) return [];
  const dp = graph.value('communication.dp');
  const b = graph.value('communication.microbatch_size');
  const unit = typeof dp === 'number' && typeof b === 'number' ? `; a multiple of dp·b = ${dp}·${b} = ${dp * b} is kept as given` : '';
  return v.warnings.map((w) => `${w}: each step processes ${String(v.value)} sequences, not the number asked for${unit}`);
}

/** Validates, resolves and builds a scenario. Bad input throws ScenarioInputError. */
export function buildScenario(input: Scenario | unknown, options: BuildOptions = {}): BuiltScenario {
  const reg = options.registry ?? registry();
  const { scenario, warnings: loadWarnings } = loadScenario(input, { registry: reg });
  const { ctx, warnings } = resolveContext(scenario, reg);
  const defs = [...buildScenarioDefs(ctx), ...(options.extraDefs?.(ctx) ?? [])];
  const graph = new LiveGraph(defs);
  const bare: string[] = [];
  const docOverrides = withoutRetired(scenario.overrides ?? {}, 'overrides', bare);
  const setOverrides = withoutRetired(options.overrides ?? {}, 'set', bare);
  refuseOtherModeCells(graph, ctx, docOverrides, 'overrides');
  refuseOtherModeCells(graph, ctx, setOverrides, 'set');
  const given = resolveOverrides(graph, docOverrides, 'overrides', bare);
  const pins: Record<string, Plain> = {};
  const set = resolveOverrides(graph, setOverrides, 'set', bare, pins);
  const docPins = resolvePins(graph, scenario.pins ?? {}, 'pins', bare);
  const values = { ...opsOverrides(graph, scenario), ...given, ...set };
  graph.setMany(values);
  applyPins(graph, docPins, 'pins');
  applyPins(graph, pins, 'set');
  checkFleetSize(graph, values, { ...Object.fromEntries(Object.keys(given).map((k) => [k, 'overrides'])), ...Object.fromEntries(Object.keys(set).map((k) => [k, 'set'])) });
  const built = { scenario, name: scenarioName(scenario), ctx, defs, graph, warnings: [...loadWarnings, ...warnings, ...precisionDefaultWarning(ctx, values), ...bare] };
  // Training `auto`: layout cells the user set are held, the others searched (never all switched off).
  const held = Object.fromEntries(TRAINING_LAYOUT_CELLS.filter((id) => id in values).map((id) => [id, values[id]]));
  const wantsAuto = ctx.mode === 'training' && scenario.layout === 'auto' && searchedCells(Object.keys(held)).length > 0;
  // Outside training a model split over several devices gets its unset layout cells searched too.
  const layout = wantsAuto ? (options.chooseLayout ?? autoLayout)(built, held) : replicaLayout(built, values);
  if (layout) graph.setMany(layout.values);
  const heldNote = wantsAuto && layout && Object.keys(held).length ? [`layout (auto): ${layoutText(layout.values)} — ${layout.note}`] : [];
  return { ...built, layout, warnings: [...built.warnings, ...layoutNotice(ctx.mode, layout), ...heldNote] };
}

/** ops.duration_days → the duration cell of walls 17–18 (1 day = 86 400 s, physics.md §1.1). */
function opsOverrides(graph: LiveGraph, s: Scenario): Record<string, Plain> {
  const days = s.ops?.duration_days;
  return days !== undefined && graph.has('capital.duration') ? { 'capital.duration': days * 86400 } : {};
}

/**
 * §11.4 `auto`: the parallelism search's best layout (or the least-memory one when none fits),
 * holding the layout cells in `held`; the note says which cells were searched and which held.
 */
export function autoLayout(built: Omit<BuiltScenario, 'layout'>, held: Readonly<Record<string, Plain>> = {}): LayoutChoice | undefined {
  const r = optimizeParallelism(built.graph, { fixed: held });
  if (!r.best) return undefined;
  const short = (id: string) => id.replace('communication.', '');
  const heldText = Object.keys(held).length ? `; held as set: ${Object.entries(held).map(([k, v]) => `${short(k)}=${String(v)}`).join(', ')}` : '';
  const note = `searched ${searchedCells(Object.keys(held)).map(short).join(', ')}${heldText}${r.message ? `; ${r.message}` : ''}`;
  return { auto: true, values: r.best.values, tried: r.tried, feasible: r.feasible, note };
}
