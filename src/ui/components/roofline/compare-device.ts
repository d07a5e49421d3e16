/**
 * A second device's roofline for comparison: its catalogue peak at the scenario's compute
 * precision (with the §1.3 fallback, e.g. bf16 for fp16, reported as a warning) and its
 * memory bandwidth, under the scenario's own η and η_bw so the two roofs differ only by
 * hardware.
 */
import { Failure, Warned } from '../../../graph/index.js';
import { lookupPeakFlops } from '../../../nodes/index.js';
import { type Registry, registry, zoo } from '../../../registry/index.js';
import type { Roof } from './geometry.js';

export interface DeviceOption {
  readonly id: string;
  readonly label: string;
}

let options: readonly DeviceOption[] | undefined;

/** Catalogue hardware in zoo order (computed once; the catalogue does not change). */
export function hardwareOptions(): readonly DeviceOption[] {
  options ??= zoo('hardware').rows.map((r) => ({ id: r.id, label: r.display_name }));
  return options;
}

export type CompareRoof =
  | {
      readonly ok: true;
      readonly id: string;
      /** The catalogue id, short enough for a legend line ("A100"). */
      readonly label: string;
      readonly display_name: string;
      readonly roof: Roof;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly id: string; readonly message: string };

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
