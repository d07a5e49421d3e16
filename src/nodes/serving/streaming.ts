/**
 * Wall 6: Streaming — weight-streaming (wafer-scale) execution (physics.md §5 wall 6).
 * Weights stay off-chip and are injected layer by layer, double-buffered so that streaming
 * layer i+1 overlaps computing layer i; KV and activations live on-chip.
 */
import { type CellDef, choice, derived, flag, gate, input, number, optNumber, text, warn } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { isLM } from '../context.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import { statusCells, verdict } from '../common/status.js';
import { windowInputs, windowOf } from '../workload/window.js';
import { blockFlops, decodeTokenFlops, heldKvBytes } from './lm-physics.js';
import { activationInputs, lmFactInputs, lmFactsOf, withFacts, workingSetOf } from './readers.js';
import { lmOnlyStub, type OutputUnits } from './stub.js';

const WALL = 6;
const common = { layer: 'E' as const, wall: WALL };
const s6 = spec('§5 wall 6');
const PHASES = ['decode', 'prefill'] as const;

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
    input({ ...common, id: 'streaming.phase', label: 'Phase', unit: 'enum', default: 'decode', domain: { kind: 'choice', choices: PHASES },
      doc: 'Which pass is streamed: one decode token per sequence, or the whole prompt.', source: s6 }),
  ];
}

