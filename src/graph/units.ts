/**
 * Units: unit strings → dimension vectors, quantity parsing ("400 GB/s", "200 Gbit/s",
 * "80 GiB"), and scale factors for the dimensional-consistency check.
 *
 * Base dimensions are the ones the graph stores (physics.md §1.1): time s, information B,
 * work FLOP, energy J, money USD, mass g (CO2e), volume L. Counts (tokens, params,
 * requests…) are dimensionless. W = J/s. Decimal prefixes everywhere (kB = 1e3 B); binary
 * prefixes are accepted when parsing and converted at once (KiB = 1024 B).
 */

export const BASE_DIMENSIONS = ['s', 'B', 'FLOP', 'J', 'USD', 'g', 'L'] as const;
export type BaseDimension = (typeof BASE_DIMENSIONS)[number];
/** Exponent of each base dimension. Missing keys are 0. */
export type Dimension = Partial<Record<BaseDimension, number>>;

/** Units that are not quantities: enums, booleans, free text. */
export const NON_NUMERIC_UNITS = new Set(['enum', 'bool', 'text']);

/** Dimensionless count words accepted in unit strings ("tokens/s"). */
const COUNT_WORDS = new Set([
  '1', 'count', 'token', 'tokens', 'sample', 'samples', 'request', 'requests', 'param', 'params',
  'element', 'elements', 'layer', 'layers', 'sequence', 'sequences', 'item', 'items', 'step', 'steps',
  'query', 'queries', 'job', 'jobs', 'device', 'devices', 'GPU', 'GPUs', 'node', 'nodes', 'replica',
  'replicas', 'hop', 'hops', 'failure', 'failures', 'pass', 'passes', 'stage', 'stages', 'microbatch',
  'microbatches', 'expert', 'experts', 'page', 'pages', 'chunk', 'chunks', 'year', '%',
]);

/**
 * Durations as people write them ("1d", "14 days", "2500 h", "90 minutes", "2 weeks"): parse
 * units only, never prefixed and never used in cell units. "year" stays a count word.
 */
const DURATION_WORDS: Record<string, { scale: number; dim: Dimension; prefixable: false }> = Object.fromEntries(
  ([
    [['sec', 'secs', 'second', 'seconds'], 1],
    [['mins', 'minute', 'minutes'], 60],
    [['hr', 'hrs', 'hour', 'hours'], 3600],
    [['d'], 86400],
    [['wk', 'week', 'weeks'], 7 * 86400],
    [['yrs', 'years'], 365 * 86400],
  ] as const).flatMap(([words, scale]) => words.map((w) => [w, { scale, dim: { s: 1 }, prefixable: false as const }])),
);

/** Named units: scale to SI and dimension. `prefixable` units take SI prefixes (kB, TFLOP). */
interface UnitInfo {
  readonly scale: number;
  readonly dim: Dimension;
  readonly prefixable: boolean;
}

const UNITS: Record<string, UnitInfo> = {
  s: { scale: 1, dim: { s: 1 }, prefixable: true },
  min: { scale: 60, dim: { s: 1 }, prefixable: false },
  h: { scale: 3600, dim: { s: 1 }, prefixable: false },
  day: { scale: 86400, dim: { s: 1 }, prefixable: false },
  days: { scale: 86400, dim: { s: 1 }, prefixable: false },
  // 1 year = 365 days (physics.md §1.1). Only as a parse unit: "year" alone is a count word.
  yr: { scale: 365 * 86400, dim: { s: 1 }, prefixable: false },
  ...DURATION_WORDS,
  B: { scale: 1, dim: { B: 1 }, prefixable: true },
  // 1 bit = 1/8 B; 1 Gb/s = 1.25e8 B/s (physics.md §1.1).
  b: { scale: 0.125, dim: { B: 1 }, prefixable: true },
  bit: { scale: 0.125, dim: { B: 1 }, prefixable: true },
  FLOP: { scale: 1, dim: { FLOP: 1 }, prefixable: true },
  OP: { scale: 1, dim: { FLOP: 1 }, prefixable: true },
  J: { scale: 1, dim: { J: 1 }, prefixable: true },
  W: { scale: 1, dim: { J: 1, s: -1 }, prefixable: true },
  // 1 Wh = 3600 J, so 1 kWh = 3.6e6 J (physics.md §1.1).
  Wh: { scale: 3600, dim: { J: 1 }, prefixable: true },
  USD: { scale: 1, dim: { USD: 1 }, prefixable: false },
  $: { scale: 1, dim: { USD: 1 }, prefixable: false },
  g: { scale: 1, dim: { g: 1 }, prefixable: true },
  gCO2e: { scale: 1, dim: { g: 1 }, prefixable: true },
  t: { scale: 1e6, dim: { g: 1 }, prefixable: false },
  tCO2e: { scale: 1e6, dim: { g: 1 }, prefixable: false },
  L: { scale: 1, dim: { L: 1 }, prefixable: true },
  Hz: { scale: 1, dim: { s: -1 }, prefixable: true },
};

const SI_PREFIXES: Record<string, number> = {
  p: 1e-12, n: 1e-9, u: 1e-6, µ: 1e-6, μ: 1e-6, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};
const BINARY_PREFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };

export class UnitError extends Error {
  override name = 'UnitError';
}

