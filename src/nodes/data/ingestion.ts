/**
 * Wall 8: Ingestion, physics.md §6 wall 8 — can storage and the host link feed the
 * accelerators at the rate they consume samples?
 *
 * Demand is wired to the mode's throughput (§13.28): training reads wall 14's
 * samples_per_second (= effective_global_batch/step_latency); inference and serving read
 * wall 1's throughput (= B/latency) times the replicas `capital.num_devices` (1 for one
 * device). Supply paths are storage per node (the node's storage NICs, else the device's local
 * storage; the scope wall 19 shares) times the node count, and the host link times the device
 * count; an absent path is skipped, and no path at all is a `missing_data` error.
 */
import {
  type ArgsOf, type CellDef, type ComputeResult, derived, fail, input, number, optNumber,
} from '../../graph/index.js';
import { reasons, statusCells, verdict, type Verdict } from '../common/status.js';
import { type BuildContext, isLM } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';

/** §11.3 wall 8 thresholds. */
const WARN_UTILIZATION = 0.8;

interface Supply {
  readonly bandwidth: number;
  readonly path: 'storage' | 'host';
}

/**
 * Cell 2–3: the smallest present supply path (storage wins a tie), or undefined when none is
 * present. Storage is per node (one scope with wall 19, physics Amendments), the host link per device.
 */
export function ingestSupply(
  nodes: number, nodeStorage: number | null, devices: number, host: number | null, filesystem: number | null,
): Supply | undefined {
  const paths: Supply[] = [];
  const storagePath = filesystem ?? (nodeStorage === null ? null : nodes * nodeStorage);
  if (storagePath !== null) paths.push({ bandwidth: storagePath, path: 'storage' });
  if (host !== null) paths.push({ bandwidth: devices * host, path: 'host' });
  if (paths.length === 0) return undefined;
  return paths.reduce((best, p) => (p.bandwidth < best.bandwidth ? p : best));
}

function ingestionStatus(rho: number): Verdict {
  return verdict(
    reasons([rho > 1 && `ingest demand is ${rho.toPrecision(4)}× the supply: the accelerators stall on data`]),
    reasons([rho > WARN_UTILIZATION && `ingest utilisation ${rho.toPrecision(4)} > ${WARN_UTILIZATION}`]),
  );
}

/** The cells the supply path is chosen from (cells 2–3). */
const supplyInputs = {
  nodes: number('capital.num_nodes'),
  nodeStorage: optNumber('ingestion.node_storage_bandwidth_effective'),
  devices: number('capital.num_devices'),
  host: optNumber('hardware.host_link_bandwidth'),
  filesystem: optNumber('ingestion.filesystem_bandwidth'),
};
const supplyOf = ({ nodes, nodeStorage, devices, host, filesystem }: ArgsOf<typeof supplyInputs>): Supply | undefined =>
  ingestSupply(nodes, nodeStorage, devices, host, filesystem);

/**
 * Storage bandwidth of one node, the one scope walls 8 and 19 share (physics Amendments): the
 * named node's storage NICs (catalogue), else the device entry's local storage counted once per
 * node (the writer rate of §12.2).
 */
export function nodeStorageCells(ctx: BuildContext): CellDef[] {
  const node = ctx.fleet.node;
  const fromNode = node?.storage_bandwidth;
  return [
    input({
      id: 'ingestion.node_storage_bandwidth', label: 'Storage bandwidth per node',
      doc: 'Storage-network bandwidth of one node (its storage NICs); unset uses the device entry\'s local storage, once per node.',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: 8,
      default: fromNode ?? null, provenance: fromNode !== undefined ? 'catalogue' : 'default',
      ...(fromNode !== undefined && node ? { source: node.source ?? { kind: 'catalogue', ref: `node ${node.id}` } } : {}),
      domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'ingestion.node_storage_bandwidth_effective', label: 'Storage bandwidth per node (in use)',
      doc: 'The per-node storage bandwidth walls 8 and 19 use: the node\'s storage NICs, else the device\'s local storage; unset when neither is known.',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'D', wall: 8, formula: 'node_storage_bandwidth ?? hardware.storage_bandwidth',
      inputs: { node: optNumber('ingestion.node_storage_bandwidth'), device: optNumber('hardware.storage_bandwidth') },
      compute: ({ node: n, device }) => n ?? device,
    }),
  ];
}

