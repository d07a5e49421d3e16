/**
 * Wall 12's memory check and the replica it runs on (physics.md §7 wall 12, Amendments
 * "Parallelism outside training" and "Sliding-window attention").
 *
 * One reasoning query holds its prompt and every reasoning token in the KV cache. When the
 * system's devices split the model (src/nodes/parallel), the check is one device's, like wall
 * 2's (node/execution-unit.ts): the weights W_dev that device stores, its share κ_kv of each
 * sequence's KV, and the working set, against that device's capacity. Windowed layers keep at
 * most w tokens (workload/window.ts), so the KV of a sequence at x tokens is
 * kv_seq(x) = (kv_tok/L)·((L − L_w)·x + L_w·min(x, w)), and x·kv_tok without a window.
 */
import { type CellDef, derived, fail, number, optNumber } from '../../graph/index.js';
import { type BuildContext } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { kvBytesPerSequence, windowInputs, windowOf } from '../workload/window.js';

const WALL = 12;
const layer = 'E' as const;

/**
 * The devices one replica occupies, n_rep = t·p·c, as a named input when the scenario has a
 * layout; nothing to read on one device.
 */
export function replicaDeviceInputs(ctx: BuildContext): { replicaDevices?: ReturnType<typeof number> } {
  return hasParallelLayout(ctx) ? { replicaDevices: number('communication.devices_per_replica') } : {};
}

/** n_rep from the arguments of a cell that spread `replicaDeviceInputs`: 1 when the scenario has no layout (one device). */
export function devicesOf(a: { readonly replicaDevices?: number }): number {
  return a.replicaDevices === undefined ? 1 : a.replicaDevices;
}

export function reasoningMemoryCells(ctx: BuildContext, promptId: string): CellDef[] {
  const split = hasParallelLayout(ctx);
  const capacityId = ctx.mode === 'serving' ? 'serving.decode_memory_capacity_effective' : 'hardware.memory_capacity';
  return [
    derived({
      id: 'reasoning.reasoning_memory', label: 'Reasoning memory',
      doc: split
        ? 'What one device of the replica holds: its weights, its share of the KV of prompt and reasoning tokens, and the prefill working set.'
        : 'Weights, the KV of prompt and reasoning tokens, and the prefill working set.',
      unit: 'B', layer, wall: WALL,
      formula: split
        ? 'W_dev + B·kv_seq(S + N_g)·κ_kv + A_work(B, S); kv_seq(x) = x·kv_tok, windowed (kv_tok/L)·((L − L_w)·x + L_w·min(x, w))'
        : 'W + B·kv_seq(S + N_g) + A_work(B, S); kv_seq(x) = x·kv_tok, windowed (kv_tok/L)·((L − L_w)·x + L_w·min(x, w))',
      inputs: {
        weights: number(split ? 'communication.weight_bytes_per_gpu' : 'workload.weight_bytes'),
        ...(split ? { kvFraction: number('communication.kv_shard_fraction') } : {}),
        batch: number('scenario.batch_size'), prompt: number(promptId), generated: number('reasoning.tokens_generated'),
        kvPerToken: number('workload.kv_bytes_per_token'), workingSet: number('workload.activation_working_set'), ...windowInputs,
      },
      compute: ({ weights, kvFraction, batch, prompt, generated, kvPerToken, workingSet, ...w }) => {
        const window = windowOf(w);
        // Without a window this is B·(S + N_g)·kv_tok in its own order of operations.
        const kv = window ? batch * kvBytesPerSequence(prompt + generated, kvPerToken, window) : batch * (prompt + generated) * kvPerToken;
        // A_work(B, S) = S·A_work(B, 1): the working set is linear in the new tokens (§2.8).
        return weights + (kvFraction === undefined ? kv : kv * kvFraction) + prompt * workingSet;
      },
    }),
    derived({
      id: 'reasoning.reasoning_feasible', label: 'Reasoning fits',
      doc: split ? 'One device\'s share of the reasoning memory fits that device.' : 'The reasoning memory fits the device memory.',
      unit: 'bool', layer, wall: WALL, formula: 'reasoning_memory ≤ memory_capacity (per device)',
      inputs: { memory: number('reasoning.reasoning_memory'), capacity: optNumber(capacityId) },
      compute: ({ memory, capacity }) =>
        capacity === null ? fail('missing_data', `${ctx.device.id} has no memory_capacity; the reasoning memory check needs it`) : memory <= capacity,
    }),
  ];
}
