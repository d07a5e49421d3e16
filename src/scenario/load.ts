/**
 * Our own scenario documents (already parsed from JSON or YAML) → validated, catalogue-checked
 * scenarios, and how to tell a scenario from an mlsysim plan. The text readers
 * (loadScenarioText, loadDocumentText) are in yaml-text.ts.
 */
import { registry } from '../registry/index.js';
import type { Registry } from '../registry/index.js';
import { requireEntry, requireSystem } from './catalog-check.js';
import { issuesError, ScenarioInputError } from './errors.js';
import type { LoadOptions, LoadResult } from './plan.js';
import { fleetSizeProblem } from './plausible.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './schema.js';

/** Plain data → a validated, catalogue-checked and normalised scenario. */
export function loadScenario(data: unknown, options: LoadOptions = {}): LoadResult {
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw issuesError(parsed.error.issues, 'scenario', { filename: options.filename });
  try {
    const reg = options.registry ?? registry();
    const s = systemAsHardware(parsed.data, reg);
    checkIds(s, reg);
    checkFleetSize(s, reg);
    return { scenario: normalizeScenario(s, reg), warnings: [] };
  } catch (e) {
    if (e instanceof ScenarioInputError) throw e.withFilename(options.filename);
    throw e;
  }
}

/**
 * Which format a parsed document is: a plan has `workload` (or, when that is missing, the
 * plan-only keys `version` or `constraints`, so its message is about the missing workload);
 * a scenario has `model`.
 */
export function documentKind(data: unknown): 'plan' | 'scenario' {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'scenario';
  return 'workload' in data || (!('model' in data) && ('version' in data || 'constraints' in data)) ? 'plan' : 'scenario';
}

/**
 * A cluster or node id where hardware is expected (`hardware: Lab_64_H100` with no system)
 * means that system with its device: hardware H100, system Lab_64_H100.
 */
function systemAsHardware(s: Scenario, reg: Registry): Scenario {
  const id = s.hardware;
  if (typeof id !== 'string' || s.system !== undefined || reg.has('hardware', id)) return s;
  if (!reg.has('cluster', id) && !reg.has('node', id)) return s;
  return { ...s, hardware: systemDevice(id, reg).device, system: id };
}

/** A fleet past MAX_ACCELERATORS is refused (plausible.ts says why). */
function checkFleetSize(s: Scenario, reg: Registry): void {
  const problem = fleetSizeProblem(acceleratorCount(s, reg));
  if (problem) throw ScenarioInputError.at(typeof s.system === 'object' ? 'system.node_count' : 'system', problem);
}

/** The device id a system entry is built from, and a word for it. */
function systemDevice(id: string, reg: Registry): { device: string; what: string } {
  const kind = requireSystem(id, 'system', reg);
  if (kind === 'cluster') {
    const c = reg.resolveCluster(id);
    return { device: c.device.id, what: `cluster ${id}` };
  }
  return { device: reg.lookup('node', id).accelerator, what: `node ${id}` };
}

function checkIds(s: Scenario, reg: Registry): void {
  if (typeof s.model === 'string') requireEntry('model', s.model, 'model', reg);
  if (typeof s.hardware === 'string') requireEntry('hardware', s.hardware, 'hardware', reg);
  if (s.region !== undefined) requireEntry('grid', s.region, 'region', reg);
  const hw = typeof s.hardware === 'string' ? s.hardware : s.hardware.id;
  if (typeof s.system === 'string') {
    const { device, what } = systemDevice(s.system, reg);
    if (device !== hw) {
      throw ScenarioInputError.at('system', `('${s.system}') is built from ${device}, but hardware is ${hw}; ` +
        `name ${device} as hardware, or describe the fleet as {node_count, accelerators_per_node} (${what})`);
    }
  } else if (s.system) {
    if (s.system.node !== undefined) {
      requireEntry('node', s.system.node, 'system.node', reg);
      const node = reg.lookup('node', s.system.node);
      if (node.accelerator !== hw) {
        throw ScenarioInputError.at('system.node', `('${node.id}') is built from ${node.accelerator}, but hardware is ${hw}`);
      }
    }
    if (typeof s.system.fabric === 'string') requireEntry('fabric', s.system.fabric, 'system.fabric', reg);
  }
}

/** Total accelerators: 1 without a system, node_count × per node for a fleet or a catalogue system. */
export function acceleratorCount(s: Scenario, reg: Registry = registry()): number {
  if (s.system === undefined) return 1;
  if (typeof s.system !== 'string') return s.system.node_count * s.system.accelerators_per_node;
  if (reg.has('cluster', s.system)) return reg.resolveCluster(s.system).cluster.accelerator_count;
  return reg.lookup('node', s.system).gpus_per_node;
}

/**
 * Fills what the physics defaults anyway, so a loaded scenario says it explicitly: `mode`
 * (inference for one device, training for a fleet, physics §1.7) and, in training, `layout`
 * (auto: the layout search fills the layout cells the overrides leave unset and holds those
 * they set — setting one never switches the search off for the others; `given` to use them as
 * they are).
 */
export function normalizeScenario(s: Scenario, reg: Registry = registry()): Scenario {
  const mode = s.mode ?? (acceleratorCount(s, reg) > 1 ? 'training' : 'inference');
  const layout = s.layout ?? (mode === 'training' ? 'auto' : undefined);
  return { ...s, mode, ...(layout ? { layout } : {}) };
}
