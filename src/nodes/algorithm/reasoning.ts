/**
 * Wall 12: Reasoning (test-time compute), physics.md §7 wall 12 — K reasoning steps of τ
 * tokens each, generated after one prefill, on the serving physics of wall 4.
 *
 * What it reads, by mode (docs/physics-notes.md, "Wall 12"):
 * - serving: wall 4's own `serving.ttft`, `serving.prefill_flops` and `serving.prefill_time`
 *   (so prefix caching, chunking and disaggregation apply), and the decode step itl_fn on the
 *   decode device with speculation when a draft is set, through wall 4's pure functions;
 * - inference (wall 4's cells are not built): the same pure functions on the scenario
 *   device — an unchunked prefill of S = context_len tokens and itl_fn without speculation.
 * The decode step is evaluated at its own mean context S + N_g/2 (N_out = N_g), which wall
 * 4's cells (fixed at the scenario's N_out) cannot give.
 *
 * When the system's devices split the model (src/nodes/parallel), the step is the replica's
 * (the LM facts carry the shard), the MFUs are over the n_rep = t·p·c devices of the replica,
 * the energy counts all of them, and the memory check is one device's (reasoning-memory.ts).
 * Decode FLOPs use the decode attention coefficient (MLA: absorbed, DeepSeek-V2 §2.1.3) and
 * min(x, w) on windowed layers, as workload.decode_flops_per_token does.
 */
import {
  type ArgsOf, type CellDef, choice, type ComputeResult, derived, fail, flag, input, type InputMap, number, optNumber,
} from '../../graph/index.js';
import { type BuildContext, isLM } from '../context.js';
import { spec } from '../common/catalogue-input.js';
import { ATTENTION_CONVENTIONS } from '../common/scenario-inputs.js';
import { nearTarget, statusCells, verdict } from '../common/status.js';
import { interTokenLatency, prefillSchedule } from '../serving/prefill.js';
import {
  decodeRateInputs, decodeRatesOf, decoded, deviceRateInputs, deviceRatesOf, draftInputs, draftOf, lmFactInputs, lmFactsOf, withFacts,
} from '../serving/readers.js';
import { decodeTokenFlops } from '../workload/flops.js';
import { windowInputs, windowOf } from '../workload/window.js';
import { devicesOf, reasoningMemoryCells, replicaDeviceInputs } from './reasoning-memory.js';

const WALL = 12;
const layer = 'E' as const;
/** physics.md §7 wall 12: K defaults to 8 when reasoning_steps is unset (the wall is then SKIPPED). */
const DEFAULT_REASONING_STEPS = 8;

const steps = (k: number | null): number => k ?? DEFAULT_REASONING_STEPS;

/** P(u) = tdp·(idle + dynamic·u) (physics.md wall 1 cell 5). */
const powerAt = (tdp: number, idle: number, dynamic: number, mfu: number): number => tdp * (idle + dynamic * mfu);

function inputCells(): CellDef[] {
  const s = spec('§7 wall 12');
  return [
    input({ id: 'reasoning.reasoning_steps', label: 'Reasoning steps K', doc: 'Reasoning steps per query; unset skips the wall (and 8 is assumed).',
      unit: 'steps', layer, wall: WALL, default: null, domain: { kind: 'number', min: 1, integer: true, optional: true }, source: s }),
    input({ id: 'reasoning.tokens_per_reasoning_step', label: 'Tokens per reasoning step τ', doc: 'Tokens generated per reasoning step.',
      unit: 'tokens', layer, wall: WALL, default: 50, domain: { kind: 'number', min: 1, integer: true }, source: spec('§1.5') }),
    input({ id: 'reasoning.reasoning_latency_budget', label: 'Reasoning latency budget', doc: 'Longest acceptable time for one reasoning query; unset means none.',
      unit: 's', layer, wall: WALL, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true }, source: s }),
    derived({ id: 'reasoning.active', label: 'Reasoning active', doc: 'Wall 12 is active when reasoning_steps is set.',
      unit: 'bool', layer, wall: WALL, formula: 'reasoning_steps set',
      inputs: { reasoningSteps: optNumber('reasoning.reasoning_steps') }, compute: ({ reasoningSteps }) => reasoningSteps !== null }),
    derived({ id: 'reasoning.tokens_generated', label: 'Tokens generated N_g', doc: 'Reasoning tokens generated per query.',
      unit: 'tokens', layer, wall: WALL, formula: 'N_g = K·τ',
      inputs: { reasoningSteps: optNumber('reasoning.reasoning_steps'), tokensPerStep: number('reasoning.tokens_per_reasoning_step') },
      compute: ({ reasoningSteps, tokensPerStep }) => steps(reasoningSteps) * tokensPerStep }),
  ];
}

interface Spec {
  readonly id: string;
  readonly label: string;
  readonly doc: string;
  readonly unit: string;
  readonly formula: string;
}

