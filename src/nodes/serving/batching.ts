/**
 * Wall 5: Batching — continuous batching with paged KV (physics.md §5 wall 5). The server
 * runs on the scenario's device: R request slots share one decode batch, and each admitted
 * request's prefill stalls that batch for its compute time T_pc.
 */
import { type CellDef, derived, fail, flag, gate, input, number, optNumber, warn } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import { alwaysActive, statusCells, verdict } from '../common/status.js';
import { kvFragmentation, pagedTokens } from '../workload/kv-cache.js';
import { kvBytesPerSequence, windowInputs, windowOf } from '../workload/window.js';
import { deviceKvPerToken, kvBytesAt, prefillStall, servingDecodeStep } from './lm-physics.js';
import { kvTransferTime, prefillSchedule } from './prefill.js';
import { deviceStorageIds, weightStreamingInputs } from './serving-memory.js';
import { activationInputs, decoded, deviceRateInputs, deviceRatesOf, lmFactInputs, lmFactsOf, withFacts, workingSetOf } from './readers.js';
import { lmOnlyStub, type OutputUnits } from './stub.js';

const WALL = 5;
const common = { layer: 'E' as const, wall: WALL };
const s5 = spec('§5 wall 5');

/** Wall 5's public outputs (a non-LM gets them as invalid_input errors). */
export const BATCHING_OUTPUTS: OutputUnits = {
  'batching.max_active_requests': 'requests', 'batching.batching_feasible': 'bool', 'batching.slot_service_time': 's',
  'batching.request_latency_at_capacity': 's', 'batching.request_throughput': 'requests/s',
  'batching.throughput_tokens_per_second': 'tokens/s', 'batching.itl_at_capacity': 's',
};

/** Θ_req = R/(N_out·ITL_R + R·T_pc) and T_svc = N_out·ITL_R + R·T_pc (cells 7–8). */
export const slotServiceTime = (r: number, nOut: number, itl: number, tpc: number): number => nOut * itl + r * tpc;
export const requestThroughput = (r: number, nOut: number, itl: number, tpc: number): number => r / slotServiceTime(r, nOut, itl, tpc);

/** R = min(B_max, ⌊budget/bytes per slot⌋), 0 when the budget is not positive (cells 3–4). */
export function slotsThatFit(maxBatch: number, budget: number, bytesPerSlot: number): number {
  return budget <= 0 ? 0 : Math.min(maxBatch, Math.floor(budget / bytesPerSlot));
}

function batchingInputs(): CellDef[] {
  const s15 = spec('§1.5');
  return [
    input({ ...common, id: 'batching.max_batch_size', label: 'Max batch B_max', doc: 'Most requests the server batches at once.', unit: 'requests',
      default: 32, domain: { kind: 'number', min: 1, integer: true }, source: s5 }),
    input({ ...common, id: 'batching.kv_page_size', label: 'KV page size p_g', doc: 'Tokens per paged-KV block (vLLM PagedAttention).', unit: 'tokens',
      default: 16, domain: { kind: 'number', min: 1, integer: true }, source: s15 }),
    input({ ...common, id: 'batching.kv_memory_fraction', label: 'KV memory fraction f_kv', doc: 'Share of device memory usable for weights + KV.', unit: '1',
      default: 0.9, domain: { kind: 'number', min: 0, max: 1, minExclusive: true }, source: s15 }),
    input({ ...common, id: 'batching.static_reserved_tokens', label: 'Static reservation x_s', unit: 'tokens',
      doc: 'Tokens a static (contiguous) allocator reserves per sequence; unset means 2·(S + N_out).',
      default: null, domain: { kind: 'number', min: 1, integer: true, optional: true }, source: s5 }),
  ];
}

