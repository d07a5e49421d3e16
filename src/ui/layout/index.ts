export type { CellBox, EdgePath, GraphLayout, LayerBand, LayoutSize } from './graph-layout.js';
export { DEFAULT_SIZE, LAYER_NAMES, layoutGraph } from './graph-layout.js';
