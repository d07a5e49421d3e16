/**
 * MIGRATION ONLY: the fleet walls' old helper names, now defined once in ../common.
 * Deleted when every cell declares named inputs.
 */
import type { Plain } from '../../graph/index.js';

export { alwaysActive, dur, frac, gb, provenanceOf, reasons, spec as specSource, statusCells, verdict } from '../common/index.js';

export const num = (v: Plain): number => v as number;
export const optNum = (v: Plain): number | null => (v === null ? null : (v as number));
export const bool = (v: Plain): boolean => v as boolean;
export const str = (v: Plain): string => v as string;
