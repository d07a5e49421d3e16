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
import { type CellDef, derived, fail, Failure, input, type Plain, warn } from '../../graph/index.js';
import { type BuildContext, PRECISION_KEYS } from '../context.js';
import { lookupPeakFlops, type PeakTable } from '../common/peak-flops.js';
import { PEAK_FLOPS_IDS, PEAK_KEYS } from '../common/hardware.js';
import { num, numOrNull, str } from '../common/plain.js';
import { BYTES_PER_ELEMENT_IDS, widthOf } from '../common/precision.js';
import { spec } from '../common/catalogue-input.js';
import { statusCells, verdict } from '../common/status.js';
import {
  accuracyDelta, COMPRESSION_METHODS, compressedWeightBytes, evaluateStep, prunes, QUANT_SCHEMES, quantizes, SPARSITY_PATTERNS,
} from './fidelity-physics.js';
import { baselineStep, shadowStep, stepFacts } from './fidelity-step.js';

const WALL = 13;
const layer = 'E' as const;

function peakTable(values: readonly Plain[]): PeakTable {
  const t: Record<string, number | null> = {};
  PEAK_KEYS.forEach((k, i) => (t[k] = numOrNull(values[i])));
  return t;
}

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

const WEIGHT_INPUTS = ['fidelity.compression_method', 'fidelity.sparsity_pattern', 'fidelity.sparsity', 'fidelity.sparse_storage',
  'fidelity.target_precision', 'scenario.weight_precision_effective', 'scenario.weight_bytes_per_element', 'workload.weight_bytes',
  'workload.params', 'fidelity.sparsity_metadata_bytes', ...BYTES_PER_ELEMENT_IDS];

function weightCells(): CellDef[] {
  return [
    derived({ id: 'fidelity.active', label: 'Fidelity active', doc: 'Wall 13 is active when a compression method is chosen.',
      unit: 'bool', layer, wall: WALL, formula: 'compression_method ≠ none', inputs: ['fidelity.compression_method'], compute: (m) => m !== 'none' }),
    derived({ id: 'fidelity.compressed_weight_bytes', label: 'Compressed weight bytes W′', doc: 'Bytes of the compressed weights, index metadata included.',
      unit: 'B', layer, wall: WALL, formula: "W′ = W·b′/b_w, × (1 − s) structured; 0.5·W_q + P·0.125 for 2:4; (1 − s)·W_q + P·0.125 sparse unstructured",
      inputs: WEIGHT_INPUTS,
      compute: (method, pattern, s, storage, target, wp, bw, w, p, meta, ...widths) => compressedWeightBytes({
        method: str(method), pattern: str(pattern), sparsity: num(s), sparseStorage: storage === true, baseWidth: num(bw),
        targetWidth: widthOf(str(target), widths.map(num)), targetPrecision: str(target), weightPrecision: str(wp),
      }, num(w), num(p), num(meta)) }),
    derived({ id: 'fidelity.compression_ratio', label: 'Compression ratio', doc: 'Original over compressed weight bytes.',
      unit: '1', layer, wall: WALL, formula: 'r = W/W′', inputs: ['workload.weight_bytes', 'fidelity.compressed_weight_bytes'], compute: (w, c) => num(w) / num(c) }),
    derived({ id: 'fidelity.memory_savings', label: 'Memory savings', doc: 'Fraction of the weight bytes saved.',
      unit: '1', layer, wall: WALL, formula: '1 − 1/r', inputs: ['fidelity.compression_ratio'], compute: (r) => 1 - 1 / num(r) }),
    derived({ id: 'fidelity.accuracy_delta', label: 'Accuracy delta (prior)', doc: 'Heuristic prior on the accuracy change (signed fraction), not a prediction.',
      unit: '1', layer, wall: WALL, formula: 'quant prior by target + pruning prior −0.001 − 0.01·(e^{2s} − e) for s > 0.5',
      inputs: ['fidelity.compression_method', 'fidelity.target_precision', 'fidelity.sparsity'],
      compute: (m, t, s) => accuracyDelta(str(m), str(t), num(s)) }),
  ];
}

/** The shadow's compute precision: the target under weight_activation quantization. */
const shadowComputePrecision = (method: Plain, scheme: Plain, target: Plain, base: Plain): string =>
  quantizes(str(method)) && scheme === 'weight_activation' ? str(target) : str(base);

function shadowPeakCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  const table = ctx.device.peak_flops_table as Readonly<Record<string, number | undefined>>;
  const precisionInputs = ['fidelity.compression_method', 'fidelity.quant_scheme', 'fidelity.target_precision', 'scenario.compute_precision_effective'];
  return [
    derived({ id: 'fidelity.shadow_peak_flops', label: 'Compressed peak FLOP/s', doc: 'Peak at the compressed design\'s compute precision (§1.3 fallbacks apply).',
      unit: 'FLOP/s', layer, wall: WALL, formula: 'weight_activation ? peak_flops_table[target_precision] : peak_flops',
      inputs: [...precisionInputs, 'hardware.peak_flops', ...PEAK_FLOPS_IDS],
      compute: (m, sch, t, cp, peak, ...peaks) =>
        quantizes(str(m)) && sch === 'weight_activation' ? lookupPeakFlops(shadowComputePrecision(m, sch, t, cp), peakTable(peaks), device) : num(peak) }),
    derived({ id: 'fidelity.sparse_time_factor', label: 'Sparse compute time factor', doc: 'Time factor of the linear FLOPs under 2:4 sparsity: dense over sparse peak, 1 without sparse tensor support.',
      unit: '1', layer, wall: WALL, formula: 'n_m ? peak_dense/peak_sparse : 1',
      inputs: [...precisionInputs, 'fidelity.sparsity_pattern'],
      compute: (m, sch, t, cp, pattern) => {
        if (!prunes(str(m)) || pattern !== 'n_m') return 1;
        const key = shadowComputePrecision(m, sch, t, cp);
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
      layer, wall: WALL, formula: '—', inputs: [], compute: () => fail('unsupported', why) }));
  }
  const facts = stepFacts(ctx);
  const n = facts.ids.length;
  const read = (v: readonly Plain[]) => facts.read(v.slice(0, n));
  const shadowInputs = [...facts.ids, 'fidelity.compressed_weight_bytes', 'fidelity.compression_method', 'fidelity.sparsity_pattern',
    'fidelity.sparsity', 'fidelity.sparse_time_factor', 'fidelity.shadow_peak_flops'];
  const shadow = (v: readonly Plain[]) => {
    const s = read(v);
    if (s instanceof Failure) return s;
    const [wPrime, method, pattern, sparsity, factor, peak] = v.slice(n);
    const kept = prunes(str(method)) && pattern === 'structured' ? 1 - num(sparsity) : 1;
    return { facts: s, step: shadowStep(s, num(wPrime), kept, num(factor), num(peak)) };
  };
  return [
    derived({ id: 'fidelity.baseline_latency', label: 'Baseline step latency', doc: 'The scenario\'s wall 1–2 step re-evaluated as the baseline (equals compute.latency).',
      unit: 's', layer, wall: WALL, formula: 'T = max(T_c, T_m) + T_ov', inputs: facts.ids,
      compute: (...v) => { const s = read(v); return s instanceof Failure ? s : evaluateStep(baselineStep(s)).latency; } }),
    derived({ id: 'fidelity.shadow_latency', label: 'Compressed step latency', doc: 'The same step with the compressed weights, FLOPs and peak.',
      unit: 's', layer, wall: WALL, formula: 'T′ = max(T′_c, T′_m) + T_ov', inputs: shadowInputs,
      compute: (...v) => { const s = shadow(v); return s instanceof Failure ? s : evaluateStep(s.step).latency; } }),
    derived({ id: 'fidelity.compression_speedup', label: 'Compression speedup', doc: 'Baseline over compressed step latency (from the roofline).',
      unit: '1', layer, wall: WALL, formula: 'latency_baseline/latency_shadow',
      inputs: ['fidelity.baseline_latency', 'fidelity.shadow_latency'], compute: (a, b) => num(a) / num(b) }),
    derived({ id: 'fidelity.shadow_memory_footprint', label: 'Compressed footprint', doc: 'Footprint of the compressed step: W′ plus the unchanged KV and activations.',
      unit: 'B', layer, wall: WALL, formula: 'M′ = W′ + (M_foot − W)', inputs: shadowInputs,
      compute: (...v) => { const s = shadow(v); return s instanceof Failure ? s : s.step.footprint; } }),
    derived({ id: 'fidelity.shadow_feasible', label: 'Compressed design fits', doc: 'Wall 2 feasibility of the compressed step: not offloaded, and the arena fits SRAM on a two-tier device.',
      unit: 'bool', layer, wall: WALL, formula: 'regime′ ≠ offload ∧ (two-tier ⇒ M′ − W′ ≤ sram_capacity)', inputs: shadowInputs,
      compute: (...v) => { const s = shadow(v); return s instanceof Failure ? s : evaluateStep(s.step).feasible; } }),
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
      inputs: ['fidelity.accuracy_delta', 'fidelity.max_accuracy_drop'],
      judge: (d, max) => {
        const drop = -num(d);
        const m = num(max);
        const text = `accuracy drop prior ${drop.toPrecision(3)}`;
        return verdict(drop > m ? [`${text} exceeds max_accuracy_drop ${m}`] : [], drop > m / 2 ? [`${text} exceeds half of max_accuracy_drop ${m}`] : []);
      },
    }),
  ];
}
