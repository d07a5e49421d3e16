/**
 * Attended (query, key) pairs (physics.md §2.3), with sliding-window layers (Amendments): the
 * count Ψ(n, C) that attention FLOPs scale with, for full-attention layers, for one windowed
 * layer, and averaged over a model whose L_w of L layers are windowed (window.ts).
 */
import type { AttentionConvention } from '../common/scenario-inputs.js';

/**
 * Attended (query, key) pairs for n new tokens after C cached ones (§2.3):
 * causal n·C + n·(n+1)/2; full n·(C + n); none 0.
 */
export function attendedPairs(n: number, cached: number, convention: AttentionConvention): number {
  switch (convention) {
    case 'causal':
      return n * cached + (n * (n + 1)) / 2;
    case 'full':
      return n * (cached + n);
    case 'none':
      return 0;
  }
}

/** A model's windowed layers: w tokens on L_w of its L layers. */
export interface AttentionWindow {
  /** w, the window length in tokens. */
  readonly tokens: number;
  /** L_w, layers that use the window (1 ≤ L_w ≤ L). */
  readonly windowedLayers: number;
  /** L, all layers. */
  readonly layers: number;
}

/**
 * Attended pairs of one windowed layer, Ψ_w(n, C): each of n new tokens after C cached ones
 * attends at most the last w positions. Causal: Σ_{j=C+1}^{C+n} min(j, w); full: n·min(C + n, w).
 */
export function windowPairs(n: number, cached: number, window: number, convention: AttentionConvention): number {
  if (cached + n <= window) return attendedPairs(n, cached, convention);
  switch (convention) {
    case 'causal':
      // Positions up to w grow by one each; from w on, each attends exactly w.
      if (cached >= window) return n * window;
      return (window * (window + 1) - cached * (cached + 1)) / 2 + (cached + n - window) * window;
    case 'full':
      return n * window;
    case 'none':
      return 0;
  }
}

/**
 * Ψ averaged over the layers: ((L − L_w)·Ψ(n, C) + L_w·Ψ_w(n, C))/L. The attention
 * coefficient A = 2·L·H·(d_h + d_v) already sums over L layers, so A times this is the
 * windowed model's attention FLOPs. Without a window, or when C + n ≤ w, exactly Ψ(n, C).
 */
export function layerAveragedPairs(n: number, cached: number, convention: AttentionConvention, w: AttentionWindow | null): number {
  const full = attendedPairs(n, cached, convention);
  if (!w || cached + n <= w.tokens) return full;
  const local = windowPairs(n, cached, w.tokens, convention);
  return ((w.layers - w.windowedLayers) * full + w.windowedLayers * local) / w.layers;
}
