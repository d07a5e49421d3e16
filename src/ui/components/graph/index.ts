export type { CellSearchProps } from './CellSearch.jsx';
export { CellSearch, SEARCH_FIELD_ID, searchCells } from './CellSearch.jsx';
export type { ScenarioGraphProps } from './ScenarioGraph.jsx';
export { DETAIL_SCALE, ScenarioGraph } from './ScenarioGraph.jsx';
export type { PanZoom } from './zoom.js';
export { attachPanZoom } from './zoom.js';
