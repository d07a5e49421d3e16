/**
 * The execution unit of walls 1–2 (physics.md §4.0): one device executing one step. Which
 * step depends on the mode and family, and is fixed when the graph is built:
 *
 *   inference/serving, LM   one decode step: F = B·F_tok(x), Q = W_t(B) + B·x·kv_tok,
 *                           M_foot = W + B·x·kv_tok + A_work(B, 1), k = 1, L_x = L
 *   inference, non-LM       one batched forward: F = B·F_s, Q = W + B·traffic, M_foot = W + A_work
 *   training                wall 14's per-GPU microbatch: F_hw,mb, Q = k·W_gpu, train_memory,
 *                           k = passes, L_x = L_stage
 *
 * Weight-streaming devices (wall 6) are not modelled here yet: they use the standard step.
 */
import { type CellDef, type ComputeResult, derived, type Plain, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { num, numOrNull, required } from '../common/plain.js';
import { type BuildContext, isLM } from '../context.js';

const s40 = spec('§4.0');

type Cell = { formula: string; inputs: readonly string[]; compute: (...v: Plain[]) => ComputeResult };

/** The §4.0 cells with their fixed labels; each mode supplies formula, inputs and compute. */
function unit(c: Record<string, Cell>): CellDef[] {
  const meta: Record<string, { label: string; doc: string; unit: string; wall: number }> = {
    'compute.flops_per_step': { label: 'FLOPs per step F', doc: 'Model FLOPs of the step (MFU counts these).', unit: 'FLOP', wall: 1 },
    'compute.hw_flops_per_step': { label: 'Hardware FLOPs per step', doc: 'FLOPs the hardware executes in the step, recompute included (T_c and HFU use these).', unit: 'FLOP', wall: 1 },
    'compute.memory_traffic': { label: 'Memory traffic Q', doc: 'Bytes the step moves between memory and the compute units.', unit: 'B', wall: 1 },
    'compute.passes': { label: 'Passes k', doc: 'Passes over the layers in the step (1 inference; 3, or 4 with full recompute, in training).', unit: 'passes', wall: 1 },
    'compute.layers_executed': { label: 'Layers executed L_x', doc: 'Layers this device executes in the step.', unit: 'layers', wall: 1 },
    'compute.items_per_step': { label: 'Items per step', doc: 'Tokens (LM) or samples the step produces.', unit: 'items', wall: 1 },
    'memory.memory_footprint': { label: 'Memory footprint', doc: 'Bytes the step needs resident on the device.', unit: 'B', wall: 2 },
    'memory.step_weight_bytes': { label: 'Step weight bytes W', doc: 'Weight bytes stored on this device for the step.', unit: 'B', wall: 2 },
    'memory.step_weight_bytes_touched': { label: 'Step weight bytes touched W_t', doc: 'Weight bytes the step reads.', unit: 'B', wall: 2 },
  };
  return Object.entries(c).map(([id, def]) => derived({ id, ...meta[id], layer: 'E', source: s40, ...def }));
}

function decodeStep(model: string): CellDef[] {
  return unit({
    'compute.flops_per_step': { formula: 'F = B·F_tok(x)', inputs: ['scenario.batch_size', 'workload.decode_flops_per_token'], compute: (b, f) => num(b) * num(f) },
    'compute.hw_flops_per_step': { formula: 'F_hw = F', inputs: ['compute.flops_per_step'], compute: (f) => num(f) },
    'compute.memory_traffic': {
      formula: 'Q = W_t(B) + B·x·kv_tok',
      inputs: ['workload.weight_bytes_touched', 'workload.kv_bytes'],
      compute: (wt, kv) => num(wt) + num(kv),
    },
    'compute.passes': { formula: 'k = 1', inputs: [], compute: () => 1 },
    'compute.layers_executed': { formula: 'L_x = L', inputs: ['workload.layers'], compute: (l) => required(l, model, 'layers', 'the layer tax') },
    'compute.items_per_step': { formula: 'B tokens', inputs: ['scenario.batch_size'], compute: (b) => num(b) },
    'memory.memory_footprint': {
      formula: 'M_foot = W + B·x·kv_tok + A_work(B, 1)',
      inputs: ['workload.weight_bytes', 'workload.kv_bytes', 'workload.activation_working_set'],
      compute: (w, kv, a) => num(w) + num(kv) + num(a),
    },
    'memory.step_weight_bytes': { formula: 'W', inputs: ['workload.weight_bytes'], compute: (w) => num(w) },
    'memory.step_weight_bytes_touched': { formula: 'W_t(B)', inputs: ['workload.weight_bytes_touched'], compute: (w) => num(w) },
  });
}

function forwardPass(): CellDef[] {
  return unit({
    'compute.flops_per_step': { formula: 'F = B·F_s', inputs: ['scenario.batch_size', 'workload.flops_per_sample_eff'], compute: (b, f) => num(b) * num(f) },
    'compute.hw_flops_per_step': { formula: 'F_hw = F', inputs: ['compute.flops_per_step'], compute: (f) => num(f) },
    'compute.memory_traffic': {
      formula: 'Q = W + B·activation_traffic_per_sample (W when unknown)',
      inputs: ['workload.weight_bytes', 'scenario.batch_size', 'workload.activation_traffic_per_sample'],
      compute: (w, b, t) => {
        const perSample = numOrNull(t);
        if (perSample === null) return warn(num(w), 'activation traffic unknown; memory traffic counts weights only (lower bound)');
        return num(w) + num(b) * perSample;
      },
    },
    'compute.passes': { formula: 'k = 1', inputs: [], compute: () => 1 },
    'compute.layers_executed': {
      formula: 'L_x = L (1 when unknown)',
      inputs: ['workload.layers'],
      compute: (l) => numOrNull(l) ?? warn(1, 'layer count unknown; layer tax counted for one layer'),
    },
    'compute.items_per_step': { formula: 'B samples', inputs: ['scenario.batch_size'], compute: (b) => num(b) },
    'memory.memory_footprint': {
      formula: 'M_foot = W + A_work',
      inputs: ['workload.weight_bytes', 'workload.activation_working_set'],
      compute: (w, a) => num(w) + num(a),
    },
    'memory.step_weight_bytes': { formula: 'W', inputs: ['workload.weight_bytes'], compute: (w) => num(w) },
    'memory.step_weight_bytes_touched': { formula: 'W_t = W', inputs: ['workload.weight_bytes'], compute: (w) => num(w) },
  });
}

/** Wall 14's per-GPU microbatch on the slowest stage (physics.md §8.4, §8.6). */
function trainingMicrobatch(): CellDef[] {
  return unit({
    'compute.flops_per_step': { formula: 'F = F_mod,mb', inputs: ['communication.model_flops_per_microbatch'], compute: (f) => num(f) },
    'compute.hw_flops_per_step': { formula: 'F_hw = F_hw,mb', inputs: ['communication.hw_flops_per_microbatch'], compute: (f) => num(f) },
    'compute.memory_traffic': {
      formula: 'Q = k·W_gpu',
      inputs: ['communication.passes_per_microbatch', 'communication.weight_bytes_per_gpu'],
      compute: (k, w) => num(k) * num(w),
    },
    'compute.passes': { formula: 'k = k_pass', inputs: ['communication.passes_per_microbatch'], compute: (k) => num(k) },
    'compute.layers_executed': { formula: 'L_x = L_stage', inputs: ['communication.layers_per_stage'], compute: (l) => num(l) },
    'compute.items_per_step': { formula: 'tokens (samples) per microbatch', inputs: ['communication.tokens_per_microbatch'], compute: (t) => num(t) },
    'memory.memory_footprint': { formula: 'M_foot = train_memory', inputs: ['communication.train_memory'], compute: (m) => num(m) },
    'memory.step_weight_bytes': { formula: 'W = W_gpu', inputs: ['communication.weight_bytes_per_gpu'], compute: (w) => num(w) },
    'memory.step_weight_bytes_touched': { formula: 'W_t = W_gpu', inputs: ['communication.weight_bytes_per_gpu'], compute: (w) => num(w) },
  });
}

export function executionUnitCells(ctx: BuildContext): CellDef[] {
  if (ctx.mode === 'training') return trainingMicrobatch();
  return isLM(ctx.model.family) ? decodeStep(ctx.model.id) : forwardPass();
}

/** What the step is, for labels. */
export function stepName(ctx: BuildContext): string {
  if (ctx.mode === 'training') return 'training microbatch';
  return isLM(ctx.model.family) ? 'decode step' : 'forward pass';
}
