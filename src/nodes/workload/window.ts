/**
 * Sliding-window and local/global attention (physics.md Amendments, "Sliding-window
 * attention"): a windowed layer keeps and attends at most the last w tokens, so its KV cache
 * and its attention FLOPs use min(context, w) where a full-attention layer uses the context.
 *
 *   Mistral-7B: w = 4096 on all 32 layers (Jiang et al. 2023, arXiv 2310.06825 §2, "Sliding
 *   Window Attention"; mistralai/Mistral-7B-v0.1 config.json sliding_window 4096).
 *   Gemma-2: local (w = 4096) and global layers alternate, so 21 of 42 layers are windowed
 *   (Gemma Team 2024, arXiv 2408.00118 §2; transformers Gemma2DecoderLayer: is_sliding =
 *   not bool(layer_idx % 2)).
 *
 * The window is described by two facts: its length w (tokens) and how many of the L layers
 * use it, L_w. Every layer of one kind is alike, so a quantity summed over layers is the
 * full-attention value scaled by the share of each kind:
 *   Σ_l min(x, w_l) = (L − L_w)·x + L_w·min(x, w).
 * Without a window (or at a context the window does not cut) every function below returns
 * the full-attention figure exactly, bit for bit.
 */
import { type CellDef, derived, fail, optNumber, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import type { BuildContext } from '../context.js';
import type { AttentionWindow } from './pairs.js';

/**
 * KV bytes of one sequence at context x: Σ_l min(x, w_l)·kv_tok/L, i.e.
 * kv_tok/L·((L − L_w)·x + L_w·min(x, w)); x·kv_tok without a window or when x ≤ w.
 * `tokensHeld` (default the identity) maps a token count to the storage it occupies (pages).
 */
export function kvBytesPerSequence(context: number, kvPerToken: number, w: AttentionWindow | null, tokensHeld: (x: number) => number = (x) => x): number {
  if (!w || context <= w.tokens) return tokensHeld(context) * kvPerToken;
  const perLayer = kvPerToken / w.layers;
  return perLayer * ((w.layers - w.windowedLayers) * tokensHeld(context) + w.windowedLayers * tokensHeld(w.tokens));
}

/** The window of a model as plain facts, or null when it has none (both read from the cells below). */
export function attentionWindow(tokens: number | null, windowedLayers: number, layers: number | null): AttentionWindow | null {
  return tokens === null || windowedLayers === 0 || layers === null ? null : { tokens, windowedLayers, layers };
}

/** The named inputs a windowed formula reads (spread into a cell's inputs). */
export const windowInputs = {
  windowTokens: optNumber('workload.sliding_window'),
  windowedLayers: optNumber('workload.sliding_window_layers_effective'),
  allLayers: optNumber('workload.layers'),
} as const;

/** The window from a cell's arguments holding `windowInputs`. */
export function windowOf(a: { windowTokens: number | null; windowedLayers: number | null; allLayers: number | null }): AttentionWindow | null {
  return attentionWindow(a.windowTokens, a.windowedLayers ?? 0, a.allLayers);
}

export function windowCells(ctx: BuildContext): CellDef[] {
  const id = ctx.model.id;
  return [
    derived({
      id: 'workload.sliding_window_layers_effective',
      label: 'Windowed layers L_w (effective)',
      doc: 'Layers that attend only the last sliding_window tokens: sliding_window_layers, or every layer when only the window is given; 0 without a window.',
      unit: 'layers',
      layer: 'A',
      formula: 'L_w = sliding_window_layers ?? L (window set), 0 (no window); 1 ≤ L_w ≤ L',
      inputs: { window: optNumber('workload.sliding_window'), given: optNumber('workload.sliding_window_layers'), allLayers: optNumber('workload.layers') },
      compute: ({ window, given, allLayers }) => {
        if (window === null) {
          return given === null ? 0 : fail('invalid_input', `sliding_window_layers (${given}) is set but ${id} has no sliding_window`);
        }
        if (allLayers === null) return fail('missing_data', `${id} has no layer count; the sliding window needs it`);
        if (given === null) return warn(allLayers, `sliding_window_layers not given; assuming all ${allLayers} layers use the ${window}-token window (Mistral-style)`);
        if (given > allLayers) return fail('invalid_input', `sliding_window_layers (${given}) must not exceed layers (${allLayers})`);
        return given;
      },
      source: spec('Amendments (sliding-window attention); §2.1'),
    }),
  ];
}
