/**
 * Wall 13: Fidelity (compression: quantization and pruning), physics.md §7 wall 13.
 *
 * The compressed design is a re-evaluated copy of the wall 1–2 step, computed by pure
 * functions (fidelity-step.ts, reusing the serving walls' LM step physics) rather than a
 * duplicate set of cells: only the overridden quantities change — W' for the weights, the
 * linear FLOPs for structured pruning, the peak at the target precision for
 * weight_activation quantization, the sparse tensor rate for 2:4. The baseline is evaluated
 * by the same functions, so an unchanged design has a speedup of exactly 1. Training mode
 * has no compressed step (the speedup cells are `unsupported` there).
 */
import { type ArgsOf, type CellDef, choice, type ComputeResult, derived, fail, Failure, flag, input, number, optNumber, text, warn } from '../../graph/index.js';
import { type BuildContext, PRECISION_KEYS, type PrecisionKey } from '../context.js';
import { lookupPeakFlops } from '../common/peak-flops.js';
import { peakFlopsInputs, peakTableOf } from '../common/hardware.js';
import { bytesPerElementInputs, bytesPerElementOf } from '../common/precision.js';
import { spec } from '../common/catalogue-input.js';
import { statusCells, verdict } from '../common/status.js';
import {
  accuracyDelta, COMPRESSION_METHODS, compressedWeightBytes, evaluateStep, prunes, QUANT_SCHEMES, quantizes, SPARSITY_PATTERNS,
  type StepInput,
} from './fidelity-physics.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import {
  baselineStep, compressedDeviceWeightBytes, replicaStepLatency, shadowStep, type StepFacts, stepFactInputs, stepFactsOf,
} from './fidelity-step.js';

const WALL = 13;
const layer = 'E' as const;

function inputs(): CellDef[] {
  const s = spec('§7 wall 13');
  return [
    input({ id: 'fidelity.compression_method', label: 'Compression method', doc: 'none skips the wall; quantization, pruning, or both.',
      unit: 'enum', layer, wall: WALL, default: 'none', domain: { kind: 'choice', choices: COMPRESSION_METHODS }, source: s }),
    input({ id: 'fidelity.target_precision', label: 'Target precision', doc: 'Precision the weights are quantized to (fewer bits than weight_precision).',
      unit: 'enum', layer, wall: WALL, default: 'int8', domain: { kind: 'choice', choices: PRECISION_KEYS }, source: s }),
    input({ id: 'fidelity.quant_scheme', label: 'Quantization scheme', doc: 'weight_only keeps the compute precision; weight_activation also computes at the target.',
      unit: 'enum', layer, wall: WALL, default: 'weight_only', domain: { kind: 'choice', choices: QUANT_SCHEMES }, source: s }),
    input({ id: 'fidelity.sparsity', label: 'Sparsity s', doc: 'Fraction of weights pruned.',
      unit: '1', layer, wall: WALL, default: 0.5, domain: { kind: 'number', min: 0, max: 1, maxExclusive: true }, source: s }),
    input({ id: 'fidelity.sparsity_pattern', label: 'Sparsity pattern', doc: 'structured (rows/channels removed), n_m (2:4) or unstructured.',
      unit: 'enum', layer, wall: WALL, default: 'structured', domain: { kind: 'choice', choices: SPARSITY_PATTERNS }, source: s }),
    input({ id: 'fidelity.sparse_storage', label: 'Sparse storage', doc: 'Unstructured pruning stores only the kept weights plus a bitmap.',
      unit: 'bool', layer, wall: WALL, default: true, domain: { kind: 'boolean' }, source: s }),
    input({ id: 'fidelity.max_accuracy_drop', label: 'Maximum accuracy drop', doc: 'Largest acceptable accuracy loss (fraction).',
      unit: '1', layer, wall: WALL, default: 0.02, domain: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true }, source: s }),
    input({ id: 'fidelity.sparsity_metadata_bytes', label: 'Sparsity index bytes per parameter',
      doc: 'Index metadata per parameter: 2 bits per kept value of 2:4 (half kept) or a 1-bit bitmap, 0.125 B either way.',
      unit: 'B/param', layer, wall: WALL, default: 0.125, domain: { kind: 'number', min: 0 }, source: s }),
  ];
}

const method = choice('fidelity.compression_method', COMPRESSION_METHODS);
const pattern = choice('fidelity.sparsity_pattern', SPARSITY_PATTERNS);
const target = choice('fidelity.target_precision', PRECISION_KEYS);
const sparsity = number('fidelity.sparsity');

