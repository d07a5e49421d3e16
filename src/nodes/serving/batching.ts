/**
 * Wall 5: Batching — continuous batching with paged KV (physics.md §5 wall 5). The server
 * runs on the scenario's device: R request slots share one decode batch, and each admitted
 * request's prefill stalls that batch for its compute time T_pc.
 */
import { type CellDef, derived, fail, input, warn } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { spec } from '../common/catalogue-input.js';
import { num, numOrNull, required } from '../common/plain.js';
import { statusCells, verdict } from '../common/status.js';
import { kvFragmentation, pagedTokens } from '../workload/kv-cache.js';
import { activationWorkingSet, blockFlops, decodeStep } from './lm-physics.js';
import { kvTransferTime, prefillSchedule } from './prefill.js';
import { deviceRates, fromReaders, lmFacts, plain } from './readers.js';
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
  const owner = ctx.model.id;
  const itlAt = (slotsId: string) => fromReaders(
    [lmFacts(ctx), deviceRates(ctx), plain(slotsId, 'serving.prompt_len_effective', 'scenario.output_tokens')] as const,
    (lm, r, [slots, s, n]) => decodeStep(lm, r, num(s) + num(n) / 2, num(slots)).latency);
  const budget = (id: string, label: string, doc: string) => derived({ ...common, id, label, doc, unit: 'B',
    formula: 'f_kv·memory_capacity − W − A_work(B_max, 1)',
    inputs: ['batching.kv_memory_fraction', 'hardware.memory_capacity', 'workload.weight_bytes', 'batching.max_batch_size',
      'scenario.activation_working_set_factor', 'workload.hidden_dim', 'scenario.activation_bytes_per_element'],
    compute: (f, cap, w, bmax, k, d, wa) => {
      const c = required(cap, ctx.device.id, 'memory_capacity', 'the KV budget');
      if (typeof c !== 'number') return c;
      const h = required(d, owner, 'hidden_dim', 'the KV budget');
      if (typeof h !== 'number') return h;
      return num(f) * c - num(w) - activationWorkingSet(num(bmax), 1, num(k), h, num(wa));
    } });
  return [
    derived({ ...common, id: 'batching.max_sequence_tokens', label: 'Tokens per request x_max', unit: 'tokens', formula: 'x_max = S + N_out',
      doc: 'Context a request reaches at its last token.', inputs: ['serving.prompt_len_effective', 'scenario.output_tokens'], compute: (s, n) => num(s) + num(n) }),
    derived({ ...common, id: 'batching.kv_bytes_per_seq', label: 'KV per slot (paged)', unit: 'B', formula: '⌈x_max/p_g⌉·p_g·kv_tok',
      doc: 'Paged KV storage one request slot needs at its longest.', inputs: ['batching.max_sequence_tokens', 'batching.kv_page_size', 'workload.kv_bytes_per_token'],
      compute: (x, p, kv) => pagedTokens(num(x), num(p)) * num(kv) }),
    derived({ ...common, id: 'batching.kv_fragmentation', label: 'KV fragmentation', unit: '1', formula: '(⌈x_max/p_g⌉·p_g − x_max)/(⌈x_max/p_g⌉·p_g)',
      doc: 'Share of a slot’s KV pages left unused in its last page (§2.6).', inputs: ['batching.max_sequence_tokens', 'batching.kv_page_size'],
      compute: (x, p) => kvFragmentation(num(x), num(p)) }),
    budget('batching.kv_budget', 'KV budget', 'Memory left for KV after weights and one batch of activations.'),
    derived({ ...common, id: 'batching.max_active_requests', label: 'Active requests R', unit: 'requests', formula: 'R = min(B_max, ⌊kv_budget/kv_bytes_per_seq⌋)',
      doc: 'Request slots the KV budget holds (continuous batching).', inputs: ['batching.max_batch_size', 'batching.kv_budget', 'batching.kv_bytes_per_seq'],
      compute: (b, kb, per) => slotsThatFit(num(b), num(kb), num(per)) }),
    derived({ ...common, id: 'batching.batching_feasible', label: 'Batching feasible', unit: 'bool', formula: 'R ≥ 1',
      doc: 'At least one request fits in memory.', inputs: ['batching.max_active_requests'], compute: (r) => num(r) >= 1 }),
    derived({ ...common, id: 'batching.itl_at_capacity', label: 'ITL at capacity', unit: 's', displayUnit: 'ms', formula: 'ITL_R = itl_fn(S + N_out/2, R)',
      doc: 'Decode step with every slot busy, at the mean context of a request.', ...itlAt('batching.max_active_requests') }),
    derived({ ...common, id: 'batching.prefill_compute_per_request', label: 'Prefill compute per request', unit: 's', formula: 'T_pc = F_block(n, C)/(peak_flops·η)',
      doc: 'Compute time one admitted prefill adds to the shared batch (its weight read is shared).',
      ...fromReaders([lmFacts(ctx), deviceRates(ctx), plain('serving.new_tokens', 'serving.cached_prefix_len')] as const,
        (lm, r, [n, c]) => blockFlops(lm, num(n), num(c)) / (r.peakFlops * r.efficiency)) }),
  ];
}

