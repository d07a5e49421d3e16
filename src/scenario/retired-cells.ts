/**
 * Cells that earlier versions had and this one does not. A plan, a workbook or a `--set` that
 * still sets one is not refused: the value is set aside with a warning that says why the cell
 * went and what now takes its place, so saved work keeps opening (DESIGN.md: nothing lost).
 */
import type { OverrideValue } from './schema.js';

/** Retired cell id → why it went and what answers its question now. */
export const RETIRED_CELLS: Readonly<Record<string, string>> = {
  'memory.host_link_bandwidth_fallback':
    'a device without a host link cannot offload (wall 2; docs/physics-notes.md), ' +
    'so the 64 GB/s PCIe stand-in it held is no longer read; set hardware.host_link_bandwidth to describe a link the device has',
};

/** The overrides without retired cells; each one set aside is said in `warnings`. */
export function withoutRetired<V extends OverrideValue>(overrides: Readonly<Record<string, V>>, where: string, warnings: string[]): Record<string, V> {
  const kept: Record<string, V> = {};
  for (const [id, v] of Object.entries(overrides)) {
    const why = RETIRED_CELLS[id];
    if (why === undefined) kept[id] = v;
    else warnings.push(`${where}.${id} is no longer a cell; the value ${JSON.stringify(v)} is set aside: ${why}`);
  }
  return kept;
}
