export type { MetricValue, OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';
export { optimizeParallelism, type ParallelismOptions } from './parallelism.js';
export { REPLICA_LAYOUT_CELLS } from './training-layouts.js';
export type { BatchingOptions } from './batching.js';
export { optimizeBatching } from './batching.js';
export type { PlacementOptions } from './placement.js';
export { optimizePlacement } from './placement.js';
