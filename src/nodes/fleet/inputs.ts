/**
 * Wall 14's training inputs (physics.md §8.1): batch and sequence, the parallel layout, the
 * optimizer and ZeRO stage, recomputation, overlap and the derating factors.
 *
 * Three inputs default to another cell (§8.1: B_g = batch_size, S = context_len,
 * sequence_parallel = t > 1). An input's default is a constant, so these are optional inputs
 * where null means "follow", plus a `<name>_effective` cell holding the value in use; every
 * formula reads the resolved cell (docs/physics-notes.md, wall 14).
 */
import { choice, derived, input, number, optFlag, optNumber, type CellDef, type Domain } from '../../graph/index.js';
import { spec } from '../common/index.js';
import type { BuildContext } from '../context.js';

const S = 'communication';
const W = 14;
const OPTIMIZERS = ['adam', 'adamw', 'sgd_momentum', 'sgd', 'none'] as const;

function countInput(name: string, label: string, doc: string, unit = 'count'): CellDef {
  return input({
    id: `${S}.${name}`, label, doc, unit, layer: 'D', wall: W, default: 1,
    domain: { kind: 'number', min: 1, integer: true },
  });
}

type NumberBounds = Omit<Extract<Domain, { kind: 'number' }>, 'kind'>;

function factorInput(name: string, label: string, doc: string, dflt: number, domain: NumberBounds): CellDef {
  return input({
    id: `${S}.${name}`, label, doc, unit: '1', layer: 'E', wall: W, default: dflt,
    source: spec('§8.1'), domain: { kind: 'number', ...domain },
  });
}

/**
 * Optimizer state bytes per trainable parameter, o_b (§8.1 table), as a count of FP32 state
 * elements times their width (4 B): Adam keeps m and v, SGD with momentum keeps one buffer,
 * and below 4-byte parameters every optimizer also keeps an FP32 master copy. So adamw in
 * mixed precision is 3 × 4 = 12 B and in fp32 2 × 4 = 8 B, exactly the table.
 */
export function optimizerBytesPerParam(optimizer: string, paramBytes: number, stateBytes = 4): number {
  const master = paramBytes < stateBytes ? 1 : 0;
  const moments: Record<string, number> = { adam: 2, adamw: 2, sgd_momentum: 1, sgd: 0 };
  return optimizer === 'none' ? 0 : (master + (moments[optimizer] ?? 0)) * stateBytes;
}

/**
 * The layout degrees (physics.md §8.1, and in every mode since the amendment "Parallelism
 * outside training"): t, p, e and the context-parallel degree c. Megatron order: TP
 * fastest-varying, then CP, then DP with EP inside it, then PP (Shoeybi et al. 2019;
 * Megatron-Core `parallel_state`, order tp-cp-ep-dp-pp). Context parallelism (ring
 * attention: a sequence split into c chunks over c accelerators, Liu et al. 2023) is read by
 * the layout's data-parallel degree, which refuses c > 1 until its physics is modelled.
 */
export function layoutInputCells(): CellDef[] {
  return [
    countInput('tp', 'Tensor parallel degree', 'Tensor-parallel degree t: each layer is split over t accelerators.'),
    countInput('pp', 'Pipeline parallel degree', 'Pipeline-parallel degree p: the layers are split into p stages.'),
    countInput('ep', 'Expert parallel degree', 'Expert-parallel degree e, carved out of DP (MoE only).'),
    input({
      id: `${S}.cp`, label: 'Context parallel degree',
      doc: 'Context-parallel degree c: each sequence is split into c chunks over c accelerators (ring attention); 1 = off.',
      unit: 'count', layer: 'D', wall: W, default: 1,
      source: { kind: 'paper', ref: 'Liu, Zaharia & Abbeel 2023, Ring Attention with Blockwise Transformers (arXiv:2310.01889); Megatron-Core context parallelism' },
      domain: { kind: 'number', min: 1, integer: true },
    }),
  ];
}

/** κ_c, the slowdown of collectives that cross the fabric (§8.1); used in every mode that has a layout. */
export function congestionInputCell(): CellDef {
  return factorInput('congestion_factor', 'Congestion factor', 'Slowdown κ_c of fabric phases from other traffic (≥ 1).', 1, { min: 1 });
}

