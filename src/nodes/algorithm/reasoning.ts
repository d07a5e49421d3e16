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
 */
import { type CellDef, type ComputeResult, derived, fail, input, type Plain } from '../../graph/index.js';
import { type BuildContext, isLM } from '../context.js';
import { num } from '../common/plain.js';
import { spec } from '../common/catalogue-input.js';
import { nearTarget, statusCells, verdict } from '../common/status.js';
import { decodeTokenFlops } from '../serving/lm-physics.js';
import { type DraftFacts, interTokenLatency, prefillSchedule } from '../serving/prefill.js';
import { decodeRates, deviceRates, draftFacts, fromReaders, lmFacts, plain, type Reader } from '../serving/readers.js';

const WALL = 12;
const layer = 'E' as const;
/** physics.md §7 wall 12: K defaults to 8 when reasoning_steps is unset (the wall is then SKIPPED). */
const DEFAULT_REASONING_STEPS = 8;

const steps = (k: Plain): number => (k === null ? DEFAULT_REASONING_STEPS : num(k));
const noDraft: Reader<null> = { ids: [], read: () => null };

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
      unit: 'bool', layer, wall: WALL, formula: 'reasoning_steps set', inputs: ['reasoning.reasoning_steps'], compute: (k) => k !== null }),
    derived({ id: 'reasoning.tokens_generated', label: 'Tokens generated N_g', doc: 'Reasoning tokens generated per query.',
      unit: 'tokens', layer, wall: WALL, formula: 'N_g = K·τ', inputs: ['reasoning.reasoning_steps', 'reasoning.tokens_per_reasoning_step'],
      compute: (k, t) => steps(k) * num(t) }),
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
  decode_mfu: { id: 'reasoning.decode_mfu', label: 'Decode MFU', doc: 'Model FLOPs of one decode step over its time and the decode peak.', unit: '1', formula: 'B·F_tok(x̄)/(itl·peak)' },
  ttft: { id: 'reasoning.ttft', label: 'Time to first token', doc: 'Prefill time of the prompt (wall 4 ttft in serving mode).', unit: 's', formula: 'ttft' },
  prefill_mfu: { id: 'reasoning.prefill_mfu', label: 'Prefill MFU', doc: 'Prefill FLOPs over the prefill time and the peak.', unit: '1', formula: 'prefill_flops/(prefill_time·peak)' },
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
    derived({ ...s, doc: s.doc || `${s.label} (not defined for non-LM models).`, formula: s.formula || '—', layer, wall: WALL, inputs: [], compute: () => fail('unsupported', why) }));
}

