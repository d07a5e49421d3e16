/**
 * Scenario precision cells (physics.md §1.2): the deployment precision, the three optional
 * per-role precisions with their effective values ("defaults to precision"), the byte-width
 * table as input cells, and the element widths b_w, b_kv, b_act and b_p.
 */
import { type CellDef, choice, derived, input, optChoice } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { spec } from './catalogue-input.js';
import {
  BYTES_PER_ELEMENT, bytesPerElementId, bytesPerElementInputs, bytesPerElementOf, defaultKvPrecision, PRECISION_KEYS,
  type PrecisionKey,
} from './precision.js';

const s12 = spec('§1.2');

function precisionInput(id: string, label: string, doc: string): CellDef {
  return input({
    id,
    label,
    doc,
    unit: 'enum',
    layer: 'A',
    default: null,
    domain: { kind: 'choice', choices: PRECISION_KEYS, optional: true },
    source: s12,
  });
}

function effective(role: string, label: string, rule: string, pick: (own: PrecisionKey | null, precision: PrecisionKey) => PrecisionKey): CellDef {
  return derived({
    id: `scenario.${role}_precision_effective`,
    label,
    doc: `The ${role} precision in use: scenario.${role}_precision when set, else ${rule}.`,
    unit: 'enum',
    layer: 'A',
    formula: `${role}_precision ?? ${rule}`,
    inputs: { own: optChoice(`scenario.${role}_precision`, PRECISION_KEYS), precision: choice('scenario.precision', PRECISION_KEYS) },
    compute: ({ own, precision }) => pick(own, precision),
  });
}

function width(id: string, label: string, doc: string, formula: string, from: string, floor16: boolean): CellDef {
  return derived({
    id,
    label,
    doc,
    unit: 'B/element',
    layer: 'A',
    formula,
    inputs: { precision: choice(from, PRECISION_KEYS), ...bytesPerElementInputs },
    compute: ({ precision, ...widths }) => {
      const table = bytesPerElementOf(widths);
      const b = table[precision];
      // 16-bit floor: low-precision compute keeps 16-bit activations, and fp8/int8 training
      // keeps 16-bit working weights and gradients (physics.md §1.2). b(fp16) is that width.
      return floor16 ? Math.max(table.fp16, b) : b;
    },
  });
}

/**
 * The precision a scenario runs at when it names none: the device's catalogue
 * default_precision (catalog.json hardware[]), else fp16 (physics.md §1.2). A device whose
 * peak table has no fp16 (an MCU, a phone NPU) would otherwise refuse every default scenario.
 */
export function defaultPrecision(ctx: Pick<BuildContext, 'device'>): PrecisionKey {
  const d = ctx.device.default_precision;
  return d !== undefined && (PRECISION_KEYS as readonly string[]).includes(d) ? (d as PrecisionKey) : 'fp16';
}

export function precisionCells(ctx: Pick<BuildContext, 'device'>): CellDef[] {
  const precision = defaultPrecision(ctx);
  // fp16 devices keep the §1.2 source (their default is the schema-wide one).
  const fromDevice = precision !== 'fp16';
  const table = PRECISION_KEYS.map((k) =>
    input({
      id: bytesPerElementId(k),
      label: `Bytes per ${k} element`,
      doc: `Storage width b(${k}) of one ${k} element (physics.md §1.2 table).`,
      unit: 'B/element',
      layer: 'A',
      default: BYTES_PER_ELEMENT[k],
      domain: { kind: 'number', min: 0, minExclusive: true },
      source: s12,
    }),
  );
  return [
    input({
      id: 'scenario.precision',
      label: 'Precision',
      doc: "Deployment precision; the per-role precisions default to it. Unset, the device's catalogue default_precision.",
      unit: 'enum',
      layer: 'A',
      default: precision,
      domain: { kind: 'choice', choices: PRECISION_KEYS },
      ...(fromDevice ? { provenance: 'catalogue' as const } : {}),
      source: fromDevice && ctx.device.source ? ctx.device.source : s12,
    }),
    precisionInput('scenario.weight_precision', 'Weight precision', 'Weight storage precision (sets b_w); unset means precision.'),
    precisionInput('scenario.compute_precision', 'Compute precision', 'Precision whose peak FLOP/s is used; unset means precision.'),
    precisionInput('scenario.kv_precision', 'KV precision', 'KV-cache precision (sets b_kv); unset means precision, but fp16 for int8 and int4.'),
    ...table,
    effective('weight', 'Weight precision (effective)', 'precision', (own, p) => own ?? p),
    effective('compute', 'Compute precision (effective)', 'precision', (own, p) => own ?? p),
    effective('kv', 'KV precision (effective)', 'precision (fp16 for int8/int4)', (own, p) => own ?? defaultKvPrecision(p)),
    width('scenario.weight_bytes_per_element', 'Weight width b_w', 'Bytes per stored weight.', 'b_w = b(weight_precision)', 'scenario.weight_precision_effective', false),
    width('scenario.kv_bytes_per_element', 'KV width b_kv', 'Bytes per KV-cache element.', 'b_kv = b(kv_precision)', 'scenario.kv_precision_effective', false),
    width('scenario.activation_bytes_per_element', 'Activation width b_act', 'Bytes per activation element; low-precision compute keeps 16-bit activations.', 'b_act = max(b(fp16), b(precision))', 'scenario.precision', true),
    width('scenario.param_bytes_per_element', 'Training parameter width b_p', 'Bytes per working weight and gradient in training; fp8/int8 training keeps 16-bit.', 'b_p = max(b(fp16), b(precision))', 'scenario.precision', true),
  ];
}
