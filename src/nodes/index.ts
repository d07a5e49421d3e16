/** The physics: context types, the scenario builder, shared templates and layer cells. */
export type { BuildContext, CellFactory, DeviceSpec, FleetSpec, GridSpec, Mode, NodeFacts, ModelFamily, ModelSpec, PrecisionKey } from './context.js';
export { isLM, PRECISION_KEYS } from './context.js';
export { buildScenarioDefs, WALL_FACTORIES } from './all-walls.js';
export * from './templates/roofline.js';
export * from './templates/collectives.js';
export * from './templates/queue.js';
export * from './common/index.js';
export * from './workload/index.js';
export * from './node/index.js';
export * from './analysis/index.js';
