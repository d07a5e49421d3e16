/**
 * A small hand-made graph for the component and store tests (the page itself runs a full
 * scenario): one instance of the roofline step of physics.md §3.1, for one decode step of an
 * 8-billion-parameter language model at batch 1 on an NVIDIA H100 SXM5.
 *
 * In the full scenario graph F and Q come from the workload lowering (§4.0) and the peak from
 * the catalogue; here they are plain inputs, so the graph stays small. Ids follow the public
 * names of wall 1 (`compute.*`), the device fields (`hardware.*`) and the common scenario
 * inputs (`scenario.*`).
 */
import { type CellDef, derived, fail, input, number, type SourceRef } from '../../src/graph/index.js';

const PHYSICS_31: SourceRef = { kind: 'spec', ref: 'physics.md §3.1 (roofline step)' };
const PHYSICS_15: SourceRef = { kind: 'spec', ref: 'physics.md §1.5 (calibration constants)' };
const H100_DATASHEET: SourceRef = {
  kind: 'datasheet',
  ref: 'NVIDIA H100 Tensor Core GPU datasheet (SXM5: 989 TFLOP/s dense FP16, 3.35 TB/s HBM3)',
  url: 'https://www.nvidia.com/en-us/data-center/h100/',
};


const inputs: readonly CellDef[] = [
  input({
    id: 'compute.flops_per_step',
    label: 'FLOPs per step',
    doc: 'Model FLOPs of one decode step: 2 FLOP per parameter per generated token.',
    unit: 'FLOP',
    layer: 'A',
    wall: 1,
    default: 16e9,
    domain: { kind: 'number', min: 0 },
    source: { kind: 'example', ref: '2 FLOP × 8e9 parameters × batch 1 (physics.md §2)' },
  }),
  input({
    id: 'compute.memory_traffic',
    label: 'Bytes per step',
    doc: 'Bytes moved from HBM in one step: every fp16 weight is read once per decode step.',
    unit: 'B',
    layer: 'A',
    wall: 1,
    default: 16e9,
    domain: { kind: 'number', min: 0 },
    source: { kind: 'example', ref: '8e9 parameters × 2 B (fp16), KV cache neglected (physics.md §4.0)' },
  }),
  input({
    id: 'workload.layers',
    label: 'Layers',
    doc: 'Transformer layers executed in the step; each pays a kernel-launch tax.',
    unit: '1',
    layer: 'A',
    default: 32,
    domain: { kind: 'number', min: 1, integer: true },
    source: { kind: 'example', ref: 'Llama-3-8B: 32 layers' },
  }),
  input({
    id: 'scenario.efficiency',
    label: 'Compute efficiency η',
    doc: 'Achieved fraction of peak FLOP/s for the model kernels.',
    unit: '1',
    layer: 'A',
    default: 0.5,
    domain: { kind: 'number', min: 0, max: 1, minExclusive: true },
    source: PHYSICS_15,
  }),
  input({
    id: 'scenario.bandwidth_efficiency',
    label: 'Bandwidth efficiency η_bw',
    doc: 'Achieved fraction of peak memory bandwidth.',
    unit: '1',
    layer: 'A',
    default: 1,
    domain: { kind: 'number', min: 0, max: 1, minExclusive: true },
    source: PHYSICS_15,
  }),
  input({
    id: 'scenario.layer_tax',
    label: 'Layer tax',
    doc: 'Launch overhead paid per layer per pass.',
    unit: 's',
    layer: 'A',
    default: 10e-6,
    domain: { kind: 'number', min: 0 },
    source: PHYSICS_15,
  }),
  input({
    id: 'hardware.peak_flops',
    label: 'Peak FLOP/s',
    doc: 'Dense peak throughput of the device at the compute precision (fp16).',
    unit: 'FLOP/s',
    layer: 'B',
    default: 989e12,
    domain: { kind: 'number', min: 0, minExclusive: true },
    provenance: 'catalogue',
    source: H100_DATASHEET,
  }),
  input({
    id: 'hardware.memory_bandwidth',
    label: 'Memory bandwidth',
    doc: 'Peak bandwidth of the main memory (HBM), per direction.',
    unit: 'B/s',
    layer: 'B',
    default: 3.35e12,
    domain: { kind: 'number', min: 0, minExclusive: true },
    provenance: 'catalogue',
    source: H100_DATASHEET,
  }),
  input({
    id: 'hardware.dispatch_tax',
    label: 'Dispatch tax',
    doc: 'Fixed overhead paid once per step to dispatch work to the device.',
    unit: 's',
    layer: 'B',
    default: 10e-6,
    domain: { kind: 'number', min: 0 },
    provenance: 'catalogue',
    source: { kind: 'catalogue', ref: 'catalog.json H100 dispatch_tax_ms = 0.01' },
  }),
];

