export { sensitivityInputCells } from './sensitivity-inputs.js';
export { synthesisCells } from './synthesis.js';
export { metricCells } from './metric-cells.js';
export type { LensName, MetricSource } from './metric-sources.js';
export { FEASIBILITY_CELLS, metricSources } from './metric-sources.js';
