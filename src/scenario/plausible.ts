/**
 * Plausible magnitudes of dimensioned inputs, defined once for every reader of a bare number:
 * `--set`, `seek`/`sweep` bounds, plan files, scenario overrides and the workbench's fields.
 *
 * The rule (README, "Warnings"): a value with a unit is read in that unit. A bare number is
 * read in SI (bytes, seconds, B/s …) and, when that reading lies outside the plausible range
 * of its quantity, it is kept but said out loud — the reading and the likely intent:
 * "hardware.memory_bandwidth=4 read as 4 B/s — did you mean 4 TB/s?".
 *
 * The likely intent is the number in the cell's display unit (its `displayUnit`, else the unit
 * the workbench shows its current value in: 3.35e12 B/s shows as TB/s); when that is out of
 * range too, the nearest other prefix of that unit (k, M, G, T … or ms, min, h, days for time)
 * that brings the number into range.
 *
 * The fleet size limit (a refusal, not a warning) is here too: MAX_ACCELERATORS.
 */
import { formatInUnit, formatNumber, formatQuantity, parseUnit } from '../graph/index.js';

export interface PlausibleRange {
  /** Cells this row covers; without it, every cell whose SI unit is `unit`. */
  readonly cells?: readonly string[];
  /** The SI unit of the cells (the cell's `unit`). */
  readonly unit: string;
  /** Inclusive bounds in SI. */
  readonly min: number;
  readonly max: number;
  /** The quantity in words, and why the bounds are where they are. */
  readonly what: string;
  /** The unit the bounds are shown in (default: SI with a prefix). */
  readonly shown?: string;
}

const KWH = 3.6e6;
const HOUR = 3600;
const DAY = 86400;
const YEAR = 365 * DAY;

/**
 * One table: per-cell rows first (where one dimension spans quantities of very different
 * sizes: link latencies and deployment durations are both seconds), then one row per
 * dimension. Every bound lies at least one decade beyond the smallest and the largest value
 * of the catalogue (src/registry/data/catalog.json, physics.md §1.5–1.6), so no catalogue
 * or default value is ever implausible (test/scenario/plausible.test.ts checks this over the
 * zoo). A dimension without a row (counts, fractions, rates, bytes per element) is not checked.
 */
