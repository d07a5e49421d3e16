/** Layer A: workload lowering (physics.md §2). */
import type { CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { activationCells } from './activations.js';
import { architectureCells } from './architecture.js';
import { flopsCells } from './flops.js';
import { kvCacheCells } from './kv-cache.js';
import { modelInputCells } from './model-inputs.js';
import { trainingFlopsCells } from './training-flops.js';
import { weightCells } from './weights.js';
import { windowCells } from './window.js';

export function workloadCells(ctx: BuildContext): CellDef[] {
  return [
    ...modelInputCells(ctx),
    ...architectureCells(ctx),
    ...windowCells(ctx),
    ...flopsCells(ctx),
    ...trainingFlopsCells(ctx),
    ...weightCells(ctx),
    ...kvCacheCells(ctx),
    ...activationCells(ctx),
  ];
}

export { activationBytesPerGpu, activationBytesPerLayer, activationWorkingSet } from './activations.js';
export type { ActivationLayout } from './activations.js';
export { attendedPairs, blockFlops, decodeTokenFlops, mlaDecodeAttentionCoeff } from './flops.js';
export { layerAveragedPairs, windowPairs } from './pairs.js';
export type { AttentionWindow } from './pairs.js';
export { attentionWindow, kvBytesPerSequence, windowInputs, windowOf } from './window.js';
export { kvBytesPerTokenMla, kvBytesPerTokenStandard, kvFragmentation, pagedTokens } from './kv-cache.js';
export { MODEL_FAMILIES } from './model-inputs.js';
export { attentionFlopsPerToken, backwardFraction, RECOMPUTE_MODES, recomputeFlops } from './training-flops.js';
export type { Recompute } from './training-flops.js';
export { expertsTouched, moeWeightBytesTouched } from './weights.js';
