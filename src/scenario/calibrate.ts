/**
 * `calibrate`: anchor the model to a measurement of one cell for one scenario. The efficiency
 * cell that explains the measured cell — η (scenario.efficiency) where the cell responds to
 * compute, η_bw (scenario.bandwidth_efficiency) where it responds to memory traffic — is fitted
 * by goal seek on the graph (wall 22.2) so that the cell equals the measurement, and the fitted
 * value is returned as a device profile: the device id, the fitted cells and the measurement
 * they came from, a file the CLI (`--profile`) and the workbench can load.
 *
 * Pure: no printing, no files; the live graph is left as it was (the fit runs on scratch values).
 */
import { goalSeek, type LiveGraph, parseQuantity, UnitError, withScratchInputs } from '../graph/index.js';
import { ScenarioInputError } from './errors.js';

/** The cells calibration fits: the model's two efficiencies. */
export const CALIBRATION_CELLS = ['scenario.efficiency', 'scenario.bandwidth_efficiency'] as const;
export type CalibrationCell = (typeof CALIBRATION_CELLS)[number];

/** Relative step of the elasticities that pick the cell to fit. */
const STEP = 0.01;

export interface Measurement {
  /** The measured cell id. */
  readonly cell: string;
  /** The value in the cell's own unit (SI; the display unit for scorecard metric cells). */
  readonly value: number;
  /** As the user wrote it ("6.1ms"). */
  readonly text: string;
}

/** A device profile: fitted efficiency cells for one device, and the measurement they reproduce. */
export interface DeviceProfile {
  readonly kind: 'mlsysim-device-profile';
  readonly version: 1;
  readonly device: string;
  readonly fitted: Readonly<Record<string, number>>;
  readonly measurement: {
    readonly cell: string;
    readonly value: number;
    readonly unit: string;
    readonly text: string;
    /** The scenario the measurement was taken on ("Llama3_8B on H100", mode, batch …). */
    readonly scenario: string;
  };
  readonly notes?: readonly string[];
}

export interface CalibrationResult {
  readonly scenario: string;
  readonly cell: string;
  readonly unit: string;
  readonly measured: number;
  /** The cell before and after the fit. */
  readonly before: number;
  readonly after: number;
  readonly variable: CalibrationCell;
  /** The fitted cell's value in use before (the table default or the user's) and after. */
  readonly from: number;
  readonly to: number;
  /** Elasticity of the measured cell in each efficiency at the starting point. */
  readonly elasticities: Readonly<Record<CalibrationCell, number>>;
  /** compute-bound when η explains the cell, memory-bound when η_bw does. */
  readonly regime: 'compute-bound' | 'memory-bound';
  readonly warnings: readonly string[];
  readonly profile: DeviceProfile;
}

/** "performance.latency=6.1ms" → the measurement, its value read in the cell's unit (units accepted). */
export function parseMeasurement(graph: LiveGraph, text: string): Measurement {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw ScenarioInputError.at('measured', `must be CELL=VALUE, e.g. performance.latency=6.1ms (got '${text}')`);
  }
  const cell = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1).trim();
  if (!graph.has(cell)) throw ScenarioInputError.at('measured', `'${cell}' is not a cell of this scenario`);
  const def = graph.def(cell);
  const current = graph.get(cell);
  if (!current.ok || typeof current.value !== 'number') {
    throw ScenarioInputError.at('measured', `${cell} is not a number in this scenario${current.ok ? '' : ` (${current.error.message})`}`);
  }
  let value: number;
  try {
    value = parseQuantity(valueText, def.unit);
  } catch (e) {
    throw ScenarioInputError.at('measured', e instanceof UnitError ? `${cell}: ${e.message}` : String(e));
  }
  if (!(Number.isFinite(value) && value > 0)) throw ScenarioInputError.at('measured', `${cell} must be measured as a number > 0 (got '${valueText}')`);
  return { cell, value, text: valueText };
}

function numberAt(graph: LiveGraph, id: string): number | undefined {
  const v = graph.get(id);
  return v.ok && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : undefined;
}

