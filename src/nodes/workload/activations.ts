/**
 * Activation memory: the training table of Korthikanti et al. 2022 ("Reducing Activation
 * Recomputation in Large Transformer Models", Table 2; physics.md §2.7) and the inference
 * working set (§2.8).
 */
import { type CellDef, choice, derived, fail, type Failure, number, optFlag, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import { type BuildContext, isLM, storesSampleActivations } from '../context.js';
import { RECOMPUTE_MODES } from './training-flops.js';

export interface ActivationLayout {
  readonly seqLen: number; // s
  readonly microbatch: number; // b
  readonly hidden: number; // h = d
  readonly heads: number; // a = H
  readonly tp: number; // t
  readonly sequenceParallel: boolean;
  readonly recompute: string;
  /** b_act, bytes per activation element. */
  readonly activationWidth: number;
}

/**
 * a_layer: activation bytes per layer per microbatch. The table is for 16-bit activations
 * (2 B per element), so the table value is halved to elements and multiplied by b_act.
 */
export function activationBytesPerLayer(x: ActivationLayout): number | Failure {
  const { seqLen: s, microbatch: b, hidden: h, heads: a, tp: t, sequenceParallel: sp } = x;
  const sbh = s * b * h;
  let bytes16: number;
  switch (x.recompute) {
    case 'none':
      bytes16 = sp ? (sbh * (34 + (5 * a * s) / h)) / t : sbh * (10 + 24 / t + (5 * a * s) / (h * t));
      break;
    case 'selective':
      bytes16 = sp ? (sbh * 34) / t : sbh * (10 + 24 / t);
      break;
    case 'full':
      bytes16 = sp ? (2 * sbh) / t : 2 * sbh;
      break;
    default:
      return fail('invalid_input', `recompute must be one of ${RECOMPUTE_MODES.join(', ')} (got ${JSON.stringify(x.recompute)})`);
  }
  return (bytes16 / 2) * x.activationWidth;
}

/**
 * A_gpu = a_layer·L_stage·min(m, p)·ι on the first pipeline stage under 1F1B, with
 * ι = 1 + (p − 1)/(p·v) for interleaved schedules (v ≥ 2), else 1 (§2.7). Wall 14's
 * `train_activations` is this figure.
 */
export function activationBytesPerGpu(perLayer: number, layersPerStage: number, microbatches: number, pp: number, virtualStages: number): number {
  const interleave = virtualStages >= 2 ? 1 + (pp - 1) / (pp * virtualStages) : 1;
  return perLayer * layersPerStage * Math.min(microbatches, pp) * interleave;
}

/** A_work(B, n) = B·n·κ_act·d·b_act: one layer's live tensors for B sequences of n new tokens (§2.8). */
export function activationWorkingSet(batch: number, newTokens: number, factor: number, hidden: number, activationWidth: number): number {
  return batch * newTokens * factor * hidden * activationWidth;
}

function workingSetCell(ctx: BuildContext): CellDef {
  const s28 = spec('§2.8');
  const id = ctx.model.id;
  if (isLM(ctx.model.family)) {
    return derived({
      id: 'workload.activation_working_set',
      label: 'Activation working set A_work',
      doc: 'Live activations of one layer in a decode step of B sequences (one new token each).',
      unit: 'B',
      layer: 'A',
      formula: 'A_work(B, 1) = B·1·κ_act·d·b_act',
      inputs: {
        batch: number('scenario.batch_size'), factor: number('scenario.activation_working_set_factor'),
        hiddenDim: optNumber('workload.hidden_dim'), activationWidth: number('scenario.activation_bytes_per_element'),
      },
      compute: ({ batch, factor, hiddenDim, activationWidth }) => {
        const hidden = required(hiddenDim, id, 'hidden_dim', 'the activation working set');
        if (typeof hidden !== 'number') return hidden;
        return activationWorkingSet(batch, 1, factor, hidden, activationWidth);
      },
      source: s28,
    });
  }
  return derived({
    id: 'workload.activation_working_set',
    label: 'Activation working set A_work',
    doc: 'Peak live activations of a batched forward pass of B samples: the per-sample peak (bytes, or the catalogue\'s elements × b_act) times B.',
    unit: 'B',
    layer: 'A',
    formula: 'A_work = B·activation_peak_per_sample, else B·activation_peak_elements·b_act (0 with a warning when neither is known)',
    inputs: {
      batch: number('scenario.batch_size'), perSample: optNumber('workload.activation_peak_per_sample'),
      peakElements: optNumber('workload.activation_peak_elements'), activationWidth: number('scenario.activation_bytes_per_element'),
    },
    compute: ({ batch, perSample, peakElements, activationWidth }) => {
      if (perSample !== null) return batch * perSample;
      if (peakElements !== null) return batch * peakElements * activationWidth;
      return warn(0, 'activation working set unknown; footprint counts weights only');
    },
    source: PEAK_SOURCE,
  });
}

/**
 * Where the non-LM peak comes from: the live set an arena planner must hold (TFLite Micro's
 * greedy memory planner places every tensor by its lifetime, so the arena is at least the
 * largest set live at one operator) and MCUNet's "peak activation memory" (Lin et al. 2020).
 */
const PEAK_SOURCE = {
  kind: 'paper',
  ref: 'physics.md §2.8; Lin et al. 2020, MCUNet: Tiny Deep Learning on IoT Devices (arXiv 2007.10319), peak activation memory; TensorFlow Lite Micro GreedyMemoryPlanner (David et al. 2021, arXiv 2010.08678)',
} as const;

/** S_act = activation_stored_elements·b_act: bytes one training sample of a non-LM stores for the backward pass. */
function storedPerSampleCell(ctx: BuildContext): CellDef {
  const id = ctx.model.id;
  return derived({
    id: 'workload.activation_stored_per_sample',
    label: 'Stored activations per sample S_act',
    doc: 'Feature-map bytes one training sample keeps for the backward pass (every layer output of the main chain).',
    unit: 'B/sample',
    layer: 'A',
    formula: 'S_act = activation_stored_elements·b_act',
    inputs: { stored: optNumber('workload.activation_stored_elements'), activationWidth: number('scenario.activation_bytes_per_element') },
    compute: ({ stored, activationWidth }) => {
      const elements = required(stored, id, 'activation_stored_elements', 'training activation memory');
      if (typeof elements !== 'number') return elements;
      return elements * activationWidth;
    },
    source: spec('§2.7 (non-LM: the stored feature maps)'),
  });
}

export function activationCells(ctx: BuildContext): CellDef[] {
  const cells = [workingSetCell(ctx)];
  if (ctx.mode !== 'training') return cells;
  if (storesSampleActivations(ctx.model)) return [...cells, storedPerSampleCell(ctx)];
  const id = ctx.model.id;
  return [
    ...cells,
    derived({
      id: 'workload.activation_bytes_per_layer',
      label: 'Activation bytes per layer a_layer',
      doc: 'Training activations one layer keeps per microbatch (Korthikanti et al.), scaled to b_act.',
      unit: 'B',
      layer: 'A',
      formula: 'a_layer = table(recompute, sequence_parallel)·b_act/2, e.g. selective + SP: s·b·h·34/t',
      inputs: {
        seqLen: number('communication.seq_len_effective'), microbatch: number('communication.microbatch_size'),
        hiddenDim: optNumber('workload.hidden_dim'), queryHeads: optNumber('workload.heads'), tp: number('communication.tp'),
        sequenceParallel: optFlag('communication.sequence_parallel'), recompute: choice('communication.recompute', RECOMPUTE_MODES),
        activationWidth: number('scenario.activation_bytes_per_element'),
      },
      compute: ({ seqLen, microbatch, hiddenDim, queryHeads, tp, sequenceParallel, recompute, activationWidth }) => {
        const hidden = required(hiddenDim, id, 'hidden_dim', 'training activation memory');
        if (typeof hidden !== 'number') return hidden;
        const heads = required(queryHeads, id, 'heads', 'training activation memory');
        if (typeof heads !== 'number') return heads;
        return activationBytesPerLayer({
          seqLen, microbatch, hidden, heads, tp,
          // sequence_parallel defaults to t > 1 (physics.md §8.1); an unset value means that default.
          sequenceParallel: sequenceParallel ?? tp > 1,
          recompute,
          activationWidth,
        });
      },
      source: spec('§2.7'),
    }),
  ];
}
