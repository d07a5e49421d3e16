/**
 * Wall 19: Checkpoint (physics.md §9 "Wall 19", §11.3 row 19, §12.2 "further results").
 *
 * Present in training mode (always active there). The write time feeds wall 15's checkpoint
 * time δ; wall 15's interval τ comes back for the overhead. The overhead uses the δ wall 15
 * uses (its `checkpoint_time_effective`), which is this wall's write time unless the user set
 * δ explicitly — so interval and overhead always describe the same checkpoint.
 */
import { type CellDef, derived, flag, input, number, optNumber, warn } from '../../graph/index.js';
import { alwaysActive, frac, reasons, spec, statusCells, verdict } from '../common/index.js';
import type { BuildContext } from '../context.js';

const S = 'checkpoint';
const W = 19;

export function checkpointWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'training') return [];
  return [
    alwaysActive(S, W, 'in training mode'),
    input({
      id: `${S}.checkpoint_includes_optimizer`, label: 'Checkpoint includes optimizer', doc: 'Whether each checkpoint also saves the optimizer state.',
      unit: 'bool', layer: 'E', wall: W, default: true, domain: { kind: 'boolean' },
    }),
    input({
      id: `${S}.checkpoint_writers`, label: 'Checkpoint writers', doc: 'Processes writing a checkpoint in parallel, n_w; unset means one per node.',
      unit: 'count', layer: 'E', wall: W, default: null, domain: { kind: 'number', min: 1, integer: true, optional: true },
    }),
    input({
      id: `${S}.writer_bandwidth`, label: 'Writer bandwidth', doc: 'Storage write bandwidth of one writer (one per node); unset takes the node\'s storage bandwidth (wall 8\'s per-node scope).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'C', wall: W, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: `${S}.storage_bandwidth_fallback`, label: 'Storage bandwidth fallback', doc: 'Writer bandwidth used (with a warning) when neither the node nor the device lists a storage bandwidth (§1.5).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'C', wall: W, default: 1e9, source: spec('§1.5 storage_bandwidth fallback'),
      domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    input({
      id: `${S}.filesystem_bandwidth_limit`, label: 'Filesystem bandwidth limit', doc: 'Aggregate write bandwidth the parallel filesystem sustains (§1.5).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'C', wall: W, default: 500e9, source: spec('§1.5 filesystem_bandwidth_limit'),
      domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    input({
      id: `${S}.target_checkpoint_overhead`, label: 'Target checkpoint overhead', doc: 'Share of wall time checkpointing may take, f, for the required bandwidth.',
      unit: '1', layer: 'E', wall: W, default: 0.01, source: spec('wall 19 inputs'),
      domain: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    }),
    derived({
      id: `${S}.checkpoint_size`, label: 'Checkpoint size', doc: 'Bytes in one checkpoint: weights, plus optimizer state of the trained parameters (wall 19 cell 1).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'P · (b_p + o_b · f_tr), or P · b_p without the optimizer',
      inputs: {
        params: optNumber('workload.params'), paramBytes: number('scenario.param_bytes_per_element'),
        optimizerBytes: number('communication.optimizer_bytes_per_param'), trainable: number('communication.trainable_fraction'),
        withOptimizer: flag(`${S}.checkpoint_includes_optimizer`),
      },
      // A model without a parameter count (DLRM) counts as 0 parameters here, as it always has.
      compute: ({ params, paramBytes, optimizerBytes, trainable, withOptimizer }) =>
        (params ?? 0) * (paramBytes + (withOptimizer ? optimizerBytes * trainable : 0)),
    }),
    derived({
      id: `${S}.checkpoint_write_bandwidth`, label: 'Checkpoint write bandwidth', doc: 'Aggregate write bandwidth: writers × per-writer rate, capped by the filesystem (wall 19 cell 2).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'E', wall: W, formula: 'min(n_w · writer_bandwidth, filesystem_bandwidth_limit); n_w = N_n, writer_bandwidth = node storage bandwidth unless set',
      inputs: {
        writers: optNumber(`${S}.checkpoint_writers`), nodes: number('communication.num_nodes'),
        writerBandwidth: optNumber(`${S}.writer_bandwidth`), nodeBandwidth: optNumber('ingestion.node_storage_bandwidth_effective'),
        fallback: number(`${S}.storage_bandwidth_fallback`), filesystemLimit: number(`${S}.filesystem_bandwidth_limit`),
      },
      compute: ({ writers, nodes, writerBandwidth, nodeBandwidth, fallback, filesystemLimit }) => {
        const perWriter = writerBandwidth ?? nodeBandwidth;
        const rate = Math.min((writers ?? nodes) * (perWriter ?? fallback), filesystemLimit);
        return perWriter === null ? warn(rate, `storage bandwidth unknown for ${ctx.device.id}; assuming ${fallback / 1e9} GB/s per writer`) : rate;
      },
    }),
    derived({
      id: `${S}.checkpoint_write_time`, label: 'Checkpoint write time', doc: 'Blocking time to write one checkpoint; feeds wall 15\'s δ (wall 19 cell 3).',
      unit: 's', layer: 'E', wall: W, formula: 'δ = size / write_bandwidth',
      inputs: { size: number(`${S}.checkpoint_size`), bandwidth: number(`${S}.checkpoint_write_bandwidth`) },
      compute: ({ size, bandwidth }) => size / bandwidth,
    }),
    derived({
      id: `${S}.checkpoint_overhead`, label: 'Checkpoint overhead', doc: 'Share of wall time spent writing checkpoints, the MFU penalty factor (wall 19 cell 4).',
      unit: '1', layer: 'E', wall: W, formula: 'δ / (τ + δ), τ and δ from wall 15',
      inputs: { delta: number('fragility.checkpoint_time_effective'), interval: number('fragility.checkpoint_interval') },
      compute: ({ delta, interval }) => delta / (interval + delta),
    }),
    derived({
      id: `${S}.effective_mfu`, label: 'MFU after checkpointing', doc: 'Fleet MFU reduced by the time spent writing checkpoints (wall 19 cell 4).',
      unit: '1', layer: 'E', wall: W, formula: 'MFU · (1 − checkpoint_overhead)',
      inputs: { mfu: number('communication.fleet_mfu'), overhead: number(`${S}.checkpoint_overhead`) },
      compute: ({ mfu, overhead }) => mfu * (1 - overhead),
    }),
    derived({
      id: `${S}.required_write_bandwidth`, label: 'Required write bandwidth',
      doc: 'Write bandwidth that keeps the overhead at the target f at the Young interval (δ = 2Mf²) (wall 19 cell 5).',
      unit: 'B/s', displayUnit: 'GB/s', layer: 'E', wall: W, formula: 'size / (2 · M · f²)',
      inputs: { size: number(`${S}.checkpoint_size`), mtbf: number('fragility.cluster_mtbf'), target: number(`${S}.target_checkpoint_overhead`) },
      compute: ({ size, mtbf, target }) => size / (2 * mtbf * target ** 2),
    }),
    derived({
      id: `${S}.storage_bottleneck`, label: 'Storage bottleneck', doc: 'Checkpointing takes 5 % of wall time or more (wall 19 cell 6).',
      unit: 'bool', layer: 'E', wall: W, formula: 'checkpoint_overhead ≥ 0.05',
      inputs: { overhead: number(`${S}.checkpoint_overhead`) }, compute: ({ overhead }) => overhead >= 0.05,
    }),
    ...statusCells({
      scope: S, wall: W, formula: 'FAIL if overhead ≥ 0.20; WARN if overhead ≥ 0.05', inputs: { overhead: number(`${S}.checkpoint_overhead`) },
      judge: ({ overhead }) => verdict(reasons([overhead >= 0.2 && `checkpoint overhead ${frac(overhead)} is 0.20 or more`]),
        reasons([overhead >= 0.05 && `checkpoint overhead ${frac(overhead)} is 0.05 or more (storage-bound)`])),
    }),
  ];
}
