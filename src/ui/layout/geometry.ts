/**
 * The shapes a layout hands to the components: where a card sits (CellBox), a layer's band
 * (LayerBand), an edge between two cards (EdgePath), the card size (LayoutSize), and the
 * names of the layers A→E. Pure geometry: no DOM, so a layout is the same in a browser, in
 * jsdom and in an exported SVG.
 */
import type { Layer } from '../../graph/index.js';

export interface LayoutSize {
  readonly cardWidth: number;
  readonly cardHeight: number;
  /** Horizontal space between columns (where edges run). */
  readonly columnGap: number;
  readonly rowGap: number;
  /** Space above the first row for the layer headings. */
  readonly headerHeight: number;
  readonly padding: number;
}

export const DEFAULT_SIZE: LayoutSize = {
  cardWidth: 240,
  cardHeight: 112,
  columnGap: 64,
  rowGap: 18,
  headerHeight: 44,
  padding: 16,
};

export const LAYER_NAMES: Readonly<Record<Layer, string>> = {
  A: 'Workload',
  B: 'Hardware',
  C: 'Infrastructure',
  D: 'System',
  E: 'Resolvers',
};

export interface CellBox {
  readonly id: string;
  readonly layer: Layer;
  readonly column: number;
  readonly x: number;
  readonly y: number;
}

export interface LayerBand {
  readonly layer: Layer;
  readonly name: string;
  readonly x: number;
  readonly width: number;
}

export interface EdgePath {
  readonly from: string;
  readonly to: string;
  /** SVG path data: a cubic curve from the right edge of `from` to the left edge of `to`. */
  readonly d: string;
}