export function ingestionCells(ctx: BuildContext): CellDef[] {
  const wall = 8;
  const layer = 'E' as const;
  const lm = isLM(ctx.model.family);
  const training = ctx.mode === 'training';
  const seqCell = training ? 'communication.seq_len_effective' : 'scenario.context_len';
  const noBytes = `bytes per sample unknown for ${ctx.model.id}; set ingestion.bytes_per_sample`;
  const noPath = `no ingest path: ${ctx.device.id} lists neither storage_bandwidth nor host_link_bandwidth; set one, or ingestion.filesystem_bandwidth`;

  const bytesCells: CellDef[] = lm
    ? [
        input({
          id: 'ingestion.token_id_bytes', label: 'Bytes per token id', doc: 'Size of one pre-tokenised token id (32-bit).',
          unit: 'B', layer, wall, source: { kind: 'spec', ref: 'physics.md §6 wall 8 (LM: 4·S, 32-bit ids)' },
          default: 4, domain: { kind: 'number', min: 0, minExclusive: true },
        }),
        derived({
          id: 'ingestion.bytes_per_sample_effective', label: 'Bytes per sample', doc: 'The override, else one pre-tokenised sequence.',
          unit: 'B', layer, wall, formula: `bytes = bytes_per_sample ?? token_id_bytes·${seqCell}`,
          inputs: { override: optNumber('ingestion.bytes_per_sample'), idBytes: number('ingestion.token_id_bytes'), seq: number(seqCell) },
          compute: ({ override, idBytes, seq }) => override ?? idBytes * seq,
        }),
      ]
    : [
        derived({
          id: 'ingestion.bytes_per_sample_effective', label: 'Bytes per sample', doc: 'The override; unknown for non-LM models by default (wall SKIPPED).',
          unit: 'B', layer, wall, formula: 'bytes = bytes_per_sample',
          inputs: { override: optNumber('ingestion.bytes_per_sample') }, compute: ({ override }) => override,
        }),
      ];

  const rateCell = { id: 'ingestion.sample_rate_effective', label: 'Sample rate', doc: 'Samples the accelerators consume per second.', unit: '1/s', layer, wall };
  const rateOverride = optNumber('ingestion.sample_rate');
  const sampleRate = hasParallelLayout(ctx)
    ? derived({
        ...rateCell, formula: 'sample_rate = override ?? fleet_throughput (replicas of the split model)',
        inputs: { override: rateOverride, fleetThroughput: number('communication.fleet_throughput') },
        compute: ({ override, fleetThroughput }) => override ?? fleetThroughput,
      })
    : training
    ? derived({
        ...rateCell, formula: 'sample_rate = override ?? samples_per_second (wall 14)',
        inputs: { override: rateOverride, samplesPerSecond: number('communication.samples_per_second') },
        compute: ({ override, samplesPerSecond }) => override ?? samplesPerSecond,
      })
    : derived({
        ...rateCell, formula: 'sample_rate = override ?? N·throughput (wall 1)',
        inputs: { override: rateOverride, throughput: number('compute.throughput'), devices: number('capital.num_devices') },
        compute: ({ override, throughput, devices }) => override ?? throughput * devices,
      });

  return [
    ...nodeStorageCells(ctx),
    input({
      id: 'ingestion.bytes_per_sample', label: 'Bytes per sample (override)',
      doc: 'Stored size of one training or inference sample; unset uses 4·S for LMs and leaves non-LMs unknown.',
      unit: 'B', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    ...bytesCells,
    input({
      id: 'ingestion.sample_rate', label: 'Sample rate (override)', doc: 'Samples consumed per second; unset wires the mode\'s throughput.',
      unit: '1/s', layer, wall, default: null, domain: { kind: 'number', min: 0, optional: true },
    }),
    sampleRate,
    input({
      id: 'ingestion.filesystem_bandwidth', label: 'Filesystem bandwidth', doc: 'Aggregate shared-filesystem bandwidth; replaces the per-node storage path when set.',
      unit: 'B/s', layer: 'D', wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'ingestion.active', label: 'Ingestion active', doc: 'Wall 8 is active when bytes per sample are known (LMs by default).',
      unit: 'bool', layer, wall, formula: 'active ⇔ bytes_per_sample known',
      inputs: { bytes: optNumber('ingestion.bytes_per_sample_effective') }, compute: ({ bytes }) => bytes !== null,
    }),
    derived({
      id: 'ingestion.ingest_demand', label: 'Ingest demand', doc: 'Bytes per second the accelerators consume.',
      unit: 'B/s', layer, wall, formula: 'D = sample_rate·bytes_per_sample',
      inputs: { rate: number('ingestion.sample_rate_effective'), bytes: optNumber('ingestion.bytes_per_sample_effective') },
      compute: ({ rate, bytes }) => (bytes === null ? fail('missing_data', noBytes) : rate * bytes),
    }),
    derived({
      id: 'ingestion.ingest_supply', label: 'Ingest supply', doc: 'The narrowest data path: storage (or filesystem) against host link.',
      unit: 'B/s', layer, wall, formula: 'supply = min(filesystem_bandwidth ?? N_n·node_storage_bandwidth, N·host_link_bandwidth)',
      inputs: supplyInputs, compute: (args): ComputeResult => supplyOf(args)?.bandwidth ?? fail('missing_data', noPath),
    }),
    derived({
      id: 'ingestion.ingest_bottleneck', label: 'Ingest bottleneck', doc: 'Which path limits the supply: storage or host.',
      unit: 'enum', layer, wall, formula: 'argmin over the present paths',
      inputs: supplyInputs, compute: (args): ComputeResult => supplyOf(args)?.path ?? fail('missing_data', noPath),
    }),
    derived({
      id: 'ingestion.ingest_utilization', label: 'Ingest utilisation', doc: 'Demand over supply; above 1 the accelerators wait for data.',
      unit: '1', layer, wall, formula: 'ρ = D/supply',
      inputs: { demand: number('ingestion.ingest_demand'), supply: number('ingestion.ingest_supply') }, compute: ({ demand, supply }) => demand / supply,
    }),
    derived({
      id: 'ingestion.is_stalled', label: 'Stalled on data', doc: 'True when demand exceeds supply.',
      unit: 'bool', layer, wall, formula: 'is_stalled ⇔ ρ > 1',
      inputs: { utilization: number('ingestion.ingest_utilization') }, compute: ({ utilization }) => utilization > 1,
    }),
    derived({
      id: 'ingestion.ingest_margin', label: 'Ingest margin', doc: 'Spare supply bandwidth (negative when stalled).',
      unit: 'B/s', layer, wall, formula: 'margin = supply − D',
      inputs: { supply: number('ingestion.ingest_supply'), demand: number('ingestion.ingest_demand') }, compute: ({ supply, demand }) => supply - demand,
    }),
    ...statusCells({
      scope: 'ingestion', wall, formula: 'FAIL ρ > 1; WARN ρ > 0.8',
      inputs: { utilization: number('ingestion.ingest_utilization') },
      judge: ({ utilization }) => ingestionStatus(utilization),
    }),
  ];
}