function weightCells(): CellDef[] {
  return [
    derived({ id: 'fidelity.active', label: 'Fidelity active', doc: 'Wall 13 is active when a compression method is chosen.',
      unit: 'bool', layer, wall: WALL, formula: 'compression_method ≠ none', inputs: { method }, compute: ({ method }) => method !== 'none' }),
    derived({ id: 'fidelity.compressed_weight_bytes', label: 'Compressed weight bytes W′', doc: 'Bytes of the compressed weights, index metadata included.',
      unit: 'B', layer, wall: WALL, formula: "W′ = W·b′/b_w, × (1 − s) structured; 0.5·W_q + P·0.125 for 2:4; (1 − s)·W_q + P·0.125 sparse unstructured",
      inputs: {
        method, pattern, sparsity, sparseStorage: flag('fidelity.sparse_storage'), target,
        weightPrecision: text('scenario.weight_precision_effective'), baseWidth: number('scenario.weight_bytes_per_element'),
        weightBytes: number('workload.weight_bytes'), params: optNumber('workload.params'), metadata: number('fidelity.sparsity_metadata_bytes'),
        ...bytesPerElementInputs,
      },
      compute: ({ method, pattern, sparsity, sparseStorage, target, weightPrecision, baseWidth, weightBytes, params, metadata, ...widths }) =>
        compressedWeightBytes({
          method, pattern, sparsity, sparseStorage, baseWidth,
          targetWidth: bytesPerElementOf(widths)[target], targetPrecision: target, weightPrecision,
        // An unset P is missing_data where the index metadata needs it (2:4, sparse unstructured storage).
        }, weightBytes, params, metadata) }),
    derived({ id: 'fidelity.compression_ratio', label: 'Compression ratio', doc: 'Original over compressed weight bytes.',
      unit: '1', layer, wall: WALL, formula: 'r = W/W′', inputs: { weightBytes: number('workload.weight_bytes'), compressed: number('fidelity.compressed_weight_bytes') },
      compute: ({ weightBytes, compressed }) => weightBytes / compressed }),
    derived({ id: 'fidelity.memory_savings', label: 'Memory savings', doc: 'Fraction of the weight bytes saved.',
      unit: '1', layer, wall: WALL, formula: '1 − 1/r', inputs: { ratio: number('fidelity.compression_ratio') }, compute: ({ ratio }) => 1 - 1 / ratio }),
    derived({ id: 'fidelity.accuracy_delta', label: 'Accuracy delta (prior)', doc: 'Heuristic prior on the accuracy change (signed fraction), not a prediction.',
      unit: '1', layer, wall: WALL, formula: 'quant prior by target + pruning prior −0.001 − 0.01·(e^{2s} − e) for s > 0.5',
      inputs: { method, target, sparsity }, compute: ({ method, target, sparsity }) => accuracyDelta(method, target, sparsity) }),
  ];
}

/** The shadow's compute precision: the target under weight_activation quantization. */
const shadowComputePrecision = (p: { method: string; scheme: string; target: PrecisionKey; computePrecision: PrecisionKey }): PrecisionKey =>
  quantizes(p.method) && p.scheme === 'weight_activation' ? p.target : p.computePrecision;

function shadowPeakCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  const table = ctx.device.peak_flops_table as Readonly<Record<string, number | undefined>>;
  const precisionInputs = {
    method, scheme: choice('fidelity.quant_scheme', QUANT_SCHEMES), target,
    computePrecision: choice('scenario.compute_precision_effective', PRECISION_KEYS),
  };
  return [
    derived({ id: 'fidelity.shadow_peak_flops', label: 'Compressed peak FLOP/s', doc: 'Peak at the compressed design\'s compute precision (§1.3 fallbacks apply).',
      unit: 'FLOP/s', layer, wall: WALL, formula: 'weight_activation ? peak_flops_table[target_precision] : peak_flops',
      inputs: { ...precisionInputs, peak: number('hardware.peak_flops'), ...peakFlopsInputs },
      compute: ({ method, scheme, target, computePrecision, peak, ...peaks }) =>
        quantizes(method) && scheme === 'weight_activation'
          ? lookupPeakFlops(shadowComputePrecision({ method, scheme, target, computePrecision }), peakTableOf(peaks), device)
          : peak }),
    derived({ id: 'fidelity.sparse_time_factor', label: 'Sparse compute time factor', doc: 'Time factor of the linear FLOPs under 2:4 sparsity: dense over sparse peak, 1 without sparse tensor support.',
      unit: '1', layer, wall: WALL, formula: 'n_m ? peak_dense/peak_sparse : 1',
      inputs: { ...precisionInputs, pattern },
      compute: ({ pattern, ...precision }) => {
        if (!prunes(precision.method) || pattern !== 'n_m') return 1;
        const key = shadowComputePrecision(precision);
        const dense = table[key];
        const sparse = table[`${key}_sparse`];
        return dense !== undefined && sparse !== undefined && sparse > 0 ? dense / sparse : warn(1, 'no sparse tensor support; no compute speedup');
      } }),
  ];
}