/** The efficiency in use: η_eff of wall 3 for η (the table when unset), the input for η_bw. */
function inUse(graph: LiveGraph, cell: CalibrationCell): number {
  const id = cell === 'scenario.efficiency' ? 'software.efficiency_effective' : cell;
  const v = numberAt(graph, id);
  if (v === undefined) throw ScenarioInputError.at('measured', `${id} has no value in this scenario; nothing to calibrate`);
  return v;
}

/** d ln y / d ln x for one efficiency, by a central difference inside (0, 1] (one-sided at 1). */
function elasticity(graph: LiveGraph, cell: string, x: number, output: string, y: number): number {
  return withScratchInputs(graph, [cell], () => {
    const hi = Math.min(1, x * (1 + STEP));
    const lo = x * (1 - STEP);
    graph.restoreInput(cell, hi, 'user');
    const yHi = numberAt(graph, output);
    graph.restoreInput(cell, lo, 'user');
    const yLo = numberAt(graph, output);
    if (yHi === undefined || yLo === undefined) return 0;
    return ((yHi - yLo) / y) / ((hi - lo) / x);
  });
}

/** What calibration works on: a scenario's graph and its name ("Llama3_8B on H100"). */
export interface CalibrationTarget {
  readonly graph: LiveGraph;
  readonly name: string;
}

/** Fits the efficiency cell that explains `m` on the scenario's graph; throws ScenarioInputError when none can. */
export function calibrate(built: CalibrationTarget, m: Measurement, opts: { fit?: CalibrationCell } = {}): CalibrationResult {
  const { graph } = built;
  const device = graph.has('scenario.device') ? String(graph.value('scenario.device')) : 'unknown';
  if (graph.has('software.efficiency_mode') && graph.value('software.efficiency_mode') === 'estimated') {
    throw ScenarioInputError.at('measured', 'software.efficiency_mode is estimated: η comes from the kernel-class estimate; set it to given to calibrate η');
  }
  const before = numberAt(graph, m.cell);
  if (before === undefined) throw ScenarioInputError.at('measured', `${m.cell} is not a number in this scenario`);
  const start: Record<CalibrationCell, number> = {
    'scenario.efficiency': inUse(graph, 'scenario.efficiency'),
    'scenario.bandwidth_efficiency': inUse(graph, 'scenario.bandwidth_efficiency'),
  };
  const elasticities = Object.fromEntries(CALIBRATION_CELLS.map((c) => [c, elasticity(graph, c, start[c], m.cell, before)])) as Record<CalibrationCell, number>;
  const variable = opts.fit ?? (Math.abs(elasticities['scenario.efficiency']) >= Math.abs(elasticities['scenario.bandwidth_efficiency'])
    ? 'scenario.efficiency' : 'scenario.bandwidth_efficiency');
  if (elasticities[variable] === 0) {
    const bottleneck = graph.has('compute.bottleneck') ? ` (wall 1 bottleneck: ${String(graph.value('compute.bottleneck'))})` : '';
    throw ScenarioInputError.at('measured', `${m.cell} does not depend on η or η_bw in this scenario${bottleneck}; ` +
      'calibrate the overheads instead (scenario.layer_tax, scenario.dispatch_tax) with mlsysim seek');
  }
  const r = goalSeek(graph, { input: variable, output: m.cell, goal: 'equal', target: m.value, lo: 1e-3, hi: 1 });
  if (!r.ok) {
    const near = r.closest ? `; the closest is ${r.closest.y} at ${variable} = ${Number(r.closest.x.toPrecision(4))}` : '';
    const why = r.closest && r.closest.x >= 0.999 ? ': the measurement is beyond what the device\'s peak allows in this scenario' : '';
    throw ScenarioInputError.at('measured', `no ${variable} in (0, 1] gives ${m.cell} = ${m.text}${near}${why}`);
  }
  const fitted = { [variable]: r.solution };
  const after = withScratchInputs(graph, [variable], () => {
    graph.restoreInput(variable, r.solution, 'user');
    return numberAt(graph, m.cell) ?? NaN;
  });
  const warnings = r.warnings.filter((w) => !w.startsWith('the range endpoints bracket'));
  if (variable === 'scenario.efficiency' && r.solution > 0.6) {
    warnings.push(`fitted η ${r.solution.toPrecision(4)} is above 0.60, rarely sustained: check the measurement and the scenario (batch, precision, layout)`);
  }
  const unit = graph.def(m.cell).unit;
  const regime = variable === 'scenario.efficiency' ? 'compute-bound' : 'memory-bound';
  const profile: DeviceProfile = {
    kind: 'mlsysim-device-profile', version: 1, device, fitted,
    measurement: { cell: m.cell, value: m.value, unit, text: m.text, scenario: describe(built) },
    notes: [`${variable} ${start[variable].toPrecision(4)} → ${r.solution.toPrecision(4)} (${regime}: elasticity ${elasticities[variable].toPrecision(3)})`],
  };
  return {
    scenario: built.name, cell: m.cell, unit, measured: m.value, before, after, variable, from: start[variable], to: r.solution,
    elasticities, regime, warnings, profile,
  };
}

