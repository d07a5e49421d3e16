/**
 * Defaults a scenario takes from its device's catalogue entry, said out loud (README,
 * Warnings): the precision when none is given (catalog.json hardware[].default_precision).
 */
import type { Plain } from '../graph/index.js';
import { type BuildContext, defaultPrecision } from '../nodes/index.js';

/** Cells that name the precision the scenario runs at; setting any of them is choosing it. */
const PRECISION_CELLS = ['scenario.precision'];

/**
 * The warning for a precision taken from the device: only when it is not the schema-wide
 * fp16, which every device but the fp16-less ones had before (physics.md §1.2).
 */
export function precisionDefaultWarning(ctx: Pick<BuildContext, 'device'>, values: Readonly<Record<string, Plain>>): string[] {
  if (PRECISION_CELLS.some((id) => id in values)) return [];
  const p = defaultPrecision(ctx);
  if (p === 'fp16') return [];
  return [`no precision given; running at ${p}, the default precision of ${ctx.device.id} in the catalogue (set scenario.precision or --precision to choose another)`];
}
