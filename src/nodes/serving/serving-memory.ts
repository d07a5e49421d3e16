/**
 * Wall 4 memory check and status (physics.md §5 wall 4 cell 9 and Status): each device
 * (prefill, decode) must hold its own requirement; a shared device holds the larger one.
 */
import { type CellDef, derived, Failure, formatQuantity } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { num, numOrNull, required } from '../common/plain.js';
import { nearTarget, statusCells, verdict } from '../common/status.js';
import { activationWorkingSet } from './lm-physics.js';
import { draftFacts, fromReaders, plain } from './readers.js';

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

export function servingMemoryCells(ctx: BuildContext): CellDef[] {
  const owner = ctx.model.id;
  const work = ['scenario.activation_working_set_factor', 'workload.hidden_dim', 'scenario.activation_bytes_per_element'];
  const aWork = (b: number, n: number, k: unknown, d: unknown, w: unknown): number | Failure => {
    const hidden = required(d as number | null, owner, 'hidden_dim', 'the serving activation working set');
    return hidden instanceof Failure ? hidden : activationWorkingSet(b, n, num(k as number), hidden, num(w as number));
  };
  const checkInputs = ['serving.disaggregated', 'serving.decode_memory', 'serving.prefill_memory', 'hardware.memory_capacity', 'serving.decode_memory_capacity_effective'];
  const checked = (pick: (w: DeviceLoad, all: DeviceLoad[]) => number | boolean) => ({
    inputs: checkInputs,
    compute: (dis: unknown, dec: unknown, pre: unknown, cp: unknown, cd: unknown) => {
      const capP = required(numOrNull(cp as number | null), ctx.device.id, 'memory_capacity', 'the serving memory check');
      if (capP instanceof Failure) return capP;
      const capD = required(numOrNull(cd as number | null), `${ctx.device.id} (decode)`, 'memory_capacity', 'the serving memory check');
      if (capD instanceof Failure) return capD;
      const all = loads(dis === true, num(dec as number), num(pre as number), capP, capD);
      return pick(worst(all), all);
    },
  });
  return [
    derived({ ...common, id: 'serving.kv_cache_bytes', label: 'KV cache', unit: 'B', formula: 'B·(S + N_out)·kv_tok',
      doc: 'KV cache of the batch at the end of generation.', inputs: ['scenario.batch_size', 'serving.prompt_len_effective', 'scenario.output_tokens', 'workload.kv_bytes_per_token'],
      compute: (b, s, n, kv) => num(b) * (num(s) + num(n)) * num(kv) }),
    derived({ ...common, id: 'serving.decode_memory', label: 'Decode memory', unit: 'B',
      formula: 'W + B·(S + N_out)·kv_tok + A_work(B, 1) [+ W_draft + B·(S + N_out)·kv_tok,draft]',
      doc: 'Memory the decode device needs: weights, the full KV cache, one layer of activations and any draft model.',
      ...fromReaders([plain('workload.weight_bytes', 'serving.kv_cache_bytes', 'scenario.batch_size', 'serving.prompt_len_effective', 'scenario.output_tokens', ...work), draftFacts()] as const,
        ([w, kv, b, s, n, k, d, wa], draft) => {
          const a = aWork(num(b), 1, k, d, wa);
          if (a instanceof Failure) return a;
          const draftBytes = draft ? draft.params * draft.weightWidth + num(b) * (num(s) + num(n)) * draft.kvPerToken : 0;
          return num(w) + num(kv) + a + draftBytes;
        }) }),
    derived({ ...common, id: 'serving.prefill_memory', label: 'Prefill memory', unit: 'B', formula: 'W + B·S·kv_tok + A_work(B, min(c, n))',
      doc: 'Memory the prefill device needs: weights, the prompt KV and the activations of one chunk.',
      inputs: ['workload.weight_bytes', 'scenario.batch_size', 'serving.prompt_len_effective', 'workload.kv_bytes_per_token', 'serving.new_tokens', 'serving.prefill_chunk_tokens', ...work],
      compute: (w, b, s, kv, n, c, k, d, wa) => {
        const chunk = c === null ? num(n) : Math.min(num(c), num(n));
        const a = aWork(num(b), chunk, k, d, wa);
        return a instanceof Failure ? a : num(w) + num(b) * num(s) * num(kv) + a;
      } }),
    derived({ ...common, id: 'serving.memory_utilization', label: 'Serving memory utilisation', unit: '1', formula: 'max over devices of requirement/capacity',
      doc: 'Largest memory requirement/capacity ratio over the serving devices.', ...checked((w) => w.required / w.capacity) }),
    derived({ ...common, id: 'serving.memory_required', label: 'Serving memory used', unit: 'B', formula: 'requirement of the device with the largest ratio',
      doc: 'Memory needed on the most loaded serving device (the Feasibility lens figure).', ...checked((w) => w.required) }),
    derived({ ...common, id: 'serving.memory_capacity_checked', label: 'Serving memory capacity', unit: 'B', formula: 'capacity of the device with the largest ratio',
      doc: 'Capacity of the most loaded serving device.', ...checked((w) => w.capacity) }),
    derived({ ...common, id: 'serving.serving_feasible', label: 'Serving feasible', unit: 'bool', formula: 'every requirement ≤ its device capacity',
      doc: 'Every serving device holds what it needs.', ...checked((_w, all) => all.every((l) => l.required <= l.capacity)) }),
  ];
}

const ms = (s: number): string => formatQuantity(s, 's');

export function servingStatusCells(): CellDef[] {
  return statusCells({
    scope: 'serving', wall: WALL,
    formula: 'FAIL if not serving_feasible, ttft > ttft_target or itl > itl_target; WARN if memory utilisation > 0.90 or a metric ≥ 90 % of its target',
    inputs: ['serving.serving_feasible', 'serving.memory_utilization', 'serving.ttft', 'serving.itl', 'serving.ttft_target', 'serving.itl_target',
      'scenario.memory_warn_utilization', 'scenario.target_margin'],
    judge: (feasible, util, ttft, itl, ttftTarget, itlTarget, warnU, margin) => {
      const fails: string[] = [];
      const warns: string[] = [];
      const u = num(util);
      if (feasible !== true) fails.push(`serving memory exceeds device capacity (utilisation ${u.toFixed(3)})`);
      else if (u > num(warnU)) warns.push(`serving memory utilisation ${u.toFixed(3)} > ${num(warnU)}`);
      for (const [name, v, t] of [['ttft', num(ttft), numOrNull(ttftTarget)], ['itl', num(itl), numOrNull(itlTarget)]] as const) {
        if (t === null) continue;
        if (v > t) fails.push(`${name} ${ms(v)} > target ${ms(t)}`);
        else if (nearTarget(v, t, num(margin))) warns.push(`${name} ${ms(v)} ≥ ${num(margin) * 100} % of target ${ms(t)}`);
      }
      return verdict(fails, warns);
    },
  });
}
