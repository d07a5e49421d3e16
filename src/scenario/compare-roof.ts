/**
 * A second device's roofline for comparison: its catalogue peak at the scenario's compute
 * precision (with the §1.3 fallback, e.g. bf16 for fp16, reported as a warning) and its
 * memory bandwidth, under the scenario's own η and η_bw so the two roofs differ only by
 * hardware.
 */
import { Failure, Warned } from '../graph/index.js';
import { lookupPeakFlops } from '../nodes/index.js';
import { type Registry, registry } from '../registry/index.js';

export type CompareRoof =
  | {
      readonly ok: true;
      readonly id: string;
      /** The catalogue id, short enough for a legend line ("A100"). */
      readonly label: string;
      readonly display_name: string;
      /** The device's roof, efficiencies applied: ceiling peak·η in FLOP/s, slope BW·η_bw in B/s. */
      readonly roof: { readonly ceiling_flops_per_s: number; readonly slope_bytes_per_s: number };
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly id: string; readonly message: string };

/** What the comparison borrows from the scenario: its compute precision, η and η_bw. */
export interface CompareBasis {
  readonly precision: string;
  readonly efficiency: number;
  readonly bandwidth_efficiency: number;
}

export function compareRoof(id: string, basis: CompareBasis, reg: Registry = registry()): CompareRoof {
  const device = reg.get('hardware', id);
  if (!device) return { ok: false, id, message: `no hardware '${id}' in the catalogue` };
  const peak = lookupPeakFlops(basis.precision, device.peak_flops_table, device.id);
  if (peak instanceof Failure) return { ok: false, id, message: peak.message };
  const value = peak instanceof Warned ? peak.value : peak;
  if (typeof value !== 'number' || !(value > 0) || !(device.memory_bandwidth > 0)) {
    return { ok: false, id, message: `${device.display_name} lists no usable peak or bandwidth` };
  }
  return {
    ok: true,
    id,
    label: device.id,
    display_name: device.display_name,
    roof: { ceiling_flops_per_s: value * basis.efficiency, slope_bytes_per_s: device.memory_bandwidth * basis.bandwidth_efficiency },
    warnings: peak instanceof Warned ? peak.warnings : [],
  };
}
