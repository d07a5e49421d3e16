export type { Tone } from './tone.js';
export { statusLabel, toneOf } from './tone.js';
export { formatDisplayValue, unitText } from './display-value.js';
export type { StatusBadgeProps } from './StatusBadge.jsx';
export { StatusBadge } from './StatusBadge.jsx';