function stepCells(ctx: BuildContext): CellDef[] {
  const serving = ctx.mode === 'serving';
  const lm = lmFacts(ctx);
  const promptId = serving ? 'serving.prompt_len_effective' : 'scenario.context_len';
  const rates = serving ? decodeRates(ctx) : deviceRates(ctx);
  const draft: Reader<DraftFacts | null> = serving ? draftFacts() : noDraft;
  const decode = fromReaders([lm, rates, draft, plain('scenario.batch_size', 'reasoning.mean_context')] as const,
    (f, r, d, [b, x]) => interTokenLatency(f, r, num(x), num(b), d));
  const mfu = fromReaders([lm, rates, plain('scenario.batch_size', 'reasoning.mean_context', 'reasoning.itl_at_mean_context')] as const,
    (f, r, [b, x, itl]) => (num(b) * decodeTokenFlops(f, num(x))) / (num(itl) * r.peakFlops));
  const prefill = (pick: 'total' | 'mfu') =>
    fromReaders([lm, deviceRates(ctx), plain('scenario.batch_size', 'scenario.context_len')] as const, (f, r, [b, s]) => {
      const p = prefillSchedule(f, r, num(b), num(s), 0, null);
      return pick === 'total' ? p.total : p.flops / (p.total * r.peakFlops);
    });
  const ttft = serving ? { inputs: ['serving.ttft'], compute: (t: Plain) => t } : prefill('total');
  const prefillMfu = serving
    ? { inputs: ['serving.prefill_flops', 'serving.prefill_time', 'hardware.peak_flops'], compute: (f: Plain, t: Plain, p: Plain) => num(f) / (num(t) * num(p)) }
    : prefill('mfu');
  const cell = (s: Spec, wiring: { inputs: readonly string[]; compute: (...v: Plain[]) => ComputeResult }) =>
    derived({ ...s, layer, wall: WALL, inputs: [...wiring.inputs], compute: wiring.compute });
  return [
    derived({ ...SPECS.mean_context, layer, wall: WALL, inputs: [promptId, 'reasoning.tokens_generated'], compute: (s, g) => num(s) + num(g) / 2 }),
    cell(SPECS.itl, decode),
    cell(SPECS.decode_mfu, mfu),
    cell({ ...SPECS.ttft, formula: serving ? 'ttft = serving.ttft' : 'ttft = prefill_time(S, C = 0)' }, ttft),
    cell({ ...SPECS.prefill_mfu, formula: serving ? 'serving.prefill_flops/(serving.prefill_time·peak)' : SPECS.prefill_mfu.formula }, prefillMfu),
    derived({ id: 'reasoning.time_per_step', label: 'Time per reasoning step', doc: 'Decode time of one reasoning step.',
      unit: 's', layer, wall: WALL, formula: 'τ·itl_fn(S + N_g/2, B)', inputs: ['reasoning.tokens_per_reasoning_step', 'reasoning.itl_at_mean_context'],
      compute: (t, itl) => num(t) * num(itl) }),
    derived({ id: 'reasoning.total_reasoning_time', label: 'Total reasoning time', doc: 'Prefill plus the decode of every reasoning token after the first.',
      unit: 's', layer, wall: WALL, formula: 'ttft + (N_g − 1)·itl_fn(S + N_g/2, B)',
      inputs: ['reasoning.ttft', 'reasoning.tokens_generated', 'reasoning.itl_at_mean_context'], compute: (t, g, itl) => num(t) + (num(g) - 1) * num(itl) }),
    derived({ id: 'reasoning.energy_per_query', label: 'Energy per query', doc: 'Device energy of one query under the proportional power model.',
      unit: 'J', layer, wall: WALL, formula: '[P(mfu_prefill)·ttft + P(mfu_decode)·(N_g − 1)·itl]/B, P(u) = tdp·(idle + dynamic·u)',
      inputs: ['hardware.tdp', 'scenario.idle_power_fraction', 'scenario.dynamic_power_fraction', 'reasoning.prefill_mfu', 'reasoning.ttft',
        'reasoning.decode_mfu', 'reasoning.tokens_generated', 'reasoning.itl_at_mean_context', 'scenario.batch_size'],
      compute: (tdp, idle, dyn, mp, ttftV, md, g, itl, b) => {
        if (tdp === null) return fail('missing_data', `${ctx.device.id} has no tdp; reasoning energy needs it`);
        const prefillJ = powerAt(num(tdp), num(idle), num(dyn), num(mp)) * num(ttftV);
        const decodeJ = powerAt(num(tdp), num(idle), num(dyn), num(md)) * (num(g) - 1) * num(itl);
        return (prefillJ + decodeJ) / num(b);
      } }),
    derived({ id: 'reasoning.reasoning_memory', label: 'Reasoning memory', doc: 'Weights, the KV of prompt and reasoning tokens, and the prefill working set.',
      unit: 'B', layer, wall: WALL, formula: 'W + B·(S + N_g)·kv_tok + A_work(B, S)',
      inputs: ['workload.weight_bytes', 'scenario.batch_size', promptId, 'reasoning.tokens_generated', 'workload.kv_bytes_per_token', 'workload.activation_working_set'],
      // A_work(B, S) = S·A_work(B, 1): the working set is linear in the new tokens (§2.8).
      compute: (w, b, s, g, kv, aWork) => num(w) + num(b) * (num(s) + num(g)) * num(kv) + num(s) * num(aWork) }),
    derived({ id: 'reasoning.reasoning_feasible', label: 'Reasoning fits', doc: 'The reasoning memory fits the device memory.',
      unit: 'bool', layer, wall: WALL, formula: 'reasoning_memory ≤ memory_capacity',
      inputs: ['reasoning.reasoning_memory', serving ? 'serving.decode_memory_capacity_effective' : 'hardware.memory_capacity'],
      compute: (m, c) => (c === null ? fail('missing_data', `${ctx.device.id} has no memory_capacity; the reasoning memory check needs it`) : num(m) <= num(c)) }),
  ];
}

export function reasoningCells(ctx: BuildContext): CellDef[] {
  return [
    ...inputCells(),
    ...(isLM(ctx.model.family) ? stepCells(ctx) : unsupportedCells(ctx)),
    ...statusCells({
      scope: 'reasoning', wall: WALL, formula: 'FAIL infeasible or total > budget; WARN total ≥ 90 % of budget',
      inputs: ['reasoning.reasoning_feasible', 'reasoning.total_reasoning_time', 'reasoning.reasoning_latency_budget', 'scenario.target_margin'],
      judge: (ok, t, budget, margin) => {
        const fails: string[] = [];
        const warns: string[] = [];
        if (ok !== true) fails.push('the reasoning context does not fit in device memory');
        if (budget !== null) {
          const share = `${((100 * num(t)) / num(budget)).toPrecision(4)} % of the budget`;
          if (num(t) > num(budget)) fails.push(`total reasoning time exceeds the latency budget (${share})`);
          else if (nearTarget(num(t), num(budget), num(margin))) warns.push(`total reasoning time is at least ${num(margin) * 100} % of the latency budget (${share})`);
        }
        return verdict(fails, warns);
      },
    }),
  ];
}
