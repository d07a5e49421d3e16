/**
 * Wall 14, training memory per GPU (physics.md §8.6) and the wall's status (§8.6 "Status",
 * §11.3 row 14). Sharding reads the ranks that hold the same weights: dp·c for dense
 * parameters and (dp/e)·c for expert parameters (c = 1 without context parallelism). Context
 * parallelism divides the activations by c and adds two KV blocks of ring buffers.
 */
import { type ArgsOf, type CellDef, derived, flag, number, optNumber } from '../../graph/index.js';
import { alwaysActive, frac, gb, reasons, required, statusCells, verdict } from '../common/index.js';
import { type BuildContext, isLM, storesSampleActivations } from '../context.js';

const S = 'communication';
const W = 14;

/** What the sharded terms read: the ZeRO stage and the dense and expert parameters with their DP degrees. */
const shardInputs = {
  zeroStage: number(`${S}.zero_stage`),
  denseParams: number(`${S}.dense_params_per_gpu`), dp: number(`${S}.gradient_group`),
  expertParams: number(`${S}.expert_params_per_gpu`), expertDp: number(`${S}.expert_gradient_group`),
};

/** Dense and expert parameter counts per GPU, each divided by its DP degree when `sharded`. */
const perGpu = (sharded: boolean, p: ArgsOf<typeof shardInputs>): number =>
  p.denseParams / (sharded ? p.dp : 1) + p.expertParams / (sharded ? p.expertDp : 1);

/** The five terms of the training memory per GPU (§8.6 items 1–5). */
const termInputs = {
  weights: number(`${S}.train_weights`), gradients: number(`${S}.train_gradients`), optimizer: number(`${S}.train_optimizer`),
  activations: number(`${S}.train_activations`), buffers: number(`${S}.train_buffers`),
};

/** ι: extra in-flight activations of an interleaved schedule, 1 + (p−1)/(p·v) for v ≥ 2 (§2.7). */
export const interleaveFactor = (p: number, v: number): number => (v >= 2 ? 1 + (p - 1) / (p * v) : 1);

/** A_gpu of a transformer (an LM or an encoder): Korthikanti's per-layer table over the first stage (§2.7). */
function tableActivations(): CellDef {
  return derived({
    id: `${S}.train_activations`, label: 'Activations per GPU',
    doc: 'Stored activations on the first pipeline stage under 1F1B: min(m, p) microbatches in flight, each GPU of a CP ring holding 1/c of every sequence (§2.7, §8.6 item 4).',
    unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'A_gpu = a_layer · L_stage · min(m, p) · ι / c',
    inputs: {
      perLayer: number('workload.activation_bytes_per_layer'), layers: number(`${S}.layers_per_stage`),
      microbatches: number(`${S}.num_microbatches`), pp: number(`${S}.pp`), virtualStages: number(`${S}.virtual_stages`), c: number(`${S}.cp`),
    },
    compute: ({ perLayer, layers, microbatches, pp, virtualStages, c }) => {
      const whole = perLayer * layers * Math.min(microbatches, pp) * interleaveFactor(pp, virtualStages);
      return c === 1 ? whole : whole / c;
    },
  });
}

/**
 * A_gpu for a non-LM (a CNN, an encoder): every feature map of a microbatch of b samples is
 * kept for the backward pass, b·S_act; a pipeline stage keeps its share L_stage/L of the
 * layers (the whole model when the layer count is unknown, so p must be 1), with min(m, p)
 * microbatches in flight as for an LM.
 */
