export type { CellBox, EdgePath, LayerBand, LayoutSize } from './geometry.js';
export { DEFAULT_SIZE, LAYER_NAMES } from './geometry.js';
export type { CellGroup } from './groups.js';
export { DEFAULT_EXPANDED_SCOPES, filterOptions, groupCells, matchesFilter } from './groups.js';
export type { GroupBox, ShownGroup } from './group-layout.js';
export { GROUP_SIZE, layoutGroups } from './group-layout.js';
