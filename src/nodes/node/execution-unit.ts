/**
 * The execution unit of walls 1–2 (physics.md §4.0): one device executing one step. Which
 * step depends on the mode and family, and is fixed when the graph is built:
 *
 *   inference/serving, LM   one decode step: F = B·F_tok(x), Q = W_t(B) + B·x·kv_tok,
 *                           M_foot = W + B·x·kv_tok + A_work(B, 1), k = 1, L_x = L
 *   inference, non-LM       one batched forward: F = B·F_s, Q = W + B·traffic, M_foot = W + A_work
 *   training                wall 14's per-GPU microbatch: F_hw,mb, Q = k·W_gpu, train_memory,
 *                           k = passes, L_x = L_stage
 *   inference/serving, LM,  one device's share of a replica's decode step (the model split by
 *   split over devices      tensor, pipeline and expert parallelism, src/nodes/parallel)
 *
 * On a weight-streaming device (wall 6, one device) an LM step whose footprint does not fit keeps
 * only KV, activations and two layer buffers on chip and streams its weights (docs/physics-notes.md,
 * "Weight-streaming devices"): memory.weights_streamed says so, the footprint becomes wall 6's
 * on-chip requirement B·x·kv_tok + 2·W_l + A_work(B, 1), and memory.ts times the weights over β_inj.
 */
import {
  type ArgsOf, type CellDef, type ComputeResult, derived, flag, type InputMap, number, optNumber, warn,
} from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import { type BuildContext, isLM } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { isTwoTier, mainTierBytes, memoryRegime } from './memory-tiers.js';

const s40 = spec('§4.0');

/** The fixed label, doc, unit and wall of a §4.0 cell. */
type Meta = { readonly label: string; readonly doc: string; readonly unit: string; readonly wall: number };
/** One mode's version of a §4.0 cell, made into a definition once its id and fixed meta are known. */
type UnitCell = (id: string, meta: Meta) => CellDef;

/** A mode's formula, named inputs and compute for one §4.0 cell. */
function cell<I extends InputMap>(c: { formula: string; inputs: I; compute: (args: ArgsOf<I>) => ComputeResult }): UnitCell {
  return (id, meta) => derived({ id, ...meta, layer: 'E', source: s40, ...c });
}

const META: Record<string, Meta> = {
  'compute.flops_per_step': { label: 'FLOPs per step F', doc: 'Model FLOPs of the step (MFU counts these).', unit: 'FLOP', wall: 1 },
  'compute.hw_flops_per_step': { label: 'Hardware FLOPs per step', doc: 'FLOPs the hardware executes in the step, recompute included (T_c and HFU use these).', unit: 'FLOP', wall: 1 },
  'compute.memory_traffic': { label: 'Memory traffic Q', doc: 'Bytes the step moves between memory and the compute units.', unit: 'B', wall: 1 },
  'compute.passes': { label: 'Passes k', doc: 'Passes over the layers in the step (1 inference; 3, or 4 with full recompute, in training).', unit: 'passes', wall: 1 },
  'compute.layers_executed': { label: 'Layers executed L_x', doc: 'Layers this device executes in the step.', unit: 'layers', wall: 1 },
  'compute.items_per_step': { label: 'Items per step', doc: 'Tokens (LM) or samples the step produces.', unit: 'items', wall: 1 },
  'memory.memory_footprint': { label: 'Memory footprint', doc: 'Bytes the step needs resident on the device.', unit: 'B', wall: 2 },
  'memory.step_weight_bytes': { label: 'Step weight bytes W', doc: 'Weight bytes stored on this device for the step.', unit: 'B', wall: 2 },
  'memory.step_weight_bytes_touched': { label: 'Step weight bytes touched W_t', doc: 'Weight bytes the step reads.', unit: 'B', wall: 2 },
  'memory.weights_streamed': {
    label: 'Weights streamed', unit: 'bool', wall: 2,
    doc: 'On a weight-streaming device, the step does not fit on chip with its weights, so they stream layer by layer (wall 6).',
  },
};

