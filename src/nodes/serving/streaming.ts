/**
 * Wall 6: Streaming — weight-streaming (wafer-scale) execution (physics.md §5 wall 6).
 * Weights stay off-chip and are injected layer by layer, double-buffered so that streaming
 * layer i+1 overlaps computing layer i; KV and activations live on-chip.
 */
import { type CellDef, derived, input, warn } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { spec } from '../common/catalogue-input.js';
import { num, required } from '../common/plain.js';
import { statusCells, verdict } from '../common/status.js';
import { activationWorkingSet, blockFlops, decodeTokenFlops } from './lm-physics.js';
import { fromReaders, lmFacts, plain } from './readers.js';
import { lmOnlyStub, type OutputUnits } from './stub.js';

const WALL = 6;
const common = { layer: 'E' as const, wall: WALL };
const s6 = spec('§5 wall 6');

export const STREAMING_OUTPUTS: OutputUnits = {
  'streaming.throughput_tokens_per_second': 'tokens/s', 'streaming.pass_time': 's', 'streaming.onchip_required': 'B',
  'streaming.wafer_memory_utilization': '1', 'streaming.streaming_feasible': 'bool',
};

function streamingInputs(ctx: BuildContext): CellDef[] {
  const hostLink = ctx.device.host_link_bandwidth;
  return [
    input({ ...common, id: 'streaming.requested', label: 'Streaming requested', unit: 'bool', default: false, domain: { kind: 'boolean' }, source: s6,
      doc: 'Evaluate weight streaming on a device that does not stream by default.' }),
    input({ ...common, id: 'streaming.injection_bandwidth', label: 'Injection bandwidth β_inj', unit: 'B/s',
      doc: 'Bandwidth that streams weights onto the device; defaults to its host link.',
      default: hostLink ?? null, provenance: hostLink === undefined ? 'default' : 'catalogue',
      domain: { kind: 'number', min: 0, minExclusive: true, optional: true }, source: hostLink === undefined ? s6 : ctx.device.source }),
    input({ ...common, id: 'streaming.injection_bandwidth_fallback', label: 'Injection bandwidth fallback', unit: 'B/s', default: 100e9,
      doc: 'Injection bandwidth used when the device lists none.', domain: { kind: 'number', min: 0, minExclusive: true }, source: spec('§1.5') }),
    input({ ...common, id: 'streaming.phase', label: 'Phase', unit: 'enum', default: 'decode', domain: { kind: 'choice', choices: ['decode', 'prefill'] },
      doc: 'Which pass is streamed: one decode token per sequence, or the whole prompt.', source: s6 }),
  ];
}

