export { CellSearch, SEARCH_FIELD_ID, searchCells } from './CellSearch.jsx';
export { DETAIL_SCALE, ScenarioGraph } from './ScenarioGraph.jsx';
export type { PanZoom } from './zoom.js';
export { attachPanZoom } from './zoom.js';
