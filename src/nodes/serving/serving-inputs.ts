/**
 * Wall 4 inputs (physics.md §5 wall 4 table) and the small "effective" cells that resolve
 * their defaults: the prompt length (defaults to context_len), the decode device (defaults
 * to the scenario's device) and the disaggregation switch.
 */
import { type CellDef, derived, type Domain, flag, input, number, optNumber, optText, type SourceRef, warn } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { spec } from '../common/catalogue-input.js';

const WALL = 4;
const s5 = spec('§5 wall 4');
const s15 = spec('§1.5');
const positiveOptional: Domain = { kind: 'number', min: 0, minExclusive: true, optional: true };
const integerOptional: Domain = { kind: 'number', min: 1, integer: true, optional: true };

/** Default KV-transfer bandwidth: the fleet's per-GPU NIC bandwidth, else 50e9 B/s (§5 wall 4). */
export const KV_TRANSFER_FALLBACK = 50e9;

function kvTransferDefault(ctx: BuildContext): { value: number; source: SourceRef; fromFleet: boolean } {
  const f = ctx.fleet;
  if (f.fabric_bandwidth !== undefined && f.nics_per_node !== undefined && f.gpus_per_node > 0) {
    const perGpu = (f.fabric_bandwidth * f.nics_per_node) / f.gpus_per_node;
    return { value: perGpu, source: f.source ?? { kind: 'catalogue', ref: 'fleet fabric_bandwidth × nics_per_node / gpus_per_node' }, fromFleet: true };
  }
  return { value: KV_TRANSFER_FALLBACK, source: s5, fromFleet: false };
}

function opt(id: string, label: string, doc: string, unit: string, domain: Domain, source: SourceRef = s5): CellDef {
  return input({ id: `serving.${id}`, label, doc, unit, layer: 'E', wall: WALL, default: null, domain, source });
}

export function servingInputCells(ctx: BuildContext): CellDef[] {
  const kv = kvTransferDefault(ctx);
  return [
    opt('prompt_len', 'Prompt length S', 'Tokens in the prompt, cached prefix included; unset means context_len.', 'tokens', integerOptional),
    input({ id: 'serving.cached_prefix_len', label: 'Cached prefix C', doc: 'Prompt tokens whose KV is already cached (prefix caching); must be below the prompt length.',
      unit: 'tokens', layer: 'E', wall: WALL, default: 0, domain: { kind: 'number', min: 0, integer: true }, source: s5 }),
    opt('prefill_chunk_tokens', 'Prefill chunk c', 'Tokens per prefill chunk (chunked prefill); unset means one unchunked prefill.', 'tokens', integerOptional),
    opt('decode_device', 'Decode device', 'Device of a separate decode pool (disaggregated prefill/decode); unset means decode runs on the prefill device.', 'text', { kind: 'text', optional: true }),
    opt('decode_peak_flops', 'Decode device peak FLOP/s', 'Peak FLOP/s of the decode device at the compute precision; unset means the scenario device’s.', 'FLOP/s', positiveOptional),
    opt('decode_memory_bandwidth', 'Decode device bandwidth', 'Memory bandwidth of the decode device; unset means the scenario device’s.', 'B/s', positiveOptional),
    opt('decode_memory_capacity', 'Decode device capacity', 'Memory capacity of the decode device; unset means the scenario device’s.', 'B', positiveOptional),
    input({ id: 'serving.kv_transfer_bandwidth', label: 'KV transfer bandwidth β_x', doc: 'Per-direction bandwidth that ships the prompt KV from the prefill to the decode device.',
      unit: 'B/s', layer: 'E', wall: WALL, default: kv.value, provenance: kv.fromFleet ? 'catalogue' : 'default',
      domain: { kind: 'number', min: 0, minExclusive: true }, source: kv.source }),
    input({ id: 'serving.kv_transfer_latency', label: 'KV transfer latency α_x', doc: 'Fixed latency of one KV transfer between the devices.',
      unit: 's', layer: 'E', wall: WALL, default: 5e-6, domain: { kind: 'number', min: 0 }, source: s5 }),
    opt('draft_model', 'Draft model', 'Name of the speculative-decoding draft model; setting it (or draft_params) turns speculation on.', 'text', { kind: 'text', optional: true }),
    opt('draft_params', 'Draft parameters', 'Parameter count of the (dense) draft model.', 'params', positiveOptional),
    opt('draft_layers', 'Draft layers', 'Layers of the draft model (its layer tax).', 'layers', integerOptional),
    opt('draft_kv_bytes_per_token', 'Draft KV bytes per token', 'KV-cache bytes per token of the draft model (§2.6 for its shape).', 'B/token', { kind: 'number', min: 0, optional: true }),
    opt('draft_attention_flops_coeff', 'Draft attention FLOPs coefficient', 'A = 2·L·H·(d_h + d_v) of the draft model (§2.3).', 'FLOP', { kind: 'number', min: 0, optional: true }),
    input({ id: 'serving.draft_acceptance_rate', label: 'Draft acceptance rate α', doc: 'Probability the target accepts each drafted token.',
      unit: '1', layer: 'E', wall: WALL, default: 0.7, domain: { kind: 'number', min: 0, max: 1 }, source: s15 }),
    input({ id: 'serving.speculative_draft_tokens', label: 'Draft tokens γ', doc: 'Tokens the draft proposes per verification round.',
      unit: 'tokens', layer: 'E', wall: WALL, default: 4, domain: { kind: 'number', min: 1, integer: true }, source: s15 }),
    opt('ttft_target', 'TTFT target', 'Optional time-to-first-token target; unset means no target.', 's', positiveOptional, spec('§1.7')),
    opt('itl_target', 'ITL target', 'Optional inter-token latency target; unset means no target.', 's', positiveOptional, spec('§1.7')),
    ...effectiveCells(ctx.device.id),
  ];
}

