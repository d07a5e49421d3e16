/**
 * NICs and PSUs of a fleet described without a node ({node_count, accelerators_per_node}):
 * taken from the device's catalogue node (H100 → DGX_H100: 8 NICs, 6 PSUs; catalog.json
 * systems.nodes) and said, or physics.md §8.1's 1 NIC per node when the catalogue has no node
 * built around the device, said too. A wrong guess here scales the fleet's network bandwidth
 * (β_net = n_nic·β_f / g, §8.2 cell 8), so it is never silent.
 */
import type { FleetSpec } from '../nodes/index.js';
import type { Registry } from '../registry/index.js';

type NodeDefaults = Pick<FleetSpec, 'nics_per_node' | 'psus_per_node'>;

export function nodeDefaults(device: string, perNode: number, reg: Registry, warnings: string[]): NodeDefaults {
  const nodes = reg.list('node').filter((n) => n.accelerator === device && n.nics_per_node !== undefined);
  const same = nodes.find((n) => n.gpus_per_node === perNode);
  const fix = '(name system.node, or set system.nics_per_node)';
  if (same?.nics_per_node !== undefined) {
    const psus = same.psus_per_node !== undefined ? ` and ${same.psus_per_node} PSUs` : '';
    warnings.push(`the fleet names no node; assuming ${same.nics_per_node} NICs${psus} per node, as in ${same.id}, ` +
      `the catalogue node of ${device} with ${perNode} accelerators ${fix}`);
    return { nics_per_node: same.nics_per_node, ...(same.psus_per_node !== undefined ? { psus_per_node: same.psus_per_node } : {}) };
  }
  const like = nodes[0];
  if (like?.nics_per_node !== undefined) {
    // Another accelerator count: the node's NICs per accelerator, kept per accelerator.
    const nics = Math.max(1, Math.round((like.nics_per_node / like.gpus_per_node) * perNode));
    warnings.push(`the fleet names no node; assuming ${nics} NICs per node, ${like.id}'s ${like.nics_per_node} NICs per ` +
      `${like.gpus_per_node} accelerators scaled to ${perNode} ${fix}`);
    return { nics_per_node: nics };
  }
  warnings.push(`the fleet names no node and ${device} has no catalogue node; assuming 1 NIC per node (physics.md §8.1) ${fix}`);
  return { nics_per_node: 1 };
}
