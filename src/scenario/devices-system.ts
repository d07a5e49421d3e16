/**
 * "N devices of one kind" as a system (the CLI's `--gpus N`, SystemEvaluator's `gpus`): whole
 * nodes of the device's catalogue node (8 per DGX_H100), or one partial node when N is below a
 * node; a device no catalogue node is built from makes one node of N, said. A count that is not
 * a whole number of nodes is refused, never rounded.
 */
import { registry as builtIn, type Registry } from '../registry/index.js';
import { nodeFor } from './catalog-check.js';
import type { FleetInput } from './schema.js';

export type DevicesSystem =
  | { readonly ok: true; readonly system?: FleetInput; readonly warning?: string }
  | { readonly ok: false; readonly problem: string };

/** The system of `n` devices `device` (a catalogue id, or a label for a custom device); n = 1 is no system. */
export function systemOfDevices(device: string, n: number, catalogueDevice: boolean, reg: Registry = builtIn()): DevicesSystem {
  if (n === 1) return { ok: true };
  const node = catalogueDevice ? nodeFor(device, reg) : undefined;
  if (!node) {
    return {
      ok: true, system: { node_count: 1, accelerators_per_node: n },
      warning: `no catalogue node is built from ${device}; ${n} devices are taken as one node of ${n} (a scenario file's system.node_count sets more)`,
    };
  }
  const g = node.gpus_per_node;
  if (n <= g) return { ok: true, system: { node_count: 1, accelerators_per_node: n, node: node.id } };
  if (n % g !== 0) return { ok: false, problem: `${n} is not a whole number of ${node.id} nodes (${g} ${device} each); use a multiple of ${g}` };
  return { ok: true, system: { node_count: n / g, accelerators_per_node: g, node: node.id } };
}
