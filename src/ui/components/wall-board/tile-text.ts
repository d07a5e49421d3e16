/**
 * What a board tile says about its wall (physics.md §11.3, §11.5): the headline in display
 * units, the binding mark with its share of the headline time, and one sentence for the
 * tooltip and the accessible name.
 */
import { formatNumber } from '../../../graph/index.js';
import type { WallRow } from '../../../scenario/index.js';
import { formatDisplayValue, statusLabel } from '../status/index.js';

/** "20.41 %", "69.07 ms", "—" when the wall has no headline or it is an error. */
export function headlineText(row: WallRow): string {
  return row.headline ? formatDisplayValue(row.headline.value, row.headline.unit) : '—';
}

/** "binding · 93.66 % of time" (share is binding_share, a fraction of the headline time). */
export function bindingText(share: number | undefined): string {
  return share === undefined ? 'binding' : `binding · ${formatNumber(share * 100, 4)} % of time`;
}

/** "Wall 2 Memory: PASS, 20.41 %, binding · 93.66 % of time. <reason>" */
export function tileDescription(row: WallRow, share: number | undefined): string {
  const parts = [`Wall ${row.wall} ${row.name}: ${statusLabel(row.status)}`];
  if (row.headline && row.headline.value !== undefined) parts.push(headlineText(row));
  if (row.binding) parts.push(bindingText(share));
  const head = parts.join(', ');
  return row.reason ? `${head}. ${row.reason}` : head;
}
