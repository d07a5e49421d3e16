export type { CellBox, EdgePath, GraphLayout, LayerBand, LayoutSize } from './graph-layout.js';
export { DEFAULT_SIZE, LAYER_NAMES, layoutGraph } from './graph-layout.js';
export type { CellGroup, FilterOption } from './groups.js';
export { DEFAULT_EXPANDED_SCOPES, filterOptions, groupCells, groupTitle, matchesFilter } from './groups.js';
export type { GroupBox, GroupLayout, GroupSize, ShownGroup } from './group-layout.js';
export { GROUP_SIZE, layoutGroups, MAX_COLUMN_HEIGHT, ROWS_PER_COLUMN } from './group-layout.js';