function streamingCells(ctx: BuildContext): CellDef[] {
  const owner = ctx.model.id;
  const work = ['scenario.activation_working_set_factor', 'workload.hidden_dim', 'scenario.activation_bytes_per_element'] as const;
  return [
    derived({ ...common, id: 'streaming.injection_bandwidth_effective', label: 'Injection bandwidth in use', unit: 'B/s', formula: 'injection_bandwidth ?? 100e9 (with warning)',
      doc: 'The injection bandwidth the pass uses.', inputs: ['streaming.injection_bandwidth', 'streaming.injection_bandwidth_fallback'],
      compute: (b, f) => (b !== null ? b : warn(f, `${ctx.device.id} lists no injection (host link) bandwidth; using ${num(f) / 1e9} GB/s`)) }),
    derived({ ...common, id: 'streaming.layer_weight_bytes', label: 'Layer weights W_l', unit: 'B', formula: 'W_l = W/L',
      doc: 'Weight bytes streamed per layer (MoE streams every expert).', inputs: ['workload.weight_bytes', 'workload.layers'],
      compute: (w, l) => { const L = required(l, owner, 'layers', 'weight streaming'); return typeof L === 'number' ? num(w) / L : L; } }),
    derived({ ...common, id: 'streaming.phase_tokens', label: 'Tokens per sequence n_ph', unit: 'tokens', formula: '1 (decode) or S (prefill)',
      doc: 'New tokens per sequence in the streamed pass.', inputs: ['streaming.phase', 'scenario.context_len'], compute: (p, x) => (p === 'decode' ? 1 : num(x)) }),
    derived({ ...common, id: 'streaming.onchip_required', label: 'On-chip requirement', unit: 'B', formula: 'B·x·kv_tok + 2·W_l + A_work(B, n_ph)',
      doc: 'On-chip memory for the KV cache, two layer-weight buffers and one layer of activations.',
      inputs: ['scenario.batch_size', 'scenario.context_len', 'workload.kv_bytes_per_token', 'streaming.layer_weight_bytes', 'streaming.phase_tokens', ...work],
      compute: (b, x, kv, wl, n, k, d, wa) => {
        const h = required(d, owner, 'hidden_dim', 'the on-chip activation working set');
        return typeof h === 'number' ? num(b) * num(x) * num(kv) + 2 * num(wl) + activationWorkingSet(num(b), num(n), num(k), h, num(wa)) : h;
      } }),
    derived({ ...common, id: 'streaming.wafer_memory_utilization', label: 'On-chip utilisation', unit: '1', formula: 'onchip_required/memory_capacity',
      doc: 'Share of on-chip memory the pass needs.', inputs: ['streaming.onchip_required', 'hardware.memory_capacity'],
      compute: (r, c) => { const cap = required(c, ctx.device.id, 'memory_capacity', 'the on-chip check'); return typeof cap === 'number' ? num(r) / cap : cap; } }),
    derived({ ...common, id: 'streaming.streaming_feasible', label: 'Streaming feasible', unit: 'bool', formula: 'onchip_required ≤ memory_capacity',
      doc: 'The on-chip memory holds KV, weight buffers and activations.', inputs: ['streaming.wafer_memory_utilization'], compute: (u) => num(u) <= 1 }),
    derived({ ...common, id: 'streaming.layer_flops', label: 'Layer FLOPs', unit: 'FLOP', formula: 'decode B·(F_lin + A·x)/L; prefill B·(F_lin·S + A·Ψ(S, 0))/L',
      doc: 'Work of one layer in the streamed pass.',
      ...fromReaders([lmFacts(ctx), plain('streaming.phase', 'scenario.batch_size', 'scenario.context_len')] as const, (lm, [p, b, x]) =>
        (num(b) * (p === 'decode' ? decodeTokenFlops(lm, num(x)) : blockFlops(lm, num(x), 0))) / lm.layers) }),
    derived({ ...common, id: 'streaming.layer_injection_time', label: 'Layer injection time T_inj', unit: 's', formula: 'T_inj = W_l/β_inj',
      doc: 'Time to stream one layer’s weights.', inputs: ['streaming.layer_weight_bytes', 'streaming.injection_bandwidth_effective'], compute: (w, b) => num(w) / num(b) }),
    derived({ ...common, id: 'streaming.layer_compute_time', label: 'Layer compute time T_cl', unit: 's', formula: 'T_cl = layer_flops/(peak_flops·η)',
      doc: 'Time to compute one layer.', inputs: ['streaming.layer_flops', 'hardware.peak_flops', 'software.efficiency_effective'],
      compute: (f, p, e) => num(f) / (num(p) * num(e)) }),
    derived({ ...common, id: 'streaming.layer_time', label: 'Layer time', unit: 's', formula: 'T_layer = max(T_inj, T_cl)',
      doc: 'Time per layer with streaming overlapped with compute.', inputs: ['streaming.layer_injection_time', 'streaming.layer_compute_time'],
      compute: (i, c) => Math.max(num(i), num(c)) }),
    derived({ ...common, id: 'streaming.streaming_bottleneck', label: 'Streaming bottleneck', unit: 'enum', formula: 'Compute if T_cl ≥ T_inj, else Injection bandwidth',
      doc: 'What limits each layer (a tie counts as Compute).', inputs: ['streaming.layer_injection_time', 'streaming.layer_compute_time'],
      compute: (i, c) => (num(c) >= num(i) ? 'Compute' : 'Injection bandwidth') }),
    derived({ ...common, id: 'streaming.pass_time', label: 'Pass time', unit: 's', displayUnit: 'ms', formula: 'L·(T_layer + layer_tax) + dispatch_tax',
      doc: 'Time for one streamed pass through every layer.', inputs: ['workload.layers', 'streaming.layer_time', 'scenario.layer_tax', 'scenario.dispatch_tax', 'streaming.layer_weight_bytes'],
      // layer_weight_bytes is read only so a model without `layers` blocks this cell (missing_data).
      compute: (l, t, lt, dt) => num(l) * (num(t) + num(lt)) + num(dt) }),
    derived({ ...common, id: 'streaming.throughput_tokens_per_second', label: 'Streaming throughput', unit: 'tokens/s', formula: '(B, or B·S for prefill)/pass_time',
      doc: 'Tokens per second of the streamed pass.', inputs: ['scenario.batch_size', 'streaming.phase_tokens', 'streaming.pass_time'],
      compute: (b, n, t) => (num(b) * num(n)) / num(t) }),
    ...balanceCells(ctx),
  ];
}