function stepCells(ctx: BuildContext): CellDef[] {
  const ids = ['fidelity.baseline_latency', 'fidelity.shadow_latency', 'fidelity.compression_speedup', 'fidelity.shadow_memory_footprint', 'fidelity.shadow_feasible'];
  if (ctx.mode === 'training') {
    const why = 'compression speedup is modelled for inference and serving steps, not training';
    return ids.map((id) => derived({ id, label: id.split('.')[1].replace(/_/g, ' '), doc: 'Not modelled in training mode.',
      unit: id.endsWith('feasible') ? 'bool' : id.endsWith('speedup') ? '1' : id.endsWith('footprint') ? 'B' : 's',
      layer, wall: WALL, formula: '—', inputs: {}, compute: () => fail('unsupported', why) }));
  }
  const facts = stepFactInputs(ctx);
  const shadowInputs = {
    ...facts, compressed: number('fidelity.compressed_weight_bytes'), method, pattern, sparsity,
    timeFactor: number('fidelity.sparse_time_factor'), shadowPeak: number('fidelity.shadow_peak_flops'),
  };
  const device = ctx.device.id;
  const shadow = (a: ArgsOf<typeof shadowInputs>): { facts: StepFacts; step: StepInput } | Failure => {
    const s = stepFactsOf(ctx, a);
    if (s instanceof Failure) return s;
    const kept = prunes(a.method) && a.pattern === 'structured' ? 1 - a.sparsity : 1;
    return { facts: s, step: shadowStep(s, compressedDeviceWeightBytes(s, a.compressed), kept, a.timeFactor, a.shadowPeak) };
  };
  /** The replica's step time from one device's step (the collectives stay as they are). */
  const timed = (s: StepFacts, step: StepInput): ComputeResult => {
    const t = evaluateStep(step, device).latency;
    return t instanceof Failure ? t : replicaStepLatency(t, s.collectives);
  };
  const split = hasParallelLayout(ctx);
  const stepFormula = split ? 'p·(max(T_c, T_m) + T_ov + T_tp + T_ep + T_cp) + (p − 1)·hand-off, one device\'s share' : 'max(T_c, T_m) + T_ov';
  return [
    derived({ id: 'fidelity.baseline_latency', label: 'Baseline step latency',
      doc: `The scenario's wall 1–2 step re-evaluated as the baseline (equals ${split ? 'communication.decode_step_time' : 'compute.latency'}).`,
      unit: 's', layer, wall: WALL, formula: `T = ${stepFormula}`, inputs: facts,
      compute: (a) => { const s = stepFactsOf(ctx, a); return s instanceof Failure ? s : timed(s, baselineStep(s)); } }),
    derived({ id: 'fidelity.shadow_latency', label: 'Compressed step latency',
      doc: split
        ? 'The same step with the compressed weights (W′·W_dev/W per device), FLOPs and peak; the all-reduces and hand-offs of the activations are unchanged.'
        : 'The same step with the compressed weights, FLOPs and peak.',
      unit: 's', layer, wall: WALL, formula: `T′ = ${stepFormula.replace('T_c, T_m', 'T′_c, T′_m')}`, inputs: shadowInputs,
      compute: (a) => { const s = shadow(a); return s instanceof Failure ? s : timed(s.facts, s.step); } }),
    derived({ id: 'fidelity.compression_speedup', label: 'Compression speedup', doc: 'Baseline over compressed step latency (from the roofline).',
      unit: '1', layer, wall: WALL, formula: 'latency_baseline/latency_shadow',
      inputs: { baseline: number('fidelity.baseline_latency'), compressed: number('fidelity.shadow_latency') },
      compute: ({ baseline, compressed }) => baseline / compressed }),
    derived({ id: 'fidelity.shadow_memory_footprint', label: 'Compressed footprint',
      doc: split ? 'Footprint of the compressed step on one device: its share of W′ plus its unchanged KV and activations.' : 'Footprint of the compressed step: W′ plus the unchanged KV and activations.',
      unit: 'B', layer, wall: WALL, formula: split ? 'M′ = W′·W_dev/W + (M_foot − W_dev)' : 'M′ = W′ + (M_foot − W)', inputs: shadowInputs,
      compute: (a) => { const s = shadow(a); return s instanceof Failure ? s : s.step.footprint; } }),
    derived({ id: 'fidelity.shadow_feasible', label: 'Compressed design fits', doc: 'Wall 2 feasibility of the compressed step: not offloaded, and the arena fits SRAM on a two-tier device.',
      unit: 'bool', layer, wall: WALL, formula: 'regime′ ≠ offload ∧ (two-tier ⇒ M′ − W′ ≤ sram_capacity)', inputs: shadowInputs,
      compute: (a) => { const s = shadow(a); return s instanceof Failure ? s : evaluateStep(s.step, device).feasible; } }),
  ];
}

export function fidelityCells(ctx: BuildContext): CellDef[] {
  return [
    ...inputs(),
    ...weightCells(),
    ...shadowPeakCells(ctx),
    ...stepCells(ctx),
    ...statusCells({
      scope: 'fidelity', wall: WALL, formula: 'FAIL −Δacc > max_accuracy_drop; WARN −Δacc > max_accuracy_drop/2',
      inputs: { delta: number('fidelity.accuracy_delta'), maxDrop: number('fidelity.max_accuracy_drop') },
      judge: ({ delta, maxDrop }) => {
        const drop = -delta;
        const prior = `accuracy drop prior ${drop.toPrecision(3)}`;
        return verdict(
          drop > maxDrop ? [`${prior} exceeds max_accuracy_drop ${maxDrop}`] : [],
          drop > maxDrop / 2 ? [`${prior} exceeds half of max_accuracy_drop ${maxDrop}`] : [],
        );
      },
    }),
  ];
}