function streamingCells(ctx: BuildContext): CellDef[] {
  const owner = ctx.model.id;
  return [
    derived({ ...common, id: 'streaming.injection_bandwidth_effective', label: 'Injection bandwidth in use', unit: 'B/s', formula: 'injection_bandwidth ?? 100e9 (with warning)',
      doc: 'The injection bandwidth the pass uses.',
      inputs: { bandwidth: optNumber('streaming.injection_bandwidth'), fallback: number('streaming.injection_bandwidth_fallback') },
      compute: ({ bandwidth, fallback }) => (bandwidth !== null ? bandwidth
        : warn(fallback, `${ctx.device.id} lists no injection (host link) bandwidth; using ${fallback / 1e9} GB/s`)) }),
    derived({ ...common, id: 'streaming.layer_weight_bytes', label: 'Layer weights W_l', unit: 'B', formula: 'W_l = W/L',
      doc: 'Weight bytes streamed per layer (MoE streams every expert).',
      inputs: { weightBytes: number('workload.weight_bytes'), layers: optNumber('workload.layers') },
      compute: ({ weightBytes, layers }) => {
        const L = required(layers, owner, 'layers', 'weight streaming');
        return typeof L === 'number' ? weightBytes / L : L;
      } }),
    derived({ ...common, id: 'streaming.phase_tokens', label: 'Tokens per sequence n_ph', unit: 'tokens', formula: '1 (decode) or S (prefill)',
      doc: 'New tokens per sequence in the streamed pass.',
      inputs: { phase: choice('streaming.phase', PHASES), context: number('scenario.context_len') },
      compute: ({ phase, context }) => (phase === 'decode' ? 1 : context) }),
    derived({ ...common, id: 'streaming.onchip_required', label: 'On-chip requirement', unit: 'B',
      formula: 'B·x·kv_tok + 2·W_l + A_work(B, n_ph); windowed layers hold min(x, w) tokens',
      doc: 'On-chip memory for the KV cache, two layer-weight buffers and one layer of activations.',
      inputs: {
        batch: number('scenario.batch_size'), context: number('scenario.context_len'), kvPerToken: number('workload.kv_bytes_per_token'),
        layerWeights: number('streaming.layer_weight_bytes'), phaseTokens: number('streaming.phase_tokens'), ...activationInputs(), ...windowInputs,
      },
      compute: (a) => withFacts(workingSetOf(ctx, 'the on-chip activation working set', a, a.batch, a.phaseTokens),
        (work) => heldKvBytes(windowOf(a), a.batch, a.context, a.kvPerToken) + 2 * a.layerWeights + work) }),
    derived({ ...common, id: 'streaming.wafer_memory_utilization', label: 'On-chip utilisation', unit: '1', formula: 'onchip_required/memory_capacity',
      doc: 'Share of on-chip memory the pass needs.',
      inputs: { onchip: number('streaming.onchip_required'), capacity: optNumber('hardware.memory_capacity') },
      compute: ({ onchip, capacity }) => {
        const cap = required(capacity, ctx.device.id, 'memory_capacity', 'the on-chip check');
        return typeof cap === 'number' ? onchip / cap : cap;
      } }),
    derived({ ...common, id: 'streaming.streaming_feasible', label: 'Streaming feasible', unit: 'bool', formula: 'onchip_required ≤ memory_capacity',
      doc: 'The on-chip memory holds KV, weight buffers and activations.',
      inputs: { utilization: number('streaming.wafer_memory_utilization') }, compute: ({ utilization }) => utilization <= 1 }),
    derived({ ...common, id: 'streaming.layer_flops', label: 'Layer FLOPs', unit: 'FLOP',
      formula: 'decode B·(F_lin + A_dec·x)/L; prefill B·(F_lin·S + A·Ψ(S, 0))/L (windowed layers: min(x, w))',
      doc: 'Work of one layer in the streamed pass.',
      inputs: { ...lmFactInputs(ctx), phase: choice('streaming.phase', PHASES), batch: number('scenario.batch_size'), context: number('scenario.context_len') },
      compute: (a) => withFacts(lmFactsOf(ctx, a), (lm) =>
        (a.batch * (a.phase === 'decode' ? decodeTokenFlops(lm, a.context) : blockFlops(lm, a.context, 0))) / lm.layers) }),
    derived({ ...common, id: 'streaming.layer_injection_time', label: 'Layer injection time T_inj', unit: 's', formula: 'T_inj = W_l/β_inj',
      doc: 'Time to stream one layer’s weights.',
      inputs: { layerWeights: number('streaming.layer_weight_bytes'), injection: number('streaming.injection_bandwidth_effective') },
      compute: ({ layerWeights, injection }) => layerWeights / injection }),
    derived({ ...common, id: 'streaming.layer_compute_time', label: 'Layer compute time T_cl', unit: 's', formula: 'T_cl = layer_flops/(peak_flops·η)',
      doc: 'Time to compute one layer.',
      inputs: { layerFlops: number('streaming.layer_flops'), peak: number('hardware.peak_flops'), efficiency: number('software.efficiency_effective') },
      compute: ({ layerFlops, peak, efficiency }) => layerFlops / (peak * efficiency) }),
    derived({ ...common, id: 'streaming.layer_time', label: 'Layer time', unit: 's', formula: 'T_layer = max(T_inj, T_cl)',
      doc: 'Time per layer with streaming overlapped with compute.',
      inputs: { injectionTime: number('streaming.layer_injection_time'), computeTime: number('streaming.layer_compute_time') },
      compute: ({ injectionTime, computeTime }) => Math.max(injectionTime, computeTime) }),
    derived({ ...common, id: 'streaming.streaming_bottleneck', label: 'Streaming bottleneck', unit: 'enum', formula: 'Compute if T_cl ≥ T_inj, else Injection bandwidth',
      doc: 'What limits each layer (a tie counts as Compute).',
      inputs: { injectionTime: number('streaming.layer_injection_time'), computeTime: number('streaming.layer_compute_time') },
      compute: ({ injectionTime, computeTime }) => (computeTime >= injectionTime ? 'Compute' : 'Injection bandwidth') }),
    derived({ ...common, id: 'streaming.pass_time', label: 'Pass time', unit: 's', displayUnit: 'ms', formula: 'L·(T_layer + layer_tax) + dispatch_tax',
      doc: 'Time for one streamed pass through every layer.',
      inputs: {
        layers: optNumber('workload.layers'), layerTime: number('streaming.layer_time'), layerTax: number('scenario.layer_tax'),
        dispatchTax: number('scenario.dispatch_tax'),
        // Read only so that a model without `layers` blocks this cell (missing_data).
        layerWeights: gate('streaming.layer_weight_bytes'),
      },
      compute: ({ layers, layerTime, layerTax, dispatchTax }) => {
        const L = required(layers, owner, 'layers', 'weight streaming');
        return typeof L === 'number' ? L * (layerTime + layerTax) + dispatchTax : L;
      } }),
    derived({ ...common, id: 'streaming.throughput_tokens_per_second', label: 'Streaming throughput', unit: 'tokens/s', formula: '(B, or B·S for prefill)/pass_time',
      doc: 'Tokens per second of the streamed pass.',
      inputs: { batch: number('scenario.batch_size'), phaseTokens: number('streaming.phase_tokens'), passTime: number('streaming.pass_time') },
      compute: ({ batch, phaseTokens, passTime }) => (batch * phaseTokens) / passTime }),
    ...balanceCells(ctx),
  ];
}