/** The §4.0 cells with their fixed labels; each mode supplies formula, inputs and compute. */
function unit(c: Record<string, UnitCell>): CellDef[] {
  return Object.entries(c).map(([id, make]) => make(id, META[id]));
}

const batch = number('scenario.batch_size');
const weights = number('workload.weight_bytes');
/** F_hw = F outside training (no recompute). */
const hwFlopsIsModelFlops = cell({ formula: 'F_hw = F', inputs: { flops: number('compute.flops_per_step') }, compute: ({ flops }) => flops });
const onePass = cell({ formula: 'k = 1', inputs: {}, compute: () => 1 });

/**
 * A one-device LM step outside training on a weight-streaming device (wall 6): its weights stream
 * when the step does not fit on chip (serving's placement.ts reads the same device fact).
 */
export function mayStreamWeights(ctx: BuildContext): boolean {
  return ctx.mode !== 'training' && isLM(ctx.model.family) && !hasParallelLayout(ctx) && ctx.device.execution_model === 'weight_streaming';
}

const kvBytes = number('workload.kv_bytes');
const working = number('workload.activation_working_set');

/**
 * The streamed decode step's cells: memory.weights_streamed (W + KV + A_work(B, 1) is wall 2's
 * offload regime) and the footprint, wall 6's on-chip requirement 2·W_l in place of W when it is.
 */
function streamedFootprint(model: string, device: string): Record<string, UnitCell> {
  const layers = optNumber('workload.layers');
  return {
    'memory.weights_streamed': cell({
      formula: 'W + B·x·kv_tok + A_work(B, 1) > C_main (wall 2\'s offload regime)',
      inputs: {
        weights, kv: kvBytes, working, capacity: optNumber('hardware.memory_capacity'),
        sramCapacity: optNumber('hardware.sram_capacity'), sramBandwidth: optNumber('hardware.sram_bandwidth'),
      },
      compute: ({ weights, kv, working, capacity, sramCapacity, sramBandwidth }) => {
        const cap = required(capacity, device, 'memory_capacity', 'the weight-streaming choice');
        if (typeof cap !== 'number') return cap;
        const resident = weights + kv + working;
        const main = mainTierBytes(resident, weights, isTwoTier(resident, sramCapacity, sramBandwidth));
        return memoryRegime(resident, main, cap, sramCapacity, sramBandwidth) === 'offload';
      },
    }),
    'memory.memory_footprint': cell({
      formula: 'M_foot = W + B·x·kv_tok + A_work(B, 1); streamed: B·x·kv_tok + 2·W_l + A_work(B, 1), W_l = W/L (wall 6)',
      inputs: { weights, kv: kvBytes, working, streamed: flag('memory.weights_streamed'), layers },
      compute: ({ weights, kv, working, streamed, layers }) => {
        if (!streamed) return weights + kv + working;
        const L = required(layers, model, 'layers', 'weight streaming');
        return typeof L === 'number' ? kv + 2 * (weights / L) + working : L;
      },
    }),
  };
}

