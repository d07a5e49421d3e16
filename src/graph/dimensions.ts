/**
 * Dimensional consistency by rescaling (DESIGN.md "The cell"): evaluate the graph once as
 * given and once with every base unit rescaled (seconds ×2, bytes ×4, …). A consistent
 * formula's value scales by its own unit's factor; enums and booleans do not change.
 */
import type { CellDef } from './cell.js';
import { LiveGraph } from './live.js';
import { type BaseDimension, dimensionOf, scaleFactor } from './units.js';
import type { Plain } from './values.js';

export interface DimensionViolation {
  readonly id: string;
  readonly message: string;
}

/** Powers of two, so rescaling is exact in floating point. */
export const DEFAULT_SCALES: Readonly<Record<BaseDimension, number>> = {
  s: 2, B: 4, FLOP: 8, J: 16, USD: 32, g: 64, L: 128,
};

function scaled(value: Plain, unit: string, scales: Partial<Record<BaseDimension, number>>): Plain {
  if (typeof value !== 'number') return value;
  const dim = dimensionOf(unit);
  return dim ? value * scaleFactor(dim, scales) : value;
}

/**
 * Checks every derived cell of `defs` (after applying `overrides` to both copies).
 * Returns the violations; an empty list means every formula is consistent at this point.
 */
export function checkDimensions(
  defs: readonly CellDef[],
  overrides: Readonly<Record<string, Plain>> = {},
  scales: Partial<Record<BaseDimension, number>> = DEFAULT_SCALES,
  relTol = 1e-9,
): DimensionViolation[] {
  const base = new LiveGraph(defs);
  base.importOverrides(overrides);
  const big = new LiveGraph(defs);
  const rescaled: Record<string, Plain> = {};
  for (const d of defs) {
    if (d.kind !== 'input') continue;
    const raw = d.id in overrides ? overrides[d.id] : d.default;
    rescaled[d.id] = scaled(raw, d.unit, scales);
  }
  big.importOverrides(rescaled);
  const out: DimensionViolation[] = [];
  for (const d of defs) {
    // Text cells (status reasons) quote numbers in their own units; they are prose, not quantities.
    if (d.kind !== 'derived' || d.unit === 'text') continue;
    const a = base.get(d.id);
    const b = big.get(d.id);
    if (a.ok !== b.ok) {
      out.push({ id: d.id, message: `${d.id} is ${a.ok ? 'a value' : 'an error'} before rescaling and ${b.ok ? 'a value' : 'an error'} after` });
      continue;
    }
    if (!a.ok || !b.ok) continue;
    if (typeof a.value !== 'number' || typeof b.value !== 'number') {
      if (!Object.is(a.value, b.value)) out.push({ id: d.id, message: `${d.id} changed from ${String(a.value)} to ${String(b.value)} under rescaling` });
      continue;
    }
    const dim = dimensionOf(d.unit);
    const f = dim ? scaleFactor(dim, scales) : 1;
    const want = a.value * f;
    if (!Number.isFinite(want) && Object.is(want, b.value)) continue;
    const ok = want === 0 ? Math.abs(b.value) <= relTol : Math.abs(b.value - want) <= relTol * Math.abs(want);
    if (!ok) {
      out.push({ id: d.id, message: `${d.id} [${d.unit}] scaled by ${b.value / a.value}, expected ${f}` });
    }
  }
  return out;
}