export const PLAUSIBLE: readonly PlausibleRange[] = [
  {
    cells: ['scenario.layer_tax', 'scenario.dispatch_tax', 'hardware.scaleup_latency', 'serving.kv_transfer_latency',
      'communication.fabric_latency'],
    unit: 's', min: 1e-9, max: 1,
    what: 'overheads and link latencies (1 ns … 1 s; catalogue 0.5 µs NVLink … 5 ms MCU dispatch)',
  },
  {
    cells: ['serving.itl_target'],
    unit: 's', min: 1e-5, max: 10,
    what: 'times between output tokens (10 µs … 10 s)',
  },
  {
    cells: ['scenario.target_latency', 'serving.ttft_target', 'tail_latency.p99_target', 'tail_latency.service_time',
      'tail_latency.response_time', 'reasoning.reasoning_latency_budget'],
    unit: 's', min: 1e-6, max: HOUR,
    what: 'latency targets (1 µs … 1 h)',
  },
  {
    cells: ['fragility.mttf_gpu', 'fragility.mttf_nic', 'fragility.mttf_psu', 'fragility.mttf_pcie_switch', 'fragility.mttf_hbm',
      'fragility.mttf_optical_cable', 'fragility.mttf_tor_switch', 'fragility.node_mttf_override'],
    unit: 's', min: 100 * HOUR, max: 1e7 * HOUR,
    what: 'mean times to failure (100 h … 10 M h; physics.md §1.5: 50 000 … 300 000 h)', shown: 'h',
  },
  {
    cells: ['capital.duration', 'fragility.job_duration', 'multi_tenant.job_duration_mean', 'safety.base_training_time'],
    unit: 's', min: 600, max: 100 * YEAR,
    what: 'job and deployment durations (10 min … 100 years)',
  },
  {
    cells: ['complexity.compute_budget_device_time'],
    unit: 's', min: HOUR, max: 1e9 * HOUR,
    what: 'device-time budgets (1 device-hour … 1 G device-hours)', shown: 'h',
  },
  {
    cells: ['ingestion.token_id_bytes', 'communication.optimizer_state_bytes_per_element'],
    unit: 'B', min: 0.125, max: 16,
    what: 'widths of one element (1 bit … 16 B)',
  },
  {
    cells: ['ingestion.bytes_per_sample'],
    unit: 'B', min: 1, max: 1e11,
    what: 'bytes per sample (1 B … 100 GB)',
  },
  {
    cells: ['sustainability.carbon_budget'],
    unit: 'g', min: 1e3, max: 1e13,
    what: 'carbon budgets (1 kg … 10 Mt CO2e)', shown: 't',
  },
  {
    cells: ['complexity.compute_budget'],
    unit: 'FLOP', min: 1e12, max: 1e30,
    what: 'training compute budgets (1 TFLOP … 1e30 FLOP; frontier runs are ~1e25–1e26)',
  },
  {
    unit: 'B/s', min: 1e6, max: 1e17,
    what: 'bandwidths (1 MB/s … 100 PB/s; catalogue 64 MB/s nRF52840 flash … 21 PB/s Cerebras CS-3 SRAM)',
  },
  {
    unit: 'B', min: 1e3, max: 1e14,
    what: 'memory capacities (1 kB … 100 TB; catalogue 1 MB nRF52840 … 13.4 TB GB200 NVL72)',
  },
  {
    unit: 'FLOP/s', min: 1e6, max: 1e19,
    what: 'peak compute rates (1 MFLOP/s … 10 EFLOP/s; catalogue 64 MFLOP/s nRF52840 … 720 PFLOP/s GB200 NVL72 fp4)',
  },
  {
    unit: 'W', min: 1e-3, max: 1e7,
    what: 'powers (1 mW … 10 MW; catalogue 5 mW Himax WE-I … 120 kW GB200 NVL72)',
  },
  {
    unit: 's', min: 1e-9, max: 100 * YEAR,
    what: 'durations (1 ns … 100 years)',
  },
  {
    unit: 'USD', min: 0.1, max: 1e12,
    what: 'amounts of money (10 cents … 1 trillion USD)',
  },
  {
    unit: 'g', min: 1, max: 1e13,
    what: 'masses of CO2e (1 g … 10 Mt)', shown: 'g',
  },
  {
    unit: 'g/J', min: 1 / KWH, max: 2000 / KWH,
    what: 'grid carbon intensities (1 … 2000 g/kWh; catalogue 10 Norway … 820 Poland)', shown: 'g/kWh',
  },
  {
    unit: 'USD/J', min: 0.005 / KWH, max: 2 / KWH,
    what: 'electricity prices (0.005 … 2 USD/kWh; catalogue 0.041 Quebec … 0.21 EU average)', shown: 'USD/kWh',
  },
  {
    unit: 'L/J', min: 0.01 / KWH, max: 20 / KWH,
    what: 'water use per energy (0.01 … 20 L/kWh; catalogue WUE 0 … 1.8)', shown: 'L/kWh',
  },
  {
    unit: 'USD/g', min: 0.1e-6, max: 1e4 * 1e-6,
    what: 'carbon prices (0.1 … 10 000 USD/t)', shown: 'USD/t',
  },
];

/** The row for a cell: its own row, else its unit's, else none (not checked). */
export function plausibleRange(cell: string, unit: string): PlausibleRange | undefined {
  return PLAUSIBLE.find((r) => r.cells?.includes(cell)) ?? PLAUSIBLE.find((r) => !r.cells && r.unit === unit);
}

/** What a bare number is checked against: the cell, its SI unit and (optional) display unit. */
export interface BareCell {
  readonly id: string;
  readonly unit: string;
  readonly displayUnit?: string;
}

const TIME_LADDER = ['ns', 'µs', 'ms', 's', 'min', 'h', 'days', 'yr'] as const;
const PREFIXES = ['p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'] as const;
/** Units whose leading atom takes an SI prefix (as graph/format.ts displays them). */
const PREFIXABLE = /^(B|FLOP|W|J|g|L|Hz)(\/.*)?$/;

const scaleOf = (unit: string): number => parseUnit(unit).scale;

/** The unit the workbench shows `reference` of a cell in ("3.35 TB/s" → TB/s). */
function shownUnit(cell: BareCell, reference: number): string {
  if (cell.displayUnit) return cell.displayUnit;
  const text = formatQuantity(reference, cell.unit);
  const space = text.indexOf(' ');
  return space < 0 ? cell.unit : text.slice(space + 1);
}

