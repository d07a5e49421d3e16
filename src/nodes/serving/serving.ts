/**
 * Wall 4: Serving — prefill/TTFT, decode/ITL, chunking, speculation, disaggregation
 * (physics.md §5 wall 4). Memory, status and the non-LM stub are in serving-memory.ts;
 * inputs in serving-inputs.ts; the arithmetic in lm-physics.ts and prefill.ts.
 */
import { type ArgsOf, type CellDef, type ComputeResult, derived, fail, flag, gate, number, optNumber, optText } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { decodeStep, heldKvBytes } from './lm-physics.js';
import { bottleneckLabel } from './placement.js';
import { windowInputs, windowOf } from '../workload/window.js';
import {
  expectedTokensPerRound, interTokenLatency, kvTransferTime, MAX_PREFILL_CHUNKS, prefillChunkCount, prefillSchedule,
  type PrefillSchedule, verifyStep, draftStep,
} from './prefill.js';
import {
  decodeRateInputs, decodeRatesOf, decoded, deviceRateInputs, deviceRatesOf, type DraftArgs, draftInputs, draftOf, type LmFactArgs, lmFactInputs,
  lmFactsOf, type StepRateArgs, withFacts,
} from './readers.js';
import { servingInputCells } from './serving-inputs.js';
import { deviceStorageIds, servingMemoryCells, servingStatusCells } from './serving-memory.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { lmOnlyStub, type OutputUnits } from './stub.js';

const WALL = 4;
const common = { layer: 'E' as const, wall: WALL };

/** Wall 4's public outputs and units (a non-LM gets them as invalid_input errors). */
export const SERVING_OUTPUTS: OutputUnits = {
  'serving.ttft': 's', 'serving.itl': 's', 'serving.itl_mean': 's', 'serving.request_latency': 's',
  'serving.tokens_per_second': 'tokens/s', 'serving.prefill_time': 's', 'serving.memory_utilization': '1',
  'serving.memory_required': 'B', 'serving.memory_capacity_checked': 'B', 'serving.serving_feasible': 'bool',
};

