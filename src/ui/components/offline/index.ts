export type { OfflineState, RegisterOptions, RegisterSW } from './offline-state.js';
export { createOfflineState } from './offline-state.js';
export { OfflineStatus } from './OfflineStatus.jsx';
