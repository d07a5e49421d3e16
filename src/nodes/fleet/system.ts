/**
 * Layer D, the system: how many accelerators and how they are connected (DESIGN.md layers;
 * physics.md §1.6 node and fabric fields, §8.1 fleet-shape inputs, §8.2 cell 8).
 *
 * These cells exist in every mode: walls 10 (locality), 15 (fragility), 17 (capital) and 18
 * (sustainability) need the fleet shape outside training too. They live in the
 * `communication` scope, which owns the fleet-shape inputs (physics-brief "Cell ids"); the
 * scale-up link (β_nv, α_nv) is the device's `hardware.scaleup_bandwidth` /
 * `hardware.scaleup_latency` and is not repeated here.
 */
import { derived, input, number, optNumber, type CellDef } from '../../graph/index.js';
import { provenanceOf, spec } from '../common/index.js';
import type { BuildContext } from '../context.js';

const S = 'communication';
const W = 14;

export function systemCells(ctx: BuildContext): CellDef[] {
  const f = ctx.fleet;
  const fromCatalogue = f.id !== undefined;
  return [
    input({
      id: `${S}.num_nodes`, label: 'Nodes', doc: 'Number of nodes (servers) in the fleet, N_n.',
      unit: 'nodes', layer: 'D', wall: W, default: f.num_nodes, provenance: provenanceOf(fromCatalogue),
      domain: { kind: 'number', min: 1, integer: true },
    }),
    input({
      id: `${S}.gpus_per_node`, label: 'Accelerators per node', doc: 'Accelerators in one node, g.',
      unit: 'GPUs', layer: 'D', wall: W, default: f.gpus_per_node, provenance: provenanceOf(fromCatalogue),
      domain: { kind: 'number', min: 1, integer: true },
    }),
    input({
      id: `${S}.nics_per_node`, label: 'NICs per node', doc: 'Fabric ports (NICs) per node, n_nic; default 1 (§8.1).',
      unit: 'count', layer: 'D', wall: W, default: f.nics_per_node ?? 1,
      provenance: provenanceOf(fromCatalogue && f.nics_per_node !== undefined),
      domain: { kind: 'number', min: 1, integer: true },
    }),
    input({
      id: `${S}.fabric_bandwidth`, label: 'Fabric bandwidth per NIC',
      doc: 'Inter-node bandwidth of one NIC port, per direction, β_f (§1.4); unset for a fleet without a fabric.',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: W, default: f.fabric_bandwidth ?? null,
      provenance: provenanceOf(fromCatalogue && f.fabric_bandwidth !== undefined),
      domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: `${S}.fabric_latency`, label: 'Fabric latency', doc: 'Per-hop latency α_f of an inter-node message (§1.5 default 5 µs).',
      unit: 's', displayUnit: 'µs', layer: 'D', wall: W, default: f.fabric_latency ?? 5e-6,
      provenance: provenanceOf(fromCatalogue && f.fabric_latency !== undefined),
      source: f.fabric_latency !== undefined && f.source ? f.source : spec('§1.5 fabric_latency'),
      domain: { kind: 'number', min: 0 },
    }),
    input({
      id: `${S}.oversubscription`, label: 'Fabric oversubscription',
      doc: 'Ratio of injection to core bandwidth of the fabric, o ≥ 1 (1 = non-blocking).',
      unit: '1', layer: 'D', wall: W, default: f.oversubscription ?? 1,
      provenance: provenanceOf(fromCatalogue && f.oversubscription !== undefined),
      domain: { kind: 'number', min: 1 },
    }),
    derived({
      id: `${S}.num_devices`, label: 'Accelerators', doc: 'Total accelerators in the fleet, N = N_n·g (§8.2 cell 1).',
      unit: 'GPUs', layer: 'D', wall: W, formula: 'N = N_n · g',
      inputs: { nodes: number(`${S}.num_nodes`), gpusPerNode: number(`${S}.gpus_per_node`) },
      compute: ({ nodes, gpusPerNode }) => nodes * gpusPerNode,
    }),
    derived({
      id: `${S}.net_bandwidth_per_gpu`, label: 'Fabric bandwidth per GPU',
      doc: 'Inter-node bandwidth one accelerator can use, per direction; unset when the fleet has no fabric (§8.2 cell 8).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: W, formula: 'β_net = n_nic · β_f / (g · o)',
      inputs: {
        nics: number(`${S}.nics_per_node`), fabric: optNumber(`${S}.fabric_bandwidth`),
        gpusPerNode: number(`${S}.gpus_per_node`), oversubscription: number(`${S}.oversubscription`),
      },
      compute: ({ nics, fabric, gpusPerNode, oversubscription }) =>
        fabric === null ? null : (nics * fabric) / (gpusPerNode * oversubscription),
    }),
  ];
}
