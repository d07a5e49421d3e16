/**
 * One palette for verdicts: the scorecard's lens statuses (PASS, WARNING, FAIL, ERROR,
 * SKIPPED — physics.md §11.1) and the board's wall statuses (where a warning is spelled
 * WARN) map to the same five tones, so a lens and the walls that feed it share a colour.
 */
import type { BoardStatus, LensStatus } from '../../../scenario/index.js';

type Tone = 'pass' | 'warning' | 'fail' | 'error' | 'skipped';

const TONES: Readonly<Record<LensStatus | BoardStatus, Tone>> = {
  PASS: 'pass',
  WARNING: 'warning',
  WARN: 'warning',
  FAIL: 'fail',
  ERROR: 'error',
  SKIPPED: 'skipped',
};

export function toneOf(status: LensStatus | BoardStatus): Tone {
  return TONES[status];
}

/** The word a badge shows: the board's WARN reads WARNING, as the lens does. */
export function statusLabel(status: LensStatus | BoardStatus): string {
  return status === 'WARN' ? 'WARNING' : status;
}
