export { statusLabel, toneOf } from './tone.js';
export { formatDisplayValue, unitText } from '../../../scenario/display-value.js';
export { StatusBadge } from './StatusBadge.jsx';