function prefillCells(ctx: BuildContext): CellDef[] {
  // prefill_chunks is read only so that its "at most 10⁶ chunks" error blocks the schedule.
  const counted = {
    ...lmFactInputs(ctx), ...deviceRateInputs(ctx, false),
    batch: number('scenario.batch_size'), newTokens: number('serving.new_tokens'), cached: number('serving.cached_prefix_len'),
    chunkTokens: optNumber('serving.prefill_chunk_tokens'), chunks: gate('serving.prefill_chunks'),
  };
  // The timed cells also read wall 1's power-cap clock (readers.ts).
  const schedule = { ...counted, ...deviceRateInputs(ctx) };
  // FLOPs and bytes do not depend on where the bytes live or the clock (`untimed`): a step that cannot be timed still counts them.
  const scheduled = (a: ArgsOf<typeof counted>, f: (s: PrefillSchedule) => number, untimed = false): ComputeResult =>
    withFacts(decoded(lmFactsOf(ctx, a), deviceRatesOf(ctx, a)),
      ([lm, r]) => f(prefillSchedule(lm, untimed ? { ...r, placement: null } : r, a.batch, a.newTokens, a.cached, a.chunkTokens)));
  const split = hasParallelLayout(ctx);
  const chunkNote = 'K = ⌈n/c⌉ chunks; chunk j: t_j tokens at C_j = C + (j−1)·c, T_j = step(B·F_block(t_j, C_j), W_t(B·t_j) + B·(C_j + t_j)·kv_tok)';
  return [
    derived({ ...common, id: 'serving.new_tokens', label: 'New prompt tokens n', unit: 'tokens', formula: 'n = S − C',
      doc: 'Prompt tokens the prefill must process (the cached prefix is skipped).',
      inputs: { prompt: number('serving.prompt_len_effective'), cached: number('serving.cached_prefix_len') },
      compute: ({ prompt, cached }) => (cached < prompt ? prompt - cached
        : fail('invalid_input', `serving.cached_prefix_len must be below the prompt length S = ${prompt} (got ${cached})`)) }),
    derived({ ...common, id: 'serving.prompt_cache_hit_ratio', label: 'Prompt cache hit ratio', unit: '1', formula: 'C/S',
      doc: 'Share of the prompt served from the prefix cache.',
      inputs: { cached: number('serving.cached_prefix_len'), prompt: number('serving.prompt_len_effective'), newTokens: gate('serving.new_tokens') },
      compute: ({ cached, prompt }) => cached / prompt }),
    derived({ ...common, id: 'serving.prefill_chunks', label: 'Prefill chunks K', unit: 'chunks', formula: 'K = ⌈n/c⌉ (1 without chunking)',
      doc: 'Steps the prefill is split into; at most 10⁶.',
      inputs: { newTokens: number('serving.new_tokens'), chunkTokens: optNumber('serving.prefill_chunk_tokens') },
      compute: ({ newTokens, chunkTokens }) => {
        const k = prefillChunkCount(newTokens, chunkTokens);
        return k <= MAX_PREFILL_CHUNKS ? k
          : fail('invalid_input', `serving.prefill_chunk_tokens = ${chunkTokens} splits ${newTokens} tokens into ${k} chunks; at most 10⁶ are allowed`);
      } }),
    derived({ ...common, id: 'serving.prefill_flops', label: 'Prefill FLOPs', unit: 'FLOP', formula: 'Σ_j B·F_block(t_j, C_j) = B·F_block(n, C) unchunked',
      doc: 'Model FLOPs of the whole prefill, attention per the convention.', inputs: counted, compute: (a) => scheduled(a, (s) => s.flops, true) }),
    derived({ ...common, id: 'serving.prefill_bytes', label: 'Prefill bytes', unit: 'B', formula: 'Σ_j W_t(B·t_j) + B·(C_j + t_j)·kv_tok',
      doc: 'Memory traffic of the prefill: weights per chunk plus reading cached and writing new KV.',
      inputs: counted, compute: (a) => scheduled(a, (s) => s.bytes, true) }),
    derived({ ...common, id: 'serving.prefill_time', label: 'Prefill time', unit: 's', formula: `Σ_j T_j; ${chunkNote}`,
      doc: 'Time to process the prompt on the prefill device (every chunk pays its own taxes).',
      inputs: schedule, compute: (a) => scheduled(a, (s) => s.total) }),
    derived({ ...common, id: 'serving.prefill_chunk_time', label: 'Prefill chunk time', unit: 's', formula: 'T_1',
      doc: 'Latency of the first prefill chunk (the whole prefill without chunking).', inputs: schedule, compute: (a) => scheduled(a, (s) => s.first) }),
    derived({ ...common, id: 'serving.decode_stall_bound', label: 'Decode stall bound', unit: 's', formula: 'max_j T_j',
      doc: 'Longest time a co-scheduled decode batch waits behind one prefill chunk.', inputs: schedule, compute: (a) => scheduled(a, (s) => s.longest) }),
    derived({ ...common, id: 'serving.prefill_compute_time', label: 'Prefill compute-bound time', unit: 's', formula: 'Σ_j max(T_c, T_m) over Compute-bound chunks',
      doc: 'Roofline time of the compute-bound prefill chunks (wall 1 part of the §11.5 split).',
      inputs: schedule, compute: (a) => scheduled(a, (s) => s.computeBound) }),
    derived({ ...common, id: 'serving.prefill_memory_time', label: 'Prefill memory-bound time', unit: 's', formula: 'Σ_j max(T_c, T_m) over Memory-bound chunks',
      doc: 'Roofline time of the memory-bound prefill chunks (wall 2 part of the §11.5 split).',
      inputs: schedule, compute: (a) => scheduled(a, (s) => s.memoryBound) }),
    derived({ ...common, id: 'serving.prefill_overhead_time', label: 'Prefill overhead', unit: 's', formula: 'Σ_j (dispatch_tax + L·layer_tax)',
      doc: 'Launch taxes of all prefill chunks (wall 3 part of the §11.5 split).', inputs: schedule, compute: (a) => scheduled(a, (s) => s.overhead) }),
    split
      ? derived({ ...common, id: 'serving.prefill_mfu', label: 'Prefill MFU', unit: '1', formula: 'prefill_flops/(prefill_time·peak_flops·t·p·c)',
        doc: 'Achieved fraction of the replica\'s peak FLOP/s (its t·p·c devices: a ring\'s c ranks all run the prefill) during the prefill.',
        inputs: {
          flops: number('serving.prefill_flops'), time: number('serving.prefill_time'), peak: number('hardware.peak_flops'),
          t: number('communication.tp'), p: number('communication.pp'), c: number('communication.cp'),
        },
        compute: ({ flops, time, peak, t, p, c }) => flops / (time * peak * t * p * c) })
      : derived({ ...common, id: 'serving.prefill_mfu', label: 'Prefill MFU', unit: '1', formula: 'prefill_flops/(prefill_time·peak_flops)',
        doc: 'Achieved fraction of peak FLOP/s during the prefill.',
        inputs: { flops: number('serving.prefill_flops'), time: number('serving.prefill_time'), peak: number('hardware.peak_flops') },
        compute: ({ flops, time, peak }) => flops / (time * peak) }),
    ...(split ? [derived({ ...common, id: 'serving.prefill_comm_time', label: 'Prefill communication', unit: 's',
      formula: 'Σ_j p·(T_tp + T_ep) + (p − 1)·hand-off',
      doc: 'TP all-reduces, EP all-to-alls and stage hand-offs of the whole prefill (wall 14 part of the §11.5 split).',
      inputs: schedule, compute: (a: ArgsOf<typeof schedule>) => scheduled(a, (s) => s.comm) })] : []),
    derived({ ...common, id: 'serving.kv_transfer_time', label: 'KV transfer time', unit: 's',
      formula: `B·S·kv_tok/β_x + α_x if disaggregated, else 0; windowed layers ship min(S, w) tokens${split ? ' (each device ships its share kv_tok·κ_kv on its own link)' : ''}`,
      doc: 'Time to ship the prompt KV to a separate decode device.',
      inputs: {
        disaggregated: flag('serving.disaggregated'), batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective'),
        kvPerToken: number(deviceStorageIds(ctx).kvPerToken), bandwidth: number('serving.kv_transfer_bandwidth'), latency: number('serving.kv_transfer_latency'),
        ...windowInputs,
      },
      compute: ({ disaggregated, batch, prompt, kvPerToken, bandwidth, latency, ...w }) =>
        kvTransferTime(disaggregated, heldKvBytes(windowOf(w), batch, prompt, kvPerToken), bandwidth, latency) }),
    derived({ ...common, id: 'serving.ttft', label: 'Time to first token', unit: 's', displayUnit: 'ms', formula: 'ttft = prefill_time + kv_transfer_time',
      doc: 'Time from a request starting prefill to its first token, without queueing (wall 7 adds that).',
      inputs: { prefill: number('serving.prefill_time'), transfer: number('serving.kv_transfer_time') },
      compute: ({ prefill, transfer }) => prefill + transfer }),
  ];
}