function throughputCells(ctx: BuildContext): CellDef[] {
  const turnover = ['batching.max_active_requests', 'scenario.output_tokens', 'batching.itl_at_capacity', 'batching.prefill_compute_per_request'];
  const staticTurnover = ['batching.static_max_requests', 'scenario.output_tokens', 'batching.static_itl', 'batching.prefill_compute_per_request'];
  return [
    derived({ ...common, id: 'batching.request_throughput', label: 'Request throughput Θ_req', unit: 'requests/s', formula: 'Θ_req = R/(N_out·ITL_R + R·T_pc)',
      doc: 'Requests completed per second with every slot busy.', inputs: turnover, compute: (r, n, i, t) => requestThroughput(num(r), num(n), num(i), num(t)) }),
    derived({ ...common, id: 'batching.throughput_tokens_per_second', label: 'Token throughput Θ_tok', unit: 'tokens/s', formula: 'Θ_tok = N_out·Θ_req',
      doc: 'Output tokens per second of the continuous-batching server.', inputs: ['scenario.output_tokens', 'batching.request_throughput'], compute: (n, q) => num(n) * num(q) }),
    derived({ ...common, id: 'batching.slot_service_time', label: 'Slot service time T_svc', unit: 's', formula: 'T_svc = N_out·ITL_R + R·T_pc',
      doc: 'Time one slot is held per request (the wall 7 service time).', inputs: turnover, compute: (r, n, i, t) => slotServiceTime(num(r), num(n), num(i), num(t)) }),
    derived({ ...common, id: 'batching.ttft_single', label: 'TTFT (single request)', unit: 's', displayUnit: 'ms', formula: 'wall 4 ttft at B = 1',
      doc: 'Time to first token of one request on its own (prefill plus any KV transfer).',
      ...fromReaders([lmFacts(ctx), deviceRates(ctx), plain('serving.new_tokens', 'serving.cached_prefix_len', 'serving.prefill_chunk_tokens',
        'serving.prefill_chunks', 'serving.disaggregated', 'serving.prompt_len_effective', 'serving.kv_transfer_bandwidth', 'serving.kv_transfer_latency')] as const,
      (lm, r, [n, c, chunk, , dis, s, bw, lat]) =>
        prefillSchedule(lm, r, 1, num(n), num(c), numOrNull(chunk)).total + kvTransferTime(dis === true, 1, num(s), lm.kvPerToken, num(bw), num(lat))) }),
    derived({ ...common, id: 'batching.request_latency_at_capacity', label: 'Request latency at capacity T_base', unit: 's', displayUnit: 'ms',
      formula: 'T_base = ttft_single + (N_out − 1)·(ITL_R + R·T_pc/N_out)',
      doc: 'Latency of one request while every slot is busy, before any queueing.',
      inputs: ['batching.ttft_single', ...turnover],
      compute: (t, r, n, i, tpc) => num(t) + (num(n) - 1) * (num(i) + (num(r) * num(tpc)) / num(n)) }),
    derived({ ...common, id: 'batching.static_reserved_tokens_effective', label: 'Static reservation x_s', unit: 'tokens', formula: 'x_s = static_reserved_tokens ?? 2·(S + N_out); x_s ≥ S + N_out',
      doc: 'Tokens reserved per sequence by the static baseline.', inputs: ['batching.static_reserved_tokens', 'batching.max_sequence_tokens'],
      compute: (xs, x) => {
        if (xs === null) return 2 * num(x);
        return num(xs) >= num(x) ? num(xs) : fail('invalid_input', `batching.static_reserved_tokens must be ≥ S + N_out = ${num(x)} (got ${num(xs)})`);
      } }),
    derived({ ...common, id: 'batching.static_max_requests', label: 'Static slots R_s', unit: 'requests', formula: 'R_s = min(B_max, ⌊kv_budget/(x_s·kv_tok)⌋), at least 1',
      doc: 'Sequences a contiguous allocator fits (compared at 1 if none fits).',
      inputs: ['batching.max_batch_size', 'batching.kv_budget', 'batching.static_reserved_tokens_effective', 'workload.kv_bytes_per_token'],
      compute: (b, kb, xs, kv) => {
        const rs = slotsThatFit(num(b), num(kb), num(xs) * num(kv));
        return rs >= 1 ? rs : warn(1, 'static baseline cannot hold one sequence; compared at 1');
      } }),
    derived({ ...common, id: 'batching.static_itl', label: 'Static ITL', unit: 's', formula: 'itl_fn(S + N_out/2, R_s)',
      doc: 'Decode step of the static baseline at its batch.',
      ...fromReaders([lmFacts(ctx), deviceRates(ctx), plain('batching.static_max_requests', 'serving.prompt_len_effective', 'scenario.output_tokens')] as const,
        (lm, r, [rs, s, n]) => decodeStep(lm, r, num(s) + num(n) / 2, num(rs)).latency) }),
    derived({ ...common, id: 'batching.static_throughput_tokens_per_second', label: 'Static token throughput', unit: 'tokens/s', formula: 'N_out·R_s/(N_out·ITL_s + R_s·T_pc)',
      doc: 'Token throughput of the static-allocation baseline.', inputs: staticTurnover,
      compute: (r, n, i, t) => num(n) * requestThroughput(num(r), num(n), num(i), num(t)) }),
    derived({ ...common, id: 'batching.speedup_vs_static', label: 'Speedup vs static', unit: '1', formula: 'Θ_tok/Θ_tok,s',
      doc: 'Throughput gain of paged continuous batching over static allocation.',
      inputs: ['batching.throughput_tokens_per_second', 'batching.static_throughput_tokens_per_second'], compute: (a, b) => num(a) / num(b) }),
  ];
}

/** Wall 5 cells: serving mode only (physics.md §11.3); a non-LM gets invalid_input outputs. */
export function batchingWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'serving') return [];
  const active = derived({ ...common, id: 'batching.active', label: 'Wall 5 active', unit: 'bool', formula: 'mode = serving',
    doc: 'Wall 5 is on the board in serving mode (physics.md §11.3).', inputs: [], compute: () => true });
  if (!isLM(ctx.model.family)) return [active, ...batchingInputs(), ...lmOnlyStub(ctx, 'batching', WALL, BATCHING_OUTPUTS)];
  return [
    active, ...batchingInputs(), ...capacityCells(ctx), ...throughputCells(ctx),
    ...statusCells({ scope: 'batching', wall: WALL, formula: 'FAIL if R < 1; WARN if R < B_max',
      inputs: ['batching.max_active_requests', 'batching.max_batch_size', 'batching.kv_budget'],
      judge: (r, bmax, budget) => verdict(
        num(r) < 1 ? [`no request fits in memory (KV budget ${(num(budget) / 1e9).toFixed(3)} GB)`] : [],
        num(r) >= 1 && num(r) < num(bmax) ? [`batch limited by KV memory (${num(r)} of ${num(bmax)} slots)`] : []) }),
  ];
}
