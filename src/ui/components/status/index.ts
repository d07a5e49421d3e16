export { statusLabel, toneOf } from './tone.js';
export { formatDisplayValue, unitText } from './display-value.js';
export { StatusBadge } from './StatusBadge.jsx';