function decodeCells(ctx: BuildContext): CellDef[] {
  type DecodeArgs = LmFactArgs & StepRateArgs & DraftArgs & { readonly batch: number };
  const draftStepAt = (which: 'draft' | 'verify') => (a: DecodeArgs & { readonly prompt: number }): ComputeResult =>
    withFacts(decoded(lmFactsOf(ctx, a), decodeRatesOf(ctx, a), draftOf(a)), ([lm, r, draft]) => {
      if (!draft) return null;
      return which === 'draft' ? draftStep(lm, draft, r, a.prompt, a.batch).latency : verifyStep(lm, r, a.prompt, a.batch, draft.draftTokens).latency;
    });
  const itlAt = (a: DecodeArgs, context: number): ComputeResult =>
    withFacts(decoded(lmFactsOf(ctx, a), decodeRatesOf(ctx, a), draftOf(a)), ([lm, r, draft]) => interTokenLatency(lm, r, context, a.batch, draft));
  return [
    derived({ ...common, id: 'serving.speculative', label: 'Speculative decoding', unit: 'bool', formula: 'draft_model or draft_params set',
      doc: 'A draft model proposes tokens that the target verifies in one step.',
      inputs: { draftModel: optText('serving.draft_model'), draftParams: optNumber('serving.draft_params') },
      compute: ({ draftModel, draftParams }) => draftModel !== null || draftParams !== null }),
    derived({ ...common, id: 'serving.expected_tokens_per_round', label: 'Tokens per round E_r', unit: 'tokens',
      formula: 'E_r = (1 − α^{γ+1})/(1 − α); γ + 1 at α = 1',
      doc: 'Expected tokens emitted per draft-and-verify round (Leviathan et al. 2023).',
      inputs: { acceptance: number('serving.draft_acceptance_rate'), draftTokens: number('serving.speculative_draft_tokens') },
      compute: ({ acceptance, draftTokens }) => expectedTokensPerRound(acceptance, draftTokens) }),
    derived({ ...common, id: 'serving.draft_step_time', label: 'Draft step T_d(S)', unit: 's', formula: 'step(B·F_tok,d(S), W_d + B·S·kv_tok,d)',
      doc: 'One decode step of the draft model at context S; null without a draft.',
      inputs: { ...lmFactInputs(ctx), ...decodeRateInputs(ctx), ...draftInputs(), batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective') },
      compute: draftStepAt('draft') }),
    derived({ ...common, id: 'serving.verify_step_time', label: 'Verification step T_v(S)', unit: 's',
      formula: 'step(B·(γ+1)·F_tok(S), W_t(B·(γ+1)) + B·(S+γ)·kv_tok)',
      doc: 'The target model verifying γ drafted tokens at context S; null without a draft.',
      inputs: { ...lmFactInputs(ctx), ...decodeRateInputs(ctx), ...draftInputs(), batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective') },
      compute: draftStepAt('verify') }),
    derived({ ...common, id: 'serving.itl', label: 'Inter-token latency', unit: 's', displayUnit: 'ms',
      formula: 'itl_fn(S, B), or (γ·T_d(S) + T_v(S))/E_r with a draft',
      doc: 'Time per generated token at context S on the decode device.',
      inputs: { ...lmFactInputs(ctx), ...decodeRateInputs(ctx), ...draftInputs(), batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective') },
      compute: (a) => itlAt(a, a.prompt) }),
    derived({ ...common, id: 'serving.itl_mean', label: 'Mean inter-token latency', unit: 's', displayUnit: 'ms',
      formula: 'itl_fn(S + N_out/2, B), or the speculative form there',
      doc: 'Time per generated token at the mean context of the generation.',
      inputs: {
        ...lmFactInputs(ctx), ...decodeRateInputs(ctx), ...draftInputs(),
        batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens'),
      },
      compute: (a) => itlAt(a, a.prompt + a.outputTokens / 2) }),
    derived({ ...common, id: 'serving.decode_bottleneck', label: 'Decode bottleneck', unit: 'enum', formula: 'bottleneck of itl_fn(S + N_out/2, B)',
      doc: 'What limits the (non-speculative) decode step at the mean context: Compute, Memory or Overhead; Host link when an offloaded step waits on it (wall 1), Injection bandwidth when streamed weights do (wall 6).',
      inputs: {
        ...lmFactInputs(ctx), ...decodeRateInputs(ctx),
        batch: number('scenario.batch_size'), prompt: number('serving.prompt_len_effective'), outputTokens: number('scenario.output_tokens'),
      },
      compute: (a) => withFacts(decoded(lmFactsOf(ctx, a), decodeRatesOf(ctx, a)),
        ([lm, r]) => bottleneckLabel(decodeStep(lm, r, a.prompt + a.outputTokens / 2, a.batch))) }),
    derived({ ...common, id: 'serving.request_latency', label: 'Request latency', unit: 's', displayUnit: 'ms', formula: 'ttft + (N_out − 1)·itl_mean',
      doc: 'Time to produce the whole response, without queueing.',
      inputs: { ttft: number('serving.ttft'), outputTokens: number('scenario.output_tokens'), itlMean: number('serving.itl_mean') },
      compute: ({ ttft, outputTokens, itlMean }) => ttft + (outputTokens - 1) * itlMean }),
    derived({ ...common, id: 'serving.tokens_per_second', label: 'Decode throughput', unit: 'tokens/s', formula: 'B/itl',
      doc: 'Tokens per second generated by the decode batch.',
      inputs: { batch: number('scenario.batch_size'), itl: number('serving.itl') }, compute: ({ batch, itl }) => batch / itl }),
  ];
}

/**
 * Wall 4 cells. Built for LMs in inference and serving modes (wall 12 reads the TTFT in
 * inference mode); active only in serving mode. A non-LM in serving mode gets the headline
 * cells as `invalid_input` errors (physics.md §5: serving walls are for LM families only).
 */
export function servingWall(ctx: BuildContext): CellDef[] {
  const active = derived({ ...common, id: 'serving.active', label: 'Wall 4 active', unit: 'bool', formula: 'mode = serving',
    doc: 'Wall 4 is on the board in serving mode (physics.md §11.3).', inputs: {}, compute: () => ctx.mode === 'serving' });
  if (!isLM(ctx.model.family)) {
    return ctx.mode === 'serving' ? [active, ...lmOnlyStub(ctx, 'serving', WALL, SERVING_OUTPUTS)] : [];
  }
  if (ctx.mode === 'training') return [];
  return [active, ...servingInputCells(ctx), ...prefillCells(ctx), ...decodeCells(ctx), ...servingMemoryCells(ctx), ...servingStatusCells()];
}