function sampleActivations(ctx: BuildContext): CellDef {
  return derived({
    id: `${S}.train_activations`, label: 'Activations per GPU',
    doc: 'Stored feature maps of the microbatches in flight on the first pipeline stage: b samples × S_act each, the stage\'s share of the layers (§8.6 item 4).',
    unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'A_gpu = b · S_act · (L_stage / L) · min(m, p) · ι',
    inputs: {
      perSample: number('workload.activation_stored_per_sample'), microbatch: number(`${S}.microbatch_size`),
      stageLayers: number(`${S}.layers_per_stage`), layers: optNumber('workload.layers'),
      microbatches: number(`${S}.num_microbatches`), pp: number(`${S}.pp`), virtualStages: number(`${S}.virtual_stages`),
    },
    compute: ({ perSample, microbatch, stageLayers, layers, microbatches, pp, virtualStages }) => {
      if (layers === null && pp > 1) return required(layers, ctx.model.id, 'layers', 'splitting the stored activations over pipeline stages');
      const share = layers === null ? 1 : stageLayers / layers;
      return microbatch * perSample * share * Math.min(microbatches, pp) * interleaveFactor(pp, virtualStages);
    },
  });
}

export function trainMemoryCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  const capacityOf = (capacity: number | null) => required(capacity, ctx.device.id, 'memory_capacity', 'the training memory check');
  return [
    derived({
      id: `${S}.train_weights`, label: 'Weights per GPU', doc: 'Working weights held by one GPU; ZeRO-3 shards them over DP (§8.6 item 1).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'b_p · P_gpu / (dp if z = 3)',
      inputs: { ...shardInputs, paramBytes: number('scenario.param_bytes_per_element') },
      compute: ({ paramBytes, ...shard }) => paramBytes * perGpu(shard.zeroStage === 3, shard),
    }),
    derived({
      id: `${S}.train_gradients`, label: 'Gradients per GPU', doc: 'Gradients held by one GPU; ZeRO-2 and -3 shard them over DP (§8.6 item 2).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'b_p · f_tr · P_gpu / (dp if z ≥ 2)',
      inputs: { ...shardInputs, paramBytes: number('scenario.param_bytes_per_element'), trainable: number(`${S}.trainable_fraction`) },
      compute: ({ paramBytes, trainable, ...shard }) => paramBytes * trainable * perGpu(shard.zeroStage >= 2, shard),
    }),
    derived({
      id: `${S}.train_optimizer`, label: 'Optimizer state per GPU', doc: 'Optimizer state held by one GPU; ZeRO ≥ 1 shards it over DP (§8.6 item 3).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'o_b · f_tr · P_gpu / (dp if z ≥ 1)',
      inputs: { ...shardInputs, optimizerBytes: number(`${S}.optimizer_bytes_per_param`), trainable: number(`${S}.trainable_fraction`) },
      compute: ({ optimizerBytes, trainable, ...shard }) => optimizerBytes * trainable * perGpu(shard.zeroStage >= 1, shard),
    }),
    storesSampleActivations(ctx.model) ? sampleActivations(ctx) : tableActivations(),
    derived({
      id: `${S}.train_buffers`, label: 'Buffers per GPU',
      doc: 'Communication buffers, pipeline send/receive buffers (p > 1), two gathered layers under ZeRO-3 and two ring-attention KV blocks (c > 1) (§8.6 item 5).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W,
      formula: 'f_buf · b_p · f_tr · P_gpu + [p > 1] 2·M_tp/t_sp + [z = 3] 2·W_gpu/L_stage + [c > 1] 2·M_kv',
      inputs: {
        bufferFraction: number(`${S}.comm_buffer_fraction`), paramBytes: number('scenario.param_bytes_per_element'),
        trainable: number(`${S}.trainable_fraction`), params: number(`${S}.params_per_gpu`),
        pp: number(`${S}.pp`), tpMessage: number(`${S}.tp_message_bytes`), tp: number(`${S}.tp`),
        sequenceParallel: flag(`${S}.sequence_parallel_effective`), zeroStage: number(`${S}.zero_stage`),
        weightBytes: number(`${S}.weight_bytes_per_gpu`), layers: number(`${S}.layers_per_stage`),
        ...(lm ? { c: number(`${S}.cp`), kvBlock: number(`${S}.cp_message_bytes`) } : {}),
      },
      compute: ({ bufferFraction, paramBytes, trainable, params, pp, tpMessage, tp, sequenceParallel, zeroStage, weightBytes, layers, c, kvBlock }) => {
        const comm = bufferFraction * paramBytes * trainable * params;
        const pipeline = pp > 1 ? (2 * tpMessage) / (sequenceParallel ? tp : 1) : 0;
        const gathered = zeroStage === 3 ? (2 * weightBytes) / layers : 0;
        // Ring attention double-buffers one KV block (send and receive) per rank.
        const ring = c !== undefined && kvBlock !== undefined && c > 1 ? 2 * kvBlock : 0;
        return comm + pipeline + gathered + ring;
      },
    }),
    derived({
      id: `${S}.train_memory`, label: 'Training memory per GPU', doc: 'Everything one GPU holds during training (§8.6 item 6).',
      unit: 'B', displayUnit: 'GB', layer: 'E', wall: W, formula: 'weights + gradients + optimizer + activations + buffers',
      inputs: termInputs,
      compute: ({ weights, gradients, optimizer, activations, buffers }) => weights + gradients + optimizer + activations + buffers,
    }),
    derived({
      id: `${S}.train_memory_utilization`, label: 'Training memory utilisation', doc: 'Training memory per GPU over its capacity (§8.6 item 6).',
      unit: '1', layer: 'E', wall: W, formula: 'train_memory / memory_capacity',
      inputs: { memory: number(`${S}.train_memory`), capacity: optNumber('hardware.memory_capacity') },
      compute: ({ memory, capacity }) => {
        const cap = capacityOf(capacity);
        return typeof cap === 'number' ? memory / cap : cap;
      },
    }),
    derived({
      id: `${S}.train_feasible`, label: 'Fits per GPU', doc: 'The training state fits in one GPU\'s memory (§8.6 item 6).',
      unit: 'bool', layer: 'E', wall: W, formula: 'train_memory ≤ memory_capacity',
      inputs: { memory: number(`${S}.train_memory`), capacity: optNumber('hardware.memory_capacity') },
      compute: ({ memory, capacity }) => {
        const cap = capacityOf(capacity);
        return typeof cap === 'number' ? memory <= cap : cap;
      },
    }),
    alwaysActive(S, W, 'in training mode (one device or a fleet)'),
    ...statusCells({
      scope: S, wall: W,
      formula: 'FAIL if train_memory > capacity; WARN if utilisation > memory_warn_utilization, scaling_efficiency < 0.5 or bubble_fraction > 0.25',
      inputs: {
        fits: flag(`${S}.train_feasible`), utilization: number(`${S}.train_memory_utilization`),
        scaling: number(`${S}.scaling_efficiency`), bubble: number(`${S}.bubble_fraction`),
        warnAt: number('scenario.memory_warn_utilization'), memory: number(`${S}.train_memory`),
        capacity: optNumber('hardware.memory_capacity'), ...termInputs,
      },
      judge: ({ fits, utilization, scaling, bubble, warnAt, memory, capacity, weights, gradients, optimizer, activations, buffers }) => {
        const cap = capacityOf(capacity);
        if (typeof cap !== 'number') return cap;
        return verdict(
          reasons([!fits && `training needs ${gb(memory)} per GPU but the device has ${gb(cap)} `
            + `(weights ${gb(weights)}, gradients ${gb(gradients)}, optimizer ${gb(optimizer)}, activations ${gb(activations)}, buffers ${gb(buffers)})`]),
          reasons([
            utilization > warnAt && `memory utilisation ${frac(utilization)} per GPU is above ${warnAt}`,
            scaling < 0.5 && `scaling efficiency ${frac(scaling)} is below 0.5`,
            bubble > 0.25 && `pipeline bubble ${frac(bubble)} is above 0.25`,
          ]),
        );
      },
    }),
  ];
}
