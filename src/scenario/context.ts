/**
 * A scenario's catalogue choices → the physics' BuildContext: the model, the device, the
 * fleet (one device, a catalogue cluster or node, or node_count × accelerators_per_node),
 * the grid (default US_Avg, physics.md §1.5) and whether operations are present.
 */
import type { BuildContext, DeviceSpec, FleetSpec, GridSpec, ModelSpec, NodeFacts } from '../nodes/index.js';
import { customHardware, customModel, parseCustomEntry, registry } from '../registry/index.js';
import type { Device, Fabric, Model, Node, Registry } from '../registry/index.js';
import { ScenarioInputError } from './errors.js';
import { nodeDefaults } from './fleet-defaults.js';
import type { Scenario } from './schema.js';

/** The grid used when a scenario names none (physics.md §1.5). */
export const DEFAULT_REGION = 'US_Avg';
/**
 * The fabric assumed for a fleet that names none: 400 Gb/s InfiniBand NDR, whose 5 µs
 * latency is physics.md §1.5's fabric_latency default. Reported as a warning.
 */
export const DEFAULT_FABRIC = 'InfiniBand_NDR';

export interface ResolvedContext {
  readonly ctx: BuildContext;
  readonly model: Model;
  readonly device: Device;
  readonly warnings: readonly string[];
}

function deviceOf(s: Scenario, reg: Registry): Device {
  return typeof s.hardware === 'string' ? reg.lookup('hardware', s.hardware) : customHardware(s.hardware, { registry: reg });
}

function modelOf(s: Scenario, reg: Registry): Model {
  return typeof s.model === 'string' ? reg.lookup('model', s.model) : customModel(s.model, { registry: reg });
}

function fabricOf(f: string | object | undefined, reg: Registry, warnings: string[]): Fabric {
  if (f === undefined) {
    warnings.push(`no fabric given for the fleet; assuming ${DEFAULT_FABRIC}`);
    return reg.lookup('fabric', DEFAULT_FABRIC);
  }
  if (typeof f === 'string') return reg.lookup('fabric', f);
  return parseCustomEntry('fabric', f, { registry: reg });
}

/** The facts of a catalogue node that power, price and storage read (nodes/context.ts NodeFacts). */
function nodeFacts(node: Node): NodeFacts {
  return {
    id: node.id, gpus_per_node: node.gpus_per_node, max_power: node.max_power, unit_cost: node.unit_cost,
    storage_bandwidth: node.storage_bandwidth, source: node.source,
  };
}

function fleetFrom(node: Node | undefined, nodes: number, perNode: number, fabric: Fabric | undefined, id?: string): FleetSpec {
  return {
    ...(node ? { node: nodeFacts(node) } : {}),
    id,
    num_nodes: nodes,
    gpus_per_node: perNode,
    nics_per_node: node?.nics_per_node,
    psus_per_node: node?.psus_per_node,
    host_power: node?.host_power,
    fabric_bandwidth: fabric?.fabric_bandwidth,
    fabric_latency: fabric?.fabric_latency,
    oversubscription: fabric?.oversubscription,
    topology: fabric?.topology,
    source: node?.source,
  };
}

function fleetOf(s: Scenario, reg: Registry, warnings: string[]): FleetSpec {
  const sys = s.system;
  if (sys === undefined) return { num_nodes: 1, gpus_per_node: 1 };
  if (typeof sys === 'string') {
    if (reg.has('cluster', sys)) {
      const r = reg.resolveCluster(sys);
      return fleetFrom(r.node, r.cluster.node_count, r.node.gpus_per_node, r.fabric, sys);
    }
    const node = reg.lookup('node', sys);
    return fleetFrom(node, 1, node.gpus_per_node, undefined, sys);
  }
  const node = sys.node !== undefined ? reg.lookup('node', sys.node) : undefined;
  const fabric = sys.node_count > 1 || sys.fabric !== undefined ? fabricOf(sys.fabric, reg, warnings) : undefined;
  const fleet = fleetFrom(node, sys.node_count, sys.accelerators_per_node, fabric);
  if (sys.nics_per_node !== undefined) return { ...fleet, nics_per_node: sys.nics_per_node };
  if (node) return fleet;
  const device = typeof s.hardware === 'string' ? s.hardware : s.hardware.id;
  return { ...fleet, ...nodeDefaults(device, sys.accelerators_per_node, reg, warnings) };
}

/** The warning for a model whose FLOPs figure is derived from its architecture (no source states one). */
export const flopsEstimateWarning = (id: string, how: string): string =>
  `FLOPs estimated from the architecture for ${id} (${how}); no source states the figure: set workload.flops_per_sample to use a measured one`;

/** Resolves a validated scenario against the registry; bad ids throw ScenarioInputError. */
export function resolveContext(s: Scenario, reg: Registry = registry()): ResolvedContext {
  const warnings: string[] = [];
  try {
    const model = modelOf(s, reg);
    const device = deviceOf(s, reg);
    const named = fleetOf(s, reg, warnings);
    // Without a named node, the device's own catalogue node supplies stated defaults (host power).
    const reference = named.node ? undefined : reg.list('node').find((n) => n.accelerator === device.id);
    const fleet: FleetSpec = reference ? { ...named, reference_node: nodeFacts(reference) } : named;
    const catalogueGrid = reg.lookup('grid', s.region ?? DEFAULT_REGION);
    // A defaulted region is said on the carbon cells (physics Amendments, "Cost").
    const grid = s.region === undefined ? { ...catalogueGrid, defaulted: true } : catalogueGrid;
    const devices = fleet.num_nodes * fleet.gpus_per_node;
    const mode = s.mode ?? (devices > 1 ? 'training' : 'inference');
    // A catalogue FLOPs figure no source states, derived from the architecture, is said (catalog notes hold the derivation).
    if (model.flops_estimate !== undefined && model.flops_per_sample !== undefined) warnings.push(flopsEstimateWarning(model.id, model.flops_estimate));
    const ctx: BuildContext = {
      mode,
      model: model as ModelSpec,
      device: device as DeviceSpec,
      fleet,
      grid: grid as GridSpec,
      ops: s.ops !== undefined,
    };
    return { ctx, model, device, warnings };
  } catch (e) {
    if (e instanceof ScenarioInputError) throw e;
    if (e instanceof Error && (e.name === 'UnknownEntryError' || e.name === 'EntryValidationError')) {
      throw ScenarioInputError.at('scenario', e.message);
    }
    throw e;
  }
}
