/** What every optimizer reports (§11.4): the best configuration, the top k, and the counts. */
import type { Plain } from '../../graph/index.js';

export type MetricValue = number | string | boolean | null;

export interface OptimizeCandidate {
  /** The input cells of the configuration. */
  readonly values: Readonly<Record<string, Plain>>;
  readonly objective: number;
  /** Headline metrics of the configuration (SI values, +∞ as null). */
  readonly metrics: Readonly<Record<string, MetricValue>>;
}

export interface OptimizeResult {
  readonly kind: 'parallelism' | 'batching' | 'placement';
  readonly objective: { readonly name: string; readonly sense: 'min' | 'max'; readonly unit: string };
  readonly best?: OptimizeCandidate;
  readonly top: readonly OptimizeCandidate[];
  /** Combinations in the space, evaluated, and feasible. */
  readonly total: number;
  readonly tried: number;
  readonly feasible: number;
  /** Why there is no best, or a note on the answer. */
  readonly message?: string;
}

export interface OptimizeProgress {
  readonly onProgress?: (done: number, total: number) => void;
  readonly topK?: number;
}
