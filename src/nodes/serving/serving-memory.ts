/**
 * Wall 4 memory check and status (physics.md §5 wall 4 cell 9 and Status): each device
 * (prefill, decode) must hold its own requirement; a shared device holds the larger one.
 */
import { type ArgsOf, type CellDef, derived, Failure, flag, formatQuantity, number, optNumber } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { required } from '../common/plain.js';
import { nearTarget, statusCells, verdict } from '../common/status.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { ringTokens } from '../parallel/ring.js';
import { activationInputs, draftInputs, draftOf, withFacts, workingSetOf } from './readers.js';
import { heldKvBytes } from './lm-physics.js';
import { windowInputs, windowOf } from '../workload/window.js';

const WALL = 4;
const common = { layer: 'E' as const, wall: WALL };

interface DeviceLoad {
  readonly required: number;
  readonly capacity: number;
}

/** The device requirements to check: one shared device, or prefill and decode separately. */
function loads(dis: boolean, decode: number, prefill: number, capPrefill: number, capDecode: number): DeviceLoad[] {
  if (!dis) return [{ required: Math.max(decode, prefill), capacity: capPrefill }];
  return [{ required: prefill, capacity: capPrefill }, { required: decode, capacity: capDecode }];
}

/** The load with the largest required/capacity ratio (first on ties: the prefill device). */
function worst(ls: readonly DeviceLoad[]): DeviceLoad {
  return ls.reduce((a, b) => (b.required / b.capacity > a.required / a.capacity ? b : a));
}

/**
 * What one device of a replica stores when the model is split (src/nodes/parallel): W_dev and
 * the share κ_kv of each sequence's KV; on one device, W and all of the KV.
 */
export function deviceStorageIds(ctx: BuildContext): { readonly weights: string; readonly kvPerToken: string; readonly note: string } {
  return hasParallelLayout(ctx)
    ? { weights: 'communication.weight_bytes_per_gpu', kvPerToken: 'communication.kv_bytes_per_token_per_gpu', note: ' (per device: W_dev, kv_tok·κ_kv)' }
    : { weights: 'workload.weight_bytes', kvPerToken: 'workload.kv_bytes_per_token', note: '' };
}

/**
 * On a weight-streaming device (wall 6) a requirement that does not fit on chip streams its
 * weights: two layer buffers 2·W_l stand for W (placement.ts times that step as wall 6's pass).
 */
export function weightStreamingInputs(ctx: BuildContext) {
  return ctx.device.execution_model === 'weight_streaming' && !hasParallelLayout(ctx)
    ? { wsLayerWeights: number('streaming.layer_weight_bytes'), wsCapacity: optNumber('hardware.memory_capacity'), wsDisaggregated: flag('serving.disaggregated') }
    : {};
}
type StreamingArgs = { wsLayerWeights?: number; wsCapacity?: number | null; wsDisaggregated?: boolean };

/**
 * W + Σ rest (summed left to right, as everywhere else), or 2·W_l + Σ rest when that does not fit
 * a weight-streaming device's memory (`limit`, default its capacity).
 */
export function withStreamedWeights(a: StreamingArgs, weights: number, rest: readonly number[], limit: number | null = a.wsCapacity ?? null): number {
  const sum = (first: number) => rest.reduce((s, x) => s + x, first);
  const full = sum(weights);
  if (a.wsLayerWeights === undefined || a.wsDisaggregated === true || limit === null || full <= limit) return full;
  return sum(2 * a.wsLayerWeights);
}

