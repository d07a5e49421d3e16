/**
 * Wall 8: Ingestion, physics.md §6 wall 8 — can storage and the host link feed the
 * accelerators at the rate they consume samples?
 *
 * Demand is wired to the mode's throughput (§13.28): training reads wall 14's
 * samples_per_second (= effective_global_batch/step_latency); inference and serving read
 * wall 1's throughput (= B/latency) times the replicas `capital.num_devices` (1 for one
 * device). Supply paths are the device's storage and host links times the device count;
 * an absent path is skipped, and no path at all is a `missing_data` error.
 */
import { derived, fail, input, type CellDef, type ComputeResult, type Plain } from '../../graph/index.js';
import { type BuildContext, isLM } from '../context.js';

const n = (v: Plain): number => v as number;

/** §11.3 wall 8 thresholds. */
const WARN_UTILIZATION = 0.8;

interface Supply {
  readonly bandwidth: number;
  readonly path: 'storage' | 'host';
}

/** Cell 2–3: the smallest present supply path (storage wins a tie), or undefined when none is present. */
export function ingestSupply(devices: number, storage: number | null, host: number | null, filesystem: number | null): Supply | undefined {
  const paths: Supply[] = [];
  const storagePath = filesystem ?? (storage === null ? null : devices * storage);
  if (storagePath !== null) paths.push({ bandwidth: storagePath, path: 'storage' });
  if (host !== null) paths.push({ bandwidth: devices * host, path: 'host' });
  if (paths.length === 0) return undefined;
  return paths.reduce((best, p) => (p.bandwidth < best.bandwidth ? p : best));
}

function ingestionStatus(rho: number): [string, string] {
  if (rho > 1) return ['FAIL', `ingest demand is ${rho.toPrecision(4)}× the supply: the accelerators stall on data`];
  if (rho > WARN_UTILIZATION) return ['WARN', `ingest utilisation ${rho.toPrecision(4)} > ${WARN_UTILIZATION}`];
  return ['PASS', ''];
}

export function ingestionCells(ctx: BuildContext): CellDef[] {
  const wall = 8;
  const layer = 'E' as const;
  const lm = isLM(ctx.model.family);
  const seqCell = ctx.mode === 'training' ? 'communication.seq_len_effective' : 'scenario.context_len';
  const rate =
    ctx.mode === 'training'
      ? { inputs: ['communication.samples_per_second'], formula: 'samples_per_second (wall 14)', f: (v: Plain[]) => n(v[0]) }
      : { inputs: ['compute.throughput', 'capital.num_devices'], formula: 'N·throughput (wall 1)', f: (v: Plain[]) => n(v[0]) * n(v[1]) };
  const noBytes = `bytes per sample unknown for ${ctx.model.id}; set ingestion.bytes_per_sample`;
  const supplyInputs = ['capital.num_devices', 'hardware.storage_bandwidth', 'hardware.host_link_bandwidth', 'ingestion.filesystem_bandwidth'];
  const supplyOf = (d: Plain, s: Plain, h: Plain, f: Plain) => ingestSupply(n(d), s as number | null, h as number | null, f as number | null);
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
          inputs: ['ingestion.bytes_per_sample', 'ingestion.token_id_bytes', seqCell],
          compute: (o, b, s) => (o === null ? n(b) * n(s) : n(o)),
        }),
      ]
    : [
        derived({
          id: 'ingestion.bytes_per_sample_effective', label: 'Bytes per sample', doc: 'The override; unknown for non-LM models by default (wall SKIPPED).',
          unit: 'B', layer, wall, formula: 'bytes = bytes_per_sample', inputs: ['ingestion.bytes_per_sample'], compute: (o) => o,
        }),
      ];

  return [
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
    derived({
      id: 'ingestion.sample_rate_effective', label: 'Sample rate', doc: 'Samples the accelerators consume per second.',
      unit: '1/s', layer, wall, formula: `sample_rate = override ?? ${rate.formula}`,
      inputs: ['ingestion.sample_rate', ...rate.inputs], compute: (o, ...v) => (o === null ? rate.f(v) : n(o)),
    }),
    input({
      id: 'ingestion.filesystem_bandwidth', label: 'Filesystem bandwidth', doc: 'Aggregate shared-filesystem bandwidth; replaces the per-device storage path when set.',
      unit: 'B/s', layer: 'D', wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'ingestion.active', label: 'Ingestion active', doc: 'Wall 8 is active when bytes per sample are known (LMs by default).',
      unit: 'bool', layer, wall, formula: 'active ⇔ bytes_per_sample known',
      inputs: ['ingestion.bytes_per_sample_effective'], compute: (b) => b !== null,
    }),
    derived({
      id: 'ingestion.ingest_demand', label: 'Ingest demand', doc: 'Bytes per second the accelerators consume.',
      unit: 'B/s', layer, wall, formula: 'D = sample_rate·bytes_per_sample',
      inputs: ['ingestion.sample_rate_effective', 'ingestion.bytes_per_sample_effective'],
      compute: (r, b) => (b === null ? fail('missing_data', noBytes) : n(r) * n(b)),
    }),
    derived({
      id: 'ingestion.ingest_supply', label: 'Ingest supply', doc: 'The narrowest data path: storage (or filesystem) against host link.',
      unit: 'B/s', layer, wall, formula: 'supply = min(filesystem_bandwidth ?? N·storage_bandwidth, N·host_link_bandwidth)',
      inputs: supplyInputs, compute: (d, s, h, f): ComputeResult => supplyOf(d, s, h, f)?.bandwidth ?? fail('missing_data', noPath),
    }),
    derived({
      id: 'ingestion.ingest_bottleneck', label: 'Ingest bottleneck', doc: 'Which path limits the supply: storage or host.',
      unit: 'enum', layer, wall, formula: 'argmin over the present paths',
      inputs: supplyInputs, compute: (d, s, h, f): ComputeResult => supplyOf(d, s, h, f)?.path ?? fail('missing_data', noPath),
    }),
    derived({
      id: 'ingestion.ingest_utilization', label: 'Ingest utilisation', doc: 'Demand over supply; above 1 the accelerators wait for data.',
      unit: '1', layer, wall, formula: 'ρ = D/supply', inputs: ['ingestion.ingest_demand', 'ingestion.ingest_supply'], compute: (d, s) => n(d) / n(s),
    }),
    derived({
      id: 'ingestion.is_stalled', label: 'Stalled on data', doc: 'True when demand exceeds supply.',
      unit: 'bool', layer, wall, formula: 'is_stalled ⇔ ρ > 1', inputs: ['ingestion.ingest_utilization'], compute: (r) => n(r) > 1,
    }),
    derived({
      id: 'ingestion.ingest_margin', label: 'Ingest margin', doc: 'Spare supply bandwidth (negative when stalled).',
      unit: 'B/s', layer, wall, formula: 'margin = supply − D', inputs: ['ingestion.ingest_supply', 'ingestion.ingest_demand'], compute: (s, d) => n(s) - n(d),
    }),
    ...['status', 'status_reason'].map((which, i) =>
      derived({
        id: `ingestion.${which}`, label: i === 0 ? 'Ingestion status' : 'Ingestion status reason',
        doc: i === 0 ? 'FAIL when ρ > 1, WARN when ρ > 0.8 (§11.3).' : 'Why wall 8 has its status; empty when PASS.',
        unit: i === 0 ? 'enum' : 'text', layer, wall, formula: 'FAIL ρ > 1; WARN ρ > 0.8',
        inputs: ['ingestion.ingest_utilization'], compute: (r) => ingestionStatus(n(r))[i],
      }),
    ),
  ];
}