/** The display unit first, then its other prefixes (or time units), nearest first. */
function candidateUnits(display: string): string[] {
  const t = TIME_LADDER.indexOf((display === 'day' ? 'days' : display) as (typeof TIME_LADDER)[number]);
  let ladder: readonly string[] | undefined;
  let at = -1;
  if (t >= 0) {
    ladder = TIME_LADDER;
    at = t;
  } else {
    const m = /^(p|n|µ|m|k|M|G|T|P|E)?(.*)$/.exec(display);
    const base = m?.[2] ?? display;
    if (PREFIXABLE.test(base)) {
      ladder = PREFIXES.map((p) => `${p}${base}`);
      at = PREFIXES.indexOf((m?.[1] ?? '') as (typeof PREFIXES)[number]);
    }
  }
  if (!ladder || at < 0) return [display];
  const out = [display];
  for (let d = 1; d < ladder.length; d++) {
    if (at + d < ladder.length) out.push(ladder[at + d]);
    if (at - d >= 0) out.push(ladder[at - d]);
  }
  return out;
}

const inRange = (v: number, r: PlausibleRange): boolean => v >= r.min && v <= r.max;

/** A time bound in the unit that reads best: 1 ns, 10 min, 1 h, 100 years. */
function showTime(v: number): string {
  if (v >= YEAR) return `${formatNumber(v / YEAR)} years`;
  if (v >= 2 * DAY) return `${formatNumber(v / DAY)} days`;
  if (v >= HOUR) return `${formatNumber(v / HOUR)} h`;
  if (v >= 60) return `${formatNumber(v / 60)} min`;
  return formatQuantity(v, 's');
}

/** "4 TB/s": the number as written, in a unit (days for a plural day). */
function written(n: number, unit: string): string {
  return `${formatNumber(n, 6)} ${unit === 'day' && n !== 1 ? 'days' : unit}`;
}

/**
 * A warning for a bare number `value` (already read in SI) given to `cell` as `name=text`, when
 * the SI reading is implausible; undefined when it is plausible, zero, negative (the domain
 * refuses those), not finite, or of a quantity without a row. `reference` is the cell's value
 * before (for the unit it is shown in); without one, the middle of the range is used.
 */
export function bareNumberWarning(name: string, text: string, value: number, cell: BareCell, reference?: number | null): string | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const range = plausibleRange(cell.id, cell.unit);
  if (!range || inRange(value, range)) return undefined;
  const ref = typeof reference === 'number' && Number.isFinite(reference) && reference > 0 ? reference : Math.sqrt(range.min * range.max);
  const display = shownUnit(cell, ref);
  let intent: string | undefined;
  try {
    const unit = candidateUnits(display).find((u) => inRange(value * scaleOf(u) / scaleOf(cell.unit), range));
    if (unit) intent = written(value, unit);
  } catch {
    // A display unit the parser does not know: no suggestion, the range still speaks.
  }
  const bound = (v: number) => (range.shown ? formatInUnit(v, range.shown, 4) : range.unit === 's' ? showTime(v) : formatQuantity(v, range.unit));
  const lo = bound(range.min);
  const hi = bound(range.max);
  return `${name}=${text} read as ${formatQuantity(value, cell.unit)}${intent ? ` — did you mean ${intent}?` : ''} ` +
    `(a bare number is read in SI units; plausible ${range.what.replace(/ \(.*$/, '')}: ${lo} … ${hi}; write the unit to be sure)`;
}

/**
 * The most accelerators one scenario may describe: 10 million. More is refused (exit 1), not
 * evaluated. The largest cluster built so far is xAI's Colossus, 200 000 Hopper GPUs (2025;
 * NVIDIA and xAI, reported by Tom's Hardware and Data Center Frontier), and every data-centre
 * GPU shipped in 2023 by NVIDIA, AMD and Intel together was 3.85 million (TechInsights, reported
 * by HPCwire, June 2024). Ten million H100s would draw 7 GW at their TDP alone, several times
 * the grid connection of any data-centre campus. So a larger fleet is a typo or a unit slip.
 */
export const MAX_ACCELERATORS = 10_000_000;

/** Why a fleet of `total` accelerators is refused, or undefined when it is within the limit. */
export function fleetSizeProblem(total: number): string | undefined {
  if (total <= MAX_ACCELERATORS) return undefined;
  return `describes ${formatNumber(total, 4)} accelerators, more than the ${formatNumber(MAX_ACCELERATORS)} a scenario may have ` +
    '(the largest cluster built has 200 000 GPUs; every data-centre GPU shipped in 2023 was 3.85 million); check the count and its units';
}