export function servingMemoryCells(ctx: BuildContext): CellDef[] {
  const need = 'the serving activation working set';
  const dev = deviceStorageIds(ctx);
  const streams = weightStreamingInputs(ctx);
  const streamNote = 'wsLayerWeights' in streams ? '; weight-streaming device: 2·W_l for W when W does not fit (wall 6)' : '';
  const split = hasParallelLayout(ctx);
  const kvShare = split ? { kvFraction: number('communication.kv_shard_fraction') } : {};
  const ring = split ? { ringRanks: number('communication.cp') } : {};
  const memoryCheck = {
    disaggregated: flag('serving.disaggregated'), decodeMemory: number('serving.decode_memory'), prefillMemory: number('serving.prefill_memory'),
    capacity: optNumber('hardware.memory_capacity'), decodeCapacity: optNumber('serving.decode_memory_capacity_effective'),
  };
  const checked = (a: ArgsOf<typeof memoryCheck>, pick: (w: DeviceLoad, all: DeviceLoad[]) => number | boolean): number | boolean | Failure => {
    const capP = required(a.capacity, ctx.device.id, 'memory_capacity', 'the serving memory check');
    if (capP instanceof Failure) return capP;
    const capD = required(a.decodeCapacity, `${ctx.device.id} (decode)`, 'memory_capacity', 'the serving memory check');
    if (capD instanceof Failure) return capD;
    const all = loads(a.disaggregated, a.decodeMemory, a.prefillMemory, capP, capD);
    return pick(worst(all), all);
  };
  return [
    derived({ ...common, id: 'serving.kv_cache_bytes', label: 'KV cache', unit: 'B',
      formula: 'B·(S + N_out)·kv_tok; windowed layers hold min(S + N_out, w) tokens',
      doc: 'KV cache of the batch at the end of generation (a windowed layer keeps only its last w tokens).',
      inputs: {
        batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens'),
        kvPerToken: number('workload.kv_bytes_per_token'), ...windowInputs,
      },
      compute: ({ batch, prompt, outputTokens, kvPerToken, ...w }) => heldKvBytes(windowOf(w), batch, prompt + outputTokens, kvPerToken) }),
    derived({ ...common, id: 'serving.decode_memory', label: 'Decode memory', unit: 'B',
      formula: `W + B·(S + N_out)·kv_tok + A_work(B, 1) [+ W_draft + B·(S + N_out)·kv_tok,draft]${dev.note}${streamNote}`,
      doc: 'Memory the decode device needs: weights, the full KV cache, one layer of activations and any draft model.',
      inputs: {
        weights: number(dev.weights), kvCache: number('serving.kv_cache_bytes'), ...kvShare, batch: number('scenario.batch_size'),
        prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens'), ...activationInputs(), ...draftInputs(),
        ...streams,
      },
      // A missing draft fact is reported before a missing hidden_dim. A split model keeps a draft whole on every device.
      compute: (a) => withFacts(draftOf(a), (draft) => withFacts(workingSetOf(ctx, need, a, a.batch, 1), (work) => {
        const draftBytes = draft ? draft.params * draft.weightWidth + a.batch * (a.prompt + a.outputTokens) * draft.kvPerToken : 0;
        const kv = a.kvFraction === undefined ? a.kvCache : a.kvCache * a.kvFraction;
        return a.wsLayerWeights === undefined ? a.weights + kv + work + draftBytes : withStreamedWeights(a, a.weights, [kv, work, draftBytes]);
      })) }),
    derived({ ...common, id: 'serving.prefill_memory', label: 'Prefill memory', unit: 'B',
      formula: `W + B·S·kv_tok + A_work(B, min(c, n)${split ? '/c_ring' : ''}); windowed layers hold min(S, w) tokens${dev.note}${split ? ', a ring rank ⌈min(c, n)/c_ring⌉ tokens' : ''}${streamNote}`,
      doc: 'Memory the prefill device needs: weights, the prompt KV and the activations of one chunk (a ring rank holds its share of the chunk).',
      inputs: {
        weights: number(dev.weights), batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective'),
        kvPerToken: number(dev.kvPerToken), newTokens: number('serving.new_tokens'), chunkTokens: optNumber('serving.prefill_chunk_tokens'),
        ...activationInputs(), ...windowInputs, ...streams, ...ring,
      },
      compute: (a) => {
        // A ring rank holds ⌈chunk/c⌉ of the chunk's tokens (parallel/ring.ts; cp_prefill_activation_bytes).
        const whole = a.chunkTokens === null ? a.newTokens : Math.min(a.chunkTokens, a.newTokens);
        const chunk = a.ringRanks === undefined ? whole : ringTokens(whole, a.ringRanks);
        const kv = heldKvBytes(windowOf(a), a.batch, a.prompt, a.kvPerToken);
        return withFacts(workingSetOf(ctx, need, a, a.batch, chunk),
          (work) => (a.wsLayerWeights === undefined ? a.weights + kv + work : withStreamedWeights({ ...a, wsDisaggregated: false }, a.weights, [kv, work])));
      } }),
    derived({ ...common, id: 'serving.memory_utilization', label: 'Serving memory utilisation', unit: '1', formula: 'max over devices of requirement/capacity',
      doc: 'Largest memory requirement/capacity ratio over the serving devices.',
      inputs: memoryCheck, compute: (a) => checked(a, (w) => w.required / w.capacity) }),
    derived({ ...common, id: 'serving.memory_required', label: 'Serving memory used', unit: 'B', formula: 'requirement of the device with the largest ratio',
      doc: 'Memory needed on the most loaded serving device (the Feasibility lens figure).',
      inputs: memoryCheck, compute: (a) => checked(a, (w) => w.required) }),
    derived({ ...common, id: 'serving.memory_capacity_checked', label: 'Serving memory capacity', unit: 'B', formula: 'capacity of the device with the largest ratio',
      doc: 'Capacity of the most loaded serving device.', inputs: memoryCheck, compute: (a) => checked(a, (w) => w.capacity) }),
    derived({ ...common, id: 'serving.serving_feasible', label: 'Serving feasible', unit: 'bool', formula: 'every requirement ≤ its device capacity',
      doc: 'Every serving device holds what it needs.',
      inputs: memoryCheck, compute: (a) => checked(a, (_w, all) => all.every((l) => l.required <= l.capacity)) }),
  ];
}

const ms = (s: number): string => formatQuantity(s, 's');

export function servingStatusCells(): CellDef[] {
  return statusCells({
    scope: 'serving', wall: WALL,
    formula: 'FAIL if not serving_feasible, ttft > ttft_target or itl > itl_target; WARN if memory utilisation > 0.90 or a metric ≥ 90 % of its target',
    inputs: {
      feasible: flag('serving.serving_feasible'), utilization: number('serving.memory_utilization'), ttft: number('serving.ttft'), itl: number('serving.itl'),
      ttftTarget: optNumber('serving.ttft_target'), itlTarget: optNumber('serving.itl_target'),
      warnUtilization: number('scenario.memory_warn_utilization'), margin: number('scenario.target_margin'),
    },
    judge: ({ feasible, utilization: u, ttft, itl, ttftTarget, itlTarget, warnUtilization, margin }) => {
      const fails: string[] = [];
      const warns: string[] = [];
      if (!feasible) fails.push(`serving memory exceeds device capacity (utilisation ${u.toFixed(3)})`);
      else if (u > warnUtilization) warns.push(`serving memory utilisation ${u.toFixed(3)} > ${warnUtilization}`);
      for (const [name, v, t] of [['ttft', ttft, ttftTarget], ['itl', itl, itlTarget]] as const) {
        if (t === null) continue;
        if (v > t) fails.push(`${name} ${ms(v)} > target ${ms(t)}`);
        else if (nearTarget(v, t, margin)) warns.push(`${name} ${ms(v)} ≥ ${margin * 100} % of target ${ms(t)}`);
      }
      return verdict(fails, warns);
    },
  });
}
