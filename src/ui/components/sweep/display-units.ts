/**
 * Sweep ranges and chart ticks in the units a person reads, not SI: a grid's carbon intensity
 * in g/kWh (366, not 0.000101667 g/J), a bandwidth in TB/s, a memory in GB. The graph keeps SI;
 * these only scale what is shown and read a bare number typed in a range field in the unit shown
 * beside it (366 → "366 g/kWh", which planSweep parses for the cell's SI unit).
 */
import { formatNumber, parseUnit } from '../../../graph/index.js';

export interface DisplayUnit {
  /** The unit shown ('' for a pure number). */
  readonly unit: string;
  /** SI value = shown value × scale. */
  readonly scale: number;
}

const UP: readonly [number, string][] = [[1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
const DOWN: readonly [number, string][] = [[1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n']];
/** SI units whose leading atom takes a decimal prefix (as graph/format.ts prefixes them). */
const PREFIXABLE = /^(B|FLOP|W|J|s|g|L|Hz)(\/|$)/;

const plain = (unit: string): DisplayUnit => ({ unit: unit === '1' ? '' : unit, scale: 1 });

/**
 * The unit to show values of a cell in: its declared display unit when it has one, else its SI
 * unit with the decimal prefix that suits `sample` (3.35e12 B/s → TB/s; 5e-3 s → ms); seconds
 * take no prefix above 1 s.
 */
export function displayUnitFor(siUnit: string, preferred: string | undefined, sample: number): DisplayUnit {
  if (preferred) {
    try {
      return { unit: preferred, scale: parseUnit(preferred).scale };
    } catch {
      return plain(siUnit);
    }
  }
  if (!PREFIXABLE.test(siUnit) || !Number.isFinite(sample) || sample === 0) return plain(siUnit);
  const abs = Math.abs(sample);
  const table = abs >= 1e3 && !siUnit.startsWith('s') ? UP : abs < 1 ? DOWN : [];
  for (const [f, p] of table) if (abs >= f) return { unit: `${p}${siUnit}`, scale: f };
  return plain(siUnit);
}

/** A bound as shown in a range field: a number (SI) in the display unit ("366 g/kWh"); text as typed. */
export function boundText(v: number | string, du: DisplayUnit): string {
  if (typeof v === 'string') return v;
  const shown = formatNumber(v / du.scale, 6).replace(/,/g, '');
  return du.unit ? `${shown} ${du.unit}` : shown;
}

/** Typed range text → the spec's bound: a bare number is read in the display unit (kept as text with it), other text as typed. */
export function typedBound(text: string, du: DisplayUnit): number | string {
  const t = text.trim();
  const bare = t !== '' && Number.isFinite(Number(t));
  if (!bare) return t;
  return du.scale === 1 ? Number(t) : `${t} ${du.unit}`;
}

/** A tick or value label in the display unit, without the unit ("3.35", "366"). */
export function shownNumber(v: number, du: DisplayUnit, digits = 4): string {
  return formatNumber(v / du.scale, digits);
}
