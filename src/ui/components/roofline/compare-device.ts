/**
 * The devices a roofline can be compared with (the roof itself is compareRoof in
 * src/scenario/compare-roof.ts).
 */
import { zoo } from '../../../registry/index.js';

interface DeviceOption {
  readonly id: string;
  readonly label: string;
}

let options: readonly DeviceOption[] | undefined;

/** Catalogue hardware in zoo order (computed once; the catalogue does not change). */
export function hardwareOptions(): readonly DeviceOption[] {
  options ??= zoo('hardware').rows.map((r) => ({ id: r.id, label: r.display_name }));
  return options;
}