export function trainingInputCells(_ctx: BuildContext): CellDef[] {
  return [
    input({
      id: `${S}.global_batch_size`, label: 'Global batch size',
      doc: 'Sequences (samples) per optimizer step, B_g; unset follows scenario.batch_size (§8.1).',
      unit: 'sequences', layer: 'A', wall: W, default: null, domain: { kind: 'number', min: 1, integer: true, optional: true },
    }),
    derived({
      id: `${S}.global_batch_size_effective`, label: 'Global batch size (in use)',
      doc: 'The global batch B_g the step uses: communication.global_batch_size, else scenario.batch_size.',
      unit: 'sequences', layer: 'A', wall: W, formula: 'B_g = global_batch_size ?? batch_size',
      inputs: { set: optNumber(`${S}.global_batch_size`), batch: number('scenario.batch_size') },
      compute: ({ set, batch }) => (set === null ? batch : set),
    }),
    input({
      id: `${S}.seq_len`, label: 'Training sequence length',
      doc: 'Tokens per training sequence, S; unset follows scenario.context_len (§8.1).',
      unit: 'tokens', layer: 'A', wall: W, default: null, domain: { kind: 'number', min: 1, integer: true, optional: true },
    }),
    derived({
      id: `${S}.seq_len_effective`, label: 'Training sequence length (in use)',
      doc: 'The sequence length S training uses: communication.seq_len, else scenario.context_len.',
      unit: 'tokens', layer: 'A', wall: W, formula: 'S = seq_len ?? context_len',
      inputs: { set: optNumber(`${S}.seq_len`), context: number('scenario.context_len') },
      compute: ({ set, context }) => (set === null ? context : set),
    }),
    countInput('microbatch_size', 'Microbatch size', 'Sequences per microbatch on one pipeline, b.', 'sequences'),
    ...layoutInputCells(),
    countInput('virtual_stages', 'Virtual stages', 'Interleaved pipeline chunks per device, v (v > 1 requires p > 1).', 'stages'),
    input({
      id: `${S}.zero_stage`, label: 'ZeRO stage', doc: 'ZeRO sharding stage z: 1 shards the optimizer, 2 also gradients, 3 also weights.',
      unit: '1', layer: 'E', wall: W, default: 0, domain: { kind: 'number', min: 0, max: 3, integer: true },
    }),
    input({
      id: `${S}.optimizer`, label: 'Optimizer', doc: 'Optimizer, which sets the state bytes per parameter (§8.1 table).',
      unit: 'enum', layer: 'A', wall: W, default: 'adamw', domain: { kind: 'choice', choices: OPTIMIZERS },
    }),
    input({
      id: `${S}.recompute`, label: 'Activation recomputation', doc: 'Activation recomputation: none, selective (attention core) or full (§2.4, §2.7).',
      unit: 'enum', layer: 'A', wall: W, default: 'selective', domain: { kind: 'choice', choices: ['none', 'selective', 'full'] },
    }),
    input({
      id: `${S}.sequence_parallel`, label: 'Sequence parallelism',
      doc: 'Megatron sequence parallelism; unset means on exactly when t > 1 (§8.1).',
      unit: 'bool', layer: 'A', wall: W, default: null, domain: { kind: 'boolean', optional: true },
    }),
    derived({
      id: `${S}.sequence_parallel_effective`, label: 'Sequence parallelism (in use)',
      doc: 'Whether sequence parallelism is used: communication.sequence_parallel, else t > 1.',
      unit: 'bool', layer: 'A', wall: W, formula: 'sp = sequence_parallel ?? (t > 1)',
      inputs: { set: optFlag(`${S}.sequence_parallel`), tp: number(`${S}.tp`) },
      compute: ({ set, tp }) => (set === null ? tp > 1 : set),
    }),
    input({
      id: `${S}.dp_algorithm`, label: 'DP all-reduce algorithm',
      doc: 'Gradient all-reduce: auto (hierarchical when DP spans nodes with several ranks per node), ring or hierarchical (§8.5).',
      unit: 'enum', layer: 'E', wall: W, default: 'auto', domain: { kind: 'choice', choices: ['auto', 'ring', 'hierarchical'] },
    }),
    input({
      id: `${S}.overlap_dp`, label: 'Overlap DP communication', doc: 'Overlap the gradient all-reduce with the backward pass.',
      unit: 'bool', layer: 'E', wall: W, default: true, domain: { kind: 'boolean' },
    }),
    factorInput('overlap_efficiency', 'Overlap efficiency', 'Fraction ω of the DP all-reduce that can hide under compute (§1.5).', 0.85, { min: 0, max: 1 }),
    congestionInputCell(),
    factorInput('straggler_factor', 'Straggler factor', 'Slowdown κ_s of the whole step from the slowest rank (≥ 1).', 1, { min: 1 }),
    factorInput('moe_imbalance', 'MoE load imbalance', 'Load of the busiest expert relative to the mean, κ_m (used when e > 1).', 1, { min: 1 }),
    factorInput('trainable_fraction', 'Trainable fraction', 'Fraction f_tr of parameters that are trained (adapters/LoRA < 1).', 1, { min: 0, minExclusive: true, max: 1 }),
    factorInput('comm_buffer_fraction', 'Communication buffer fraction', 'Communication buffers as a fraction f_buf of the parameter bytes (§1.5).', 0.05, { min: 0, max: 1 }),
    input({
      id: `${S}.optimizer_state_bytes_per_element`, label: 'Optimizer state width',
      doc: 'Bytes of one optimizer state element (moments and master weights are FP32).',
      unit: 'B', layer: 'A', wall: W, default: 4, source: spec('§8.1 optimizer table (FP32 state)'),
      domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    derived({
      id: `${S}.optimizer_bytes_per_param`, label: 'Optimizer bytes per parameter',
      doc: 'Optimizer state per trainable parameter, o_b: FP32 master + moments in mixed precision (§8.1 table).',
      unit: 'B/param', layer: 'A', wall: W,
      formula: 'o_b = (master [b_p < b_s] + moments) · b_s: adamw 12 B (b_p < 4 B) or 8 B',
      inputs: {
        optimizer: choice(`${S}.optimizer`, OPTIMIZERS), paramBytes: number('scenario.param_bytes_per_element'),
        stateBytes: number(`${S}.optimizer_state_bytes_per_element`),
      },
      compute: ({ optimizer, paramBytes, stateBytes }) => optimizerBytesPerParam(optimizer, paramBytes, stateBytes),
    }),
  ];
}
