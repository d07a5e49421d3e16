/**
 * Small helpers shared by the fleet and operations walls: plain-value casts, the wall
 * status helpers (re-exported from ../common), and display helpers for status texts (texts
 * only — cells stay SI).
 */
import { derived, type CellDef, type Plain, type Provenance, type SourceRef } from '../../graph/index.js';

export { statusCells, verdict } from '../common/index.js';

/** The number a declared numeric input holds (the graph guarantees the type). */
export const num = (v: Plain): number => v as number;
/** A numeric input that may be unset (null). */
export const optNum = (v: Plain): number | null => (v === null ? null : (v as number));
export const bool = (v: Plain): boolean => v as boolean;
export const str = (v: Plain): string => v as string;

/** The reasons that apply: a rule written as `cond && 'reason'` yields false when it does not. */
export const reasons = (xs: readonly (string | false)[]): string[] => xs.filter((x): x is string => x !== false);

/** A constant-true `<scope>.active` for a wall that is active whenever its cells exist. */
export function alwaysActive(scope: string, wall: number, when: string): CellDef {
  return derived({
    id: `${scope}.active`, label: 'Active', doc: `Wall ${wall} is active ${when}.`, unit: 'bool', layer: 'E', wall,
    formula: `active ⇔ ${when}`, inputs: [], compute: () => true,
  });
}

/** "12.3 GB" — bytes for status texts. */
export const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;
/** "0.412" — a fraction for status texts. */
export const frac = (x: number, digits = 3): string => x.toFixed(digits);
/** "12.3 s" / "4.2 h" — a duration for status texts. */
export function dur(seconds: number): string {
  if (seconds >= 7200) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds >= 1) return `${seconds.toFixed(1)} s`;
  return `${(seconds * 1e3).toFixed(2)} ms`;
}

/** physics.md §1.5 as a source reference for calibration constants. */
export function specSource(section: string): SourceRef {
  return { kind: 'spec', ref: `physics.md ${section}` };
}

/** Catalogue provenance when the fact came from the catalogue, else the spec default. */
export function provenanceOf(fromCatalogue: boolean): Provenance {
  return fromCatalogue ? 'catalogue' : 'default';
}