const resolvers: readonly CellDef[] = [
  derived({
    id: 'compute.t_compute',
    label: 'Compute time',
    doc: 'Time the step would take if only arithmetic mattered.',
    unit: 's',
    layer: 'E',
    wall: 1,
    formula: 'T_c = F / (peak × η)',
    inputs: { flops: number('compute.flops_per_step'), peak: number('hardware.peak_flops'), eta: number('scenario.efficiency') },
    compute: ({ flops, peak, eta }) => flops / (peak * eta),
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.t_memory',
    label: 'Memory time',
    doc: 'Time the step would take if only moving bytes mattered.',
    unit: 's',
    layer: 'E',
    wall: 1,
    formula: 'T_m = Q / (BW × η_bw)',
    inputs: { bytes: number('compute.memory_traffic'), bandwidth: number('hardware.memory_bandwidth'), etaBw: number('scenario.bandwidth_efficiency') },
    compute: ({ bytes, bandwidth, etaBw }) => bytes / (bandwidth * etaBw),
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.t_overhead',
    label: 'Overhead time',
    doc: 'Dispatch and kernel-launch overhead of one inference pass (k = 1).',
    unit: 's',
    layer: 'E',
    wall: 1,
    formula: 'T_ov = dispatch_tax + L × layer_tax',
    inputs: { dispatch: number('hardware.dispatch_tax'), layers: number('workload.layers'), layerTax: number('scenario.layer_tax') },
    compute: ({ dispatch, layers, layerTax }) => dispatch + layers * layerTax,
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.arithmetic_intensity',
    label: 'Arithmetic intensity',
    doc: 'FLOPs performed per byte moved; compare with the ridge point.',
    unit: 'FLOP/B',
    layer: 'E',
    wall: 1,
    formula: 'AI = F / Q',
    inputs: { flops: number('compute.flops_per_step'), bytes: number('compute.memory_traffic') },
    // Q = 0 is a numeric error, not +∞ (physics.md §3.1 rule 6).
    compute: ({ flops, bytes }) => (bytes === 0 ? fail('numeric', 'step moves no bytes') : flops / bytes),
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.ridge_point',
    label: 'Ridge point',
    doc: 'The arithmetic intensity at which compute time equals memory time.',
    unit: 'FLOP/B',
    layer: 'E',
    wall: 1,
    formula: 'R = peak × η / (BW × η_bw)',
    inputs: { peak: number('hardware.peak_flops'), eta: number('scenario.efficiency'), bandwidth: number('hardware.memory_bandwidth'), etaBw: number('scenario.bandwidth_efficiency') },
    compute: ({ peak, eta, bandwidth, etaBw }) => (peak * eta) / (bandwidth * etaBw),
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.latency',
    label: 'Latency',
    doc: 'Time of one step: the slower of compute and memory, plus overhead.',
    unit: 's',
    displayUnit: 'ms',
    layer: 'E',
    wall: 1,
    formula: 'T = max(T_c, T_m) + T_ov',
    inputs: { tc: number('compute.t_compute'), tm: number('compute.t_memory'), tov: number('compute.t_overhead') },
    compute: ({ tc, tm, tov }) => Math.max(tc, tm) + tov,
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.bottleneck',
    label: 'Bottleneck',
    doc: 'Which roof limits the step (a tie counts as Compute).',
    unit: 'enum',
    layer: 'E',
    wall: 1,
    formula: 'Memory if T_m > T_c; Compute if T_c ≥ T_m > 0; else Overhead',
    inputs: { tc: number('compute.t_compute'), tm: number('compute.t_memory') },
    compute: ({ tc, tm }) => (tm > tc ? 'Memory' : tc > 0 ? 'Compute' : 'Overhead'),
    source: PHYSICS_31,
  }),
  derived({
    id: 'compute.mfu',
    label: 'MFU',
    doc: 'Model FLOPs utilisation: achieved FLOP/s over peak (never above η).',
    unit: '1',
    displayUnit: '%',
    layer: 'E',
    wall: 1,
    formula: 'MFU = (F / T) / peak',
    inputs: { flops: number('compute.flops_per_step'), latency: number('compute.latency'), peak: number('hardware.peak_flops') },
    compute: ({ flops, latency, peak }) => flops / latency / peak,
    source: { kind: 'spec', ref: 'physics.md wall 1, cell 3' },
  }),
];

export interface Example {
  readonly id: string;
  readonly title: string;
  /** One sentence shown under the title. */
  readonly summary: string;
  readonly cells: readonly CellDef[];
  /** The cell selected when the page opens. */
  readonly focus: string;
}

export const rooflineExample: Example = {
  id: 'roofline',
  title: 'Roofline of one decode step',
  summary: 'An 8-billion-parameter model generating one token at batch 1 on an NVIDIA H100 SXM5.',
  cells: [...inputs, ...resolvers],
  focus: 'compute.latency',
};