/** "Llama3_8B on H100, inference, batch 1, context 2048, fp16". */
function describe(built: CalibrationTarget): string {
  const g = built.graph;
  const part = (id: string, label: string) => (g.has(id) && g.get(id).ok ? `${label} ${String(g.value(id))}` : undefined);
  return [built.name, part('scenario.mode', 'mode'), part('scenario.batch_size', 'batch'), part('scenario.context_len', 'context'), part('scenario.precision', 'precision')]
    .filter((x): x is string => x !== undefined).join(', ');
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A profile document (JSON or YAML, already parsed) checked field by field; bad input names the field. */
export function parseProfile(data: unknown): DeviceProfile {
  const bad = (path: string, message: string) => ScenarioInputError.at(`profile.${path}`, message);
  if (!isObject(data)) throw ScenarioInputError.at('profile', 'must be a map {kind, version, device, fitted, measurement}');
  for (const key of Object.keys(data)) {
    if (!['kind', 'version', 'device', 'fitted', 'measurement', 'notes'].includes(key)) throw bad(key, 'is not a key of a device profile (kind, version, device, fitted, measurement, notes)');
  }
  if (data.kind !== 'mlsysim-device-profile') throw bad('kind', `must be mlsysim-device-profile (got ${JSON.stringify(data.kind)})`);
  if (data.version !== 1) throw bad('version', `must be 1 (got ${JSON.stringify(data.version)})`);
  if (typeof data.device !== 'string' || !data.device) throw bad('device', 'must be a device id, e.g. H100');
  if (!isObject(data.fitted) || !Object.keys(data.fitted).length) throw bad('fitted', `must map at least one of ${CALIBRATION_CELLS.join(', ')} to a value`);
  const fitted: Record<string, number> = {};
  for (const [id, v] of Object.entries(data.fitted)) {
    if (!(CALIBRATION_CELLS as readonly string[]).includes(id)) throw bad(`fitted.${id}`, `is not a cell calibration fits (${CALIBRATION_CELLS.join(', ')})`);
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) throw bad(`fitted.${id}`, `must be a number in (0, 1] (got ${JSON.stringify(v)})`);
    fitted[id] = v;
  }
  const m = data.measurement;
  if (!isObject(m) || typeof m.cell !== 'string' || typeof m.value !== 'number' || typeof m.unit !== 'string' || typeof m.text !== 'string' || typeof m.scenario !== 'string') {
    throw bad('measurement', 'must say what the fit reproduces: {cell, value, unit, text, scenario}');
  }
  const notes = Array.isArray(data.notes) ? data.notes.filter((n): n is string => typeof n === 'string') : undefined;
  return {
    kind: 'mlsysim-device-profile', version: 1, device: data.device, fitted,
    measurement: { cell: m.cell, value: m.value, unit: m.unit, text: m.text, scenario: m.scenario }, ...(notes ? { notes } : {}),
  };
}

/** The overrides a profile applies to a scenario on `device`; a profile of another device is refused. */
export function profileOverrides(profile: DeviceProfile, device: string): Record<string, number> {
  if (profile.device !== device) {
    throw ScenarioInputError.at('profile.device', `is ${profile.device} but the scenario runs on ${device}; a profile holds one device's fitted efficiencies`);
  }
  return { ...profile.fitted };
}