function capacityCells(ctx: BuildContext): CellDef[] {
  const dev = deviceStorageIds(ctx);
  const streams = weightStreamingInputs(ctx);
  return [
    derived({ ...common, id: 'batching.max_sequence_tokens', label: 'Tokens per request x_max', unit: 'tokens', formula: 'x_max = S + N_out',
      doc: 'Context a request reaches at its last token.',
      inputs: { prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens') },
      compute: ({ prompt, outputTokens }) => prompt + outputTokens }),
    derived({ ...common, id: 'batching.kv_bytes_per_seq', label: 'KV per slot (paged)', unit: 'B',
      formula: `⌈x_max/p_g⌉·p_g·kv_tok; windowed layers page ⌈min(x_max, w)/p_g⌉·p_g tokens${dev.note}`,
      doc: 'Paged KV storage one request slot needs at its longest (a windowed layer pages only its last w tokens).',
      inputs: {
        maxTokens: number('batching.max_sequence_tokens'), pageSize: number('batching.kv_page_size'), kvPerToken: number(dev.kvPerToken), ...windowInputs,
      },
      compute: ({ maxTokens, pageSize, kvPerToken, ...w }) => kvBytesPerSequence(maxTokens, kvPerToken, windowOf(w), (x) => pagedTokens(x, pageSize)) }),
    derived({ ...common, id: 'batching.kv_fragmentation', label: 'KV fragmentation', unit: '1', formula: '(⌈x_max/p_g⌉·p_g − x_max)/(⌈x_max/p_g⌉·p_g)',
      doc: 'Share of a slot’s KV pages left unused in its last page (§2.6).',
      inputs: { maxTokens: number('batching.max_sequence_tokens'), pageSize: number('batching.kv_page_size') },
      compute: ({ maxTokens, pageSize }) => kvFragmentation(maxTokens, pageSize) }),
    derived({ ...common, id: 'batching.kv_budget', label: 'KV budget', unit: 'B',
      formula: `f_kv·memory_capacity − W − A_work(B_max, 1)${dev.note}${'wsLayerWeights' in streams ? '; weight-streaming device: 2·W_l for W when W leaves no slot (wall 6)' : ''}`,
      doc: 'Memory left for KV after weights and one batch of activations.',
      inputs: {
        kvFraction: number('batching.kv_memory_fraction'), capacity: optNumber('hardware.memory_capacity'), weights: number(dev.weights),
        maxBatch: number('batching.max_batch_size'), ...activationInputs(), ...streams,
        ...('wsLayerWeights' in streams ? { perSlot: number('batching.kv_bytes_per_seq') } : {}),
      },
      compute: (a) => {
        const c = required(a.capacity, ctx.device.id, 'memory_capacity', 'the KV budget');
        if (typeof c !== 'number') return c;
        return withFacts(workingSetOf(ctx, 'the KV budget', a, a.maxBatch, 1), (work) => {
          const resident = a.kvFraction * c - a.weights - work;
          // A weight-streaming server whose weights leave no slot streams them (two layer buffers stay).
          return a.wsLayerWeights !== undefined && a.perSlot !== undefined && resident < a.perSlot ? a.kvFraction * c - 2 * a.wsLayerWeights - work : resident;
        });
      } }),
    derived({ ...common, id: 'batching.max_active_requests', label: 'Active requests R', unit: 'requests', formula: 'R = min(B_max, ⌊kv_budget/kv_bytes_per_seq⌋)',
      doc: 'Request slots the KV budget holds (continuous batching).',
      inputs: { maxBatch: number('batching.max_batch_size'), budget: number('batching.kv_budget'), perSlot: number('batching.kv_bytes_per_seq') },
      compute: ({ maxBatch, budget, perSlot }) => slotsThatFit(maxBatch, budget, perSlot) }),
    derived({ ...common, id: 'batching.batching_feasible', label: 'Batching feasible', unit: 'bool', formula: 'R ≥ 1',
      doc: 'At least one request fits in memory.', inputs: { slots: number('batching.max_active_requests') }, compute: ({ slots }) => slots >= 1 }),
    derived({ ...common, id: 'batching.itl_at_capacity', label: 'ITL at capacity', unit: 's', displayUnit: 'ms', formula: 'ITL_R = itl_fn(S + N_out/2, R)',
      doc: 'Decode step with every slot busy, at the mean context of a request.',
      inputs: {
        ...lmFactInputs(ctx), ...deviceRateInputs(ctx),
        slots: number('batching.max_active_requests'), prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens'),
      },
      compute: (a) => withFacts(decoded(lmFactsOf(ctx, a), deviceRatesOf(ctx, a)),
        ([lm, r]) => servingDecodeStep(lm, r, a.prompt + a.outputTokens / 2, a.slots).latency) }),
    derived({ ...common, id: 'batching.prefill_compute_per_request', label: 'Prefill compute per request', unit: 's', formula: 'T_pc = F_block(n, C)/(peak_flops·η)',
      doc: 'Compute time one admitted prefill adds to the shared batch (its weight read is shared).',
      inputs: { ...lmFactInputs(ctx), ...deviceRateInputs(ctx), newTokens: number('serving.new_tokens'), cached: number('serving.cached_prefix_len') },
      compute: (a) => withFacts(decoded(lmFactsOf(ctx, a), deviceRatesOf(ctx, a)), ([lm, r]) => prefillStall(lm, r, a.newTokens, a.cached)) }),
  ];
}

function throughputCells(ctx: BuildContext): CellDef[] {
  const turnover = {
    slots: number('batching.max_active_requests'), outputTokens: number('scenario.output_tokens'),
    itl: number('batching.itl_at_capacity'), prefillCompute: number('batching.prefill_compute_per_request'),
  };
  const staticTurnover = {
    slots: number('batching.static_max_requests'), outputTokens: number('scenario.output_tokens'),
    itl: number('batching.static_itl'), prefillCompute: number('batching.prefill_compute_per_request'),
  };
  return [
    derived({ ...common, id: 'batching.request_throughput', label: 'Request throughput Θ_req', unit: 'requests/s', formula: 'Θ_req = R/(N_out·ITL_R + R·T_pc)',
      doc: 'Requests completed per second with every slot busy.', inputs: turnover,
      compute: ({ slots, outputTokens, itl, prefillCompute }) => requestThroughput(slots, outputTokens, itl, prefillCompute) }),
    derived({ ...common, id: 'batching.throughput_tokens_per_second', label: 'Token throughput Θ_tok', unit: 'tokens/s', formula: 'Θ_tok = N_out·Θ_req',
      doc: 'Output tokens per second of the continuous-batching server.',
      inputs: { outputTokens: number('scenario.output_tokens'), requests: number('batching.request_throughput') },
      compute: ({ outputTokens, requests }) => outputTokens * requests }),
    derived({ ...common, id: 'batching.slot_service_time', label: 'Slot service time T_svc', unit: 's', formula: 'T_svc = N_out·ITL_R + R·T_pc',
      doc: 'Time one slot is held per request (the wall 7 service time).', inputs: turnover,
      compute: ({ slots, outputTokens, itl, prefillCompute }) => slotServiceTime(slots, outputTokens, itl, prefillCompute) }),
    derived({ ...common, id: 'batching.ttft_single', label: 'TTFT (single request)', unit: 's', displayUnit: 'ms', formula: 'wall 4 ttft at B = 1',
      doc: 'Time to first token of one request on its own (prefill plus any KV transfer).',
      // prefill_chunks is read only so that its "at most 10⁶ chunks" error blocks this cell.
      inputs: {
        ...lmFactInputs(ctx), ...deviceRateInputs(ctx),
        newTokens: number('serving.new_tokens'), cached: number('serving.cached_prefix_len'), chunkTokens: optNumber('serving.prefill_chunk_tokens'),
        chunks: gate('serving.prefill_chunks'), disaggregated: flag('serving.disaggregated'), prompt: number('serving.prompt_len_effective'),
        transferBandwidth: number('serving.kv_transfer_bandwidth'), transferLatency: number('serving.kv_transfer_latency'),
      },
      compute: (a) => withFacts(decoded(lmFactsOf(ctx, a), deviceRatesOf(ctx, a)), ([lm, r]) =>
        prefillSchedule(lm, r, 1, a.newTokens, a.cached, a.chunkTokens).total
          + kvTransferTime(a.disaggregated, kvBytesAt(lm, 1, a.prompt, deviceKvPerToken(lm)), a.transferBandwidth, a.transferLatency)) }),
    derived({ ...common, id: 'batching.request_latency_at_capacity', label: 'Request latency at capacity T_base', unit: 's', displayUnit: 'ms',
      formula: 'T_base = ttft_single + (N_out − 1)·(ITL_R + R·T_pc/N_out)',
      doc: 'Latency of one request while every slot is busy, before any queueing.',
      inputs: { ttft: number('batching.ttft_single'), ...turnover },
      compute: ({ ttft, slots, outputTokens, itl, prefillCompute }) => ttft + (outputTokens - 1) * (itl + (slots * prefillCompute) / outputTokens) }),
    derived({ ...common, id: 'batching.static_reserved_tokens_effective', label: 'Static reservation x_s', unit: 'tokens', formula: 'x_s = static_reserved_tokens ?? 2·(S + N_out); x_s ≥ S + N_out',
      doc: 'Tokens reserved per sequence by the static baseline.',
      inputs: { reserved: optNumber('batching.static_reserved_tokens'), maxTokens: number('batching.max_sequence_tokens') },
      compute: ({ reserved, maxTokens }) => {
        if (reserved === null) return 2 * maxTokens;
        return reserved >= maxTokens ? reserved : fail('invalid_input', `batching.static_reserved_tokens must be ≥ S + N_out = ${maxTokens} (got ${reserved})`);
      } }),
    derived({ ...common, id: 'batching.static_max_requests', label: 'Static slots R_s', unit: 'requests',
      formula: 'R_s = min(B_max, ⌊kv_budget/(x_s·kv_tok)⌋), at least 1; windowed layers reserve min(x_s, w) tokens',
      doc: 'Sequences a contiguous allocator fits (compared at 1 if none fits).',
      inputs: {
        maxBatch: number('batching.max_batch_size'), budget: number('batching.kv_budget'),
        reserved: number('batching.static_reserved_tokens_effective'), kvPerToken: number(deviceStorageIds(ctx).kvPerToken), ...windowInputs,
      },
      compute: ({ maxBatch, budget, reserved, kvPerToken, ...w }) => {
        const rs = slotsThatFit(maxBatch, budget, kvBytesPerSequence(reserved, kvPerToken, windowOf(w)));
        return rs >= 1 ? rs : warn(1, 'static baseline cannot hold one sequence; compared at 1');
      } }),
    derived({ ...common, id: 'batching.static_itl', label: 'Static ITL', unit: 's', formula: 'itl_fn(S + N_out/2, R_s)',
      doc: 'Decode step of the static baseline at its batch.',
      inputs: {
        ...lmFactInputs(ctx), ...deviceRateInputs(ctx),
        staticSlots: number('batching.static_max_requests'), prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens'),
      },
      compute: (a) => withFacts(decoded(lmFactsOf(ctx, a), deviceRatesOf(ctx, a)),
        ([lm, r]) => servingDecodeStep(lm, r, a.prompt + a.outputTokens / 2, a.staticSlots).latency) }),
    derived({ ...common, id: 'batching.static_throughput_tokens_per_second', label: 'Static token throughput', unit: 'tokens/s', formula: 'N_out·R_s/(N_out·ITL_s + R_s·T_pc)',
      doc: 'Token throughput of the static-allocation baseline.', inputs: staticTurnover,
      compute: ({ slots, outputTokens, itl, prefillCompute }) => outputTokens * requestThroughput(slots, outputTokens, itl, prefillCompute) }),
    derived({ ...common, id: 'batching.speedup_vs_static', label: 'Speedup vs static', unit: '1', formula: 'Θ_tok/Θ_tok,s',
      doc: 'Throughput gain of paged continuous batching over static allocation.',
      inputs: { paged: number('batching.throughput_tokens_per_second'), baseline: number('batching.static_throughput_tokens_per_second') },
      compute: ({ paged, baseline }) => paged / baseline }),
  ];
}

/** Wall 5 cells: serving mode only (physics.md §11.3); a non-LM gets invalid_input outputs. */
export function batchingWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'serving') return [];
  const active = alwaysActive('batching', WALL, 'mode = serving');
  if (!isLM(ctx.model.family)) return [active, ...batchingInputs(), ...lmOnlyStub(ctx, 'batching', WALL, BATCHING_OUTPUTS)];
  return [
    active, ...batchingInputs(), ...capacityCells(ctx), ...throughputCells(ctx),
    ...statusCells({ scope: 'batching', wall: WALL, formula: 'FAIL if R < 1; WARN if R < B_max',
      inputs: { slots: number('batching.max_active_requests'), maxBatch: number('batching.max_batch_size'), budget: number('batching.kv_budget') },
      judge: ({ slots, maxBatch, budget }) => verdict(
        slots < 1 ? [`no request fits in memory (KV budget ${(budget / 1e9).toFixed(3)} GB)`] : [],
        slots >= 1 && slots < maxBatch ? [`batch limited by KV memory (${slots} of ${maxBatch} slots)`] : []) }),
  ];
}