function decodeStep(model: string, device: string, streams: boolean): CellDef[] {
  return unit({
    'compute.flops_per_step': cell({
      formula: 'F = B·F_tok(x)', inputs: { batch, tokenFlops: number('workload.decode_flops_per_token') },
      compute: ({ batch, tokenFlops }) => batch * tokenFlops,
    }),
    'compute.hw_flops_per_step': hwFlopsIsModelFlops,
    'compute.memory_traffic': cell({
      formula: 'Q = W_t(B) + B·x·kv_tok',
      inputs: { touched: number('workload.weight_bytes_touched'), kv: number('workload.kv_bytes') },
      compute: ({ touched, kv }) => touched + kv,
    }),
    'compute.passes': onePass,
    'compute.layers_executed': cell({
      formula: 'L_x = L', inputs: { layers: optNumber('workload.layers') },
      compute: ({ layers }) => required(layers, model, 'layers', 'the layer tax'),
    }),
    'compute.items_per_step': cell({ formula: 'B tokens', inputs: { batch }, compute: ({ batch }) => batch }),
    'memory.memory_footprint': cell({
      formula: 'M_foot = W + B·x·kv_tok + A_work(B, 1)',
      inputs: { weights, kv: kvBytes, working },
      compute: ({ weights, kv, working }) => weights + kv + working,
    }),
    'memory.step_weight_bytes': cell({ formula: 'W', inputs: { weights }, compute: ({ weights }) => weights }),
    'memory.step_weight_bytes_touched': cell({
      formula: 'W_t(B)', inputs: { touched: number('workload.weight_bytes_touched') }, compute: ({ touched }) => touched,
    }),
    ...(streams ? streamedFootprint(model, device) : {}),
  });
}

function forwardPass(): CellDef[] {
  return unit({
    'compute.flops_per_step': cell({
      formula: 'F = B·F_s', inputs: { batch, sampleFlops: number('workload.flops_per_sample_eff') },
      compute: ({ batch, sampleFlops }) => batch * sampleFlops,
    }),
    'compute.hw_flops_per_step': hwFlopsIsModelFlops,
    'compute.memory_traffic': cell({
      formula: 'Q = W + B·activation_traffic_per_sample (W when unknown)',
      inputs: { weights, batch, perSample: optNumber('workload.activation_traffic_per_sample') },
      compute: ({ weights, batch, perSample }) => {
        if (perSample === null) return warn(weights, 'activation traffic unknown; memory traffic counts weights only (lower bound)');
        return weights + batch * perSample;
      },
    }),
    'compute.passes': onePass,
    'compute.layers_executed': cell({
      formula: 'L_x = L (1 when unknown)',
      inputs: { layers: optNumber('workload.layers') },
      compute: ({ layers }) => layers ?? warn(1, 'layer count unknown; layer tax counted for one layer'),
    }),
    'compute.items_per_step': cell({ formula: 'B samples', inputs: { batch }, compute: ({ batch }) => batch }),
    'memory.memory_footprint': cell({
      formula: 'M_foot = W + A_work',
      inputs: { weights, working: number('workload.activation_working_set') },
      compute: ({ weights, working }) => weights + working,
    }),
    'memory.step_weight_bytes': cell({ formula: 'W', inputs: { weights }, compute: ({ weights }) => weights }),
    'memory.step_weight_bytes_touched': cell({ formula: 'W_t = W', inputs: { weights }, compute: ({ weights }) => weights }),
  });
}

/** Wall 14's per-GPU microbatch on the slowest stage (physics.md §8.4, §8.6). */
function trainingMicrobatch(): CellDef[] {
  const passes = number('communication.passes_per_microbatch');
  const gpuWeights = number('communication.weight_bytes_per_gpu');
  return unit({
    'compute.flops_per_step': cell({
      formula: 'F = F_mod,mb', inputs: { flops: number('communication.model_flops_per_microbatch') }, compute: ({ flops }) => flops,
    }),
    'compute.hw_flops_per_step': cell({
      formula: 'F_hw = F_hw,mb', inputs: { hwFlops: number('communication.hw_flops_per_microbatch') }, compute: ({ hwFlops }) => hwFlops,
    }),
    'compute.memory_traffic': cell({
      formula: 'Q = k·W_gpu', inputs: { passes, gpuWeights }, compute: ({ passes, gpuWeights }) => passes * gpuWeights,
    }),
    'compute.passes': cell({ formula: 'k = k_pass', inputs: { passes }, compute: ({ passes }) => passes }),
    'compute.layers_executed': cell({
      formula: 'L_x = L_stage', inputs: { layers: number('communication.layers_per_stage') }, compute: ({ layers }) => layers,
    }),
    'compute.items_per_step': cell({
      formula: 'tokens (samples) per microbatch', inputs: { tokens: number('communication.tokens_per_microbatch') },
      compute: ({ tokens }) => tokens,
    }),
    'memory.memory_footprint': cell({
      formula: 'M_foot = train_memory', inputs: { trainMemory: number('communication.train_memory') }, compute: ({ trainMemory }) => trainMemory,
    }),
    'memory.step_weight_bytes': cell({ formula: 'W = W_gpu', inputs: { gpuWeights }, compute: ({ gpuWeights }) => gpuWeights }),
    'memory.step_weight_bytes_touched': cell({ formula: 'W_t = W_gpu', inputs: { gpuWeights }, compute: ({ gpuWeights }) => gpuWeights }),
  });
}

