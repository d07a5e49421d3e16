/** A status word on its tone's colour (PASS green, WARNING amber, FAIL red, ERROR dark red, SKIPPED grey). */
import type { JSX } from 'solid-js';
import type { BoardStatus, LensStatus } from '../../../scenario/index.js';
import { statusLabel, toneOf } from './tone.js';
import './status.css';

interface StatusBadgeProps {
  readonly status: LensStatus | BoardStatus;
}

export function StatusBadge(props: StatusBadgeProps): JSX.Element {
  return (
    <span class={`status-badge tone-${toneOf(props.status)}`} data-status={statusLabel(props.status)}>
      {statusLabel(props.status)}
    </span>
  );
}
