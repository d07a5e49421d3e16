/** The scenarios the benchmarks run on. */
import { S } from './lib.js';

/** The full training scenario: Llama-3 70B on the Frontier_8K cluster (8,192 H100), 14-day run. */
export const TRAINING = {
  model: 'Llama3_70B', hardware: 'H100', system: 'Frontier_8K', mode: 'training', layout: 'given', ops: { duration_days: 14 },
} as const;

/** The full inference scenario: Llama-3 8B decode on one H100. */
export const INFERENCE = { model: 'Llama3_8B', hardware: 'H100' } as const;

export const buildTraining = () => S.buildScenario(TRAINING);
export const buildInference = () => S.buildScenario(INFERENCE);