/** Cell 9: the batch that balances injection against compute, capped by on-chip memory. */
function balanceCells(ctx: BuildContext): CellDef[] {
  const owner = ctx.model.id;
  return [
    derived({ ...common, id: 'streaming.balance_batch', label: 'Balance batch B*', unit: 'sequences', formula: 'B* = max(1, ⌊T_inj·peak_flops·η/((F_lin + A·x)/L)⌋)',
      doc: 'Decode batch whose layer compute just covers the layer injection time.',
      ...fromReaders([lmFacts(ctx), plain('streaming.layer_injection_time', 'hardware.peak_flops', 'software.efficiency_effective', 'scenario.context_len')] as const,
        (lm, [ti, p, e, x]) => Math.max(1, Math.floor((num(ti) * num(p) * num(e)) / (decodeTokenFlops(lm, num(x)) / lm.layers)))) }),
    derived({ ...common, id: 'streaming.memory_batch_cap', label: 'Memory batch cap B_mem', unit: 'sequences', formula: 'B_mem = ⌊(memory_capacity − 2·W_l)/(x·kv_tok + κ_act·d·b_act)⌋',
      doc: 'Largest decode batch whose KV and activations fit next to the weight buffers.',
      inputs: ['hardware.memory_capacity', 'streaming.layer_weight_bytes', 'scenario.context_len', 'workload.kv_bytes_per_token',
        'scenario.activation_working_set_factor', 'workload.hidden_dim', 'scenario.activation_bytes_per_element'],
      compute: (c, wl, x, kv, k, d, wa) => {
        const cap = required(c, ctx.device.id, 'memory_capacity', 'the streaming batch cap');
        if (typeof cap !== 'number') return cap;
        const h = required(d, owner, 'hidden_dim', 'the streaming batch cap');
        if (typeof h !== 'number') return h;
        return Math.max(0, Math.floor((cap - 2 * num(wl)) / (num(x) * num(kv) + activationWorkingSet(1, 1, num(k), h, num(wa)))));
      } }),
    derived({ ...common, id: 'streaming.optimal_batch_size', label: 'Optimal batch', unit: 'sequences', formula: 'min(B*, B_mem) if B_mem ≥ 1, else 0',
      doc: 'Batch that hides injection behind compute within on-chip memory.', inputs: ['streaming.balance_batch', 'streaming.memory_batch_cap'],
      compute: (bs, bm) => (num(bm) >= 1 ? Math.min(num(bs), num(bm)) : 0) }),
  ];
}

/**
 * Wall 6 cells: for LMs outside training mode (a weight-streaming device's walls 1–2 read
 * them in inference mode); active on weight-streaming devices or when requested. A non-LM
 * on a weight-streaming device gets invalid_input outputs (physics.md §5).
 */
export function streamingWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode === 'training') return [];
  const streamsByDefault = ctx.device.execution_model === 'weight_streaming';
  if (!isLM(ctx.model.family) && !streamsByDefault) return [];
  const active = derived({ ...common, id: 'streaming.active', label: 'Wall 6 active', unit: 'bool', formula: 'execution_model = weight_streaming or requested',
    doc: 'Wall 6 is on the board for weight-streaming devices or on request (physics.md §11.3).',
    inputs: ['hardware.execution_model', 'streaming.requested'], compute: (m, r) => m === 'weight_streaming' || r === true });
  if (!isLM(ctx.model.family)) return [active, ...streamingInputs(ctx), ...lmOnlyStub(ctx, 'streaming', WALL, STREAMING_OUTPUTS)];
  return [
    active, ...streamingInputs(ctx), ...streamingCells(ctx),
    ...statusCells({ scope: 'streaming', wall: WALL, formula: 'FAIL if onchip_required > memory_capacity; WARN if injection-bound with B < optimal_batch_size',
      inputs: ['streaming.streaming_feasible', 'streaming.wafer_memory_utilization', 'streaming.streaming_bottleneck', 'scenario.batch_size', 'streaming.optimal_batch_size'],
      judge: (ok, u, neck, b, opt) => verdict(
        ok === true ? [] : [`on-chip requirement exceeds capacity (utilisation ${num(u).toFixed(3)})`],
        neck === 'Injection bandwidth' && num(b) < num(opt) ? [`injection-bound at batch ${num(b)}; batch ${num(opt)} would hide weight streaming`] : []) }),
  ];
}