/**
 * One device's share of a replica's decode step when the model is split (src/nodes/parallel):
 * F = B·F_tok(x)·(L_stage/L)/t, Q = W_t,dev(B) + B·x·kv_tok·κ_kv, M_foot = W_dev + B·x·kv_tok·κ_kv
 * + A_work(B, 1), L_x = L_stage. With t = p = e = 1 these are the single-device cells exactly.
 * The step's collectives and the pass through the stages are wall 14's (communication.decode_*).
 */
function deviceShareOfDecodeStep(): CellDef[] {
  const share = number('communication.stage_layer_fraction');
  const t = number('communication.tp');
  const kvShare = { kv: number('workload.kv_bytes'), fraction: number('communication.kv_shard_fraction') };
  const gpuWeights = number('communication.weight_bytes_per_gpu');
  const touched = number('communication.weight_bytes_touched_per_gpu');
  return unit({
    'compute.flops_per_step': cell({
      formula: 'F = B·F_tok(x)·(L_stage/L)/t', inputs: { batch, tokenFlops: number('workload.decode_flops_per_token'), share, t },
      compute: ({ batch, tokenFlops, share, t }) => (batch * tokenFlops * share) / t,
    }),
    'compute.hw_flops_per_step': hwFlopsIsModelFlops,
    'compute.memory_traffic': cell({
      formula: 'Q = W_t,dev(B) + B·x·kv_tok·κ_kv', inputs: { touched, ...kvShare },
      compute: ({ touched, kv, fraction }) => touched + kv * fraction,
    }),
    'compute.passes': onePass,
    'compute.layers_executed': cell({
      formula: 'L_x = L_stage', inputs: { layers: number('communication.layers_per_stage') }, compute: ({ layers }) => layers,
    }),
    'compute.items_per_step': cell({ formula: 'B tokens (of the replica)', inputs: { batch }, compute: ({ batch }) => batch }),
    'memory.memory_footprint': cell({
      formula: 'M_foot = W_dev + B·x·kv_tok·κ_kv + A_work(B, 1)',
      inputs: { gpuWeights, ...kvShare, working: number('workload.activation_working_set') },
      compute: ({ gpuWeights, kv, fraction, working }) => gpuWeights + kv * fraction + working,
    }),
    'memory.step_weight_bytes': cell({ formula: 'W_dev', inputs: { gpuWeights }, compute: ({ gpuWeights }) => gpuWeights }),
    'memory.step_weight_bytes_touched': cell({ formula: 'W_t,dev(B)', inputs: { touched }, compute: ({ touched }) => touched }),
  });
}

export function executionUnitCells(ctx: BuildContext): CellDef[] {
  if (ctx.mode === 'training') return trainingMicrobatch();
  if (!isLM(ctx.model.family)) return forwardPass();
  return hasParallelLayout(ctx) ? deviceShareOfDecodeStep() : decodeStep(ctx.model.id, ctx.device.id, mayStreamWeights(ctx));
}

/** What the step is, for labels. */
export function stepName(ctx: BuildContext): string {
  if (ctx.mode === 'training') return 'training microbatch';
  return isLM(ctx.model.family) ? 'decode step' : 'forward pass';
}