const SPECS: Record<string, Spec> = {
  mean_context: { id: 'reasoning.mean_context', label: 'Mean decode context', doc: 'Mean context over the reasoning tokens.', unit: 'tokens', formula: 'x̄ = S + N_g/2' },
  itl: { id: 'reasoning.itl_at_mean_context', label: 'Time per token', doc: 'itl_fn at the mean context (speculative ITL when a draft is set).', unit: 's', formula: 'itl_fn(S + N_g/2, B)' },
  decode_mfu: { id: 'reasoning.decode_mfu', label: 'Decode MFU', doc: 'Model FLOPs of one decode step over its time and the decode peak of the replica\'s devices.', unit: '1', formula: 'B·F_tok(x̄)/(itl·peak·n_rep)' },
  ttft: { id: 'reasoning.ttft', label: 'Time to first token', doc: 'Prefill time of the prompt (wall 4 ttft in serving mode).', unit: 's', formula: 'ttft' },
  prefill_mfu: { id: 'reasoning.prefill_mfu', label: 'Prefill MFU', doc: 'Prefill FLOPs over the prefill time and the peak of the replica\'s devices.', unit: '1', formula: 'prefill_flops/(prefill_time·peak·n_rep)' },
};

/** Non-LM models have no token generation: every physics cell is `unsupported`. */
function unsupportedCells(ctx: BuildContext): CellDef[] {
  const why = `reasoning needs an autoregressive LM; ${ctx.model.id} is ${ctx.model.family}`;
  const extra: Spec[] = [
    { id: 'reasoning.time_per_step', label: 'Time per step', doc: '', unit: 's', formula: '' },
    { id: 'reasoning.total_reasoning_time', label: 'Total reasoning time', doc: '', unit: 's', formula: '' },
    { id: 'reasoning.energy_per_query', label: 'Energy per query', doc: '', unit: 'J', formula: '' },
    { id: 'reasoning.reasoning_memory', label: 'Reasoning memory', doc: '', unit: 'B', formula: '' },
    { id: 'reasoning.reasoning_feasible', label: 'Reasoning fits', doc: '', unit: 'bool', formula: '' },
  ];
  return [...Object.values(SPECS), ...extra].map((s) =>
    derived({ ...s, doc: s.doc || `${s.label} (not defined for non-LM models).`, formula: s.formula || '—', layer, wall: WALL, inputs: {}, compute: () => fail('unsupported', why) }));
}

/** A physics cell of `s` with its own inputs and formula. */
function cell<I extends InputMap>(s: Spec, inputs: I, compute: (args: ArgsOf<I>) => ComputeResult): CellDef {
  return derived({ ...s, layer, wall: WALL, inputs, compute });
}

