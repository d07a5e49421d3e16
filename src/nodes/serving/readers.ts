/**
 * Readers: a list of cell ids plus the function that turns their values into a typed fact
 * bundle (LM facts, device rates). Serving cells read the same dozen cells again and again;
 * a reader keeps the declared inputs and their decoding in one place so they cannot drift.
 */
import { Failure, type Plain, type Warned } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { num, numOrNull, required, str } from '../common/plain.js';
import type { AttentionConvention } from '../common/scenario-inputs.js';
import type { LmFacts, StepRates } from './lm-physics.js';
import type { DraftFacts } from './prefill.js';

export interface Reader<T> {
  readonly ids: readonly string[];
  readonly read: (values: readonly Plain[]) => T | Failure;
}

type Results<R extends readonly Reader<unknown>[]> = { -readonly [K in keyof R]: R[K] extends Reader<infer T> ? T : never };

/** All ids of `readers`, in order: the `inputs` of a cell that uses them. */
export function idsOf(readers: readonly Reader<unknown>[]): string[] {
  return readers.flatMap((r) => r.ids);
}

/** Decodes a cell's input values with `readers` (in `idsOf` order); the first failure wins. */
export function readAll<R extends readonly Reader<unknown>[]>(readers: R, values: readonly Plain[]): Results<R> | Failure {
  const out: unknown[] = [];
  let at = 0;
  for (const r of readers) {
    const v = r.read(values.slice(at, at + r.ids.length));
    if (v instanceof Failure) return v;
    out.push(v);
    at += r.ids.length;
  }
  return out as Results<R>;
}

/** The raw values of `ids` (for a cell's own inputs). */
export function plain(...ids: string[]): Reader<Plain[]> {
  return { ids, read: (v) => [...v] };
}

/** A cell built from readers: its `inputs` and a compute that receives the decoded bundles. */
export function fromReaders<R extends readonly Reader<unknown>[]>(
  readers: R, f: (...parts: Results<R>) => Plain | Failure | Warned,
): { inputs: string[]; compute: (...v: Plain[]) => Plain | Failure | Warned } {
  return {
    inputs: idsOf(readers),
    compute: (...v) => {
      const parts = readAll(readers, v);
      return parts instanceof Failure ? parts : f(...parts);
    },
  };
}

/**
 * The LM facts of the scenario's model (physics.md §2): F_lin, A, the attention convention,
 * W, kv_tok, L, and for MoE the split that W_t(T) needs.
 */
export function lmFacts(ctx: BuildContext): Reader<LmFacts> {
  const moe = ctx.model.family === 'moe_lm';
  const base = [
    'workload.linear_flops_per_token', 'workload.attention_flops_coeff', 'scenario.attention_flops_convention',
    'workload.weight_bytes', 'workload.kv_bytes_per_token', 'workload.layers',
  ];
  const moeIds = ['workload.dense_params', 'workload.expert_params', 'workload.experts', 'workload.experts_per_token', 'scenario.weight_bytes_per_element'];
  const owner = ctx.model.id;
  return {
    ids: moe ? [...base, ...moeIds] : base,
    read: (v) => {
      const layers = required(v[5], owner, 'layers', 'the serving step');
      if (layers instanceof Failure) return layers;
      const facts: LmFacts = {
        linearFlops: num(v[0]), attentionCoeff: num(v[1]), convention: str(v[2]) as AttentionConvention,
        weightBytes: num(v[3]), kvPerToken: num(v[4]), layers, moe: null,
      };
      if (!moe) return facts;
      const experts = required(v[8], owner, 'experts', 'MoE weight bytes touched');
      if (experts instanceof Failure) return experts;
      const k = required(v[9], owner, 'experts_per_token', 'MoE weight bytes touched');
      if (k instanceof Failure) return k;
      return { ...facts, moe: { denseParams: num(v[6]), expertParams: num(v[7]), experts, expertsPerToken: k, weightWidth: num(v[10]) } };
    },
  };
}

/** Ids of one device's rates, in StepRates order (peak, η, BW, η_bw, dispatch tax, layer tax). */
export function stepRates(device: string, peakId: string, bandwidthId: string): Reader<StepRates> {
  return {
    ids: [peakId, 'software.efficiency_effective', bandwidthId, 'scenario.bandwidth_efficiency', 'scenario.dispatch_tax', 'scenario.layer_tax'],
    read: (v) => {
      const bw = required(v[2], device, 'memory_bandwidth', 'the serving step');
      if (bw instanceof Failure) return bw;
      return { peakFlops: num(v[0]), efficiency: num(v[1]), bandwidth: bw, bandwidthEfficiency: num(v[3]), dispatchTax: num(v[4]), layerTax: num(v[5]) };
    },
  };
}

/** The scenario device's rates (prefill device, continuous-batching server). */
export const deviceRates = (ctx: BuildContext): Reader<StepRates> =>
  stepRates(ctx.device.id, 'hardware.peak_flops', 'hardware.memory_bandwidth');

/** The decode device's rates (the same device unless `serving.decode_device` is set). */
export const decodeRates = (ctx: BuildContext): Reader<StepRates> =>
  stepRates(`${ctx.device.id} (decode)`, 'serving.decode_peak_flops_effective', 'serving.decode_memory_bandwidth_effective');

export { num, numOrNull, required };

/**
 * The speculative-decoding draft (physics.md §5 wall 4 cell 6): null when neither
 * serving.draft_model nor serving.draft_params is set; otherwise every draft fact is required.
 */
export function draftFacts(): Reader<DraftFacts | null> {
  return {
    ids: ['serving.draft_model', 'serving.draft_params', 'serving.draft_layers', 'serving.draft_kv_bytes_per_token',
      'serving.draft_attention_flops_coeff', 'serving.draft_acceptance_rate', 'serving.speculative_draft_tokens',
      'scenario.weight_bytes_per_element'],
    read: (v) => {
      if (v[0] === null && v[1] === null) return null;
      const owner = `draft model ${v[0] === null ? '(unnamed)' : str(v[0])}`;
      const what = 'speculative decoding';
      const params = required(v[1], owner, 'draft_params', what);
      if (params instanceof Failure) return params;
      const layers = required(v[2], owner, 'draft_layers', what);
      if (layers instanceof Failure) return layers;
      const kv = required(v[3], owner, 'draft_kv_bytes_per_token', what);
      if (kv instanceof Failure) return kv;
      const a = required(v[4], owner, 'draft_attention_flops_coeff', what);
      if (a instanceof Failure) return a;
      return { params, layers, kvPerToken: kv, attentionCoeff: a, acceptance: num(v[5]), draftTokens: num(v[6]), weightWidth: num(v[7]) };
    },
  };
}
