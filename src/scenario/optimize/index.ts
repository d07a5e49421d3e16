export type { MetricValue, OptimizeCandidate, OptimizeProgress, OptimizeResult } from './types.js';
export { optimizeParallelism, parallelismSpace } from './parallelism.js';
export type { BatchingOptions } from './batching.js';
export { optimizeBatching } from './batching.js';
export type { PlacementOptions } from './placement.js';
export { optimizePlacement } from './placement.js';