function lookupAtom(atom: string): UnitInfo | undefined {
  if (COUNT_WORDS.has(atom)) return { scale: atom === '%' ? 0.01 : 1, dim: {}, prefixable: false };
  const direct = UNITS[atom];
  if (direct) return direct;
  for (const [p, f] of Object.entries(BINARY_PREFIXES)) {
    if (atom.startsWith(p)) {
      const rest = UNITS[atom.slice(p.length)];
      if (rest && (rest.dim.B === 1 && Object.keys(rest.dim).length === 1)) return { ...rest, scale: rest.scale * f };
    }
  }
  for (const [p, f] of Object.entries(SI_PREFIXES)) {
    if (atom.startsWith(p) && atom.length > p.length) {
      const rest = UNITS[atom.slice(p.length)];
      if (rest?.prefixable) return { ...rest, scale: rest.scale * f };
    }
  }
  return undefined;
}

interface ParsedUnit {
  readonly scale: number;
  readonly dim: Dimension;
}

function addDim(into: Record<string, number>, dim: Dimension, power: number): void {
  for (const [k, v] of Object.entries(dim)) into[k] = (into[k] ?? 0) + (v ?? 0) * power;
}

const SUPERSCRIPTS: Record<string, string> = { '²': '2', '³': '3', '⁻': '-', '¹': '1' };

/**
 * Parses a unit expression: atoms joined by `·`, `*` or a space (multiply) and `/` (divide
 * by the next atom), each optionally raised `^n` or with superscripts. "B/s", "FLOP/B",
 * "USD/kWh", "g/kWh", "tokens/s", "J/s", "1/s", "s²".
 */
export function parseUnit(text: string): ParsedUnit {
  const src = text.trim();
  if (src === '' || src === '1') return { scale: 1, dim: {} };
  const dim: Record<string, number> = {};
  let scale = 1;
  // A run of superscripts is one exponent: "s⁻¹" → "s^-1" (not "s^-^1").
  const tokens = src
    .replace(/[²³⁻¹]+/g, (run) => `^${[...run].map((c) => SUPERSCRIPTS[c]).join('')}`)
    .replace(/\^\^/g, '^')
    .split(/(\/|\*|·|\s+)/);
  let divide = false;
  for (const raw of tokens) {
    const tok = raw.trim();
    if (tok === '' ) continue;
    if (tok === '/') {
      divide = true;
      continue;
    }
    if (tok === '*' || tok === '·') continue;
    const m = /^([^^]+)(?:\^(-?\d+))?$/.exec(tok);
    if (!m) throw new UnitError(`cannot parse unit "${text}" at "${tok}"`);
    const info = lookupAtom(m[1]);
    if (!info) throw new UnitError(`unknown unit "${m[1]}" in "${text}"`);
    const power = (m[2] ? Number(m[2]) : 1) * (divide ? -1 : 1);
    scale *= info.scale ** power;
    addDim(dim, info.dim, power);
    divide = false;
  }
  for (const k of Object.keys(dim)) if (dim[k] === 0) delete dim[k];
  return { scale, dim: dim as Dimension };
}

/** The dimension of a cell's unit, or undefined for enum/bool/text cells. */
export function dimensionOf(unit: string): Dimension | undefined {
  if (NON_NUMERIC_UNITS.has(unit)) return undefined;
  return parseUnit(unit).dim;
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return BASE_DIMENSIONS.every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

export function describeDimension(d: Dimension): string {
  const parts = BASE_DIMENSIONS.filter((k) => (d[k] ?? 0) !== 0).map((k) => (d[k] === 1 ? k : `${k}^${d[k]}`));
  return parts.length ? parts.join('·') : 'dimensionless';
}

/** The factor a value of dimension `d` scales by when each base unit is rescaled. */
export function scaleFactor(d: Dimension, scales: Partial<Record<BaseDimension, number>>): number {
  let f = 1;
  for (const k of BASE_DIMENSIONS) {
    const e = d[k] ?? 0;
    if (e !== 0) f *= (scales[k] ?? 1) ** e;
  }
  return f;
}

const BARE_NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Text that is a number and nothing else ("4", "1e12"): parseQuantity reads it as already SI. */
export function isBareNumber(text: string): boolean {
  return BARE_NUMBER.test(text);
}

/**
 * Parses a quantity into the SI value of `targetUnit`: "4TB/s" for "B/s" → 4e12;
 * "200 Gbit/s" → 2.5e10; "80 GiB" → 85899345920; a bare number is taken as already SI.
 * Throws UnitError naming both units when the dimensions differ.
 */
export function parseQuantity(text: string, targetUnit: string): number {
  const src = text.trim();
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf(?:inity)?|[-+]?∞)\s*(.*)$/i.exec(src);
  if (!m) throw new UnitError(`"${text}" is not a number with a unit`);
  const num = /inf|∞/i.test(m[1]) ? (m[1].startsWith('-') ? -Infinity : Infinity) : Number(m[1]);
  const unitText = m[2].trim();
  if (unitText === '') return num;
  const got = parseUnit(unitText);
  const want = parseUnit(targetUnit);
  if (!sameDimension(got.dim, want.dim)) {
    throw new UnitError(
      `"${text}" has unit ${unitText} (${describeDimension(got.dim)}), but ${targetUnit} (${describeDimension(want.dim)}) is needed`,
    );
  }
  return (num * got.scale) / want.scale;
}
