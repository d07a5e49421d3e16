/**
 * Wall 10: Locality — topology and bisection (physics.md §6 "Wall 10", §11.3 row 10).
 *
 * Present in every mode (the fleet shape is an input, so the structure cannot depend on the
 * node count); active when the fleet has ≥ 2 nodes. Wall 14 reads `topology_factor` for its
 * inter-node all-to-all bandwidth when this wall is active.
 */
import { choice, derived, fail, input, number, optNumber, type CellDef } from '../../graph/index.js';
import { frac, provenanceOf, reasons, spec, statusCells, verdict } from '../common/index.js';
import type { BuildContext } from '../context.js';

const S = 'locality';
const W = 10;

export const TOPOLOGIES = ['fat_tree', 'dragonfly', 'torus_2d', 'torus_3d', 'ring'] as const;

/** β_b: bisection relative to a non-blocking network with N/2·B_node across the cut (wall 10 cell 1). */
export function bisectionFraction(topology: string, nodes: number): number {
  switch (topology) {
    case 'fat_tree':
      return 1;
    case 'dragonfly':
      return 0.85; // a typical balanced-global-link value; an assumption (physics.md wall 10)
    case 'ring':
      return Math.min(1, 4 / nodes); // 2 links across the cut
    case 'torus_2d':
      return Math.min(1, 4 / Math.sqrt(nodes)); // 2√N links across the cut
    default:
      return Math.min(1, 4 / Math.cbrt(nodes)); // torus_3d: 2·N^(2/3) links across the cut
  }
}

/** Mean hops between two nodes (wall 10 cell 4). */
export function averageHops(topology: string, nodes: number): number {
  switch (topology) {
    case 'fat_tree':
      return 4;
    case 'dragonfly':
      return 3;
    case 'ring':
      return nodes / 4;
    case 'torus_2d':
      return Math.sqrt(nodes) / 2;
    default:
      return (3 * Math.cbrt(nodes)) / 4;
  }
}

export function localityWall(ctx: BuildContext): CellDef[] {
  const topo = ctx.fleet.topology;
  const known = topo !== undefined && (TOPOLOGIES as readonly string[]).includes(topo);
  return [
    input({
      id: `${S}.topology`, label: 'Fabric topology', doc: 'Shape of the inter-node network (wall 10).',
      unit: 'enum', layer: 'D', wall: W, default: known ? topo : 'fat_tree', provenance: provenanceOf(known && ctx.fleet.id !== undefined),
      domain: { kind: 'choice', choices: TOPOLOGIES },
    }),
    derived({
      id: `${S}.active`, label: 'Active', doc: 'Wall 10 is active for a fleet of two or more nodes.', unit: 'bool', layer: 'E', wall: W,
      formula: 'N_n ≥ 2', inputs: { nodes: number('communication.num_nodes') }, compute: ({ nodes }) => nodes >= 2,
    }),
    derived({
      id: `${S}.node_injection_bandwidth`, label: 'Node injection bandwidth', doc: 'Fabric bandwidth one node can inject, per direction (wall 10).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: W, formula: 'B_node = n_nic · β_f',
      inputs: { nics: number('communication.nics_per_node'), fabric: optNumber('communication.fabric_bandwidth') },
      compute: ({ nics, fabric }) => {
        if (fabric === null) return fail('missing_data', 'no fabric bandwidth (communication.fabric_bandwidth); node injection bandwidth needs it');
        return nics * fabric;
      },
    }),
    derived({
      id: `${S}.bisection_fraction`, label: 'Bisection fraction', doc: 'Bisection bandwidth relative to a non-blocking network (wall 10 cell 1).',
      unit: '1', layer: 'E', wall: W, formula: 'β_b: fat_tree 1, dragonfly 0.85, ring min(1, 4/N), torus_2d min(1, 4/√N), torus_3d min(1, 4/∛N)',
      inputs: { topology: choice(`${S}.topology`, TOPOLOGIES), nodes: number('communication.num_nodes') },
      compute: ({ topology, nodes }) => bisectionFraction(topology, nodes),
    }),
    derived({
      id: `${S}.bisection_bandwidth`, label: 'Bisection bandwidth', doc: 'Bandwidth across the worst cut of the fabric, per direction (wall 10 cell 2).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'E', wall: W, formula: 'β_b · (N/2) · B_node / o',
      inputs: {
        bisection: number(`${S}.bisection_fraction`), nodes: number('communication.num_nodes'),
        injection: number(`${S}.node_injection_bandwidth`), oversubscription: number('communication.oversubscription'),
      },
      compute: ({ bisection, nodes, injection, oversubscription }) => (bisection * (nodes / 2) * injection) / oversubscription,
    }),
    derived({
      id: `${S}.all_to_all_bandwidth_per_node`, label: 'All-to-all bandwidth per node', doc: 'Bandwidth a node sustains in an all-to-all (wall 10 cell 3).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'E', wall: W, formula: 'β_b · B_node / o',
      inputs: {
        bisection: number(`${S}.bisection_fraction`), injection: number(`${S}.node_injection_bandwidth`),
        oversubscription: number('communication.oversubscription'),
      },
      compute: ({ bisection, injection, oversubscription }) => (bisection * injection) / oversubscription,
    }),
    derived({
      id: `${S}.topology_factor`, label: 'Topology factor',
      doc: 'Derating wall 14 applies to inter-node all-to-all bandwidth; ring and tree collectives are not derated (wall 10 cell 3).',
      unit: '1', layer: 'E', wall: W, formula: 'topology_factor = β_b',
      inputs: { bisection: number(`${S}.bisection_fraction`) }, compute: ({ bisection }) => bisection,
    }),
    derived({
      id: `${S}.average_hops`, label: 'Average hops', doc: 'Mean switch hops between two nodes (wall 10 cell 4).',
      unit: 'hops', layer: 'E', wall: W, formula: 'fat_tree 4; dragonfly 3; ring N/4; torus_2d √N/2; torus_3d 3·∛N/4',
      inputs: { topology: choice(`${S}.topology`, TOPOLOGIES), nodes: number('communication.num_nodes') },
      compute: ({ topology, nodes }) => averageHops(topology, nodes),
      source: spec('wall 10 cell 4'),
    }),
    ...statusCells({
      scope: S, wall: W, formula: 'WARN if β_b/o < 0.5; never FAIL',
      inputs: { bisection: number(`${S}.bisection_fraction`), oversubscription: number('communication.oversubscription') },
      judge: ({ bisection, oversubscription }) =>
        verdict([], reasons([bisection / oversubscription < 0.5 && `effective bisection β_b/o = ${frac(bisection / oversubscription)} is below 0.5`])),
    }),
  ];
}
