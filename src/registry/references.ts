/**
 * Cross-reference rules of the catalogue (catalog.md "Validation"): every reference resolves
 * (node → accelerator, cluster → node/fabric, rack → node, pod → accelerator, scenario →
 * model/system, datacentre → grid) and node_count × accelerators_per_node = accelerator_count.
 */
import type { Catalog } from './catalog.js';
import type { Node } from './types-systems.js';

/** Every broken rule as a message naming the entry and field; empty when all hold. */
export function checkReferences(index: Catalog['index'], nodes: ReadonlyMap<string, Node>): string[] {
  const problems: string[] = [];
  const missing = (where: string, field: string, id: string, kind: string) =>
    problems.push(`catalog.${where}.${field} refers to unknown ${kind} '${id}'`);

  for (const n of index.node.values()) {
    if (!index.hardware.has(n.accelerator)) missing(`nodes[${n.id}]`, 'accelerator', n.accelerator, 'hardware');
  }
  for (const c of index.cluster.values()) {
    const node = nodes.get(c.node);
    if (!node) missing(`clusters[${c.id}]`, 'node', c.node, 'node');
    if (!index.fabric.has(c.fabric)) missing(`clusters[${c.id}]`, 'fabric', c.fabric, 'fabric');
    if (node && node.gpus_per_node * c.node_count !== c.accelerator_count) {
      problems.push(
        `catalog.clusters[${c.id}].accelerator_count must equal node_count × accelerators_per_node = ` +
          `${c.node_count} × ${node.gpus_per_node} = ${c.node_count * node.gpus_per_node} (got ${c.accelerator_count})`,
      );
    }
  }
  for (const r of index.rack.values()) {
    if (!nodes.has(r.node)) missing(`racks[${r.id}]`, 'node', r.node, 'node');
  }
  for (const p of index.pod.values()) {
    if (!index.hardware.has(p.accelerator)) missing(`pods[${p.id}]`, 'accelerator', p.accelerator, 'hardware');
  }
  for (const d of index.datacenter.values()) {
    if (!index.grid.has(d.grid)) missing(`datacenters[${d.id}]`, 'grid', d.grid, 'grid');
  }
  for (const s of index.scenario.values()) {
    if (!index.model.has(s.model)) missing(`scenarios[${s.id}]`, 'model', s.model, 'model');
    if (!index.hardware.has(s.system) && !index.cluster.has(s.system)) {
      missing(`scenarios[${s.id}]`, 'system', s.system, 'hardware or cluster');
    }
  }
  return problems;
}