/** Cell 9: the batch that balances injection against compute, capped by on-chip memory. */
function balanceCells(ctx: BuildContext): CellDef[] {
  return [
    derived({ ...common, id: 'streaming.balance_batch', label: 'Balance batch B*', unit: 'sequences', formula: 'B* = max(1, ⌊T_inj·peak_flops·η/((F_lin + A_dec·x)/L)⌋)',
      doc: 'Decode batch whose layer compute just covers the layer injection time.',
      inputs: {
        ...lmFactInputs(ctx), injectionTime: number('streaming.layer_injection_time'), peak: number('hardware.peak_flops'),
        efficiency: number('software.efficiency_effective'), context: number('scenario.context_len'),
      },
      compute: (a) => withFacts(lmFactsOf(ctx, a),
        (lm) => Math.max(1, Math.floor((a.injectionTime * a.peak * a.efficiency) / (decodeTokenFlops(lm, a.context) / lm.layers)))) }),
    derived({ ...common, id: 'streaming.memory_batch_cap', label: 'Memory batch cap B_mem', unit: 'sequences',
      formula: 'B_mem = ⌊(memory_capacity − 2·W_l)/(x·kv_tok + κ_act·d·b_act)⌋, 0 when nothing fits; windowed layers hold min(x, w) tokens',
      doc: 'Largest decode batch whose KV and activations fit next to the weight buffers.',
      inputs: {
        capacity: optNumber('hardware.memory_capacity'), layerWeights: number('streaming.layer_weight_bytes'), context: number('scenario.context_len'),
        kvPerToken: number('workload.kv_bytes_per_token'), ...activationInputs(), ...windowInputs,
      },
      compute: (a) => {
        const cap = required(a.capacity, ctx.device.id, 'memory_capacity', 'the streaming batch cap');
        if (typeof cap !== 'number') return cap;
        return withFacts(workingSetOf(ctx, 'the streaming batch cap', a, 1, 1),
          (perSequence) => Math.max(0, Math.floor((cap - 2 * a.layerWeights) / (heldKvBytes(windowOf(a), 1, a.context, a.kvPerToken) + perSequence))));
      } }),
    derived({ ...common, id: 'streaming.optimal_batch_size', label: 'Optimal batch', unit: 'sequences', formula: 'min(B*, B_mem) if B_mem ≥ 1, else 0',
      doc: 'Batch that hides injection behind compute within on-chip memory.',
      inputs: { balance: number('streaming.balance_batch'), memoryCap: number('streaming.memory_batch_cap') },
      compute: ({ balance, memoryCap }) => (memoryCap >= 1 ? Math.min(balance, memoryCap) : 0) }),
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
    inputs: { executionModel: text('hardware.execution_model'), requested: flag('streaming.requested') },
    compute: ({ executionModel, requested }) => executionModel === 'weight_streaming' || requested });
  if (!isLM(ctx.model.family)) {
    // Wall 6's streaming model is an LM's layer-by-layer decode: for a non-LM it does not apply
    // (n/a, off the board: walls 1–2 judge it), its outputs stay errors if anything reads them.
    const off = derived({ ...common, id: 'streaming.active', label: 'Wall 6 active', unit: 'bool', formula: 'false (LM families only)',
      doc: 'Wall 6 models an LM\'s layer-by-layer weight streaming; it does not apply to a non-LM (physics.md §5).', inputs: {}, compute: () => false });
    return [off, ...streamingInputs(ctx), ...lmOnlyStub(ctx, 'streaming', WALL, STREAMING_OUTPUTS)];
  }
  return [
    active, ...streamingInputs(ctx), ...streamingCells(ctx),
    ...statusCells({ scope: 'streaming', wall: WALL, formula: 'FAIL if onchip_required > memory_capacity; WARN if injection-bound with B < optimal_batch_size',
      inputs: {
        feasible: flag('streaming.streaming_feasible'), utilization: number('streaming.wafer_memory_utilization'),
        bottleneck: text('streaming.streaming_bottleneck'), batch: number('scenario.batch_size'), optimal: number('streaming.optimal_batch_size'),
      },
      judge: ({ feasible, utilization, bottleneck, batch, optimal }) => verdict(
        feasible ? [] : [`on-chip requirement exceeds capacity (utilisation ${utilization.toFixed(3)})`],
        bottleneck === 'Injection bandwidth' && batch < optimal ? [`injection-bound at batch ${batch}; batch ${optimal} would hide weight streaming`] : []) }),
  ];
}