function effectiveCells(deviceId: string): CellDef[] {
  const common = { layer: 'E' as const, wall: WALL };
  const decodeFigure = (name: string, hw: string, label: string, unit: string): CellDef =>
    derived({ ...common, id: `serving.decode_${name}_effective`, label, unit,
      doc: `The decode device's ${name.replace('_', ' ')}: serving.decode_${name} on a separate decode device, else the scenario device's.`,
      formula: `decode_device set ? decode_${name} ?? ${hw} : ${hw}`,
      inputs: {
        disaggregated: flag('serving.disaggregated'), own: optNumber(`serving.decode_${name}`), device: optNumber(hw),
        decodeDevice: optText('serving.decode_device'),
      },
      compute: ({ disaggregated, own, device, decodeDevice }) => {
        if (disaggregated && own !== null) return own;
        // A decode pool of the scenario's own device type takes its figures; another device's are not known here: said.
        if (disaggregated) {
          return decodeDevice === deviceId || device === null ? device
            : warn(device, `serving.decode_device = ${decodeDevice} but serving.decode_${name} is not set; using ${deviceId}'s (set serving.decode_${name} for ${decodeDevice})`);
        }
        return own === null ? device : warn(device, `serving.decode_${name} is ignored while serving.decode_device is unset (decode runs on the prefill device)`);
      } });
  return [
    derived({ ...common, id: 'serving.prompt_len_effective', label: 'Prompt length S', unit: 'tokens',
      doc: 'Prompt tokens in use: serving.prompt_len when set, else context_len.', formula: 'S = prompt_len ?? context_len',
      inputs: { prompt: optNumber('serving.prompt_len'), context: number('scenario.context_len') },
      compute: ({ prompt, context }) => (prompt === null ? context : prompt) }),
    derived({ ...common, id: 'serving.disaggregated', label: 'Disaggregated', unit: 'bool',
      doc: 'Prefill and decode run on different devices, so the prompt KV is transferred (§5 wall 4 cell 4).',
      formula: 'decode_device is set', inputs: { decodeDevice: optText('serving.decode_device') },
      compute: ({ decodeDevice }) => decodeDevice !== null && decodeDevice !== '' }),
    decodeFigure('peak_flops', 'hardware.peak_flops', 'Decode peak FLOP/s', 'FLOP/s'),
    decodeFigure('memory_bandwidth', 'hardware.memory_bandwidth', 'Decode memory bandwidth', 'B/s'),
    decodeFigure('memory_capacity', 'hardware.memory_capacity', 'Decode memory capacity', 'B'),
  ];
}