function stepCells(ctx: BuildContext): CellDef[] {
  const serving = ctx.mode === 'serving';
  const promptId = serving ? 'serving.prompt_len_effective' : 'scenario.context_len';
  // The decode step runs on the decode device in serving mode, else on the scenario device; with
  // `ctx` a one-device step is placed as walls 1–2 place theirs (offload, streamed weights).
  const rateInputs = serving ? decodeRateInputs(ctx) : deviceRateInputs(ctx);
  const ratesOf = serving ? decodeRatesOf : deviceRatesOf;
  const atMean = { batch: number('scenario.batch_size'), meanContext: number('reasoning.mean_context') };
  const replicaDevices = replicaDeviceInputs(ctx);
  // Speculation applies when serving with a draft; inference mode has no draft inputs.
  const itl = serving
    ? cell(SPECS.itl, { ...lmFactInputs(ctx), ...rateInputs, ...draftInputs(), ...atMean }, (a) =>
      withFacts(decoded(lmFactsOf(ctx, a), ratesOf(ctx, a), draftOf(a)), ([lm, r, draft]) => interTokenLatency(lm, r, a.meanContext, a.batch, draft)))
    : cell(SPECS.itl, { ...lmFactInputs(ctx), ...rateInputs, ...atMean }, (a) =>
      withFacts(decoded(lmFactsOf(ctx, a), ratesOf(ctx, a)), ([lm, r]) => interTokenLatency(lm, r, a.meanContext, a.batch, null)));
  // F_tok(x̄) with the decode coefficient (MLA: absorbed, DeepSeek-V2 §2.1.3) and min(x̄, w) on windowed layers (workload/flops.ts).
  const decodeMfu = cell(SPECS.decode_mfu, {
    linear: number('workload.linear_flops_per_token'), decodeCoeff: number('workload.decode_attention_flops_coeff'),
    convention: choice('scenario.attention_flops_convention', ATTENTION_CONVENTIONS), ...windowInputs,
    peak: number(serving ? 'serving.decode_peak_flops_effective' : 'hardware.peak_flops'), ...replicaDevices, ...atMean, itl: number('reasoning.itl_at_mean_context'),
  }, (a) => {
    const flops = a.batch * decodeTokenFlops(a.linear, a.decodeCoeff, a.meanContext, a.convention, windowOf(a));
    return flops / (a.itl * a.peak * devicesOf(a));
  });
  // Inference mode: an unchunked prefill of S = context_len tokens on the scenario device.
  const prefillInputs = { ...lmFactInputs(ctx), ...deviceRateInputs(ctx), batch: number('scenario.batch_size'), context: number('scenario.context_len') };
  const prefill = (a: ArgsOf<typeof prefillInputs>) => decoded(lmFactsOf(ctx, a), deviceRatesOf(ctx, a));
  const ttft = serving
    ? cell({ ...SPECS.ttft, formula: 'ttft = serving.ttft' }, { ttft: number('serving.ttft') }, ({ ttft }) => ttft)
    : cell({ ...SPECS.ttft, formula: 'ttft = prefill_time(S, C = 0)' }, prefillInputs, (a) =>
      withFacts(prefill(a), ([lm, r]) => prefillSchedule(lm, r, a.batch, a.context, 0, null).total));
  const prefillMfu = serving
    ? cell({ ...SPECS.prefill_mfu, formula: 'serving.prefill_mfu' }, { mfu: number('serving.prefill_mfu') }, ({ mfu }) => mfu)
    : cell(SPECS.prefill_mfu, { ...prefillInputs, ...replicaDevices }, (a) => withFacts(prefill(a), ([lm, r]) => {
      const p = prefillSchedule(lm, r, a.batch, a.context, 0, null);
      return p.flops / (p.total * r.peakFlops * devicesOf(a));
    }));
  return [
    derived({ ...SPECS.mean_context, layer, wall: WALL, inputs: { prompt: number(promptId), generated: number('reasoning.tokens_generated') },
      compute: ({ prompt, generated }) => prompt + generated / 2 }),
    itl,
    decodeMfu,
    ttft,
    prefillMfu,
    derived({ id: 'reasoning.time_per_step', label: 'Time per reasoning step', doc: 'Decode time of one reasoning step.',
      unit: 's', layer, wall: WALL, formula: 'τ·itl_fn(S + N_g/2, B)',
      inputs: { tokensPerStep: number('reasoning.tokens_per_reasoning_step'), itl: number('reasoning.itl_at_mean_context') },
      compute: ({ tokensPerStep, itl }) => tokensPerStep * itl }),
    derived({ id: 'reasoning.total_reasoning_time', label: 'Total reasoning time', doc: 'Prefill plus the decode of every reasoning token after the first.',
      unit: 's', layer, wall: WALL, formula: 'ttft + (N_g − 1)·itl_fn(S + N_g/2, B)',
      inputs: { ttft: number('reasoning.ttft'), generated: number('reasoning.tokens_generated'), itl: number('reasoning.itl_at_mean_context') },
      compute: ({ ttft, generated, itl }) => ttft + (generated - 1) * itl }),
    derived({ id: 'reasoning.energy_per_query', label: 'Energy per query', doc: 'Energy of the devices of one replica for one query under the proportional power model.',
      unit: 'J', layer, wall: WALL, formula: 'n_rep·[P(mfu_prefill)·ttft + P(mfu_decode)·(N_g − 1)·itl]/B, P(u) = tdp·(idle + dynamic·u), n_rep = t·p·c',
      inputs: {
        tdp: optNumber('hardware.tdp'), idle: number('scenario.idle_power_fraction'), dynamic: number('scenario.dynamic_power_fraction'),
        prefillMfu: number('reasoning.prefill_mfu'), ttft: number('reasoning.ttft'), decodeMfu: number('reasoning.decode_mfu'),
        generated: number('reasoning.tokens_generated'), itl: number('reasoning.itl_at_mean_context'), batch: number('scenario.batch_size'),
        ...replicaDevices,
      },
      compute: ({ tdp, idle, dynamic, prefillMfu, ttft, decodeMfu, generated, itl, batch, ...n }) => {
        if (tdp === null) return fail('missing_data', `${ctx.device.id} has no tdp; reasoning energy needs it`);
        const prefillJ = powerAt(tdp, idle, dynamic, prefillMfu) * ttft;
        const decodeJ = powerAt(tdp, idle, dynamic, decodeMfu) * (generated - 1) * itl;
        return (devicesOf(n) * (prefillJ + decodeJ)) / batch;
      } }),
    ...reasoningMemoryCells(ctx, promptId),
  ];
}

export function reasoningCells(ctx: BuildContext): CellDef[] {
  return [
    ...inputCells(),
    ...(isLM(ctx.model.family) ? stepCells(ctx) : unsupportedCells(ctx)),
    ...statusCells({
      scope: 'reasoning', wall: WALL, formula: 'FAIL infeasible or total > budget; WARN total ≥ 90 % of budget',
      inputs: {
        feasible: flag('reasoning.reasoning_feasible'), total: number('reasoning.total_reasoning_time'),
        budget: optNumber('reasoning.reasoning_latency_budget'), margin: number('scenario.target_margin'),
      },
      judge: ({ feasible, total, budget, margin }) => {
        const fails: string[] = [];
        const warns: string[] = [];
        if (!feasible) fails.push('the reasoning context does not fit in device memory');
        if (budget !== null) {
          const share = `${((100 * total) / budget).toPrecision(4)} % of the budget`;
          if (total > budget) fails.push(`total reasoning time exceeds the latency budget (${share})`);
          else if (nearTarget(total, budget, margin)) warns.push(`total reasoning time is at least ${margin * 100} % of the latency budget (${share})`);
        }
        return verdict(fails, warns);
      },
    }),
  ];
}
